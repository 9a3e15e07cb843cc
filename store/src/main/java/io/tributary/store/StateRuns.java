package io.tributary.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state as of the last fold: sorted runs ({@code state_runs}), each stored as chunks of entries
 * ({@code state_chunks}, {@link StateEntries}), as an LSM tree keeps them. A key's value is its entry in the newest run
 * that holds it; an entry with a null value is a deletion that hides the key in older runs. A {@link Fold} writes the
 * journal's last writes, merged with the newest runs, as one new run and deletes those runs; only runs listed in
 * {@code state_runs} are read, so the chunks of a run being written are invisible until the commit that lists it.
 */
final class StateRuns implements AutoCloseable {

    /** A run: its id (newer runs have larger ids) and how many entries it holds, deletions included. */
    record Run(long id, long entries) {}

    private final PreparedStatement live;
    private final PreparedStatement chunkAtOrBefore;
    private final PreparedStatement chunkAfter;
    private final PreparedStatement insertChunk;
    private final PreparedStatement insertRun;
    private final PreparedStatement deleteChunks;
    private final PreparedStatement deleteRun;
    private final PreparedStatement deleteUnlisted;

    StateRuns(Connection connection) throws SQLException {
        live = connection.prepareStatement("SELECT run, entries FROM state_runs ORDER BY run DESC");
        chunkAtOrBefore = connection.prepareStatement(
                "SELECT first, data FROM state_chunks WHERE run = ? AND first <= ? ORDER BY first DESC LIMIT 1");
        chunkAfter = connection.prepareStatement(
                "SELECT first, data FROM state_chunks WHERE run = ? AND first > ? ORDER BY first LIMIT 1");
        insertChunk = connection.prepareStatement("INSERT INTO state_chunks (run, first, data) VALUES (?, ?, ?)");
        insertRun = connection.prepareStatement("INSERT INTO state_runs (run, entries) VALUES (?, ?)");
        deleteChunks = connection.prepareStatement("DELETE FROM state_chunks WHERE run = ?");
        deleteRun = connection.prepareStatement("DELETE FROM state_runs WHERE run = ?");
        deleteUnlisted = connection.prepareStatement(
                "DELETE FROM state_chunks WHERE run NOT IN (SELECT run FROM state_runs)");
    }

    @Override
    public void close() throws SQLException {
        for (var statement : List.of(live, chunkAtOrBefore, chunkAfter, insertChunk, insertRun, deleteChunks, deleteRun,
                deleteUnlisted)) {
            statement.close();
        }
    }

    /**
     * Writes the rows of the key-clustered state table that migration 3 set aside as the first run, and drops the
     * table, in one transaction: a process that dies before its commit leaves the table for the next open.
     */
    static void convertLegacyTable(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var runs = new StateRuns(connection)) {
            try (var tables = statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                    + " AND name = 'state_before_runs'")) {
                if (tables.next() && tables.getInt(1) == 0) {
                    connection.commit();
                    return;
                }
            }
            // In Java's order, which runs keep; SQLite's differs for characters beyond the BMP.
            var rows = new TreeMap<String, String>();
            try (var result = statement.executeQuery("SELECT key, value FROM state_before_runs")) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
            var run = runs.writer(1);
            for (var row : rows.entrySet()) {
                run.add(row.getKey(), row.getValue());
            }
            run.finish();
            statement.execute("DROP TABLE state_before_runs");
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /** The runs, newest first. */
    List<Run> live() throws SQLException {
        var runs = new ArrayList<Run>();
        try (var rows = live.executeQuery()) {
            while (rows.next()) {
                runs.add(new Run(rows.getLong(1), rows.getLong(2)));
            }
        }
        return runs;
    }

    /** The entry of {@code key} in the newest run that holds one; empty when none does. */
    Optional<StateEntries.Entry> find(String key) throws SQLException {
        for (var run : live()) {
            var chunk = chunk(chunkAtOrBefore, run.id(), key);
            int index = chunk == null ? -1 : chunk.find(key);
            if (index >= 0) {
                return Optional.of(new StateEntries.Entry(chunk.values()[index]));
            }
        }
        return Optional.empty();
    }

    /** Builds the chunks of a run. */
    static StateEntries.Builder chunkBuilder() {
        return new StateEntries.Builder(true, StateEntries.CHUNK_BYTES + 4096);
    }

    /** A cursor over {@code run}'s entries from the first whose key is at least {@code from}. */
    Cursor cursor(long run, String from) throws SQLException {
        var chunk = chunk(chunkAtOrBefore, run, from);
        if (chunk == null) {
            chunk = chunk(chunkAfter, run, from);
        }
        var cursor = new Cursor(run, chunk);
        while (!cursor.done() && cursor.key().compareTo(from) < 0) {
            cursor.advance();
        }
        return cursor;
    }

    /** A writer of run {@code run}, which readers see once the transaction that finishes it commits. */
    Writer writer(long run) {
        return new Writer(run);
    }

    /** Writes a run's entries, given in increasing key order, as chunks, and lists the run when finished. */
    final class Writer {
        private final long run;
        private final StateEntries.Builder chunk = chunkBuilder();
        private long entries;

        private Writer(long run) {
            this.run = run;
        }

        void add(String key, String value) throws SQLException {
            chunk.add(key, value);
            entries++;
            if (chunk.full()) {
                insertChunk();
            }
        }

        /** Writes the last chunk and lists the run, unless it holds no entries. */
        void finish() throws SQLException {
            if (!chunk.isEmpty()) {
                insertChunk();
            }
            if (entries > 0) {
                insertRun.setLong(1, run);
                insertRun.setLong(2, entries);
                insertRun.executeUpdate();
            }
        }

        private void insertChunk() throws SQLException {
            insertChunk.setLong(1, run);
            insertChunk.setBytes(2, orderKey(chunk.first()));
            insertChunk.setBytes(3, chunk.finish());
            insertChunk.executeUpdate();
        }
    }

    void delete(Run run) throws SQLException {
        deleteChunks.setLong(1, run.id());
        deleteChunks.executeUpdate();
        deleteRun.setLong(1, run.id());
        deleteRun.executeUpdate();
    }

    /** Deletes the chunks of a run that a fold was writing when it failed or its process died. */
    void deleteUnlisted() throws SQLException {
        deleteUnlisted.executeUpdate();
    }

    /** The chunk {@code query} finds in {@code run} relative to {@code key}, or null; a corrupt one is an error. */
    private static StateEntries chunk(PreparedStatement query, long run, String key) throws SQLException {
        query.setLong(1, run);
        query.setBytes(2, orderKey(key));
        try (var rows = query.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            var first = rows.getBytes(1);
            try {
                var chunk = StateEntries.decode(rows.getBytes(2), true);
                if (chunk.size() == 0 || !Arrays.equals(orderKey(chunk.keys()[0]), first)) {
                    throw new IllegalArgumentException("its first key is not the one it is filed under");
                }
                return chunk;
            } catch (IllegalArgumentException e) {
                throw new SQLException("the state chunk of run " + run + " from key " + fromOrderKey(first)
                        + " is corrupt: " + e.getMessage(), e);
            }
        }
    }

    /**
     * A key as {@code state_chunks.first} holds it: its UTF-16 code units, big-endian, so that SQLite's byte order is
     * Java's string order, in which runs are sorted (UTF-8's byte order is code point order, which differs for keys
     * that hold characters beyond the BMP).
     */
    static byte[] orderKey(String key) {
        var bytes = new byte[2 * key.length()];
        for (int i = 0; i < key.length(); i++) {
            bytes[2 * i] = (byte) (key.charAt(i) >>> 8);
            bytes[2 * i + 1] = (byte) key.charAt(i);
        }
        return bytes;
    }

    private static String fromOrderKey(byte[] bytes) {
        var chars = new char[bytes.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff);
        }
        return new String(chars);
    }

    /** Entries in increasing key order, each with a value or null for a deletion. */
    interface Source {
        boolean done();

        String key();

        String value();

        void advance() throws SQLException;
    }

    /** A run's entries in order, read a chunk at a time. */
    final class Cursor implements Source {
        private final long run;
        private StateEntries chunk;
        private int position;

        private Cursor(long run, StateEntries chunk) {
            this.run = run;
            this.chunk = chunk;
        }

        @Override
        public boolean done() {
            return chunk == null;
        }

        @Override
        public String key() {
            return chunk.keys()[position];
        }

        @Override
        public String value() {
            return chunk.values()[position];
        }

        @Override
        public void advance() throws SQLException {
            if (++position == chunk.size()) {
                var last = chunk.keys()[position - 1];
                chunk = chunk(chunkAfter, run, chunk.keys()[0]);
                position = 0;
                if (chunk != null && chunk.keys()[0].compareTo(last) <= 0) {
                    throw new SQLException("the state chunk of run " + run + " from key " + chunk.keys()[0]
                            + " is corrupt: it overlaps the chunk before it");
                }
            }
        }
    }

    /** Merges sources by key; where several hold a key, the entry of the earliest source in the list wins. */
    static final class Merge {
        private final List<? extends Source> sources;
        private String key;
        private String value;

        Merge(List<? extends Source> sources) {
            this.sources = sources;
        }

        /** Moves to the next key; false when every source is done. */
        boolean next() throws SQLException {
            String least = null;
            for (var source : sources) {
                if (!source.done() && (least == null || source.key().compareTo(least) < 0)) {
                    least = source.key();
                }
            }
            if (least == null) {
                return false;
            }
            boolean taken = false;
            for (var source : sources) {
                if (!source.done() && source.key().equals(least)) {
                    if (!taken) {
                        value = source.value();
                        taken = true;
                    }
                    source.advance();
                }
            }
            key = least;
            return true;
        }

        String key() {
            return key;
        }

        /** The winning entry's value; null for a deletion. */
        String value() {
            return value;
        }
    }
}
