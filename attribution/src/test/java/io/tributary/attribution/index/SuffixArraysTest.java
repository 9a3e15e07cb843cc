package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void rejectsSymbolsOutsideTheAlphabet() {
        assertThatThrownBy(() -> SuffixArrays.sort(new int[] {0, 3}, 2, 3, new int[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol 3 at 1");
    }

    private static int[] sais(int[] text, int alphabetSize) {
        int[] suffixes = new int[text.length];
        SuffixArrays.sort(text, text.length, alphabetSize, suffixes);
        return suffixes;
    }
}
