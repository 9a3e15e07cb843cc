package io.tributary.core.merkle;

/** Why a proof was rejected, in the order the verifier checks: the first that applies is reported. */
public enum ProofFailure {
    /** A tree size is negative, or the old size of a consistency proof is zero or above the new size. */
    SIZE_OUT_OF_RANGE,
    /** The leaf index is not within {@code [0, treeSize)}. */
    INDEX_OUT_OF_RANGE,
    /** The proof does not have exactly the number of hashes that the sizes and index dictate. */
    WRONG_PROOF_LENGTH,
    /** A leaf hash, root or proof hash is not 32 bytes. */
    WRONG_HASH_LENGTH,
    /** The proof is well formed but does not lead to the expected root. */
    ROOT_MISMATCH
}
