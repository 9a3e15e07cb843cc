package io.tributary.core.merkle;

import java.util.Arrays;
import java.util.concurrent.ForkJoinTask;

/**
 * Roots and proofs of RFC 9162 §2.1.2–2.1.4 built from a {@link LeafHashes} source, without
 * recursion, and the root of leaf hashes held in memory, in parallel. Every hash a proof needs is
 * the root of a run of aligned perfect subtrees; each is taken from the source when it stores it
 * and hashed from leaves otherwise, so a proof costs at most O(treeSize) hashes and
 * O(log treeSize) reads from a source that stores interior nodes.
 */
public final class MerkleProofs {
    private MerkleProofs() {}

    /** MTH(D[0:treeSize]): the root of the first {@code treeSize} leaves. */
    public static byte[] rootAt(long treeSize, LeafHashes source) {
        checkTreeSize(treeSize, source);
        return rangeHash(0, treeSize, source);
    }

    /**
     * MTH of the leaf hashes given, in memory. The two subtrees of a node of at least {@link #PARALLEL_LEAVES_MIN}
     * leaves are hashed in parallel, on the common fork-join pool.
     */
    public static byte[] root(byte[][] leafHashes) {
        return root(leafHashes, 0, leafHashes.length, PARALLEL_LEAVES_MIN);
    }

    /** Below this many leaves a subtree is hashed on the calling thread: a task costs more than it saves. */
    static final int PARALLEL_LEAVES_MIN = 1 << 13;

    /** MTH(D[from:from+count]), RFC 9162 §2.1.1: the left subtree holds the largest power of two below count. */
    static byte[] root(byte[][] leafHashes, int from, int count, int parallelLeavesMin) {
        if (count < parallelLeavesMin || count < 2) {
            var range = CompactRange.empty();
            for (int i = from; i < from + count; i++) {
                range.append(leafHashes[i]);
            }
            return range.root();
        }
        int leftCount = Integer.highestOneBit(count - 1);
        var left = ForkJoinTask.adapt(() -> root(leafHashes, from, leftCount, parallelLeavesMin)).fork();
        byte[] right = root(leafHashes, from + leftCount, count - leftCount, parallelLeavesMin);
        return Rfc9162.nodeHash(left.join(), right);
    }

    /** PATH(leafIndex, D[0:treeSize]), ordered from the leaf's sibling up to the root's child. */
    public static byte[][] inclusionProof(long leafIndex, long treeSize, LeafHashes source) {
        checkTreeSize(treeSize, source);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside tree of size " + treeSize);
        }
        // Walk down from the root, taking at each level the hash of the subtree the leaf is not in.
        byte[][] topDown = new byte[MerkleVerifier.PROOF_HASHES_MAX][];
        int count = 0;
        long start = 0;
        long size = treeSize;
        while (size > 1) {
            long leftSize = Long.highestOneBit(size - 1);
            if (leafIndex < start + leftSize) {
                topDown[count++] = rangeHash(start + leftSize, size - leftSize, source);
                size = leftSize;
            } else {
                topDown[count++] = rangeHash(start, leftSize, source);
                start += leftSize;
                size -= leftSize;
            }
        }
        return reversed(topDown, count);
    }

    /** PROOF(oldSize, D[0:newSize]) for {@code 0 < oldSize <= newSize}; empty when the sizes are equal. */
    public static byte[][] consistencyProof(long oldSize, long newSize, LeafHashes source) {
        checkTreeSize(newSize, source);
        if (oldSize <= 0 || oldSize > newSize) {
            throw new IllegalArgumentException("need 0 < old size " + oldSize + " <= new size " + newSize);
        }
        // SUBPROOF(m, D[start:start+size], wholeOldTree) unrolled; hashes are found root first.
        byte[][] topDown = new byte[MerkleVerifier.PROOF_HASHES_MAX][];
        int count = 0;
        long start = 0;
        long size = newSize;
        long oldPart = oldSize;
        boolean wholeOldTree = true;
        while (oldPart != size) {
            long leftSize = Long.highestOneBit(size - 1);
            if (oldPart <= leftSize) {
                topDown[count++] = rangeHash(start + leftSize, size - leftSize, source);
                size = leftSize;
            } else {
                topDown[count++] = rangeHash(start, leftSize, source);
                start += leftSize;
                size -= leftSize;
                oldPart -= leftSize;
                wholeOldTree = false;
            }
        }
        // The verifier knows the old root, so the subtree where the walk stops is sent only when it
        // is a proper part of the old tree.
        if (!wholeOldTree) {
            topDown[count++] = rangeHash(start, oldPart, source);
        }
        return reversed(topDown, count);
    }

    /**
     * MTH(D[start:start+count]) for a range the RFC tree has as a node or right border: {@code start}
     * is a multiple of the largest power of two in {@code count}, so the range is a run of aligned
     * perfect subtrees of decreasing height.
     */
    private static byte[] rangeHash(long start, long count, LeafHashes source) {
        if (count == 0) {
            return Rfc9162.emptyRoot();
        }
        byte[][] subtreeHashes = new byte[Long.bitCount(count)][];
        long position = start;
        int subtreeCount = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            if ((count & (1L << level)) != 0) {
                MerkleInvariants.check((position & ((1L << level) - 1)) == 0, "range %d+%d is not aligned", start,
                        count);
                subtreeHashes[subtreeCount++] = perfectSubtreeHash(level, position >>> level, source);
                position += 1L << level;
            }
        }
        byte[] hash = subtreeHashes[subtreeCount - 1];
        for (int i = subtreeCount - 2; i >= 0; i--) {
            hash = Rfc9162.nodeHash(subtreeHashes[i], hash);
        }
        return hash;
    }

    private static byte[] perfectSubtreeHash(int level, long index, LeafHashes source) {
        var stored = source.perfectSubtreeHash(level, index);
        if (stored.isPresent()) {
            byte[] hash = stored.get();
            // A stored node of the wrong length is a corrupt store, not a proof we may hand out.
            MerkleInvariants.check(
                    hash.length == Rfc9162.HASH_BYTES, "stored node %d/%d has %d bytes", level, index, hash.length);
            return hash;
        }
        // A compact range over a perfect subtree's leaves folds to that subtree's single hash.
        CompactRange range = CompactRange.empty();
        long firstLeaf = index << level;
        for (long leaf = firstLeaf; leaf < firstLeaf + (1L << level); leaf++) {
            range.append(source.leafHash(leaf));
        }
        return range.root();
    }

    private static void checkTreeSize(long treeSize, LeafHashes source) {
        if (treeSize < 0 || treeSize > source.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " outside [0, " + source.size() + "]");
        }
    }

    private static byte[][] reversed(byte[][] hashes, int count) {
        byte[][] result = Arrays.copyOf(hashes, count);
        for (int i = 0; i < count / 2; i++) {
            byte[] swap = result[i];
            result[i] = result[count - 1 - i];
            result[count - 1 - i] = swap;
        }
        return result;
    }
}
