package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing, truncated, corrupt, foreign and too-new indexes; empty, binary and oversized input; and never a
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

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        var index = smallIndex();
        try (var file = new RandomAccessFile(tokensFile(index).toFile(), "rw")) {
            file.seek(45);
            int b = file.read();
            file.seek(45);
            file.write(b ^ 0x40);
        }
        assertReason(index, Reason.CORRUPT, "checksum mismatch");
    }

    @Test
    void foreignAndNewerFilesAreNamedAsSuch() throws IOException {
        var index = smallIndex();
        Files.writeString(index.resolve(IndexFormat.MANIFEST_FILE), "{\"not\": \"an index\"}");
        assertReason(index, Reason.FOREIGN, "bad magic");

        var newer = directory.resolve("newer");
        Files.createDirectory(newer);
        var newerIndex = TestIndexes.fromTexts(newer, List.of(new Document("a", "one two three")));
        var manifest = newerIndex.resolve(IndexFormat.MANIFEST_FILE);
        try (var file = new RandomAccessFile(manifest.toFile(), "rw")) {
            file.seek(5 + IndexFormat.MANIFEST_FORMAT.length());
            file.write(new byte[] {2, 0, 0, 0});
        }
        assertReason(newerIndex, Reason.TOO_NEW, "newer than this engine reads");
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
