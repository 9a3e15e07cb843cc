package io.tributary.store;

import io.tributary.core.json.Json;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code state_journal} table: each batch's state writes as one row, in {@link StateEntries}' binary form,
 * committed with the batch's entries; the writes since the last fold, which readers lay over the state's runs. A row
 * whose checksum, lengths or shape are wrong is an error naming the row.
 */
final class StateJournal implements AutoCloseable {

    private final PreparedStatement insert;
    private final PreparedStatement deleteThrough;
    private final PreparedStatement oldestFirst;
    private final PreparedStatement newestFirst;
    private final PreparedStatement lastRow;

    StateJournal(Connection connection) throws SQLException {
        insert = connection.prepareStatement("INSERT INTO state_journal (id, writes) VALUES (?, ?)");
        deleteThrough = connection.prepareStatement("DELETE FROM state_journal WHERE id <= ?");
        oldestFirst = connection.prepareStatement("SELECT id, writes FROM state_journal ORDER BY id");
        newestFirst = connection.prepareStatement("SELECT id, writes FROM state_journal ORDER BY id DESC");
        lastRow = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM state_journal");
    }

    @Override
    public void close() throws SQLException {
        for (var statement : List.of(insert, deleteThrough, oldestFirst, newestFirst, lastRow)) {
            statement.close();
        }
    }

    void insert(long row, Map<String, String> writes) throws SQLException {
        insert.setLong(1, row);
        insert.setBytes(2, encode(writes));
        insert.executeUpdate();
    }

    /** Deletes the rows up to {@code row}, which a fold has merged into a run. */
    void deleteThrough(long row) throws SQLException {
        deleteThrough.setLong(1, row);
        deleteThrough.executeUpdate();
    }

    /** The writer's copy of the journal, as after a crash. */
    WriterJournal read() throws SQLException {
        var copy = new WriterJournal();
        forEachRow(oldestFirst, (row, data) -> {
            var writes = decode(row, data);
            copy.readRow(row, writes.size());
            for (int i = 0; i < writes.size(); i++) {
                copy.readWrite(writes.keys()[i], writes.values()[i], row);
            }
            return true;
        });
        try (var rows = lastRow.executeQuery()) {
            rows.next();
            copy.readLastRow(rows.getLong(1));
        }
        return copy;
    }

    /** The last write of {@code key}, found by reading rows newest first and comparing key bytes; empty if none. */
    Optional<StateEntries.Entry> find(String key) throws SQLException {
        var found = new StateEntries.Entry[1];
        forEachRow(newestFirst, (row, data) -> {
            try {
                found[0] = StateEntries.lookup(data, key);
            } catch (IllegalArgumentException e) {
                throw corrupt(row, e);
            }
            return found[0] == null;
        });
        return Optional.ofNullable(found[0]);
    }

    /** The last write per key that starts with {@code prefix}, in key order; a null value deletes. */
    TreeMap<String, String> lastWrites(String prefix) throws SQLException {
        var writes = new TreeMap<String, String>();
        forEachRow(oldestFirst, (row, data) -> {
            var entries = decode(row, data);
            for (int i = 0; i < entries.size(); i++) {
                if (entries.keys()[i].startsWith(prefix)) {
                    writes.put(entries.keys()[i], entries.values()[i]);
                }
            }
            return true;
        });
        return writes;
    }

    /**
     * Rewrites the rows of a database written before the journal was binary (JSON objects from key to text or
     * null) in the binary form, in one transaction; a row that is not such an object is an error naming it.
     */
    static void convertJsonRows(Connection connection) throws SQLException {
        try (var select = connection.prepareStatement("SELECT id, writes FROM state_journal"
                + " WHERE typeof(writes) <> 'blob' ORDER BY id");
                var update = connection.prepareStatement("UPDATE state_journal SET writes = ? WHERE id = ?")) {
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    long row = rows.getLong(1);
                    update.setBytes(1, encode(parseJsonRow(row, rows.getString(2))));
                    update.setLong(2, row);
                    update.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private static Map<String, String> parseJsonRow(long row, String json) throws SQLException {
        var writes = new LinkedHashMap<String, String>();
        try {
            var object = Json.MAPPER.readTree(json);
            if (object == null || !object.isObject()) {
                throw new IllegalArgumentException("it is not a JSON object");
            }
            for (var field : object.properties()) {
                if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                    throw new IllegalArgumentException(field.getKey() + " is neither text nor null");
                }
                writes.put(field.getKey(), field.getValue().textValue());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SQLException("the state journal row " + row + " is corrupt: it is not a JSON object of texts"
                    + " and nulls (" + e.getMessage() + ")", e);
        }
        return writes;
    }

    private static byte[] encode(Map<String, String> writes) {
        var row = new StateEntries.Builder(false, 320 * writes.size());
        writes.forEach(row::add);
        return row.finish();
    }

    private static StateEntries decode(long row, byte[] data) throws SQLException {
        try {
            return StateEntries.decode(data, false);
        } catch (IllegalArgumentException e) {
            throw corrupt(row, e);
        }
    }

    private static SQLException corrupt(long row, IllegalArgumentException problem) {
        return new SQLException("the state journal row " + row + " is corrupt: " + problem.getMessage(), problem);
    }

    private interface RowHandler {
        /** Returns whether to go on to the next row. */
        boolean accept(long row, byte[] data) throws SQLException;
    }

    private static void forEachRow(PreparedStatement query, RowHandler handler) throws SQLException {
        try (var rows = query.executeQuery()) {
            while (rows.next() && handler.accept(rows.getLong(1), rows.getBytes(2))) {
                // the handler did the work
            }
        }
    }
}
