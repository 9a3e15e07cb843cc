package io.tributary.node.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends under load with SIGKILL at random moments; after each kill nothing it acknowledged
 * is lost, the ledger verifies, and the next child appends on.
 */
class CrashTest {

    static final int KILLS = 20;
    static final int FOLD_WRITES = 200;

    @Test
    void nothingAcknowledgedIsLostAcrossSigkills(@TempDir Path tmp) throws Exception {
        var dir = tmp.resolve("ledger");
        TestLedgers.init(dir, CrashChild.KEYS);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        var random = new Random(seed);
        long sizeBefore = 1;
        for (int kill = 0; kill < KILLS; kill++) {
            var acked = runAndKill(dir, random.nextLong(), 100 + random.nextInt(900));
            try (var ledger = Ledger.openForReading(dir)) {
                var logged = new java.util.HashSet<String>();
                ledger.store().entries(0, ledger.size()).forEach(entry -> logged.add(entry.id()));
                assertThat(logged).as("acknowledged entries after kill %d", kill).containsAll(acked);
                assertThat(ledger.size()).isGreaterThanOrEqualTo(sizeBefore + acked.size());
                sizeBefore = ledger.size();
            }
            Replayer.verify(dir);
        }
        assertThat(sizeBefore).as("the children appended something").isGreaterThan(KILLS);
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ledger.db"));
                var runs = connection.createStatement().executeQuery("SELECT count(*) FROM state_runs")) {
            runs.next();
            assertThat(runs.getInt(1)).as("the children folded their journal into runs").isPositive();
        }
    }

    private static List<String> runAndKill(Path dir, long seed, int runMillis) throws Exception {
        var java = ProcessHandle.current().info().command().orElse("java");
        // Folds every few batches, so that kills land in folds too.
        var process = new ProcessBuilder(java, "-Xmx256m", "-Dtributary.store.foldWrites=" + FOLD_WRITES,
                "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), dir.toString(), Long.toString(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var acked = Collections.synchronizedList(new ArrayList<String>());
        var ready = new java.util.concurrent.CountDownLatch(1);
        var reader = Thread.ofPlatform().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        ready.countDown();
                    } else if (line.startsWith("acked ")) {
                        acked.add(line.substring(6));
                    }
                }
            } catch (java.io.IOException ignored) {
                // the pipe breaks when the child is killed
            }
        });
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
        Thread.sleep(runMillis);
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join();
        return List.copyOf(acked);
    }
}
