package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.store.SqliteStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bench store`: the store path alone, into a new directory; the figures themselves vary. */
class BenchStoreTest {

    @TempDir
    Path tmp;

    @Test
    void appendsTheUntimedAndTimedBatchesAndRefusesAnExistingLedger() throws Exception {
        var data = tmp.resolve("store");
        var run = CliTest.run("", "bench", "store", "--data", data.toString(), "--batches", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("(?m)^appended 3 batches of 1400 transactions on one thread: [\\d.]+ us CPU per "
                        + "transaction$")
                .containsPattern("(?m)^CPU per append: p50 [\\d.]+ ms, p99 [\\d.]+ ms, max [\\d.]+ ms$");
        try (var store = SqliteStore.open(data.resolve("ledger.db"), false)) {
            assertThat(store.size()).isEqualTo(6 * 1400);
            var keys = new int[1];
            store.forEachState((key, value) -> keys[0]++);
            assertThat(keys[0]).isGreaterThan(6 * 840);
        }
        var again = CliTest.run("", "bench", "store", "--data", data.toString(), "--batches", "3");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.err()).contains("already holds a ledger.db");
    }
}
