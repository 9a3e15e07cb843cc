package io.tributary.core.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MergeSortTest {

    @Property(tries = 300)
    void sortsARangeAsArraysSortDoesAndLeavesTheRestAlone(@ForAll("keys") List<String> list,
            @ForAll("fractions") int fromPercent, @ForAll("fractions") int toPercent) {
        var keys = list.toArray(String[]::new);
        int from = keys.length * Math.min(fromPercent, toPercent) / 100;
        int to = keys.length * Math.max(fromPercent, toPercent) / 100;
        var expected = keys.clone();
        Arrays.sort(expected, from, to);
        MergeSort.sort(keys, from, to);
        assertThat(keys).containsExactly(expected);
    }

    @Property(tries = 300)
    void mergesTwoSortedRunsIntoOne(@ForAll("keys") List<String> list, @ForAll("fractions") int middlePercent) {
        var keys = list.toArray(String[]::new);
        int middle = keys.length * middlePercent / 100;
        Arrays.sort(keys, 0, middle);
        Arrays.sort(keys, middle, keys.length);
        var expected = keys.clone();
        Arrays.sort(expected);
        MergeSort.mergeRuns(keys, 0, middle, keys.length);
        assertThat(keys).containsExactly(expected);
    }

    /** Short strings over a few letters, so that runs repeat keys and share prefixes. */
    @Provide
    Arbitrary<List<String>> keys() {
        return Arbitraries.strings().withChars("abc/").ofMaxLength(5).list().ofMaxSize(400);
    }

    @Provide
    Arbitrary<Integer> fractions() {
        return Arbitraries.integers().between(0, 100);
    }
}
