package io.tributary.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 and the text encodings of bytes used in formats: lowercase hex and base64url without padding. */
public final class Bytes {

    public static final int SHA256_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Bytes() {}

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** SHA-256 of {@code data} with this thread's digest: looking one up costs about as much as hashing 64 bytes. */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bytes::sha256);

    /**
     * Whether {@code text} is exactly {@code digits} lowercase hex digits from {@code start} to its end; by hand,
     * not a regular expression, since every transaction has a few such fields.
     */
    public static boolean isLowerHex(String text, int start, int digits) {
        if (text.length() != start + digits) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses lowercase hex of exactly {@code length} bytes. */
    public static byte[] unhex(String text, int length) {
        if (text == null || text.length() != 2 * length || !isLowercaseHex(text)) {
            throw new IllegalArgumentException("expected " + 2 * length + " lowercase hex digits: " + abbreviate(text));
        }
        return HEX.parseHex(text);
    }

    private static boolean isLowercaseHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /** Decodes unpadded base64url of exactly {@code length} bytes, refusing padding and non-canonical trailing bits. */
    /**
     * Decodes base64url without padding of exactly {@code length} bytes, accepting only the one canonical text of
     * those bytes (the unused low bits of the last character zero), so that decoding and re-encoding agree. In one
     * pass by hand: decoding with the JDK and re-encoding to compare took a seventh of a transaction's parse.
     */
    public static byte[] unbase64url(String text, int length) {
        var bytes = text == null || text.length() != base64urlLength(length) ? null : decodeBase64url(text, length);
        if (bytes == null) {
            throw new IllegalArgumentException("expected base64url without padding of " + length + " bytes: "
                    + abbreviate(text));
        }
        return bytes;
    }

    /** Characters of the unpadded base64url text of {@code length} bytes. */
    static int base64urlLength(int length) {
        return (length * 4 + 2) / 3;
    }

    /** The bytes of a text of the right length, or null if it is not their canonical base64url. */
    private static byte[] decodeBase64url(String text, int length) {
        var bytes = new byte[length];
        int bits = 0;
        int pending = 0;
        int out = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int sextet = c < BASE64URL_VALUES.length ? BASE64URL_VALUES[c] : -1;
            if (sextet < 0) {
                return null;
            }
            bits = bits << 6 | sextet;
            pending += 6;
            if (pending >= 8) {
                pending -= 8;
                bytes[out++] = (byte) (bits >>> pending);
                bits &= (1 << pending) - 1;
            }
        }
        return bits == 0 ? bytes : null;
    }

    /** The value of each base64url character by its code, -1 for every other character. */
    private static final byte[] BASE64URL_VALUES = new byte[128];

    static {
        Arrays.fill(BASE64URL_VALUES, (byte) -1);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64URL_VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
