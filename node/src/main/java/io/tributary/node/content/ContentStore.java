package io.tributary.node.content;

import io.tributary.core.crypto.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;

/**
 * Contribution bytes, content-addressed by SHA-256 under {@code content/<first two hex>/<hash>}. The hash is
 * checked on write (it names the file) and on read (a file whose bytes no longer match is refused).
 */
public final class ContentStore {

    /** Largest contribution accepted, in bytes. */
    public static final long CONTENT_BYTES_MAX = 1L << 30;

    private final Path root;

    public ContentStore(Path root) {
        this.root = root;
    }

    public record Stored(String hash, long sizeBytes) {}

    /** Copies {@code source} into the store through a temporary file and an atomic rename. */
    public Stored put(Path source) throws IOException {
        Files.createDirectories(root);
        var temporary = Files.createTempFile(root, ".incoming-", "");
        try {
            var digest = Bytes.sha256();
            long size;
            try (var in = new DigestInputStream(Files.newInputStream(source), digest);
                    var out = Files.newOutputStream(temporary)) {
                size = copyBounded(in, out);
                out.flush();
            }
            var hash = Bytes.hex(digest.digest());
            var target = path(hash);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                read(hash);
            } else {
                try (var channel = java.nio.channels.FileChannel.open(temporary,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(hash, size);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The bytes stored under {@code hash}, checked against it. */
    public byte[] read(String hash) throws IOException {
        var path = path(hash);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no content " + hash + " in " + root);
        }
        var bytes = Files.readAllBytes(path);
        if (!Bytes.hex(Bytes.sha256(bytes)).equals(hash)) {
            throw new IOException("content " + hash + " is corrupt: its bytes no longer hash to its name");
        }
        return bytes;
    }

    public Path path(String hash) {
        Bytes.unhex(hash, Bytes.SHA256_BYTES);
        return root.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static long copyBounded(InputStream in, java.io.OutputStream out) throws IOException {
        var buffer = new byte[64 * 1024];
        long total = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            total += read;
            if (total > CONTENT_BYTES_MAX) {
                throw new IOException("content is larger than " + CONTENT_BYTES_MAX + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }
}
