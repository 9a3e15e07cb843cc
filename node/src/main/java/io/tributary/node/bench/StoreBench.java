package io.tributary.node.bench;

import io.tributary.core.crypto.Bytes;
import io.tributary.store.Batch;
import io.tributary.store.SqliteStore;
import io.tributary.store.StoredEntry;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.SplittableRandom;

/**
 * The committer's store path alone, on one thread: group commits shaped like those of {@code bench ledger} (1,400
 * transactions of 400 bytes, 1,680 writes to 1,000 hot account keys and 840 new keys each), appended to a fresh SQLite
 * store after as many untimed ones, so that folds of the state journal run against a state of realistic size.
 * Measures the thread's CPU time per transaction and per append: folds of the state journal, spread over several
 * appends, set the upper percentiles.
 */
public final class StoreBench {

    static final int TRANSACTIONS_PER_BATCH = 1_400;
    static final int HOT_KEYS = 1_000;
    static final int HOT_WRITES_PER_BATCH = 1_680;
    static final int NEW_KEYS_PER_BATCH = 840;
    static final int ENTRY_BYTES = 400;

    private StoreBench() {}

    public record Report(int batches, double cpuMicrosPerTransaction, double appendMillisP50,
            double appendMillisP99, double appendMillisMax) {}

    public static Report run(Path dir, int batches, long seed) throws Exception {
        if (Files.exists(dir.resolve("ledger.db"))) {
            throw new IllegalArgumentException(dir + " already holds a ledger.db: give a new directory");
        }
        Files.createDirectories(dir);
        var random = new SplittableRandom(seed);
        var hotKeys = new String[HOT_KEYS];
        for (int i = 0; i < hotKeys.length; i++) {
            hotKeys[i] = "account/acct_" + hex(random, 20);
        }
        var threads = ManagementFactory.getThreadMXBean();
        long position = 0;
        try (var store = SqliteStore.open(dir.resolve("ledger.db"), true)) {
            for (int i = 0; i < batches; i++) {
                store.append(batch(random, hotKeys, position));
                position += TRANSACTIONS_PER_BATCH;
            }
            var nanos = new long[batches];
            for (int i = 0; i < batches; i++) {
                var batch = batch(random, hotKeys, position);
                long start = threads.getCurrentThreadCpuTime();
                store.append(batch);
                nanos[i] = threads.getCurrentThreadCpuTime() - start;
                position += TRANSACTIONS_PER_BATCH;
            }
            long totalNanos = Arrays.stream(nanos).sum();
            Arrays.sort(nanos);
            return new Report(batches, totalNanos / 1e3 / ((double) batches * TRANSACTIONS_PER_BATCH),
                    LedgerBench.percentile(nanos, 0.50) / 1e6, LedgerBench.percentile(nanos, 0.99) / 1e6,
                    nanos[batches - 1] / 1e6);
        }
    }

    private static Batch batch(SplittableRandom random, String[] hotKeys, long first) {
        var writes = new HashMap<String, String>();
        for (int i = 0; i < HOT_WRITES_PER_BATCH; i++) {
            writes.put(hotKeys[random.nextInt(hotKeys.length)], "{\"balance\":" + random.nextLong(1L << 40)
                    + ",\"nonce\":" + random.nextInt(100_000) + "}");
        }
        for (int i = 0; i < NEW_KEYS_PER_BATCH; i++) {
            writes.put("contribution/" + hex(random, 32), "{\"contributor\":\"acct_" + hex(random, 20)
                    + "\",\"datanet\":\"bench-" + random.nextInt(200) + "\",\"deposit\":1000,\"hash\":\""
                    + hex(random, 32) + "\",\"status\":\"proposed\"}");
        }
        var entries = new ArrayList<StoredEntry>(TRANSACTIONS_PER_BATCH);
        for (int i = 0; i < TRANSACTIONS_PER_BATCH; i++) {
            var bytes = new byte[ENTRY_BYTES];
            random.nextBytes(bytes);
            entries.add(new StoredEntry(first + i, bytes, new byte[32]));
        }
        return new Batch(entries, writes, new byte[40]);
    }

    private static String hex(SplittableRandom random, int bytes) {
        var value = new byte[bytes];
        random.nextBytes(value);
        return Bytes.hex(value);
    }

    public static void print(Report report, java.io.PrintStream out) {
        out.printf("appended %d batches of %d transactions on one thread: %.1f us CPU per transaction%n",
                report.batches(), TRANSACTIONS_PER_BATCH, report.cpuMicrosPerTransaction());
        out.printf("CPU per append: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", report.appendMillisP50(),
                report.appendMillisP99(), report.appendMillisMax());
    }
}
