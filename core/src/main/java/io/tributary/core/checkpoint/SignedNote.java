package io.tributary.core.checkpoint;

import io.tributary.core.crypto.Bytes;
import io.tributary.core.crypto.Ed25519;
import io.tributary.core.crypto.SigningKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes with Ed25519 keys: the text, a blank line, then lines {@code — <name> <base64(keyhash ‖ sig)>}.
 * The key hash is the first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
 */
public final class SignedNote {

    private static final byte ALGORITHM_ED25519 = 0x01;
    private static final String SIGNATURE_PREFIX = "\u2014 ";
    public static final int NOTE_BYTES_MAX = 1 << 20;

    private SignedNote() {}

    public static String sign(String text, String name, SigningKey key) {
        requireText(text);
        var publicKey = key.publicKey();
        var signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        var tagged = ByteBuffer.allocate(4 + signature.length).put(keyHash(name, publicKey)).put(signature).array();
        return text + "\n" + SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(tagged) + "\n";
    }

    /** The verifier key, {@code <name>+<hex keyhash>+<base64(0x01 ‖ public key)>}. */
    public static String verifierKey(String name, byte[] publicKey) {
        var encoded = ByteBuffer.allocate(1 + publicKey.length).put(ALGORITHM_ED25519).put(publicKey).array();
        return name + "+" + HexFormat.of().formatHex(keyHash(name, publicKey)) + "+"
                + Base64.getEncoder().encodeToString(encoded);
    }

    /** Returns the note's text once a signature by the verifier key checks; throws with the reason otherwise. */
    public static String open(String note, String verifierKey) {
        if (note.length() > NOTE_BYTES_MAX) {
            throw new IllegalArgumentException("note is larger than " + NOTE_BYTES_MAX + " bytes");
        }
        var parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("verifier key must be <name>+<hex keyhash>+<base64 key>");
        }
        var name = parts[0];
        var encoded = Base64.getDecoder().decode(parts[2]);
        if (encoded.length != 1 + Ed25519.PUBLIC_KEY_BYTES || encoded[0] != ALGORITHM_ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key");
        }
        var publicKey = Arrays.copyOfRange(encoded, 1, encoded.length);
        var keyHash = keyHash(name, publicKey);
        if (!HexFormat.of().formatHex(keyHash).equals(parts[1])) {
            throw new IllegalArgumentException("verifier key hash does not match its name and key");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("note has no signature block");
        }
        var text = note.substring(0, split + 1);
        for (var line : note.substring(split + 2, note.length() - 1).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX + name + " ")) {
                continue;
            }
            var tagged = Base64.getDecoder().decode(line.substring(SIGNATURE_PREFIX.length() + name.length() + 1));
            if (tagged.length == 4 + Ed25519.SIGNATURE_BYTES && Arrays.equals(tagged, 0, 4, keyHash, 0, 4)
                    && Ed25519.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(tagged, 4,
                            tagged.length))) {
                return text;
            }
        }
        throw new IllegalArgumentException("no valid signature by " + name + " on the note");
    }

    static byte[] keyHash(String name, byte[] publicKey) {
        var digest = Bytes.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(ALGORITHM_ED25519);
        digest.update(publicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    private static void requireText(String text) {
        if (!text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("note text must end in a newline and contain no blank line");
        }
    }
}
