package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hard limit: at most 7 bytes on disk per corpus token (separators not counted). Documents of 300 tokens
 * on average, shorter than Brown's 2,500, so that the per-document table weighs more than it does there.
 */
class IndexSizeTest {

    private static final long SEED = 20261124L;
    private static final int DOCUMENT_COUNT = 3_000;
    private static final double DISK_BYTES_PER_TOKEN_MAX = 7.0;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(TokenizerKind.class)
    void indexTakesAtMostSevenBytesPerToken(TokenizerKind tokenizer) throws IOException {
        var random = new Random(SEED);
        var target = directory.resolve(tokenizer.wireName());
        long corpusTokens = 0;
        BuildSummary summary;
        try (var builder = IndexBuilder.create(target, tokenizer, IndexFormat.SHARD_TOKENS_DEFAULT,
                BuildProgress.NONE)) {
            for (int d = 0; d < DOCUMENT_COUNT; d++) {
                int[] tokens = random.ints(random.nextInt(100, 500), 0, tokenizer.vocabularySize()).toArray();
                builder.addTokens("contribution-" + d, new byte[IndexFormat.CONTENT_HASH_BYTES], tokens);
                corpusTokens += tokens.length;
            }
            summary = builder.finish();
        }
        long diskBytes = diskBytes(target);
        assertThat(summary.diskBytes()).isEqualTo(diskBytes);
        assertThat((double) diskBytes / corpusTokens).as("bytes per token with %s", tokenizer.wireName())
                .isLessThanOrEqualTo(DISK_BYTES_PER_TOKEN_MAX);
    }

    private static long diskBytes(Path index) throws IOException {
        long total = 0;
        try (Stream<Path> paths = Files.walk(index)) {
            for (var path : paths.filter(Files::isRegularFile).toList()) {
                total += Files.size(path);
            }
        }
        return total;
    }
}
