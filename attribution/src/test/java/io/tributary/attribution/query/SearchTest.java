package io.tributary.attribution.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.TestIndexes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** count and longest prefix against brute force over random small-alphabet corpora, in one and several shards. */
class SearchTest {

    private static final long SEED = 0x5eed_2026L;

    @TempDir
    Path directory;

    @Test
    void countAndLongestPrefixMatchBruteForceInOneShard() throws IOException {
        checkAgainstBruteForce(1 << 20, directory.resolve("one"));
    }

    @Test
    void countAndLongestPrefixMatchBruteForceAcrossShards() throws IOException {
        checkAgainstBruteForce(97, directory.resolve("many"));
    }

    private static void checkAgainstBruteForce(int shardTokensMax, Path where) throws IOException {
        var random = new Random(SEED);
        var documents = new ArrayList<int[]>();
        for (int d = 0; d < 40; d++) {
            documents.add(random.ints(random.nextInt(0, 60), 0, 4).toArray());
        }
        try (var index = AttributionIndex.open(TestIndexes.fromTokens(where, documents, shardTokensMax))) {
            var searcher = new Searcher(index);
            for (int q = 0; q < 300; q++) {
                int[] query = random.ints(random.nextInt(1, 9), 0, 5).toArray();
                assertThat(searcher.count(query, 0, query.length)).as("seed %d query %d", SEED, q)
                        .isEqualTo(bruteCount(documents, query, query.length));
                int longest = searcher.longestPrefixes(query, new int[] {0}, new int[] {query.length})[0];
                assertThat(longest).as("seed %d query %d", SEED, q).isEqualTo(bruteLongest(documents, query));
                assertThat(searcher.occurrences(query, 0, query.length, Integer.MAX_VALUE))
                        .hasSize((int) bruteCount(documents, query, query.length));
                assertThat(searcher.unigramProbability(query[0])).isEqualTo(
                        (double) bruteCount(documents, query, 1) / documents.stream().mapToInt(d -> d.length).sum());
            }
        }
    }

    private static long bruteCount(List<int[]> documents, int[] query, int length) {
        long count = 0;
        for (int[] document : documents) {
            for (int start = 0; start + length <= document.length; start++) {
                int k = 0;
                while (k < length && document[start + k] == query[k]) {
                    k++;
                }
                count += k == length ? 1 : 0;
            }
        }
        return count;
    }

    private static int bruteLongest(List<int[]> documents, int[] query) {
        int longest = 0;
        while (longest < query.length && bruteCount(documents, query, longest + 1) > 0) {
            longest++;
        }
        return longest;
    }
}
