package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sizes 0 and 1, powers of two, the last leaf, m == n, m == 0, and the order of failures. */
class EdgeCaseTest {
    private static final List<byte[]> LEAF_HASHES = TestTrees.syntheticLeafHashes(1025);
    private static final LeafHashes LEAVES = new TestTrees.LeafList(LEAF_HASHES);
    private static final byte[][] NO_PROOF = new byte[0][];

    @Test
    void treeOfOneLeafHasTheLeafAsRootAndAnEmptyProof() {
        byte[] leaf = LEAF_HASHES.get(0);
        assertThat(MerkleProofs.rootAt(1, LEAVES)).isEqualTo(leaf);
        assertThat(MerkleProofs.inclusionProof(0, 1, LEAVES)).isEmpty();
        assertThat(MerkleVerifier.verifyInclusion(0, 1, leaf, NO_PROOF, leaf)).isEqualTo(new ProofOutcome.Valid(leaf));
    }

    @Test
    void emptyTreeHasNoLeafToProve() {
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(0, 0, LEAVES)).isInstanceOf(IllegalArgumentException.class);
        ProofOutcome outcome = MerkleVerifier.verifyInclusion(0, 0, LEAF_HASHES.get(0), NO_PROOF, Rfc9162.emptyRoot());
        assertThat(failure(outcome)).isEqualTo(ProofFailure.INDEX_OUT_OF_RANGE);
    }

    @Test
    void powersOfTwoHaveFullLengthPathsForEveryLeaf() {
        for (int level = 0; level <= 10; level++) {
            int size = 1 << level;
            for (int index : new int[] {0, size / 2, size - 1}) {
                assertThat(MerkleProofs.inclusionProof(index, size, LEAVES)).hasNumberOfRows(level);
            }
        }
    }

    @Test
    void lastLeafOfAnUnbalancedTreeVerifies() {
        byte[] root = MerkleProofs.rootAt(1025, LEAVES);
        byte[][] proof = MerkleProofs.inclusionProof(1024, 1025, LEAVES);
        // The last leaf of 2^10 + 1 hangs directly under the root, beside the perfect tree of 1024.
        assertThat(proof).hasNumberOfRows(1);
        assertThat(MerkleVerifier.verifyInclusion(1024, 1025, LEAF_HASHES.get(1024), proof, root).isValid()).isTrue();
    }

    @Test
    void equalSizesNeedAnEmptyProofAndEqualRoots() {
        byte[] root = MerkleProofs.rootAt(7, LEAVES);
        assertThat(MerkleProofs.consistencyProof(7, 7, LEAVES)).isEmpty();
        assertThat(MerkleVerifier.verifyConsistency(7, 7, NO_PROOF, root, root).isValid()).isTrue();
        byte[] other = MerkleProofs.rootAt(6, LEAVES);
        assertThat(failure(MerkleVerifier.verifyConsistency(7, 7, NO_PROOF, root, other)))
                .isEqualTo(ProofFailure.ROOT_MISMATCH);
        assertThat(failure(MerkleVerifier.verifyConsistency(7, 7, new byte[][] {root}, root, root)))
                .isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
    }

    @Test
    void consistencyFromTheEmptyTreeIsRejected() {
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(0, 5, LEAVES)).isInstanceOf(IllegalArgumentException.class);
        byte[] empty = Rfc9162.emptyRoot();
        assertThat(failure(MerkleVerifier.verifyConsistency(0, 0, NO_PROOF, empty, empty)))
                .isEqualTo(ProofFailure.SIZE_OUT_OF_RANGE);
        assertThat(failure(MerkleVerifier.verifyConsistency(0, 5, NO_PROOF, empty, MerkleProofs.rootAt(5, LEAVES))))
                .isEqualTo(ProofFailure.SIZE_OUT_OF_RANGE);
    }

    @Test
    void shrinkingTreeIsRejected() {
        byte[] root = MerkleProofs.rootAt(5, LEAVES);
        assertThat(failure(MerkleVerifier.verifyConsistency(6, 5, NO_PROOF, root, root)))
                .isEqualTo(ProofFailure.SIZE_OUT_OF_RANGE);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(6, 5, LEAVES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generationRejectsSizesBeyondTheSource() {
        assertThatThrownBy(() -> MerkleProofs.rootAt(1026, LEAVES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.rootAt(-1, LEAVES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(-1, 5, LEAVES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failuresAreReportedInPrecedenceOrder() {
        byte[] shortHash = new byte[31];
        byte[][] tooLong = new byte[MerkleVerifier.PROOF_HASHES_MAX + 1][];
        assertThat(failure(MerkleVerifier.verifyInclusion(0, -1, shortHash, tooLong, shortHash)))
                .isEqualTo(ProofFailure.SIZE_OUT_OF_RANGE);
        assertThat(failure(MerkleVerifier.verifyInclusion(5, 5, shortHash, tooLong, shortHash)))
                .isEqualTo(ProofFailure.INDEX_OUT_OF_RANGE);
        assertThat(failure(MerkleVerifier.verifyInclusion(-1, 5, shortHash, tooLong, shortHash)))
                .isEqualTo(ProofFailure.INDEX_OUT_OF_RANGE);
        assertThat(failure(MerkleVerifier.verifyInclusion(0, 5, shortHash, tooLong, shortHash)))
                .isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
        byte[][] rightCount = new byte[][] {shortHash, shortHash, shortHash};
        assertThat(failure(MerkleVerifier.verifyInclusion(0, 5, shortHash, rightCount, shortHash)))
                .isEqualTo(ProofFailure.WRONG_HASH_LENGTH);
    }

    @Test
    void proofHashesOfTheWrongLengthAreRejectedBeforeHashing() {
        byte[] root = MerkleProofs.rootAt(5, LEAVES);
        byte[][] proof = MerkleProofs.inclusionProof(2, 5, LEAVES);
        proof[1] = new byte[33];
        assertThat(failure(MerkleVerifier.verifyInclusion(2, 5, LEAF_HASHES.get(2), proof, root)))
                .isEqualTo(ProofFailure.WRONG_HASH_LENGTH);
        byte[][] consistency = MerkleProofs.consistencyProof(3, 5, LEAVES);
        consistency[0] = new byte[0];
        assertThat(failure(MerkleVerifier.verifyConsistency(3, 5, consistency, MerkleProofs.rootAt(3, LEAVES), root)))
                .isEqualTo(ProofFailure.WRONG_HASH_LENGTH);
    }

    @Test
    void proofLengthsFitTheLimitAtTheLargestSizes() {
        long sizeMax = Long.MAX_VALUE;
        assertThat(MerkleVerifier.inclusionProofHashCount(0, sizeMax)).isLessThanOrEqualTo(MerkleVerifier.PROOF_HASHES_MAX);
        assertThat(MerkleVerifier.inclusionProofHashCount(sizeMax - 1, sizeMax)).isEqualTo(62);
        assertThat(MerkleVerifier.consistencyProofHashCount(3, sizeMax))
                .isLessThanOrEqualTo(MerkleVerifier.PROOF_HASHES_MAX);
        assertThat(MerkleVerifier.consistencyProofHashCount(sizeMax - 2, sizeMax))
                .isLessThanOrEqualTo(MerkleVerifier.PROOF_HASHES_MAX);
    }

    @Test
    void rootFromInclusionProofGivesTheTreeRoot() {
        byte[][] proof = MerkleProofs.inclusionProof(3, 10, LEAVES);
        ProofOutcome outcome = MerkleVerifier.rootFromInclusionProof(3, 10, LEAF_HASHES.get(3), proof);
        assertThat(outcome).isEqualTo(new ProofOutcome.Valid(MerkleProofs.rootAt(10, LEAVES)));
    }

    @Test
    void rootFromConsistencyProofGivesTheNewRootAndChecksTheOldOne() {
        byte[][] proof = MerkleProofs.consistencyProof(3, 10, LEAVES);
        byte[] oldRoot = MerkleProofs.rootAt(3, LEAVES);
        assertThat(MerkleVerifier.rootFromConsistencyProof(3, 10, proof, oldRoot))
                .isEqualTo(new ProofOutcome.Valid(MerkleProofs.rootAt(10, LEAVES)));
        byte[] wrongOldRoot = MerkleProofs.rootAt(4, LEAVES);
        assertThat(failure(MerkleVerifier.rootFromConsistencyProof(3, 10, proof, wrongOldRoot)))
                .isEqualTo(ProofFailure.ROOT_MISMATCH);
    }

    private static ProofFailure failure(ProofOutcome outcome) {
        return switch (outcome) {
            case ProofOutcome.Invalid invalid -> invalid.failure();
            case ProofOutcome.Valid valid -> throw new AssertionError("expected a failure, got " + valid);
        };
    }
}
