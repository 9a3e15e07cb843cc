package io.tributary.bench.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.attribution.index.SuffixArrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The baseline must sort exactly like SA-IS, or the benchmark compares different work. */
class PrefixDoublingSuffixSortTest {

    private static final long SEED = 42;

    @Test
    void agreesWithSaisOnRandomTexts() {
        var random = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            int alphabet = 1 + random.nextInt(5);
            int[] text = random.ints(random.nextInt(1, 400), 0, alphabet).toArray();
            var expected = new int[text.length];
            SuffixArrays.sort(text, text.length, alphabet, expected);
            assertThat(PrefixDoublingSuffixSort.sort(text, text.length, alphabet))
                    .as("seed %d round %d", SEED, round).containsExactly(expected);
        }
    }
}
