package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    @TempDir
    Path tmp;

    private static StoredEntry entry(long position) {
        var leafHash = new byte[32];
        leafHash[0] = (byte) position;
        return new StoredEntry(position, ("{\"n\":" + position + "}").getBytes(), leafHash);
    }

    @Test
    void aBatchIsWrittenWholeAndReadBack() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            var writes = new TreeMap<String, String>();
            writes.put("a", "1");
            writes.put("b", "2");
            store.append(new Batch(List.of(entry(0), entry(1)), writes, new byte[] {1, 2}));
            var deletion = new TreeMap<String, String>();
            deletion.put("a", null);
            store.append(new Batch(List.of(entry(2)), deletion, new byte[] {3}));
            store.append(new Batch(List.of(), new TreeMap<>(), new byte[] {3}));
        }
        try (var store = SqliteStore.open(file, false)) {
            assertThat(store.size()).isEqualTo(3);
            assertThat(store.entries(1, 3)).extracting(e -> new String(e.bytes())).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(store.entries(0, 9)).extracting(StoredEntry::position).containsExactly(0L, 1L, 2L);
            assertThat(store.entry(2)).get().extracting(StoredEntry::id)
                    .isEqualTo(io.tributary.core.crypto.Bytes.hex(io.tributary.core.crypto.Bytes.sha256("{\"n\":2}".getBytes())));
            assertThat(store.entry(3)).isEmpty();
            assertThat(List.of(store.leafHashes(1, 3))).extracting(hash -> hash[0]).containsExactly((byte) 1, (byte) 2);
            assertThatThrownBy(() -> store.leafHashes(1, 4)).hasMessageContaining("gap");
            assertThat(store.stateValue("a")).isEmpty();
            assertThat(store.stateValue("b")).contains("2");
            assertThat(store.meta("frontier")).contains("Aw==");
            assertThat(store.integrityProblem()).isEmpty();
        }
    }

    @Test
    void aFailedBatchLeavesNothingBehind() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            store.append(new Batch(List.of(entry(0)), new TreeMap<>(), new byte[] {1}));
            var writes = new TreeMap<String, String>();
            writes.put("k", "v");
            assertThatThrownBy(() -> store.append(new Batch(List.of(entry(1), entry(0)), writes, new byte[] {2})))
                    .isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.append(new Batch(List.of(entry(5)), writes, new byte[] {2})))
                    .hasMessageContaining("from position 5 to a log of 1");
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.stateValue("k")).isEmpty();
            assertThat(store.meta("frontier")).contains("AQ==");
        }
    }

    @Test
    void aBlockWhoseLengthsDisagreeWithItsBytesIsAClearError() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            store.append(new Batch(List.of(entry(0), entry(1)), new TreeMap<>(), new byte[] {1}));
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("UPDATE entry_blocks SET lengths = X'0000000700000FFF'");
        }
        try (var store = SqliteStore.open(file, false)) {
            assertThatThrownBy(() -> store.entries(0, 2)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("block at position 0 is corrupt");
        }
    }

    @Test
    void migrationsRunOnceAndANewerSchemaIsRefused() throws Exception {
        var file = tmp.resolve("l.db");
        SqliteStore.open(file, true).close();
        SqliteStore.open(file, false).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT COUNT(*) FROM schema_version");
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(Migrations.SCRIPTS.size());
            statement.execute("INSERT INTO schema_version (version, script) VALUES (99, 'V99__future.sql')");
        }
        assertThatThrownBy(() -> SqliteStore.open(file, false)).hasMessageContaining("newer than this build");
    }

    @Test
    void aVersionTwoDatabaseKeepsItsStateThroughTheUpgrade() throws Exception {
        var file = tmp.resolve("l.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL)");
            for (int version = 1; version <= 2; version++) {
                var script = Migrations.SCRIPTS.get(version - 1);
                try (var in = Migrations.class.getResourceAsStream("migrations/sqlite/" + script)) {
                    for (var sql : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split(";\\s*\n")) {
                        statement.execute(sql);
                    }
                }
                statement.execute("INSERT INTO schema_version VALUES (" + version + ", '" + script + "')");
            }
            statement.execute("INSERT INTO state VALUES ('b', '2'), ('a', '1'), ('c', '3')");
            statement.execute("INSERT INTO state_journal VALUES (1, '{\"c\":null,\"d\":\"4\"}')");
        }
        try (var store = SqliteStore.open(file, false)) {
            var state = new TreeMap<String, String>();
            store.forEachState(state::put);
            assertThat(state).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"),
                    java.util.Map.entry("d", "4"));
            assertThat(store.stateValue("b")).contains("2");
            assertThat(store.stateValue("c")).isEmpty();
            assertThat(store.integrityProblem()).isEmpty();
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'state%'"
                    + " AND type = 'table'");
            rows.next();
            assertThat(rows.getInt(1)).as("state_runs, state_chunks and state_journal; the old table is gone")
                    .isEqualTo(3);
            rows = statement.executeQuery("SELECT group_concat(run || ':' || entries) FROM state_runs");
            rows.next();
            assertThat(rows.getString(1)).as("the old rows became run 1; a reader leaves the journal unfolded")
                    .isEqualTo("1:3");
        }
    }

    @Test
    void theFoldThresholdPropertyIsAWholeNumberOfWrites() throws Exception {
        assertThat(SqliteStore.foldWrites(null)).isEqualTo(SqliteStore.FOLD_WRITES_DEFAULT);
        assertThat(SqliteStore.foldWrites(" 200 ")).isEqualTo(200);
        for (var bad : List.of("0", "-5", "lots", "1e6", "")) {
            assertThatThrownBy(() -> SqliteStore.foldWrites(bad)).as(bad).isInstanceOf(StoreException.class)
                    .hasMessageContaining("tributary.store.foldWrites must be a whole number");
        }
    }

    @Test
    void aMissingDatabaseIsNotCreatedByReaders() {
        assertThatThrownBy(() -> SqliteStore.open(tmp.resolve("none.db"), false)).hasMessageContaining("no ledger database");
        assertThat(tmp.resolve("none.db")).doesNotExist();
    }

    /**
     * A store that only reads never writes the database: it runs no WAL checkpoints of its own, which would race a
     * writer's appends in another process. Frames another connection wrote stay in the log while it is open.
     */
    @Test
    void aStoreThatOnlyReadsLeavesTheDatabaseFileAlone() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true)) {
            store.append(new Batch(List.of(entry(0)), new TreeMap<>(), new byte[] {1}));
        }
        try (var reader = SqliteStore.open(file, false);
                var other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (var statement = other.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA wal_autocheckpoint = 0");
                statement.executeUpdate("INSERT INTO meta (key, value) VALUES ('note', '" + "x".repeat(50_000) + "')");
            }
            var before = Files.readAllBytes(file);
            Thread.sleep(3 * SqliteStore.WAL_CHECKPOINT_MILLIS);
            assertThat(Files.readAllBytes(file)).as("the database file").isEqualTo(before);
            assertThat(reader.meta("note")).hasValueSatisfying(value -> assertThat(value).hasSize(50_000));
        }
    }

    /**
     * WAL checkpoints between appends that follow each other without pause let the log start over: a checkpoint
     * racing the appends copied the whole log, but the next append, whose snapshot predated the checkpoint, went on
     * writing after it, so the log only ever grew (to about 40 MB here) and each checkpoint copied all of it again.
     */
    @Test
    void theLogStartsOverAfterCheckpointsWhileAppendsGoOn() throws Exception {
        var file = tmp.resolve("l.db");
        try (var store = SqliteStore.open(file, true);
                var reader = DriverManager.getConnection("jdbc:sqlite:" + file);
                var statement = reader.createStatement()) {
            var appends = new AtomicLong();
            store.append(largeBatch(appends.getAndIncrement()));
            store.copyWal(statement);
            store.append(largeBatch(appends.getAndIncrement()));
            int framesOfOneAppend = store.copyWal(statement);
            var failure = new AtomicReference<Throwable>();
            var stop = new AtomicBoolean();
            var appender = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        store.append(largeBatch(appends.getAndIncrement()));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            var frames = new ArrayList<Integer>();
            try {
                for (int i = 0; i < 50; i++) {
                    Thread.sleep(3);
                    frames.add(store.copyWal(statement));
                }
            } finally {
                stop.set(true);
                appender.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(frames).as("frames each checkpoint copied").doesNotContain(-1);
            // Each append's frames are copied once, by the next checkpoint, if the log starts over after each.
            assertThat(frames.stream().mapToLong(Integer::longValue).sum())
                    .as("frames copied by checkpoints %s, %d a lone append", frames, framesOfOneAppend)
                    .isLessThanOrEqualTo(3L * framesOfOneAppend * appends.get());
        }
    }

    /** A batch of 200 state writes of 2 KB: some 30 pages of the log. */
    private static Batch largeBatch(long position) {
        var writes = new TreeMap<String, String>();
        for (int k = 0; k < 200; k++) {
            writes.put("k" + (position * 200 + k) % 4_000, "\"" + "v".repeat(2_000) + "\"");
        }
        return new Batch(List.of(entry(position)), writes, new byte[] {1});
    }
}
