package io.tributary.core.merkle;

import io.tributary.core.merkle.ProofOutcome.Invalid;
import io.tributary.core.merkle.ProofOutcome.Valid;
import java.security.MessageDigest;

/**
 * Verification of RFC 9162 §2.1.3.2 inclusion and §2.1.4.2 consistency proofs. Each check runs
 * preconditions first, then the exact proof length the sizes dictate, then hash lengths, and only
 * then hashes; every loop is bounded by the 63 bits of a size.
 */
public final class MerkleVerifier {
    /**
     * No valid proof for a tree of up to 2^63 - 1 leaves has more hashes (inclusion 63, consistency
     * 64), so a parser may reject a longer list before decoding it.
     */
    public static final int PROOF_HASHES_MAX = 64;

    private MerkleVerifier() {}

    /** Checks that the leaf with {@code leafHash} sits at {@code leafIndex} in the tree with {@code rootHash}. */
    public static ProofOutcome verifyInclusion(
            long leafIndex, long treeSize, byte[] leafHash, byte[][] proof, byte[] rootHash) {
        return matchRoot(rootFromInclusionProof(leafIndex, treeSize, leafHash, proof), rootHash);
    }

    /** The root of a tree of {@code treeSize} that the inclusion proof leads to from the leaf. */
    public static ProofOutcome rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, byte[][] proof) {
        if (treeSize < 0) {
            return invalid(ProofFailure.SIZE_OUT_OF_RANGE, "negative tree size %d", treeSize);
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return invalid(ProofFailure.INDEX_OUT_OF_RANGE, "leaf index %d outside tree of size %d", leafIndex,
                    treeSize);
        }
        int expectedCount = inclusionProofHashCount(leafIndex, treeSize);
        if (proof.length != expectedCount) {
            return wrongProofLength(proof.length, expectedCount);
        }
        if (leafHash.length != Rfc9162.HASH_BYTES) {
            return invalid(ProofFailure.WRONG_HASH_LENGTH, "leaf hash has %d bytes", leafHash.length);
        }
        int wrongIndex = indexOfWrongHashLength(proof);
        if (wrongIndex >= 0) {
            return wrongHashLength(proof, wrongIndex);
        }
        return new Valid(chainInclusion(leafIndex, treeSize, leafHash, proof));
    }

    /** Checks that the tree with {@code newRoot} extends the tree with {@code oldRoot}. */
    public static ProofOutcome verifyConsistency(
            long oldSize, long newSize, byte[][] proof, byte[] oldRoot, byte[] newRoot) {
        return matchRoot(rootFromConsistencyProof(oldSize, newSize, proof, oldRoot), newRoot);
    }

    /**
     * The root of the tree of {@code newSize} that the consistency proof leads to, after checking
     * that the proof also leads to {@code oldRoot}. An old size of zero is rejected, as by
     * transparency-dev/merkle: every tree extends the empty one, so such a proof would prove nothing.
     */
    public static ProofOutcome rootFromConsistencyProof(long oldSize, long newSize, byte[][] proof, byte[] oldRoot) {
        if (oldSize <= 0 || newSize < oldSize) {
            return invalid(ProofFailure.SIZE_OUT_OF_RANGE, "need 0 < old size %d <= new size %d", oldSize, newSize);
        }
        int expectedCount = consistencyProofHashCount(oldSize, newSize);
        if (proof.length != expectedCount) {
            return wrongProofLength(proof.length, expectedCount);
        }
        if (oldRoot.length != Rfc9162.HASH_BYTES) {
            return invalid(ProofFailure.WRONG_HASH_LENGTH, "old root has %d bytes", oldRoot.length);
        }
        int wrongIndex = indexOfWrongHashLength(proof);
        if (wrongIndex >= 0) {
            return wrongHashLength(proof, wrongIndex);
        }
        if (oldSize == newSize) {
            return new Valid(oldRoot);
        }
        return chainConsistency(oldSize, newSize, proof, oldRoot);
    }

    /** The number of hashes in the inclusion proof of {@code leafIndex}, for {@code 0 <= leafIndex < treeSize}. */
    public static int inclusionProofHashCount(long leafIndex, long treeSize) {
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw new IllegalArgumentException("leaf index " + leafIndex + " outside tree of size " + treeSize);
        }
        // Below the level where the paths to leafIndex and to the last leaf diverge there is one sibling per
        // level; above it the path runs along the right border, which has a left sibling per one bit.
        int innerCount = bitLength(leafIndex ^ (treeSize - 1));
        return innerCount + Long.bitCount(leafIndex >>> innerCount);
    }

    /**
     * The number of hashes in the consistency proof from {@code oldSize} to {@code newSize}, {@code 0 < old <= new}.
     */
    public static int consistencyProofHashCount(long oldSize, long newSize) {
        if (oldSize <= 0 || newSize < oldSize) {
            throw new IllegalArgumentException("need 0 < old size " + oldSize + " <= new size " + newSize);
        }
        if (oldSize == newSize) {
            return 0;
        }
        // The proof is the inclusion proof of the old tree's last leaf, cut below the level of the old
        // tree's smallest perfect subtree, whose hash comes first unless the old tree is that subtree.
        int pathCount = inclusionProofHashCount(oldSize - 1, newSize);
        int cutCount = Long.numberOfTrailingZeros(oldSize);
        int seedCount = Long.bitCount(oldSize) == 1 ? 0 : 1;
        return seedCount + pathCount - cutCount;
    }

    private static byte[] chainInclusion(long leafIndex, long treeSize, byte[] leafHash, byte[][] proof) {
        long nodeIndex = leafIndex;
        long lastIndex = treeSize - 1;
        byte[] hash = leafHash;
        for (byte[] sibling : proof) {
            // The exact length check makes this and the checks below unreachable unless its formula is wrong.
            MerkleInvariants.check(lastIndex != 0, "inclusion proof longer than the path");
            if ((nodeIndex & 1) == 1 || nodeIndex == lastIndex) {
                hash = Rfc9162.nodeHash(sibling, hash);
                // On the right border a node without a right sibling moves up unchanged.
                while ((nodeIndex & 1) == 0 && nodeIndex != 0) {
                    nodeIndex >>>= 1;
                    lastIndex >>>= 1;
                }
            } else {
                hash = Rfc9162.nodeHash(hash, sibling);
            }
            nodeIndex >>>= 1;
            lastIndex >>>= 1;
        }
        MerkleInvariants.check(lastIndex == 0, "inclusion proof shorter than the path");
        return hash;
    }

    private static ProofOutcome chainConsistency(long oldSize, long newSize, byte[][] proof, byte[] oldRoot) {
        // When the old tree is perfect it is a node of the new tree, and its root is the seed.
        boolean oldIsPerfect = Long.bitCount(oldSize) == 1;
        byte[] seed = oldIsPerfect ? oldRoot : proof[0];
        int firstSibling = oldIsPerfect ? 0 : 1;
        long oldIndex = oldSize - 1;
        long newIndex = newSize - 1;
        while ((oldIndex & 1) == 1) {
            oldIndex >>>= 1;
            newIndex >>>= 1;
        }
        byte[] oldHash = seed;
        byte[] newHash = seed;
        for (int i = firstSibling; i < proof.length; i++) {
            MerkleInvariants.check(newIndex != 0, "consistency proof longer than the path");
            if ((oldIndex & 1) == 1 || oldIndex == newIndex) {
                oldHash = Rfc9162.nodeHash(proof[i], oldHash);
                newHash = Rfc9162.nodeHash(proof[i], newHash);
                while ((oldIndex & 1) == 0 && oldIndex != 0) {
                    oldIndex >>>= 1;
                    newIndex >>>= 1;
                }
            } else {
                // A right sibling exists only in the new tree.
                newHash = Rfc9162.nodeHash(newHash, proof[i]);
            }
            oldIndex >>>= 1;
            newIndex >>>= 1;
        }
        MerkleInvariants.check(newIndex == 0, "consistency proof shorter than the path");
        if (!MessageDigest.isEqual(oldHash, oldRoot)) {
            return invalid(ProofFailure.ROOT_MISMATCH, "proof does not lead to the old root");
        }
        return new Valid(newHash);
    }

    private static ProofOutcome matchRoot(ProofOutcome computed, byte[] expectedRoot) {
        return switch (computed) {
            case Invalid invalid -> invalid;
            case Valid valid when expectedRoot.length != Rfc9162.HASH_BYTES ->
                    invalid(ProofFailure.WRONG_HASH_LENGTH, "expected root has %d bytes", expectedRoot.length);
            case Valid valid when !MessageDigest.isEqual(valid.rootHash(), expectedRoot) ->
                    invalid(ProofFailure.ROOT_MISMATCH, "proof does not lead to the expected root");
            case Valid valid -> valid;
        };
    }

    /** The index of the first proof hash that is not 32 bytes, or -1 when all are. */
    private static int indexOfWrongHashLength(byte[][] proof) {
        for (int i = 0; i < proof.length; i++) {
            if (proof[i].length != Rfc9162.HASH_BYTES) {
                return i;
            }
        }
        return -1;
    }

    private static Invalid wrongHashLength(byte[][] proof, int index) {
        return invalid(ProofFailure.WRONG_HASH_LENGTH, "proof hash %d has %d bytes", index, proof[index].length);
    }

    private static ProofOutcome wrongProofLength(int actualCount, int expectedCount) {
        return invalid(ProofFailure.WRONG_PROOF_LENGTH, "proof has %d hashes, want %d", actualCount, expectedCount);
    }

    private static Invalid invalid(ProofFailure failure, String format, Object... arguments) {
        return new Invalid(failure, String.format(format, arguments));
    }

    private static int bitLength(long value) {
        return Long.SIZE - Long.numberOfLeadingZeros(value);
    }
}
