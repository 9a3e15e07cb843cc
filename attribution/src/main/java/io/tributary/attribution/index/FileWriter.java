package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.FOOTER_BYTES;
import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes one index file of a size known in advance through a read-write mapping: header, a body filled by the
 * caller, then the CRC32C footer. The file is forced to disk on close.
 */
final class FileWriter implements AutoCloseable {

    private final Arena arena;
    private final MemorySegment file;
    private final long bodyOffset;
    private final long bodyBytes;

    private FileWriter(Arena arena, MemorySegment file, long bodyOffset, long bodyBytes) {
        this.arena = arena;
        this.file = file;
        this.bodyOffset = bodyOffset;
        this.bodyBytes = bodyBytes;
    }

    static FileWriter create(Path path, String formatName, long bodyBytes) throws IOException {
        long headerBytes = IndexFormat.headerBytes(formatName);
        long size = headerBytes + bodyBytes + FOOTER_BYTES;
        var arena = Arena.ofConfined();
        try (var channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            var file = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
            file.set(INT_LE, 0, IndexFormat.HEADER_MAGIC);
            file.set(ValueLayout.JAVA_BYTE, 4, (byte) formatName.length());
            MemorySegment.copy(formatName.getBytes(StandardCharsets.US_ASCII), 0, file, ValueLayout.JAVA_BYTE, 5,
                    formatName.length());
            file.set(INT_LE, 5 + formatName.length(), IndexFormat.VERSION);
            return new FileWriter(arena, file, headerBytes, bodyBytes);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** The body as a writable view; writes may spill into the footer (packed tokens do), which is written last. */
    MemorySegment body() {
        return file.asSlice(bodyOffset, bodyBytes + FOOTER_BYTES);
    }

    /** Writes the footer over the whole file's checksum and flushes the mapping. */
    void finish() {
        long footer = bodyOffset + bodyBytes;
        file.set(INT_LE, footer, IndexFormat.FOOTER_MAGIC);
        file.set(INT_LE, footer + 4, IndexFormat.CHECKSUM_ALGORITHM_CRC32C);
        file.set(LONG_LE, footer + 8, MappedFile.crc32c(file, 0, footer + 8));
        file.force();
    }

    @Override
    public void close() {
        arena.close();
    }
}
