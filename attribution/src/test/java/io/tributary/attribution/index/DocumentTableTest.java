package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** documents.bin: u32 starts and u16 id lengths read back, and id lengths outside 1..1,024 bytes are refused. */
class DocumentTableTest {

    /** The longest id allowed, in two-byte characters. */
    private static final String LONGEST_ID = "é".repeat(IndexFormat.DOCUMENT_ID_BYTES_MAX / 2);

    @TempDir
    Path directory;

    @Test
    void startsIdsAndHashesReadBack() throws IOException {
        var ids = List.of("a", LONGEST_ID, "contribution-3");
        var documents = List.of(new int[] {5, 6, 7}, new int[0], new int[] {8});
        var index = build(ids, documents);
        try (var opened = AttributionIndex.open(index)) {
            var table = opened.shards().getFirst().documents();
            assertThat(LONGEST_ID.getBytes(StandardCharsets.UTF_8)).hasSize(IndexFormat.DOCUMENT_ID_BYTES_MAX);
            for (int d = 0; d < ids.size(); d++) {
                assertThat(table.contributionId(d)).isEqualTo(ids.get(d));
                assertThat(table.contentHash(d)).containsOnly(d);
            }
            assertThat(List.of(table.start(0), table.start(1), table.start(2))).containsExactly(1L, 5L, 6L);
            assertThat(table.end(2)).isEqualTo(opened.shards().getFirst().tokenCount());
        }
    }

    /** Lengths 0 and 2 for ids of 1 byte each keep the body's size right, so only the length check catches them. */
    @Test
    void emptyIdIsCorrupt() throws IOException {
        var index = build(List.of("a", "b"), List.of(new int[] {1}, new int[] {2}));
        var path = index.resolve(Manifest.shardDirectoryName(0)).resolve(IndexFormat.DOCUMENTS_FILE);
        long idLengthsAt = IndexFormat.headerBytes(IndexFormat.DOCUMENTS_FORMAT) + DocumentTable.Layout.of(2)
                .idLengthsAt();
        try (var file = new RandomAccessFile(path.toFile(), "rw")) {
            file.seek(idLengthsAt);
            file.write(new byte[] {0, 0, 2, 0});
        }
        TestIndexes.rewriteChecksum(path);
        assertThatThrownBy(() -> AttributionIndex.open(index).close()).isInstanceOf(IndexException.class)
                .hasMessageContaining("the id of document 0 has 0 bytes")
                .satisfies(e -> assertThat(((IndexException) e).reason()).isEqualTo(Reason.CORRUPT));
    }

    private Path build(List<String> ids, List<int[]> documents) throws IOException {
        var target = directory.resolve("index");
        try (var builder = IndexBuilder.create(target, TokenizerKind.O200K_BASE, IndexFormat.SHARD_TOKENS_DEFAULT,
                BuildProgress.NONE)) {
            for (int d = 0; d < ids.size(); d++) {
                var hash = new byte[IndexFormat.CONTENT_HASH_BYTES];
                Arrays.fill(hash, (byte) d);
                builder.addTokens(ids.get(d), hash, documents.get(d));
            }
            builder.finish();
        }
        return target;
    }
}
