package io.tributary.core.merkle;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** The result of checking a proof: rejecting a proof is an expected outcome, not an exception. */
public sealed interface ProofOutcome {

    /** The proof holds; {@code rootHash} is the root it proves. */
    record Valid(byte[] rootHash) implements ProofOutcome {
        public Valid {
            if (rootHash.length != Rfc9162.HASH_BYTES) {
                throw new IllegalArgumentException("root hash must be 32 bytes, got " + rootHash.length);
            }
            rootHash = rootHash.clone();
        }

        @Override
        public byte[] rootHash() {
            return rootHash.clone();
        }

        // Records compare arrays by identity; a root is its content.
        @Override
        public boolean equals(Object other) {
            return other instanceof Valid that && Arrays.equals(rootHash, that.rootHash);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rootHash);
        }

        @Override
        public String toString() {
            return "Valid[rootHash=" + HexFormat.of().formatHex(rootHash) + "]";
        }
    }

    /** The proof was rejected for {@code failure}; {@code detail} is for people, not for code. */
    record Invalid(ProofFailure failure, String detail) implements ProofOutcome {
        public Invalid {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
