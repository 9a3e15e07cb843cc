package io.tributary.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 private key (its 32-byte seed) with its public key, stored as an unencrypted PKCS#8 PEM file. */
public final class SigningKey {

    /** DER of PKCS#8 PrivateKeyInfo for Ed25519 (RFC 8410) up to the seed: version 0, OID 1.3.101.112, octet string. */
    private static final byte[] PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final int PEM_CHARS_MAX = 4096;

    private final byte[] seed;
    private final byte[] publicKey;

    private SigningKey(byte[] seed) {
        this.seed = seed.clone();
        this.publicKey = Ed25519.publicKey(seed);
    }

    public static SigningKey generate(SecureRandom random) {
        var seed = new byte[Ed25519.SEED_BYTES];
        random.nextBytes(seed);
        return new SigningKey(seed);
    }

    public static SigningKey fromSeed(byte[] seed) {
        return new SigningKey(seed);
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public AccountId account() {
        return AccountId.of(publicKey);
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(seed, message);
    }

    public String toPem() {
        var der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, seed.length);
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + PEM_END
                + "\n";
    }

    public static SigningKey fromPem(String pem) {
        if (pem.length() > PEM_CHARS_MAX) {
            throw new IllegalArgumentException("key file is too large to be an Ed25519 PEM key");
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM private key: missing " + PEM_BEGIN + " ... " + PEM_END);
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM private key is not valid base64");
        }
        if (der.length != PKCS8_PREFIX.length + Ed25519.SEED_BYTES
                || !Arrays.equals(der, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new IllegalArgumentException("PEM private key is not an Ed25519 PKCS#8 key");
        }
        return new SigningKey(Arrays.copyOfRange(der, PKCS8_PREFIX.length, der.length));
    }

    public static SigningKey read(Path file) throws IOException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Writes the key readable by its owner only; refuses to overwrite an existing file. */
    public void write(Path file) throws IOException {
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        Files.createFile(file, ownerOnly);
        Files.writeString(file, toPem(), StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
