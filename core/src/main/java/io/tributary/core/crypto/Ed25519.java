package io.tributary.core.crypto;

/**
 * Ed25519 (RFC 8032). Verification, the ledger's hot path, runs in libsodium (through FFM), and only there, so that
 * every node accepts exactly the same signatures; key generation and signing, which are deterministic and off the
 * hot path, use BouncyCastle's pure-Java implementation.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_BYTES = 32;
    public static final int SEED_BYTES = 32;
    public static final int SIGNATURE_BYTES = 64;

    static {
        org.bouncycastle.math.ec.rfc8032.Ed25519.precompute();
    }

    private Ed25519() {}

    public static byte[] publicKey(byte[] seed) {
        requireLength(seed, SEED_BYTES, "seed");
        var publicKey = new byte[PUBLIC_KEY_BYTES];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return publicKey;
    }

    public static byte[] sign(byte[] seed, byte[] message) {
        requireLength(seed, SEED_BYTES, "seed");
        var signature = new byte[SIGNATURE_BYTES];
        org.bouncycastle.math.ec.rfc8032.Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * True when {@code signature} is a valid signature by {@code publicKey} over {@code message}; never throws on bad
     * input.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_BYTES || signature.length != SIGNATURE_BYTES) {
            return false;
        }
        return Sodium.verify(publicKey, message, signature);
    }

    private static void requireLength(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
        }
    }
}
