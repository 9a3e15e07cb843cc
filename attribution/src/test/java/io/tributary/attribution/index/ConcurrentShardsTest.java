package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorting one shard in the background while the next fills must not change a single byte of the index. */
class ConcurrentShardsTest {

    private static final long SEED = 20261124L;

    @TempDir
    Path directory;

    @Test
    void concurrentShardsGiveByteIdenticalFilesFromTokens() throws IOException {
        var random = new Random(SEED);
        var documents = new ArrayList<int[]>();
        for (int i = 0; i < 120; i++) {
            // Large token ids as in o200k_base, few distinct ones so that suffixes share long prefixes.
            documents.add(random.ints(1 + random.nextInt(3_000), 199_000, 199_040).toArray());
        }
        for (int shardTokens : new int[] {5_000, 40_000, 100_000, 1 << 20}) {
            var sequential = buildFromTokens("sequential-" + shardTokens, documents, shardTokens, 1);
            var concurrent = buildFromTokens("concurrent-" + shardTokens, documents, shardTokens, 2);
            assertSameFiles(sequential, concurrent);
        }
    }

    @Test
    void concurrentShardsGiveByteIdenticalFilesFromTexts() throws IOException {
        var documents = new ArrayList<Document>();
        for (int i = 0; i < 60; i++) {
            documents.add(new Document("doc-" + i, ("Document " + i + " says the river runs to the sea. ")
                    .repeat(1 + i % 7)));
        }
        var sequential = directory.resolve("texts-sequential");
        var concurrent = directory.resolve("texts-concurrent");
        var one = IndexBuilder.build(documents, sequential, TokenizerKind.O200K_BASE, 300, BuildProgress.NONE, 1);
        var two = IndexBuilder.build(documents, concurrent, TokenizerKind.O200K_BASE, 300, BuildProgress.NONE, 2);
        assertThat(two).isEqualTo(one);
        assertThat(one.shardCount()).isGreaterThan(3);
        assertSameFiles(sequential, concurrent);
        try (var index = AttributionIndex.open(concurrent)) {
            assertThat(index.shards()).hasSize(one.shardCount());
        }
    }

    @Test
    void refusesMoreConcurrentShardsThanItSupports() {
        assertThatThrownBy(() -> IndexBuilder.create(directory.resolve("x"), TokenizerKind.O200K_BASE, 100,
                BuildProgress.NONE, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrent shards");
    }

    private Path buildFromTokens(String name, List<int[]> documents, int shardTokens, int concurrentShards)
            throws IOException {
        var target = directory.resolve(name);
        try (var builder = IndexBuilder.create(target, TokenizerKind.O200K_BASE, shardTokens, BuildProgress.NONE,
                concurrentShards)) {
            for (int i = 0; i < documents.size(); i++) {
                var hash = new byte[IndexFormat.CONTENT_HASH_BYTES];
                hash[0] = (byte) i;
                builder.addTokens("d" + i, hash, documents.get(i));
            }
            builder.finish();
        }
        return target;
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> expectedFiles = relativeFiles(expected);
        assertThat(relativeFiles(actual)).isEqualTo(expectedFiles);
        for (var file : expectedFiles) {
            assertThat(Files.mismatch(expected.resolve(file), actual.resolve(file))).as("%s differs", file)
                    .isEqualTo(-1L);
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
