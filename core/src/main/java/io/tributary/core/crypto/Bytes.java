package io.tributary.core.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 and the text encodings of bytes used in formats: lowercase hex and base64url without padding. */
public final class Bytes {

    public static final int SHA256_BYTES = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

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

    /**
     * Decodes unpadded base64url of exactly {@code length} bytes, refusing padding and non-canonical trailing bits
     * (by re-encoding: the JDK's decoder and encoder are intrinsics, and a one-pass decoder by hand was slower).
     */
    public static byte[] unbase64url(String text, int length) {
        byte[] bytes;
        try {
            bytes = text == null || text.contains("=") ? null : BASE64URL_DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            bytes = null;
        }
        if (bytes == null || bytes.length != length || !base64url(bytes).equals(text)) {
            throw new IllegalArgumentException("expected base64url without padding of " + length + " bytes: "
                    + abbreviate(text));
        }
        return bytes;
    }

    /** Characters of the unpadded base64url text of {@code length} bytes. */
    public static int base64urlLength(int length) {
        return (length * 4 + 2) / 3;
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
