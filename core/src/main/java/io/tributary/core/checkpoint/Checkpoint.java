package io.tributary.core.checkpoint;

import java.util.Arrays;
import java.util.Base64;

/** The signed statement of a log: its origin, size, RFC 9162 root and state root (C2SP tlog-checkpoint body). */
public record Checkpoint(String origin, long size, byte[] rootHash, byte[] stateRoot) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("checkpoint origin must be one non-empty line");
        }
        if (size < 0 || rootHash.length != 32 || stateRoot.length != 32) {
            throw new IllegalArgumentException("checkpoint needs a size >= 0 and two 32-byte hashes");
        }
    }

    /** The note body: origin, size, root, then the extension line {@code state <root>}, each ending in a newline. */
    public String body() {
        var base64 = Base64.getEncoder();
        return origin + "\n" + size + "\n" + base64.encodeToString(rootHash) + "\n"
                + "state " + base64.encodeToString(stateRoot) + "\n";
    }

    public static Checkpoint parseBody(String body) {
        var lines = body.split("\n", -1);
        if (lines.length != 5 || !lines[4].isEmpty() || !lines[3].startsWith("state ")) {
            throw new IllegalArgumentException("checkpoint body must be origin, size, root and a state line");
        }
        try {
            var decoder = Base64.getDecoder();
            return new Checkpoint(lines[0], Long.parseLong(lines[1]), decoder.decode(lines[2]),
                    decoder.decode(lines[3].substring("state ".length())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed checkpoint body: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && Arrays.equals(stateRoot, that.stateRoot);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return body();
    }
}
