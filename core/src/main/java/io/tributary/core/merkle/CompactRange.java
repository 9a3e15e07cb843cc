package io.tributary.core.merkle;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The append-only state of a Merkle tree: for a tree of {@code size} leaves, the root hashes of the
 * perfect subtrees that its binary decomposition splits it into, largest (leftmost) first. That is
 * all a log needs to keep to append a leaf in O(log n) hashes and to compute the current root.
 *
 * <p>Serialised form (big-endian): {@code size:int64 ‖ hash[bitCount(size)]}, each hash 32 bytes.
 *
 * <p>Not thread-safe: one writer owns an instance.
 */
public final class CompactRange {
    /** A size has at most 63 one bits, so at most 63 subtree hashes follow it. */
    public static final int SERIALIZED_BYTES_MAX = Long.BYTES + (Long.SIZE - 1) * Rfc9162.HASH_BYTES;

    private final byte[][] subtreeHashes = new byte[Long.SIZE - 1][];
    private long size;

    private CompactRange() {}

    /** The state of the tree with no leaves. */
    public static CompactRange empty() {
        return new CompactRange();
    }

    /** Reads the form written by {@link #toBytes()}; rejects any other length or a negative size. */
    public static CompactRange fromBytes(byte[] bytes) {
        if (bytes.length < Long.BYTES) {
            throw new IllegalArgumentException("compact range shorter than its size field: " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long size = buffer.getLong();
        if (size < 0) {
            throw new IllegalArgumentException("negative compact range size: " + size);
        }
        int hashCount = Long.bitCount(size);
        int expectedBytes = Long.BYTES + hashCount * Rfc9162.HASH_BYTES;
        if (bytes.length != expectedBytes) {
            throw new IllegalArgumentException(
                    "compact range of size " + size + " must be " + expectedBytes + " bytes, got " + bytes.length);
        }
        CompactRange range = new CompactRange();
        range.size = size;
        for (int i = 0; i < hashCount; i++) {
            range.subtreeHashes[i] = new byte[Rfc9162.HASH_BYTES];
            buffer.get(range.subtreeHashes[i]);
        }
        return range;
    }

    /** Number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** Adds the leaf with this hash at index {@link #size()}. */
    public void append(byte[] leafHash) {
        if (leafHash.length != Rfc9162.HASH_BYTES) {
            throw new IllegalArgumentException("leaf hash must be 32 bytes, got " + leafHash.length);
        }
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("compact range is full");
        }
        // Each trailing one bit of the old size is a perfect subtree of the new leaf's height: merge it.
        int mergeCount = Long.numberOfTrailingZeros(~size);
        int count = Long.bitCount(size);
        byte[] hash = leafHash.clone();
        for (int i = 0; i < mergeCount; i++) {
            count--;
            hash = Rfc9162.nodeHash(subtreeHashes[count], hash);
            subtreeHashes[count] = null;
        }
        subtreeHashes[count] = hash;
        size++;
        MerkleInvariants.check(
                count + 1 == Long.bitCount(size), "subtree count %d does not match size %d", count + 1, size);
    }

    /** The root hash of the tree: the subtree hashes folded from the right (RFC 9162 MTH). */
    public byte[] root() {
        int count = Long.bitCount(size);
        if (count == 0) {
            return Rfc9162.emptyRoot();
        }
        byte[] hash = subtreeHashes[count - 1];
        for (int i = count - 2; i >= 0; i--) {
            hash = Rfc9162.nodeHash(subtreeHashes[i], hash);
        }
        return hash.clone();
    }

    /** Copies of the perfect subtree hashes, largest subtree first. */
    public byte[][] subtreeHashes() {
        byte[][] copies = new byte[Long.bitCount(size)][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = subtreeHashes[i].clone();
        }
        return copies;
    }

    /** An independent copy of this state. */
    public CompactRange copy() {
        return fromBytes(toBytes());
    }

    public byte[] toBytes() {
        int count = Long.bitCount(size);
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + count * Rfc9162.HASH_BYTES);
        buffer.putLong(size);
        for (int i = 0; i < count; i++) {
            buffer.put(subtreeHashes[i]);
        }
        return buffer.array();
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CompactRange that && Arrays.equals(toBytes(), that.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }
}
