package io.tributary.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every generated proof verifies, and every tampered one is rejected. jqwik reports the seed of a
 * failing run and replays it first on the next run.
 */
class ProofPropertiesTest {
    private static final int TREE_SIZE_MAX = 300;
    private static final int TRIES = 300;
    private static final List<byte[]> LEAF_HASHES = TestTrees.syntheticLeafHashes(TREE_SIZE_MAX);
    private static final LeafHashes LEAVES = new TestTrees.LeafList(LEAF_HASHES);

    record Inclusion(int leafIndex, int treeSize) {}

    record Consistency(int oldSize, int newSize) {}

    @Provide
    Arbitrary<Inclusion> inclusions() {
        return Arbitraries.integers().between(1, TREE_SIZE_MAX)
                .flatMap(size -> Arbitraries.integers().between(0, size - 1).map(index -> new Inclusion(index, size)));
    }

    @Provide
    Arbitrary<Consistency> consistencies() {
        return Arbitraries.integers().between(1, TREE_SIZE_MAX)
                .flatMap(size -> Arbitraries.integers().between(1, size).map(old -> new Consistency(old, size)));
    }

    @Property(tries = TRIES)
    void generatedInclusionProofsVerify(@ForAll("inclusions") Inclusion claim) {
        assertThat(verify(claim, proofOf(claim))).isEqualTo(new ProofOutcome.Valid(root(claim.treeSize())));
    }

    @Property(tries = TRIES)
    void inclusionProofWithAFlippedBitFails(
            @ForAll("inclusions") Inclusion claim, @ForAll int hashChoice, @ForAll int bitChoice) {
        byte[][] proof = proofOf(claim);
        if (proof.length == 0) {
            // A one-leaf tree has no proof hashes to flip; flip the leaf instead.
            byte[] leaf = flipBit(LEAF_HASHES.get(claim.leafIndex()), bitChoice);
            assertThat(failureOf(MerkleVerifier.verifyInclusion(0, 1, leaf, proof, root(1))))
                    .isEqualTo(ProofFailure.ROOT_MISMATCH);
            return;
        }
        int position = Math.floorMod(hashChoice, proof.length);
        proof[position] = flipBit(proof[position], bitChoice);
        assertThat(failureOf(verify(claim, proof))).isEqualTo(ProofFailure.ROOT_MISMATCH);
    }

    @Property(tries = TRIES)
    void inclusionProofWithAHashAddedOrDroppedFails(@ForAll("inclusions") Inclusion claim, @ForAll int position) {
        byte[][] proof = proofOf(claim);
        assertThat(failureOf(verify(claim, inserted(proof, position)))).isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
        if (proof.length > 0) {
            assertThat(failureOf(verify(claim, removed(proof, position)))).isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
        }
    }

    @Property(tries = TRIES)
    void inclusionProofForAnotherIndexFails(
            @ForAll("inclusions") Inclusion claim, @ForAll("inclusions") Inclusion other) {
        int otherIndex = other.leafIndex() % claim.treeSize();
        if (otherIndex == claim.leafIndex()) {
            return;
        }
        ProofOutcome outcome = MerkleVerifier.verifyInclusion(
                otherIndex, claim.treeSize(), LEAF_HASHES.get(claim.leafIndex()), proofOf(claim), root(claim.treeSize()));
        assertThat(outcome.isValid()).as("leaf %d claimed at %d: %s", claim.leafIndex(), otherIndex, outcome).isFalse();
    }

    @Property(tries = TRIES)
    void inclusionProofAgainstAnotherTreeSizeFails(
            @ForAll("inclusions") Inclusion claim, @ForAll("inclusions") Inclusion other) {
        int otherSize = other.treeSize();
        if (otherSize == claim.treeSize()) {
            return;
        }
        // The other size's true root: a proof may fit another size's shape, never its root.
        ProofOutcome outcome = MerkleVerifier.verifyInclusion(
                claim.leafIndex(), otherSize, LEAF_HASHES.get(claim.leafIndex()), proofOf(claim), root(otherSize));
        assertThat(outcome.isValid()).as("size %d claimed as %d: %s", claim.treeSize(), otherSize, outcome).isFalse();
    }

    @Property(tries = TRIES)
    void inclusionProofAgainstAWrongRootFails(@ForAll("inclusions") Inclusion claim, @ForAll int bitChoice) {
        ProofOutcome outcome = MerkleVerifier.verifyInclusion(claim.leafIndex(), claim.treeSize(),
                LEAF_HASHES.get(claim.leafIndex()), proofOf(claim), flipBit(root(claim.treeSize()), bitChoice));
        assertThat(failureOf(outcome)).isEqualTo(ProofFailure.ROOT_MISMATCH);
    }

    @Property(tries = TRIES)
    void generatedConsistencyProofsVerify(@ForAll("consistencies") Consistency claim) {
        assertThat(verify(claim, proofOf(claim))).isEqualTo(new ProofOutcome.Valid(root(claim.newSize())));
    }

    @Property(tries = TRIES)
    void consistencyProofWithAFlippedBitFails(
            @ForAll("consistencies") Consistency claim, @ForAll int hashChoice, @ForAll int bitChoice) {
        byte[][] proof = proofOf(claim);
        if (proof.length == 0) {
            return;
        }
        int position = Math.floorMod(hashChoice, proof.length);
        proof[position] = flipBit(proof[position], bitChoice);
        assertThat(failureOf(verify(claim, proof))).isEqualTo(ProofFailure.ROOT_MISMATCH);
    }

    @Property(tries = TRIES)
    void consistencyProofWithAHashAddedOrDroppedFails(@ForAll("consistencies") Consistency claim, @ForAll int position) {
        byte[][] proof = proofOf(claim);
        assertThat(failureOf(verify(claim, inserted(proof, position)))).isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
        if (proof.length > 0) {
            assertThat(failureOf(verify(claim, removed(proof, position)))).isEqualTo(ProofFailure.WRONG_PROOF_LENGTH);
        }
    }

    @Property(tries = TRIES)
    void consistencyProofAgainstOtherSizesFails(
            @ForAll("consistencies") Consistency claim, @ForAll("consistencies") Consistency other) {
        if (other.equals(claim)) {
            return;
        }
        ProofOutcome outcome = MerkleVerifier.verifyConsistency(
                other.oldSize(), other.newSize(), proofOf(claim), root(other.oldSize()), root(other.newSize()));
        // Equal sizes need no proof, so an empty proof honestly proves any m == n claim.
        boolean bothTrivial = claim.oldSize() == claim.newSize() && other.oldSize() == other.newSize();
        assertThat(outcome.isValid()).as("%s claimed as %s: %s", claim, other, outcome).isEqualTo(bothTrivial);
    }

    @Property(tries = TRIES)
    void consistencyProofAgainstWrongRootsFails(@ForAll("consistencies") Consistency claim, @ForAll int bitChoice) {
        byte[][] proof = proofOf(claim);
        byte[] oldRoot = root(claim.oldSize());
        byte[] newRoot = root(claim.newSize());
        byte[] wrongOld = flipBit(oldRoot, bitChoice);
        byte[] wrongNew = flipBit(newRoot, bitChoice);
        int oldSize = claim.oldSize();
        int newSize = claim.newSize();
        assertThat(failureOf(MerkleVerifier.verifyConsistency(oldSize, newSize, proof, wrongOld, newRoot)))
                .isEqualTo(ProofFailure.ROOT_MISMATCH);
        assertThat(failureOf(MerkleVerifier.verifyConsistency(oldSize, newSize, proof, oldRoot, wrongNew)))
                .isEqualTo(ProofFailure.ROOT_MISMATCH);
    }

    private static byte[][] proofOf(Inclusion claim) {
        return MerkleProofs.inclusionProof(claim.leafIndex(), claim.treeSize(), LEAVES);
    }

    private static byte[][] proofOf(Consistency claim) {
        return MerkleProofs.consistencyProof(claim.oldSize(), claim.newSize(), LEAVES);
    }

    private static ProofOutcome verify(Inclusion claim, byte[][] proof) {
        return MerkleVerifier.verifyInclusion(
                claim.leafIndex(), claim.treeSize(), LEAF_HASHES.get(claim.leafIndex()), proof, root(claim.treeSize()));
    }

    private static ProofOutcome verify(Consistency claim, byte[][] proof) {
        return MerkleVerifier.verifyConsistency(
                claim.oldSize(), claim.newSize(), proof, root(claim.oldSize()), root(claim.newSize()));
    }

    private static byte[] root(int treeSize) {
        return MerkleProofs.rootAt(treeSize, LEAVES);
    }

    private static ProofFailure failureOf(ProofOutcome outcome) {
        return switch (outcome) {
            case ProofOutcome.Invalid invalid -> invalid.failure();
            case ProofOutcome.Valid valid -> null;
        };
    }

    private static byte[] flipBit(byte[] hash, int bitChoice) {
        byte[] copy = hash.clone();
        int bit = Math.floorMod(bitChoice, copy.length * Byte.SIZE);
        copy[bit / Byte.SIZE] ^= (byte) (1 << (bit % Byte.SIZE));
        return copy;
    }

    private static byte[][] inserted(byte[][] proof, int positionChoice) {
        List<byte[]> hashes = new ArrayList<>(Arrays.asList(proof));
        hashes.add(Math.floorMod(positionChoice, proof.length + 1), Rfc9162.leafHash(new byte[] {42}));
        return hashes.toArray(byte[][]::new);
    }

    private static byte[][] removed(byte[][] proof, int positionChoice) {
        List<byte[]> hashes = new ArrayList<>(Arrays.asList(proof));
        hashes.remove(Math.floorMod(positionChoice, proof.length));
        return hashes.toArray(byte[][]::new);
    }
}
