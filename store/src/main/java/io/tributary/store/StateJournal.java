package io.tributary.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The state writes of one batch as a row of {@code state_journal}: the number of writes, then for each the key and
 * the value (a length of -1 for a deletion), lengths as big-endian 4-byte integers, text as UTF-8.
 */
final class StateJournal {

    private static final int DELETED = -1;

    private StateJournal() {}

    static byte[] encode(Map<String, String> writes) {
        var encoded = new ArrayList<byte[]>(2 * writes.size());
        int size = Integer.BYTES;
        for (var write : writes.entrySet()) {
            var key = write.getKey().getBytes(StandardCharsets.UTF_8);
            var value = write.getValue() == null ? null : write.getValue().getBytes(StandardCharsets.UTF_8);
            encoded.add(key);
            encoded.add(value);
            size = Math.addExact(size, 2 * Integer.BYTES + key.length + (value == null ? 0 : value.length));
        }
        var row = ByteBuffer.allocate(size).putInt(writes.size());
        for (var bytes : encoded) {
            row.putInt(bytes == null ? DELETED : bytes.length);
            if (bytes != null) {
                row.put(bytes);
            }
        }
        return row.array();
    }

    /** Hands each write of the row to {@code consumer} in order; a null value is a deletion. */
    static void decode(long id, byte[] row, BiConsumer<String, String> consumer) throws SQLException {
        try {
            var reader = ByteBuffer.wrap(row);
            int count = reader.getInt();
            if (count < 0) {
                throw corrupt(id, "a negative count of writes");
            }
            for (int i = 0; i < count; i++) {
                var key = text(reader, id, false);
                consumer.accept(key, text(reader, id, true));
            }
            if (reader.hasRemaining()) {
                throw corrupt(id, reader.remaining() + " bytes past its last write");
            }
        } catch (BufferUnderflowException e) {
            throw corrupt(id, "it ends inside a write");
        }
    }

    private static String text(ByteBuffer reader, long id, boolean deletable) throws SQLException {
        int length = reader.getInt();
        if (length == DELETED && deletable) {
            return null;
        }
        if (length < 0 || length > reader.remaining()) {
            throw corrupt(id, "a length of " + length + " with " + reader.remaining() + " bytes left");
        }
        var bytes = new byte[length];
        reader.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static SQLException corrupt(long id, String problem) {
        return new SQLException("the state journal row " + id + " is corrupt: " + problem);
    }
}
