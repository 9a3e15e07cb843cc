package io.tributary.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A chunk of a sorted run of the state ({@code state_chunks.data}): entries in strictly increasing key order, a null
 * value for a deletion. Binary, so that writing and merging runs copies bytes instead of escaping text:
 *
 * <pre>
 *   count: u32, then count times { key length: u16, key: UTF-8, value length: i32 (-1 for a deletion), value: UTF-8 },
 *   then the CRC-32C of everything before it: u32; all big-endian
 * </pre>
 */
record StateChunk(String[] keys, String[] values) {

    /** About how many bytes a chunk holds before the next entry starts a new one: a few pages of the database. */
    static final int TARGET_BYTES = 32 * 1024;
    private static final int DELETION = -1;

    int size() {
        return keys.length;
    }

    /** The index of {@code key}, or {@code -(insertion point) - 1} as {@link Arrays#binarySearch} gives it. */
    int find(String key) {
        return Arrays.binarySearch(keys, key);
    }

    /** Decodes a chunk, checking its checksum, its shape and its order; a message says what is wrong otherwise. */
    static StateChunk decode(byte[] data) {
        if (data.length < 8) {
            throw new IllegalArgumentException("it holds " + data.length + " bytes, fewer than a chunk's 8");
        }
        var crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        var buffer = ByteBuffer.wrap(data);
        if ((int) crc.getValue() != buffer.getInt(data.length - 4)) {
            throw new IllegalArgumentException("its checksum does not match its bytes");
        }
        int count = buffer.getInt();
        int end = data.length - 4;
        if (count < 1 || count > (end - 4) / 6) {
            throw new IllegalArgumentException("it claims " + count + " entries in " + data.length + " bytes");
        }
        var keys = new String[count];
        var values = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = text(buffer, Short.toUnsignedInt(buffer.getShort()), end);
            if (i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("its keys are out of order at entry " + i);
            }
            int length = remaining(buffer, 4, end).getInt();
            values[i] = length == DELETION ? null : text(buffer, length, end);
        }
        if (buffer.position() != end) {
            throw new IllegalArgumentException("it has " + (end - buffer.position()) + " bytes after its entries");
        }
        return new StateChunk(keys, values);
    }

    private static String text(ByteBuffer buffer, int length, int end) {
        if (length < 0) {
            throw new IllegalArgumentException("it holds a negative length");
        }
        remaining(buffer, length, end);
        var text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    private static ByteBuffer remaining(ByteBuffer buffer, int needed, int end) {
        if (end - buffer.position() < needed) {
            throw new IllegalArgumentException("an entry runs past its end");
        }
        return buffer;
    }

    /** Builds chunks from entries given in increasing key order. */
    static final class Builder {
        private byte[] bytes = new byte[TARGET_BYTES + 4096];
        private int length = 4;
        private int count;
        private String first;
        private String last;

        boolean isEmpty() {
            return count == 0;
        }

        boolean full() {
            return length >= TARGET_BYTES;
        }

        String first() {
            return first;
        }

        void add(String key, String value) {
            if (last != null && last.compareTo(key) >= 0) {
                throw new IllegalArgumentException("chunk keys must increase: " + key + " after " + last);
            }
            var keyBytes = key.getBytes(StandardCharsets.UTF_8);
            if (keyBytes.length > 0xffff) {
                throw new IllegalArgumentException("a state key of " + keyBytes.length + " bytes is too long");
            }
            var valueBytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            reserve(6 + keyBytes.length + (valueBytes == null ? 0 : valueBytes.length));
            putShort(keyBytes.length);
            put(keyBytes);
            putInt(valueBytes == null ? DELETION : valueBytes.length);
            if (valueBytes != null) {
                put(valueBytes);
            }
            if (count++ == 0) {
                first = key;
            }
            last = key;
        }

        /** The chunk built so far, which the builder then forgets. */
        byte[] finish() {
            var data = new byte[length + 4];
            System.arraycopy(bytes, 0, data, 0, length);
            ByteBuffer.wrap(data).putInt(0, count);
            var crc = new CRC32C();
            crc.update(data, 0, length);
            ByteBuffer.wrap(data).putInt(length, (int) crc.getValue());
            length = 4;
            count = 0;
            first = null;
            last = null;
            return data;
        }

        private void reserve(int more) {
            if (bytes.length - length < more) {
                bytes = Arrays.copyOf(bytes, Math.max(length + more, 2 * bytes.length));
            }
        }

        private void put(byte[] source) {
            System.arraycopy(source, 0, bytes, length, source.length);
            length += source.length;
        }

        private void putShort(int value) {
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        private void putInt(int value) {
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }
    }
}
