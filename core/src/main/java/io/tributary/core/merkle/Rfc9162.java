package io.tributary.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashing of RFC 9162 §2.1.1 (the same as RFC 6962): SHA-256 with one-byte domain separation
 * between leaves and interior nodes, so that a leaf can never be passed off as a node.
 */
public final class Rfc9162 {
    /** Length of every hash in a tree. */
    public static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // Looking a digest up costs about as much as hashing 64 bytes; reuse one per thread.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Rfc9162::newSha256);

    private Rfc9162() {}

    /** SHA-256(0x00 ‖ data): the hash of a leaf holding {@code data}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** SHA-256(0x01 ‖ left ‖ right): the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** SHA-256 of the empty string: the root of the tree with no leaves. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The calling thread's digest, reset in case a previous use threw halfway (a null input). */
    private static MessageDigest sha256() {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256, so this is a broken runtime.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
