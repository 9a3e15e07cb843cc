package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.AbstractMap.SimpleEntry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The state journal: readers see every committed write whether or not it was folded into the state's runs yet. */
class StateJournalTest {

    private static final List<String> KEYS = List.of("a/1", "a/2", "a/3", "b/1", "b/10", "b/2", "c", "c/x");

    /** A batch of writes; the value null deletes. */
    @Provide
    Arbitrary<List<Map<String, String>>> batches() {
        Arbitrary<Map.Entry<String, String>> write = Arbitraries.of(KEYS).flatMap(key -> Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().alpha().ofMaxLength(5).map(value -> new SimpleEntry<>(key, value))),
                Tuple.of(1, Arbitraries.just(new SimpleEntry<>(key, (String) null)))));
        Arbitrary<Map<String, String>> batch = write.list().ofMaxSize(6).map(entries -> {
            var writes = new LinkedHashMap<String, String>();
            entries.forEach(entry -> writes.put(entry.getKey(), entry.getValue()));
            return writes;
        });
        return batch.list().ofMaxSize(12);
    }

    @Property(tries = 60)
    void readersSeeTheModelAfterEveryBatchFoldAndReopen(@ForAll("batches") List<Map<String, String>> batches,
            @ForAll @IntRange(min = 1, max = 6) int foldWrites, @ForAll @IntRange(min = 1, max = 4) int foldSteps,
            @ForAll @Size(max = 12) List<Boolean> reopenAfter, @ForAll @Size(max = 12) List<Boolean> failAfter)
            throws Exception {
        var dir = Files.createTempDirectory("journal");
        var file = dir.resolve("l.db");
        try {
            var model = new TreeMap<String, String>();
            var store = SqliteStore.open(file, true, foldWrites, foldSteps);
            try {
                long position = 0;
                for (int i = 0; i < batches.size(); i++) {
                    var writes = batches.get(i);
                    store.append(new Batch(List.of(entry(position++)), writes, new byte[] {(byte) i}));
                    writes.forEach((key, value) -> {
                        if (value == null) {
                            model.remove(key);
                        } else {
                            model.put(key, value);
                        }
                    });
                    assertReads(store, model);
                    if (i < failAfter.size() && failAfter.get(i)) {
                        // A batch that does not follow the log fails: the writer reads the journal back, as a new
                        // writer after a crash does, possibly in the middle of a fold.
                        var misplaced = new Batch(List.of(entry(position + 1)), Map.of("a/1", "x"), new byte[] {9});
                        var failing = store;
                        assertThatThrownBy(() -> failing.append(misplaced)).isInstanceOf(StoreException.class);
                        assertReads(store, model);
                    }
                    if (i < reopenAfter.size() && reopenAfter.get(i)) {
                        store.close();
                        assertThat(journalRows(file)).isZero();
                        store = SqliteStore.open(file, false, foldWrites, foldSteps);
                        assertReads(store, model);
                    }
                }
            } finally {
                store.close();
            }
            try (var reopened = SqliteStore.open(file, false)) {
                assertReads(reopened, model);
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 30)
    void aSecondConnectionSeesUnfoldedWrites(@ForAll("batches") List<Map<String, String>> batches) throws Exception {
        var dir = Files.createTempDirectory("journal");
        var file = dir.resolve("l.db");
        try (var writer = SqliteStore.open(file, true); var reader = SqliteStore.open(file, false)) {
            var model = new TreeMap<String, String>();
            for (int i = 0; i < batches.size(); i++) {
                writer.append(new Batch(List.of(entry(i)), batches.get(i), new byte[] {1}));
                batches.get(i).forEach((key, value) -> {
                    if (value == null) {
                        model.remove(key);
                    } else {
                        model.put(key, value);
                    }
                });
                assertReads(reader, model);
            }
            assertThat(journalRows(file)).isEqualTo(batches.stream().filter(writes -> !writes.isEmpty()).count());
        } finally {
            delete(dir);
        }
    }

    /** Keys and values of any text, quotes, escapes and characters beyond the BMP included, come back as written. */
    @Property(tries = 30)
    void anyTextRoundTripsThroughTheJournalAndTheFold(@ForAll("texts") List<String> texts,
            @ForAll boolean fold) throws Exception {
        var dir = Files.createTempDirectory("journal");
        var file = dir.resolve("l.db");
        try (var store = SqliteStore.open(file, true, fold ? 1 : Integer.MAX_VALUE, 1)) {
            var writes = new HashMap<String, String>();
            texts.forEach(text -> writes.put("k/" + text, text));
            store.append(new Batch(List.of(entry(0)), writes, new byte[] {1}));
            store.append(new Batch(List.of(entry(1)), Map.of("z", "{}"), new byte[] {2}));
            for (var write : writes.entrySet()) {
                assertThat(store.stateValue(write.getKey())).contains(write.getValue());
            }
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        var codePoints = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 0x7f)),
                Tuple.of(1, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.list().ofMaxSize(8).map(points -> {
            var text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        }).list().ofMaxSize(10);
    }

    @Test
    void closingFoldsTheJournalAndGivesBackItsPages() throws Exception {
        var dir = Files.createTempDirectory("journal");
        var file = dir.resolve("l.db");
        try {
            try (var store = SqliteStore.open(file, true)) {
                for (int i = 0; i < 200; i++) {
                    var writes = new HashMap<String, String>();
                    for (int k = 0; k < 50; k++) {
                        writes.put("key/" + i + "/" + k, "x".repeat(100));
                    }
                    store.append(new Batch(List.of(entry(i)), writes, new byte[] {1}));
                }
                assertThat(journalRows(file)).isEqualTo(200);
            }
            assertThat(journalRows(file)).isZero();
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    var rows = connection.createStatement().executeQuery("PRAGMA freelist_count")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            try (var store = SqliteStore.open(file, false)) {
                var count = new int[1];
                store.forEachState((key, value) -> count[0]++);
                assertThat(count[0]).isEqualTo(200 * 50);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * A corrupt row is found where the journal is read: by readers, and by a writer when it first appends (as after a
     * crash). A writer does not read back the rows it wrote itself: it folds what it committed.
     */
    @Test
    void aCorruptJournalRowIsAClearErrorForReadersAndTheWriter() throws Exception {
        var valid = new StateEntries.Builder(false, 64);
        valid.add("k", "v");
        var bytes = valid.finish();
        var truncated = HexFormat.of().formatHex(Arrays.copyOf(bytes, bytes.length - 1));
        bytes[6] ^= 1;
        var altered = HexFormat.of().formatHex(bytes);
        for (var corrupt : List.of("X'" + truncated + "'", "X'" + altered + "'", "X'7b00'", "X''")) {
            var dir = Files.createTempDirectory("journal");
            var file = storeWithJournalRow(dir, corrupt);
            try {
                var store = SqliteStore.open(file, false, 2, 1);
                try (var reader = SqliteStore.open(file, false)) {
                    assertThatThrownBy(() -> reader.stateValue("k")).as(corrupt).isInstanceOf(StoreException.class)
                            .hasMessageContaining("state journal row 1 is corrupt");
                    assertThatThrownBy(() -> reader.forEachState((key, value) -> {})).as(corrupt)
                            .hasMessageContaining("state journal row 1 is corrupt");
                    var batch = new Batch(List.of(entry(0)), Map.of("j", "w"), new byte[] {2});
                    assertThatThrownBy(() -> store.append(batch)).as(corrupt)
                            .hasMessageContaining("state journal row 1 is corrupt");
                    assertThat(store.size()).isZero();
                } finally {
                    // A writer that has tried to append folds the journal when it closes: it cannot, and says why.
                    assertThatThrownBy(store::close).as(corrupt).hasMessageContaining("state journal row 1 is corrupt");
                }
            } finally {
                delete(dir);
            }
        }
    }

    /** Rows of the JSON journal of earlier versions are rewritten in binary when the store opens; bad ones say so. */
    @Test
    void aJournalOfJsonRowsIsRewrittenWhenTheStoreOpens() throws Exception {
        for (var row : List.of("'{\"k\": \"v\", \"gone\": null}'", "'{\"k\": \"v'", "'[\"k\"]'", "'{\"k\": 5}'",
                "'{\"k\": {}}'")) {
            var dir = Files.createTempDirectory("journal");
            var file = storeWithJournalRow(dir, row);
            try {
                if (row.contains("gone")) {
                    try (var store = SqliteStore.open(file, false)) {
                        assertThat(store.stateValue("k")).contains("v");
                        assertThat(store.stateValue("gone")).isEmpty();
                    }
                    assertThat(journalRows(file, "typeof(writes) = 'blob'")).isEqualTo(1);
                } else {
                    assertThatThrownBy(() -> SqliteStore.open(file, false)).as(row)
                            .isInstanceOf(StoreException.class).hasMessageContaining("state journal row 1 is corrupt");
                    assertThat(journalRows(file, "typeof(writes) = 'text'")).as("nothing rewritten").isEqualTo(1);
                }
            } finally {
                delete(dir);
            }
        }
    }

    /** A new store in {@code dir} whose journal holds one row, {@code writes} as an SQL literal; its file. */
    private static Path storeWithJournalRow(Path dir, String writes) throws Exception {
        var file = dir.resolve("l.db");
        SqliteStore.open(file, true).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = connection.createStatement()) {
            statement.execute("INSERT INTO state_journal (id, writes) VALUES (1, " + writes + ")");
        }
        return file;
    }

    private static void assertReads(SqliteStore store, TreeMap<String, String> model) throws StoreException {
        var all = new LinkedHashMap<String, String>();
        store.forEachState(all::put);
        assertThat(all).containsExactlyEntriesOf(model);
        for (var prefix : List.of("a/", "b/1", "c", "d")) {
            var scanned = new LinkedHashMap<String, String>();
            store.forEachStateWithPrefix(prefix, scanned::put);
            assertThat(scanned).containsExactlyEntriesOf(model.subMap(prefix, prefix + Character.MAX_VALUE));
        }
        var values = new HashMap<String, String>();
        for (var key : KEYS) {
            store.stateValue(key).ifPresent(value -> values.put(key, value));
        }
        assertThat(values).isEqualTo(model);
    }

    private static long journalRows(Path file) throws SQLException {
        return journalRows(file, "true");
    }

    private static long journalRows(Path file, String condition) throws SQLException {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM state_journal WHERE "
                        + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static StoredEntry entry(long position) {
        return new StoredEntry(position, ("{\"n\":" + position + "}").getBytes(), new byte[32]);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
