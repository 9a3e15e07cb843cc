package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast iterative code against the literal recursive RFC definitions in {@link ReferenceMerkle}. */
class ReferenceCrossCheckTest {
    private static final int EXHAUSTIVE_SIZE_MAX = 70;
    private static final int RANDOM_SIZE_MAX = 5_000;
    private static final int RANDOM_CASE_COUNT = 40;
    private static final long SEED = 0x7B1B_07A3L;

    private static final List<byte[]> LEAF_HASHES = TestTrees.syntheticLeafHashes(RANDOM_SIZE_MAX);
    private static final LeafHashes LEAVES = new TestTrees.LeafList(LEAF_HASHES);
    private static final TestTrees.StoredNodes STORED = new TestTrees.StoredNodes(LEAF_HASHES);

    @Test
    void rootsAgreeForEverySmallSize() {
        CompactRange range = CompactRange.empty();
        for (int size = 0; size <= EXHAUSTIVE_SIZE_MAX; size++) {
            byte[] expected = ReferenceMerkle.mth(LEAF_HASHES.subList(0, size));
            assertThat(MerkleProofs.rootAt(size, LEAVES)).as("rootAt(%d)", size).isEqualTo(expected);
            assertThat(MerkleProofs.rootAt(size, STORED)).as("rootAt(%d) from stored nodes", size).isEqualTo(expected);
            assertThat(range.root()).as("compact range of size %d", size).isEqualTo(expected);
            range.append(LEAF_HASHES.get(size));
        }
    }

    @Test
    void inclusionProofsAgreeForEveryLeafOfEverySmallSize() {
        for (int size = 1; size <= EXHAUSTIVE_SIZE_MAX; size++) {
            byte[] root = ReferenceMerkle.mth(LEAF_HASHES.subList(0, size));
            for (int index = 0; index < size; index++) {
                checkInclusion(index, size, root);
            }
        }
    }

    @Test
    void consistencyProofsAgreeForEveryPairOfSmallSizes() {
        for (int newSize = 1; newSize <= EXHAUSTIVE_SIZE_MAX; newSize++) {
            byte[] newRoot = ReferenceMerkle.mth(LEAF_HASHES.subList(0, newSize));
            for (int oldSize = 1; oldSize <= newSize; oldSize++) {
                checkConsistency(oldSize, newSize, newRoot);
            }
        }
    }

    @Test
    void proofsAgreeForRandomLargerSizes() {
        Random random = new Random(SEED);
        for (int i = 0; i < RANDOM_CASE_COUNT; i++) {
            int newSize = 1 + random.nextInt(RANDOM_SIZE_MAX);
            byte[] newRoot = ReferenceMerkle.mth(LEAF_HASHES.subList(0, newSize));
            checkInclusion(random.nextInt(newSize), newSize, newRoot);
            checkConsistency(1 + random.nextInt(newSize), newSize, newRoot);
        }
    }

    @Test
    void proofsFromLeavesAloneReadEachLeafAtMostOnce() {
        for (int size : new int[] {1, 2, 3, 64, 65, 1000, 4095}) {
            for (int index : new int[] {0, size / 3, size - 1}) {
                TestTrees.CountingLeaves inclusionSource = new TestTrees.CountingLeaves(LEAF_HASHES.subList(0, size));
                MerkleProofs.inclusionProof(index, size, inclusionSource);
                // Every leaf but the proven one lies under exactly one sibling on the path.
                assertThat(inclusionSource.leafReadCount()).isEqualTo(size - 1);
                TestTrees.CountingLeaves consistencySource = new TestTrees.CountingLeaves(LEAF_HASHES.subList(0, size));
                MerkleProofs.consistencyProof(index + 1, size, consistencySource);
                assertThat(consistencySource.leafReadCount()).isLessThanOrEqualTo(size);
            }
        }
    }

    @Test
    void storedNodesSpareLeafReads() {
        TestTrees.StoredNodes stored = new TestTrees.StoredNodes(LEAF_HASHES.subList(0, 4096));
        MerkleProofs.inclusionProof(1234, 4096, stored);
        MerkleProofs.consistencyProof(1000, 4096, stored);
        assertThat(stored.leafReadCount()).isLessThanOrEqualTo(2);
    }

    private static void checkInclusion(int index, int size, byte[] root) {
        List<byte[]> expected = ReferenceMerkle.path(index, LEAF_HASHES.subList(0, size));
        byte[][] proof = MerkleProofs.inclusionProof(index, size, LEAVES);
        assertThat(proof).as("PATH(%d, D[%d])", index, size).isDeepEqualTo(expected.toArray(byte[][]::new));
        assertThat(MerkleProofs.inclusionProof(index, size, STORED)).isDeepEqualTo(proof);
        assertThat(proof.length).isEqualTo(MerkleVerifier.inclusionProofHashCount(index, size));
        assertThat(MerkleVerifier.verifyInclusion(index, size, LEAF_HASHES.get(index), proof, root).isValid())
                .as("verify PATH(%d, D[%d])", index, size).isTrue();
    }

    private static void checkConsistency(int oldSize, int newSize, byte[] newRoot) {
        List<byte[]> expected = ReferenceMerkle.proof(oldSize, LEAF_HASHES.subList(0, newSize));
        byte[][] proof = MerkleProofs.consistencyProof(oldSize, newSize, LEAVES);
        assertThat(proof).as("PROOF(%d, D[%d])", oldSize, newSize).isDeepEqualTo(expected.toArray(byte[][]::new));
        assertThat(MerkleProofs.consistencyProof(oldSize, newSize, STORED)).isDeepEqualTo(proof);
        assertThat(proof.length).isEqualTo(MerkleVerifier.consistencyProofHashCount(oldSize, newSize));
        byte[] oldRoot = ReferenceMerkle.mth(LEAF_HASHES.subList(0, oldSize));
        assertThat(MerkleVerifier.verifyConsistency(oldSize, newSize, proof, oldRoot, newRoot).isValid())
                .as("verify PROOF(%d, D[%d])", oldSize, newSize).isTrue();
    }
}
