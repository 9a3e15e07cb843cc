package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing, truncated, corrupt, foreign, too-old and too-new indexes; empty, binary and oversized input; and never a
 * half-written output.
 */
class BadInputTest {

    @TempDir
    Path directory;

    private Path smallIndex() throws IOException {
        return TestIndexes.fromTexts(directory, List.of(new Document("a", "one two three four five six seven"),
                new Document("b", "eight nine ten eleven twelve")));
    }

    private static Path tokensFile(Path index) {
        return index.resolve(Manifest.shardDirectoryName(0)).resolve(IndexFormat.TOKENS_FILE);
    }

    @Test
    void missingDirectoryOrManifestIsReportedAsMissing() throws IOException {
        assertReason(directory.resolve("nowhere"), Reason.MISSING, "index directory is missing");
        Files.createDirectory(directory.resolve("empty"));
        assertReason(directory.resolve("empty"), Reason.MISSING, "not an index directory");
        var index = smallIndex();
        Files.delete(index.resolve(Manifest.shardDirectoryName(0)).resolve(IndexFormat.SUFFIXES_FILE));
        assertReason(index, Reason.MISSING, "index file is missing");
    }

    @Test
    void truncatedFileIsToldApartFromACorruptOne() throws IOException {
        var index = smallIndex();
        try (var file = new RandomAccessFile(tokensFile(index).toFile(), "rw")) {
            file.setLength(file.length() - 5);
        }
        assertReason(index, Reason.TRUNCATED, "truncated");
    }

    /** Without the checksum, the packed tokens' length is what tells a body cut or grown by one byte. */
    @Test
    void tokensBodyOffByOneByteIsTruncatedOrExtended() throws IOException {
        var index = smallIndex();
        var tokens = tokensFile(index);
        byte[] original = Files.readAllBytes(tokens);
        int footerAt = original.length - IndexFormat.FOOTER_BYTES;
        var shorter = new byte[original.length - 1];
        System.arraycopy(original, 0, shorter, 0, footerAt - 1);
        System.arraycopy(original, footerAt, shorter, footerAt - 1, IndexFormat.FOOTER_BYTES);
        Files.write(tokens, shorter);
        assertStructureReason(index, IndexFormat.TOKENS_FILE + " is truncated: body has");
        var longer = new byte[original.length + 1];
        System.arraycopy(original, 0, longer, 0, footerAt);
        System.arraycopy(original, footerAt, longer, footerAt + 1, IndexFormat.FOOTER_BYTES);
        Files.write(tokens, longer);
        assertStructureReason(index, IndexFormat.TOKENS_FILE + " is extended: body has");
    }

    private static void assertStructureReason(Path index, String message) {
        assertThatThrownBy(() -> AttributionIndex.open(index, MappedFile.Verification.STRUCTURE).close())
                .isInstanceOf(IndexException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        var index = smallIndex();
        long firstTokenByte = IndexFormat.headerBytes(IndexFormat.TOKENS_FORMAT) + IndexFormat.TOKENS_PREFIX_BYTES;
        try (var file = new RandomAccessFile(tokensFile(index).toFile(), "rw")) {
            file.seek(firstTokenByte);
            int b = file.read();
            file.seek(firstTokenByte);
            file.write(b ^ 0x40);
        }
        assertReason(index, Reason.CORRUPT, "checksum mismatch");
    }

    @Test
    void tokenWidthOtherThanTheTokenizersIsCorrupt() throws IOException {
        var index = smallIndex();
        var tokens = tokensFile(index);
        long widthAt = IndexFormat.headerBytes(IndexFormat.TOKENS_FORMAT) + 8;
        for (int width : new int[] {17, 0, 255}) {
            try (var file = new RandomAccessFile(tokens.toFile(), "rw")) {
                file.seek(widthAt);
                file.write(width);
            }
            TestIndexes.rewriteChecksum(tokens);
            assertReason(index, Reason.CORRUPT, "holds " + width + "-bit tokens; o200k_base tokens take 18 bits");
        }
    }

    @Test
    void foreignOlderAndNewerFilesAreNamedAsSuch() throws IOException {
        var index = smallIndex();
        Files.writeString(index.resolve(IndexFormat.MANIFEST_FILE), "{\"not\": \"an index\"}");
        assertReason(index, Reason.FOREIGN, "bad magic");

        var newer = indexOfVersion("newer", IndexFormat.VERSION + 1);
        assertReason(newer, Reason.TOO_NEW, "newer than this engine reads");
        var older = indexOfVersion("older", 1);
        assertReason(older, Reason.TOO_OLD, "has format version 1, older than this engine reads ("
                + IndexFormat.VERSION + "); rebuild the index");
    }

    /** A fresh index whose manifest claims another format version (the check precedes the checksum). */
    private Path indexOfVersion(String name, int version) throws IOException {
        var where = Files.createDirectory(directory.resolve(name));
        var index = TestIndexes.fromTexts(where, List.of(new Document("a", "one two three")));
        try (var file = new RandomAccessFile(index.resolve(IndexFormat.MANIFEST_FILE).toFile(), "rw")) {
            file.seek(5 + IndexFormat.MANIFEST_FORMAT.length());
            file.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(version).array());
        }
        return index;
    }

    @Test
    void emptyInputBuildsNothing() throws IOException {
        var input = Files.writeString(directory.resolve("empty.jsonl"), "\n\n");
        var out = directory.resolve("out");
        assertThatThrownBy(() -> build(input, out)).isInstanceOf(IndexException.class)
                .hasMessageContaining("no documents");
        assertNothingWritten(out);
    }

    @Test
    void binaryInputIsRejectedWithItsLine() throws IOException {
        var input = directory.resolve("binary.jsonl");
        Files.write(input, new byte[] {'{', '"', 'i', 'd', '"', ':', 0, (byte) 0xFF, '\n'});
        var out = directory.resolve("out");
        assertThatThrownBy(() -> build(input, out)).isInstanceOf(IndexException.class)
                .hasMessageContaining("line 1").hasMessageContaining("binary");
        assertNothingWritten(out);

        Files.write(input, "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"text\": \"\u00ff\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> build(input, out)).hasMessageContaining("line 2").hasMessageContaining("UTF-8");
        assertNothingWritten(out);
    }

    @Test
    void malformedLinesAndExistingOutputAreRejected() throws IOException {
        var input = Files.writeString(directory.resolve("bad.jsonl"), "{\"id\": \"a\"}\n");
        var out = directory.resolve("out");
        assertThatThrownBy(() -> build(input, out)).hasMessageContaining("has no \"text\"");
        assertNothingWritten(out);
        var good = Files.writeString(directory.resolve("good.jsonl"), "{\"id\": \"a\", \"text\": \"some text\"}\n");
        build(good, out);
        assertThatThrownBy(() -> build(good, out)).isInstanceOf(IndexException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void documentLargerThanAShardIsRejected() throws IOException {
        var out = directory.resolve("out");
        assertThatThrownBy(() -> IndexBuilder.build(List.of(new Document("big", "word ".repeat(100))), out,
                TokenizerKind.O200K_BASE, 50, BuildProgress.NONE))
                .isInstanceOf(IndexException.class).hasMessageContaining("more than a shard holds");
        assertNothingWritten(out);
    }

    private static void build(Path input, Path out) throws IOException {
        IndexBuilder.build(new JsonLinesDocuments(input), out, TokenizerKind.O200K_BASE,
                IndexFormat.SHARD_TOKENS_DEFAULT, BuildProgress.NONE);
    }

    private void assertNothingWritten(Path out) throws IOException {
        assertThat(out).doesNotExist();
        try (Stream<Path> siblings = Files.list(directory)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".tmp-"));
        }
    }

    private static void assertReason(Path index, Reason reason, String message) {
        assertThatThrownBy(() -> AttributionIndex.open(index).close()).isInstanceOf(IndexException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(reason));
    }
}
