package io.tributary.core.merkle;

/** Invariant checks that stay on in production: a failure is a bug in this package, never bad input. */
final class MerkleInvariants {
    private MerkleInvariants() {}

    static void check(boolean condition, String format, Object... arguments) {
        if (!condition) {
            throw new IllegalStateException(String.format(format, arguments));
        }
    }
}
