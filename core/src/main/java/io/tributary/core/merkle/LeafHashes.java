package io.tributary.core.merkle;

import java.util.Optional;

/**
 * Read access to the leaf hashes of a log, from which {@link MerkleProofs} builds roots and proofs.
 * A store that also keeps interior nodes overrides {@link #perfectSubtreeHash} so that proofs cost
 * O(log n) reads instead of O(n) hashes.
 */
public interface LeafHashes {
    /** Number of leaves available: indexes {@code 0 .. size() - 1}. */
    long size();

    /** The RFC 9162 leaf hash at {@code index}, 32 bytes. */
    byte[] leafHash(long index);

    /**
     * The stored hash of the perfect subtree of height {@code level} over leaves
     * {@code [index << level, (index + 1) << level)}, or empty when the source does not keep it.
     */
    default Optional<byte[]> perfectSubtreeHash(int level, long index) {
        return Optional.empty();
    }
}
