package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state's sorted runs: how folds merge them, and what readers and writers do with damaged or partial ones. */
class StateRunsTest {

    @TempDir
    Path tmp;

    @Test
    void eachRunHoldsMoreThanTwiceTheEntriesOfTheNextNewerOne() throws Exception {
        var file = tmp.resolve("l.db");
        int batches = 400;
        try (var store = SqliteStore.open(file, true, 100, 2)) {
            for (int i = 0; i < batches; i++) {
                var writes = new HashMap<String, String>();
                for (int k = 0; k < 50; k++) {
                    // distinct keys in no order: an odd multiplier permutes 32-bit numbers
                    writes.put("key/%08x".formatted((i * 50L + k) * 2_654_435_761L & 0xffff_ffffL), "v" + i);
                }
                writes.put("hot", "v" + i);
                store.append(new Batch(List.of(entry(i)), writes, new byte[] {1}));
                var sizes = runSizes(file);
                for (int r = 1; r < sizes.size(); r++) {
                    assertThat(sizes.get(r)).as("runs newest first after batch " + i + ": " + sizes)
                            .isGreaterThan(2 * sizes.get(r - 1));
                }
            }
            assertThat(runSizes(file)).as("about log2(20,000 / 100) runs").hasSizeLessThanOrEqualTo(9);
        }
        try (var store = SqliteStore.open(file, false)) {
            var count = new int[1];
            store.forEachState((key, value) -> count[0]++);
            assertThat(count[0]).isEqualTo(batches * 50 + 1);
            assertThat(store.stateValue("hot")).contains("v" + (batches - 1));
        }
    }

    @Test
    void aCorruptChunkIsAClearErrorNamingItsRunAndKey() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            store.append(new Batch(List.of(entry(0)), Map.of("a/1", "x", "a/2", "y"), new byte[] {1}));
        }
        execute(file, "UPDATE state_chunks SET data = substr(data, 1, length(data) - 1)");
        try (var store = SqliteStore.open(file, false)) {
            assertThatThrownBy(() -> store.forEachState((key, value) -> {})).isInstanceOf(StoreException.class)
                    .hasMessageContaining("state chunk of run 1 from key a/1 is corrupt");
            assertThatThrownBy(() -> store.stateValue("a/2")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("state chunk of run 1 from key a/1 is corrupt");
        }
    }

    /** A process that dies during a fold leaves chunks of an unlisted run: readers skip them, the next writer drops them. */
    @Test
    void chunksOfAnUnlistedRunAreInvisibleAndTheNextWriterDeletesThem() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            store.append(new Batch(List.of(entry(0)), Map.of("a/1", "x"), new byte[] {1}));
        }
        var partial = StateRuns.chunkBuilder();
        partial.add("a/1", "from the dead fold");
        partial.add("a/2", "from the dead fold");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var insert = connection.prepareStatement("INSERT INTO state_chunks VALUES (2, ?, ?)")) {
            insert.setBytes(1, StateRuns.orderKey("a/1"));
            insert.setBytes(2, partial.finish());
            insert.executeUpdate();
        }
        try (var store = SqliteStore.open(file, false)) {
            assertThat(store.stateValue("a/1")).contains("x");
            assertThat(store.stateValue("a/2")).isEmpty();
            store.append(new Batch(List.of(entry(1)), Map.of("b", "y"), new byte[] {2}));
            assertThat(count(file, "SELECT count(*) FROM state_chunks WHERE run = 2")).isZero();
        }
        try (var store = SqliteStore.open(file, false)) {
            var state = new HashMap<String, String>();
            store.forEachState(state::put);
            assertThat(state).isEqualTo(Map.of("a/1", "x", "b", "y"));
        }
    }

    /**
     * Chunks are found by their first key in SQLite's byte order, which must be Java's string order, the order of the
     * runs: keys with characters beyond the BMP (surrogates in UTF-16) and above U+E000 sort differently in UTF-8.
     */
    @Test
    void keysBeyondTheBmpAreFoundInRunsOfManyChunks() throws Exception {
        var file = tmp.resolve("l.db");
        var random = new java.util.Random(7);
        var model = new java.util.TreeMap<String, String>();
        var alphabet = new String[] {"a", "\ue000", "\uffee", "\ud83d\ude00", "\ud800\udc00", "\u00e9"};
        try (var store = SqliteStore.open(file, true, 500, 3)) {
            for (int batch = 0; batch < 20; batch++) {
                var writes = new HashMap<String, String>();
                for (int i = 0; i < 200; i++) {
                    var key = new StringBuilder("k/");
                    for (int c = 0; c < 4; c++) {
                        key.append(alphabet[random.nextInt(alphabet.length)]);
                    }
                    var value = "v".repeat(200) + batch;
                    writes.put(key.toString(), value);
                    model.put(key.toString(), value);
                }
                store.append(new Batch(List.of(entry(batch)), writes, new byte[] {1}));
            }
        }
        assertThat(count(file, "SELECT count(*) FROM state_chunks")).as("runs of many chunks").isGreaterThan(10);
        try (var store = SqliteStore.open(file, false)) {
            var scanned = new java.util.LinkedHashMap<String, String>();
            store.forEachState(scanned::put);
            assertThat(scanned).containsExactlyEntriesOf(model);
            for (var entry : model.entrySet()) {
                assertThat(store.stateValue(entry.getKey())).as(entry.getKey()).contains(entry.getValue());
            }
            var prefix = "k/\ud83d\ude00";
            var withPrefix = new java.util.LinkedHashMap<String, String>();
            store.forEachStateWithPrefix(prefix, withPrefix::put);
            assertThat(withPrefix).containsExactlyEntriesOf(model.subMap(prefix, prefix + Character.MAX_VALUE));
        }
    }

    /** Entries per run, newest first. */
    private static List<Long> runSizes(Path file) throws SQLException {
        var sizes = new ArrayList<Long>();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = connection.createStatement().executeQuery(
                        "SELECT entries FROM state_runs ORDER BY run DESC")) {
            while (rows.next()) {
                sizes.add(rows.getLong(1));
            }
        }
        return sizes;
    }

    private static long count(Path file, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Path file, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static StoredEntry entry(long position) {
        return new StoredEntry(position, ("{\"n\":" + position + "}").getBytes(), new byte[32]);
    }
}
