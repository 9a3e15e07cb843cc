package io.tributary.core.merkle;

import static io.tributary.core.merkle.TestTrees.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 8-leaf RFC 6962 test tree that certificate-transparency (C++ and Go) and
 * transparency-dev/merkle test against: roots of every prefix, interior nodes, and the tables of
 * inclusion and consistency proofs (from transparency-dev/merkle testonly/constants.go and
 * proof/verify_test.go, Apache-2.0; the tables' 1-based leaf numbers are 0-based indexes here).
 */
class KnownAnswerTest {
    private static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Roots of the trees of size 1..8. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** Hashes of the perfect subtrees by level, then index within the level. */
    private static final List<List<String>> NODES = List.of(
            List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            List.of(
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            List.of("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    record InclusionVector(long leafIndex, long treeSize, List<String> proof) {}

    record ConsistencyVector(long oldSize, long newSize, List<String> proof) {}

    static List<InclusionVector> inclusionVectors() {
        return List.of(
                new InclusionVector(0, 1, List.of()),
                new InclusionVector(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new InclusionVector(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new InclusionVector(2, 3, List.of(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                new InclusionVector(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    static List<ConsistencyVector> consistencyVectors() {
        return List.of(
                new ConsistencyVector(1, 1, List.of()),
                new ConsistencyVector(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                new ConsistencyVector(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                new ConsistencyVector(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                new ConsistencyVector(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    private final LeafHashes source = new TestTrees.LeafList(TestTrees.ctLeafHashes());

    @Test
    void emptyRootIsSha256OfNothing() {
        assertThat(hex(Rfc9162.emptyRoot())).isEqualTo(EMPTY_ROOT);
        assertThat(hex(MerkleProofs.rootAt(0, source))).isEqualTo(EMPTY_ROOT);
        assertThat(hex(CompactRange.empty().root())).isEqualTo(EMPTY_ROOT);
    }

    @Test
    void leafHashesAreTheLevelZeroNodes() {
        assertThat(TestTrees.ctLeafHashes().stream().map(TestTrees::hex)).containsExactlyElementsOf(NODES.get(0));
    }

    @Test
    void interiorNodesAreNodeHashesOfTheirChildren() {
        for (int level = 1; level < NODES.size(); level++) {
            for (int index = 0; index < NODES.get(level).size(); index++) {
                byte[] left = hex(NODES.get(level - 1).get(2 * index));
                byte[] right = hex(NODES.get(level - 1).get(2 * index + 1));
                assertThat(hex(Rfc9162.nodeHash(left, right))).isEqualTo(NODES.get(level).get(index));
            }
        }
    }

    @Test
    void rootsOfEveryPrefixMatch() {
        CompactRange range = CompactRange.empty();
        for (int size = 1; size <= 8; size++) {
            range.append(TestTrees.ctLeafHashes().get(size - 1));
            assertThat(hex(MerkleProofs.rootAt(size, source))).as("rootAt(%d)", size).isEqualTo(ROOTS.get(size - 1));
            assertThat(hex(range.root())).as("compact range of size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void compactRangeHoldsThePerfectSubtreesOfTheDecomposition() {
        CompactRange range = CompactRange.empty();
        for (int size = 1; size <= 8; size++) {
            range.append(TestTrees.ctLeafHashes().get(size - 1));
            assertThat(Arrays.stream(range.subtreeHashes()).map(TestTrees::hex))
                    .containsExactlyElementsOf(decomposition(size));
        }
    }

    /** The node hashes of the perfect subtrees of a tree of this size, largest first. */
    private static List<String> decomposition(int size) {
        List<String> hashes = new java.util.ArrayList<>();
        int start = 0;
        for (int level = 3; level >= 0; level--) {
            if ((size & (1 << level)) != 0) {
                hashes.add(NODES.get(level).get(start >> level));
                start += 1 << level;
            }
        }
        return hashes;
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchTheTable(InclusionVector vector) {
        byte[][] proof = MerkleProofs.inclusionProof(vector.leafIndex(), vector.treeSize(), source);
        assertThat(Arrays.stream(proof).map(TestTrees::hex)).containsExactlyElementsOf(vector.proof());
        byte[] leafHash = TestTrees.ctLeafHashes().get((int) vector.leafIndex());
        byte[] root = hex(ROOTS.get((int) vector.treeSize() - 1));
        assertThat(MerkleVerifier.verifyInclusion(vector.leafIndex(), vector.treeSize(), leafHash, proof, root))
                .isEqualTo(new ProofOutcome.Valid(root));
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchTheTable(ConsistencyVector vector) {
        byte[][] proof = MerkleProofs.consistencyProof(vector.oldSize(), vector.newSize(), source);
        assertThat(Arrays.stream(proof).map(TestTrees::hex)).containsExactlyElementsOf(vector.proof());
        byte[] oldRoot = hex(ROOTS.get((int) vector.oldSize() - 1));
        byte[] newRoot = hex(ROOTS.get((int) vector.newSize() - 1));
        assertThat(MerkleVerifier.verifyConsistency(vector.oldSize(), vector.newSize(), proof, oldRoot, newRoot))
                .isEqualTo(new ProofOutcome.Valid(newRoot));
    }
}
