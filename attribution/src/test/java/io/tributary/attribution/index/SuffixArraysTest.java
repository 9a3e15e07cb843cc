package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.attribution.tokens.Tokenizer;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class SuffixArraysTest {

    record Case(int alphabetSize, int[] text) {
    }

    @Provide
    Arbitrary<Case> smallAlphabetTexts() {
        return Arbitraries.integers().between(1, 6).flatMap(alphabet -> Combinators.combine(
                        Arbitraries.just(alphabet),
                        Arbitraries.integers().between(0, alphabet - 1).array(int[].class).ofMinSize(0).ofMaxSize(300))
                .as(Case::new));
    }

    @Property(tries = 400, seed = "20261124")
    void matchesTheNaiveSortOnRandomSmallAlphabetTexts(@ForAll("smallAlphabetTexts") Case input) {
        assertThat(sais(input.text(), input.alphabetSize())).containsExactly(NaiveSuffixSort.sort(input.text()));
    }

    /**
     * Repetitive texts over small alphabets: a random pattern of 1 to 12 symbols repeated, with a few symbols changed,
     * so that many LMS substrings are equal. They stress the naming of LMS substrings during the induction.
     */
    @Provide
    Arbitrary<Case> repetitiveTexts() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(0, 3).array(int[].class).ofMinSize(1).ofMaxSize(12),
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.longs())
                .as((alphabet, pattern, length, seed) -> {
                    var random = new java.util.Random(seed);
                    int[] text = new int[length];
                    for (int i = 0; i < length; i++) {
                        boolean changed = random.nextInt(50) == 0;
                        text[i] = changed ? random.nextInt(alphabet) : pattern[i % pattern.length] % alphabet;
                    }
                    return new Case(alphabet, text);
                });
    }

    @Property(tries = 400, seed = "20261125")
    void namesEqualLmsSubstringsAlikeInRepetitiveTexts(@ForAll("repetitiveTexts") Case input) {
        assertThat(sais(input.text(), input.alphabetSize())).containsExactly(NaiveSuffixSort.sort(input.text()));
    }

    /**
     * Two threads on every level, however short (parallelLengthMin 0): the LMS seeds and the mark moves split by
     * symbol, the naming and the mapping split in halves, also when one half holds no LMS position.
     */
    @Property(tries = 300, seed = "20261127")
    void twoThreadsOnShortLevelsMatchTheNaiveSort(@ForAll("repetitiveTexts") Case input) {
        int[] suffixes = new int[input.text().length];
        SuffixArrays.sort(input.text(), input.text().length, input.alphabetSize(), suffixes, 2, 0);
        assertThat(suffixes).containsExactly(NaiveSuffixSort.sort(input.text()));
    }

    @Property(tries = 200, seed = "20261128")
    void twoThreadsOnShortLevelsMatchTheNaiveSortOnRandomTexts(@ForAll("smallAlphabetTexts") Case input) {
        int[] suffixes = new int[input.text().length];
        SuffixArrays.sort(input.text(), input.text().length, input.alphabetSize(), suffixes, 2, 0);
        assertThat(suffixes).containsExactly(NaiveSuffixSort.sort(input.text()));
    }

    /**
     * Short texts over larger alphabets made of runs copied from earlier in the text: many LMS substrings are unique
     * and many repeat, so every level takes LMS suffixes out of its reduced problem (see FixedLmsSuffixes). Checked
     * against the naive sort, also with two threads on every level.
     */
    @Property(tries = 300, seed = "20261129")
    void takingOutFixedLmsSuffixesMatchesTheNaiveSort(@ForAll("largeAlphabetCopiedRuns") Case input) {
        int[] text = input.text();
        int[] expected = NaiveSuffixSort.sort(text);
        for (int threads = 1; threads <= 2; threads++) {
            int[] suffixes = new int[text.length];
            SuffixArrays.sort(text, text.length, input.alphabetSize(), suffixes, threads, 0);
            assertThat(suffixes).containsExactly(expected);
        }
    }

    @Provide
    Arbitrary<Case> largeAlphabetCopiedRuns() {
        return Combinators.combine(Arbitraries.integers().between(2, 2_000), Arbitraries.integers().between(0, 600),
                        Arbitraries.longs())
                .as((alphabet, length, seed) -> new Case(alphabet,
                        copiedRuns(new java.util.Random(seed), length, alphabet)));
    }

    @Test
    void sortsTextsWithLongRepeats() {
        int[] periodic = new int[1000];
        for (int i = 0; i < periodic.length; i++) {
            periodic[i] = (i % 7 == 3) ? 2 : (i % 3 == 0 ? 1 : 0);
        }
        assertThat(sais(periodic, 3)).containsExactly(NaiveSuffixSort.sort(periodic));
        int[] constant = new int[777];
        assertThat(sais(constant, 1)).containsExactly(NaiveSuffixSort.sort(constant));
    }

    @Test
    void sortsWithinALargerBufferAndLargeAlphabet() {
        int[] text = {200_000, 5, 5, 200_000, 5, 5, 17, 0, 0, 0};
        int[] suffixes = new int[10];
        SuffixArrays.sort(text, 7, 200_001, suffixes);
        int[] expected = NaiveSuffixSort.sort(java.util.Arrays.copyOf(text, 7));
        assertThat(java.util.Arrays.copyOf(suffixes, 7)).containsExactly(expected);
    }

    /** Each level's symbols are shifted left by one while it is sorted, which a larger alphabet would overflow. */
    @Test
    void rejectsAnAlphabetTooLargeForItsTables() {
        assertThatThrownBy(() -> SuffixArrays.sort(new int[] {0, 1}, 2, SuffixArrays.ALPHABET_SIZE_MAX + 1,
                new int[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alphabet size");
    }

    @Test
    void rejectsSymbolsOutsideTheAlphabet() {
        assertThatThrownBy(() -> SuffixArrays.sort(new int[] {0, 3}, 2, 3, new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol 3 at 1");
    }

    /**
     * Texts long enough for many blocks of {@link Induction} and for the helper thread: shaped like the synthetic
     * benchmark corpus (runs copied from earlier text, separators), like random small-alphabet text, and periodic.
     * The two-thread sort must give the same array as the one-thread sort, and that array must be sorted.
     */
    @Test
    void sortsLongTextsTheSameWithOneAndTwoThreads() {
        long seed = 20261124L;
        var random = new java.util.Random(seed);
        for (int round = 0; round < 6; round++) {
            int length = 150_000 + random.nextInt(150_000);
            int alphabet = switch (round % 3) {
                case 0 -> 2;
                case 1 -> 50;
                default -> 200_000;
            };
            int[] text = copiedRuns(random, length, alphabet);
            int[] one = new int[length];
            int[] two = new int[length];
            int[] before = text.clone();
            SuffixArrays.sort(text, length, alphabet, one, 1);
            SuffixArrays.sort(text, length, alphabet, two, 2);
            assertThat(two).as("seed %d round %d", seed, round).isEqualTo(one);
            assertThat(text).isEqualTo(before);
            assertSorted(text, one);
        }
        int[] periodic = new int[200_000];
        for (int i = 0; i < periodic.length; i++) {
            periodic[i] = (i % 7 == 3) ? 2 : (i % 3 == 0 ? 1 : 0);
        }
        int[] one = new int[periodic.length];
        int[] two = new int[periodic.length];
        SuffixArrays.sort(periodic, periodic.length, 3, one, 1);
        SuffixArrays.sort(periodic, periodic.length, 3, two, 2);
        assertThat(two).isEqualTo(one);
    }

    /** An alphabet from SPLIT_SEEDS_ALPHABET_MIN up: two threads place the LMS seeds, each for half the symbols. */
    @Test
    void placesSeedsOnTwoThreadsForLargeAlphabets() {
        int alphabet = 2 * SuffixArrays.SPLIT_SEEDS_ALPHABET_MIN;
        assertSortedAlikeOnOneAndTwoThreads(copiedRuns(new java.util.Random(20261205L), 200_000, alphabet), alphabet);
    }

    /**
     * Real text: the Brown corpus as a shard holds it (o200k_base tokens, the top symbol after each document), with
     * the repeats and the sparse, skewed alphabet of natural language that random texts lack. Sorted alike on one
     * and two threads, and in order.
     */
    @Test
    void sortsTheBrownCorpusTokens() throws IOException {
        assertSortedAlikeOnOneAndTwoThreads(brownTokens(), TokenizerKind.O200K_BASE.vocabularySize() + 1);
    }

    private static void assertSortedAlikeOnOneAndTwoThreads(int[] text, int alphabet) {
        int[] one = new int[text.length];
        int[] two = new int[text.length];
        SuffixArrays.sort(text, text.length, alphabet, one, 1);
        SuffixArrays.sort(text, text.length, alphabet, two, 2);
        assertThat(two).isEqualTo(one);
        assertSorted(text, one);
    }

    private static int[] brownTokens() throws IOException {
        var tokenizer = Tokenizer.of(TokenizerKind.O200K_BASE);
        int separator = TokenizerKind.O200K_BASE.vocabularySize();
        var tokens = new java.util.ArrayList<int[]>();
        int length = 0;
        var json = new ObjectMapper();
        // Tests run in the module's directory; ../shared sits beside the repository.
        Path corpus = Path.of("../../shared/data/brown/brown.jsonl.gz");
        try (var lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int[] document = tokenizer.encode(json.readTree(line).get("text").asText());
                tokens.add(document);
                length += document.length + 1;
            }
        }
        int[] text = new int[length];
        int at = 0;
        for (int[] document : tokens) {
            System.arraycopy(document, 0, text, at, document.length);
            at += document.length;
            text[at++] = separator;
        }
        return text;
    }

    /** Runs of geometric length (mean 12) copied from random earlier places, a separator every ~2,000 symbols. */
    private static int[] copiedRuns(java.util.Random random, int length, int alphabet) {
        int[] text = new int[length];
        int separator = alphabet - 1;
        for (int k = 0; k < length; ) {
            if (k < 64 || random.nextInt(10) == 0) {
                text[k++] = random.nextInt(alphabet);
                continue;
            }
            int from = random.nextInt(k);
            do {
                text[k++] = text[from++];
            } while (k < length && random.nextInt(12) != 0);
            if (random.nextInt(160) == 0 && k < length) {
                text[k++] = separator;
            }
        }
        return text;
    }

    private static void assertSorted(int[] text, int[] suffixes) {
        var seen = new boolean[text.length];
        for (int suffix : suffixes) {
            if (seen[suffix]) {
                throw new AssertionError("suffix " + suffix + " appears twice");
            }
            seen[suffix] = true;
        }
        for (int i = 1; i < suffixes.length; i++) {
            if (NaiveSuffixSort.compareSuffixes(text, suffixes[i - 1], suffixes[i]) >= 0) {
                throw new AssertionError("suffixes at " + (i - 1) + " and " + i + " out of order");
            }
        }
    }

    @Test
    void rejectsANonPositiveThreadCount() {
        assertThatThrownBy(() -> SuffixArrays.sort(new int[] {0, 1}, 2, 2, new int[2], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    /** Sorts and checks that the text, which the sort marks while it runs, is given back as it was. */
    private static int[] sais(int[] text, int alphabetSize) {
        int[] before = text.clone();
        int[] suffixes = new int[text.length];
        SuffixArrays.sort(text, text.length, alphabetSize, suffixes);
        assertThat(text).containsExactly(before);
        return suffixes;
    }
}
