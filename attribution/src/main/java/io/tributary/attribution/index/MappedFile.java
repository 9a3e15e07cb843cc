package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.FOOTER_BYTES;
import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import io.tributary.attribution.index.IndexException.Reason;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One index file mapped read-only. This object owns the file's Arena; the body segment is a view that never owns
 * memory. Opening checks magic, format name, version and footer, and optionally the CRC32C of the whole file.
 */
public final class MappedFile implements AutoCloseable {

    /** CRC32C is computed over chunks because a ByteBuffer view of a segment is limited to 2 GiB. */
    private static final long CHECKSUM_CHUNK_BYTES = 1L << 30;

    private final Path path;
    private final Arena arena;
    private final MemorySegment file;
    private final MemorySegment body;

    private MappedFile(Path path, Arena arena, MemorySegment file, long bodyOffset) {
        this.path = path;
        this.arena = arena;
        this.file = file;
        this.body = file.asSlice(bodyOffset, file.byteSize() - bodyOffset - FOOTER_BYTES);
    }

    /** Whether to read the whole file to check its CRC32C, or only its header and footer. */
    public enum Verification { FULL, STRUCTURE }

    public static MappedFile open(Path path, String formatName, Verification verification) throws IOException {
        var arena = Arena.ofShared();
        try (var channel = FileChannel.open(path, StandardOpenOption.READ)) {
            var file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            long bodyOffset = checkHeader(path, file, formatName);
            checkFooter(path, file, bodyOffset);
            if (verification == Verification.FULL) {
                checkChecksum(path, file);
            }
            return new MappedFile(path, arena, file, bodyOffset);
        } catch (NoSuchFileException e) {
            arena.close();
            throw new IndexException(Reason.MISSING, "index file is missing: " + path);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static long checkHeader(Path path, MemorySegment file, String formatName) throws IndexException {
        long size = file.byteSize();
        if (size < 4 || file.get(INT_LE, 0) != IndexFormat.HEADER_MAGIC) {
            throw new IndexException(Reason.FOREIGN, "not a Tributary index file (bad magic): " + path);
        }
        int nameLength = size < 5 ? -1 : Byte.toUnsignedInt(file.get(ValueLayout.JAVA_BYTE, 4));
        if (nameLength < 0 || size < 5 + nameLength + 4) {
            throw new IndexException(Reason.TRUNCATED, "index file is truncated inside its header: " + path);
        }
        var name = new String(file.asSlice(5, nameLength).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
        if (!name.equals(formatName)) {
            throw new IndexException(Reason.FOREIGN,
                    path + " holds format '" + name + "', expected '" + formatName + "'");
        }
        int version = file.get(INT_LE, 5 + nameLength);
        if (version > IndexFormat.VERSION) {
            throw new IndexException(Reason.TOO_NEW, path + " has format version " + version
                    + ", newer than this engine reads (" + IndexFormat.VERSION + "); upgrade Tributary");
        }
        if (version < IndexFormat.VERSION) {
            throw new IndexException(Reason.TOO_OLD, path + " has format version " + version
                    + ", older than this engine reads (" + IndexFormat.VERSION + "); rebuild the index");
        }
        return IndexFormat.headerBytes(formatName);
    }

    private static void checkFooter(Path path, MemorySegment file, long bodyOffset) throws IndexException {
        long size = file.byteSize();
        if (size < bodyOffset + FOOTER_BYTES || file.get(INT_LE, size - FOOTER_BYTES) != IndexFormat.FOOTER_MAGIC) {
            throw new IndexException(Reason.TRUNCATED, "index file has no footer (truncated or extended): " + path);
        }
        int algorithm = file.get(INT_LE, size - FOOTER_BYTES + 4);
        if (algorithm != IndexFormat.CHECKSUM_ALGORITHM_CRC32C) {
            throw new IndexException(Reason.CORRUPT, "unknown checksum algorithm " + algorithm + " in " + path);
        }
    }

    private static void checkChecksum(Path path, MemorySegment file) throws IndexException {
        long size = file.byteSize();
        long stored = file.get(LONG_LE, size - 8);
        long actual = crc32c(file, 0, size - 8);
        if (stored != actual) {
            throw new IndexException(Reason.CORRUPT, "checksum mismatch in " + path + ": stored "
                    + Long.toHexString(stored) + ", computed " + Long.toHexString(actual));
        }
    }

    static long crc32c(MemorySegment segment, long from, long to) {
        var crc = new CRC32C();
        for (long offset = from; offset < to; offset += CHECKSUM_CHUNK_BYTES) {
            long length = Math.min(CHECKSUM_CHUNK_BYTES, to - offset);
            crc.update(segment.asSlice(offset, length).asByteBuffer());
        }
        return crc.getValue();
    }

    /** The bytes between header and footer; a view valid until this file is closed. */
    public MemorySegment body() {
        return body;
    }

    /** The body followed by the footer: lets readers load 8 bytes at the last packed token without a bounds branch. */
    public MemorySegment bodyAndFooter() {
        return file.asSlice(body.address() - file.address());
    }

    public Path path() {
        return path;
    }

    /** Throws unless the body holds exactly the expected number of bytes. */
    public void expectBodyBytes(long expected) throws IndexException {
        long actual = body.byteSize();
        if (actual != expected) {
            var reason = actual < expected ? "truncated" : "extended";
            throw new IndexException(Reason.TRUNCATED, path + " is " + reason + ": body has " + actual
                    + " bytes, its counts say " + expected);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
