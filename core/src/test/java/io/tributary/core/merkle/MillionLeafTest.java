package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The size the log is built for: a million leaves, proofs from leaf hashes alone in linear time. */
class MillionLeafTest {
    private static final int TREE_SIZE = 1_000_000;

    @Test
    void proofsOverAMillionLeavesVerifyAgainstTheCompactRangeRoot() {
        List<byte[]> leafHashes = TestTrees.syntheticLeafHashes(TREE_SIZE);
        LeafHashes source = new TestTrees.LeafList(leafHashes);
        CompactRange range = CompactRange.empty();
        byte[] oldRoot = null;
        for (int i = 0; i < TREE_SIZE; i++) {
            range.append(leafHashes.get(i));
            if (range.size() == 654_321) {
                oldRoot = range.root();
            }
        }
        byte[] root = range.root();

        byte[][] inclusion = MerkleProofs.inclusionProof(123_456, TREE_SIZE, source);
        assertThat(MerkleVerifier.verifyInclusion(123_456, TREE_SIZE, leafHashes.get(123_456), inclusion, root).isValid())
                .isTrue();
        byte[][] consistency = MerkleProofs.consistencyProof(654_321, TREE_SIZE, source);
        assertThat(MerkleVerifier.verifyConsistency(654_321, TREE_SIZE, consistency, oldRoot, root).isValid()).isTrue();
    }
}
