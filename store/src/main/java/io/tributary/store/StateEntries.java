package io.tributary.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * State entries in binary form, a value or null for a deletion each: a chunk of a sorted run
 * ({@code state_chunks.data}, keys strictly increasing) or a batch's writes ({@code state_journal.writes}, each key
 * once, in any order). Binary, so that the committer and the merges copy bytes instead of escaping text:
 *
 * <pre>
 *   count: u32, then count times { key length: u16, key: UTF-8, value length: i32 (-1 for a deletion), value: UTF-8 },
 *   then the CRC-32C of everything before it: u32; all big-endian
 * </pre>
 */
record StateEntries(String[] keys, String[] values) {

    /** About how many bytes a chunk of a run holds before the next entry starts a new one: a few database pages. */
    static final int CHUNK_BYTES = 32 * 1024;
    private static final int DELETION = -1;
    private static final int ENTRY_MIN_BYTES = 6;

    /** An entry's value: text, or null for a deletion, which hides the key in older runs. */
    record Entry(String value) {}

    int size() {
        return keys.length;
    }

    /** The index of {@code key} in sorted entries, or {@code -(insertion point) - 1} as binary search gives it. */
    int find(String key) {
        return Arrays.binarySearch(keys, key);
    }

    /** Decodes entries, checking checksum and shape, and with {@code sorted} the order; else says what is wrong. */
    static StateEntries decode(byte[] data, boolean sorted) {
        var buffer = checked(data);
        int count = buffer.getInt();
        var keys = new String[count];
        var values = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = text(buffer, Short.toUnsignedInt(buffer.getShort()));
            if (sorted && i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IllegalArgumentException("its keys are out of order at entry " + i);
            }
            int length = remaining(buffer, 4).getInt();
            values[i] = length == DELETION ? null : text(buffer, length);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException("it has " + buffer.remaining() + " bytes after its entries");
        }
        return new StateEntries(keys, values);
    }

    /**
     * The entry of {@code key} in encoded entries, comparing bytes rather than decoding every entry; null when they
     * hold none (a reader looks a key up in every journal row).
     */
    static Entry lookup(byte[] data, String key) {
        var wanted = key.getBytes(StandardCharsets.UTF_8);
        var buffer = checked(data);
        int count = buffer.getInt();
        for (int i = 0; i < count; i++) {
            int keyLength = Short.toUnsignedInt(buffer.getShort());
            int keyStart = buffer.position();
            remaining(buffer, keyLength).position(keyStart + keyLength);
            int length = remaining(buffer, 4).getInt();
            if (Arrays.equals(data, keyStart, keyStart + keyLength, wanted, 0, wanted.length)) {
                return new Entry(length == DELETION ? null : text(buffer, length));
            }
            if (length != DELETION) {
                remaining(buffer, length).position(buffer.position() + length);
            }
        }
        return null;
    }

    /** The entries' bytes after their count, limited to before the checksum, once the checksum and count agree. */
    private static ByteBuffer checked(byte[] data) {
        if (data.length < 8) {
            throw new IllegalArgumentException("it holds " + data.length + " bytes, fewer than the 8 of no entries");
        }
        var crc = new CRC32C();
        crc.update(data, 0, data.length - 4);
        var buffer = ByteBuffer.wrap(data, 0, data.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(data).getInt(data.length - 4)) {
            throw new IllegalArgumentException("its checksum does not match its bytes");
        }
        int count = buffer.getInt(0);
        if (count < 0 || count > (data.length - 8) / ENTRY_MIN_BYTES) {
            throw new IllegalArgumentException("it claims " + count + " entries in " + data.length + " bytes");
        }
        return buffer;
    }

    private static String text(ByteBuffer buffer, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("it holds a negative length");
        }
        remaining(buffer, length);
        var text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
        buffer.position(buffer.position() + length);
        return text;
    }

    private static ByteBuffer remaining(ByteBuffer buffer, int needed) {
        if (buffer.remaining() < needed) {
            throw new IllegalArgumentException("an entry runs past its end");
        }
        return buffer;
    }

    /** Encodes entries; for a chunk of a run ({@code sorted}) their keys must increase. */
    static final class Builder {
        private final boolean sorted;
        private byte[] bytes;
        private int length = 4;
        private int count;
        private String first;
        private String last;

        Builder(boolean sorted, int capacity) {
            this.sorted = sorted;
            this.bytes = new byte[Math.max(capacity, 16)];
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** Whether a chunk of a run is as large as it should grow. */
        boolean full() {
            return length >= CHUNK_BYTES;
        }

        String first() {
            return first;
        }

        void add(String key, String value) {
            if (sorted && last != null && last.compareTo(key) >= 0) {
                throw new IllegalArgumentException("chunk keys must increase: " + key + " after " + last);
            }
            var keyBytes = key.getBytes(StandardCharsets.UTF_8);
            if (keyBytes.length > 0xffff) {
                throw new IllegalArgumentException("a state key of " + keyBytes.length + " bytes is too long");
            }
            var valueBytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
            reserve(ENTRY_MIN_BYTES + keyBytes.length + (valueBytes == null ? 0 : valueBytes.length));
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

        /** The entries added since the last call, which the builder then forgets. */
        byte[] finish() {
            var data = new byte[length + 4];
            System.arraycopy(bytes, 0, data, 0, length);
            var buffer = ByteBuffer.wrap(data);
            buffer.putInt(0, count);
            var crc = new CRC32C();
            crc.update(data, 0, length);
            buffer.putInt(length, (int) crc.getValue());
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
