package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SortedKeysTest {

    /** A key added or removed (whichever applies to it now), or a scan of the keys with a prefix. */
    record Step(boolean scan, String key) {}

    @Property(tries = 300)
    void scansSeeTheKeysOfASortedSetThroughMergesAndRemovals(@ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 1, max = 8) int recentMin) {
        var keys = new SortedKeys(recentMin);
        var model = new TreeSet<String>();
        for (var step : steps) {
            if (step.scan()) {
                var seen = new ArrayList<String>();
                keys.forEach(step.key(), seen::add);
                assertThat(seen).containsExactlyElementsOf(
                        model.stream().filter(key -> key.startsWith(step.key())).toList());
            } else if (model.remove(step.key())) {
                keys.remove(step.key());
            } else {
                model.add(step.key());
                keys.add(step.key());
            }
        }
        var all = new ArrayList<String>();
        keys.forEach("", all::add);
        assertThat(all).containsExactlyElementsOf(model);
    }

    /**
     * Long runs of new keys between scans, so that sorting them takes more than one run of insertion sort; with a
     * small minimum, merges wait for a share of the merged keys that grows with them.
     */
    @Property(tries = 200)
    void longRunsOfNewKeysComeOutSorted(@ForAll("manyKeys") List<String> added,
            @ForAll @IntRange(min = 0, max = 3) int scans, @ForAll("recentMins") int recentMin) {
        var keys = new SortedKeys(recentMin);
        var model = new TreeSet<String>();
        for (int i = 0; i < added.size(); i++) {
            keys.add(added.get(i));
            model.add(added.get(i));
            if (scans > 0 && i % (added.size() / scans + 1) == 0) {
                var seen = new ArrayList<String>();
                keys.forEach("b", seen::add);
                assertThat(seen).containsExactlyElementsOf(model.stream().filter(key -> key.startsWith("b")).toList());
            }
        }
        var all = new ArrayList<String>();
        keys.forEach("", all::add);
        assertThat(all).containsExactlyElementsOf(model);
    }

    @Provide
    Arbitrary<Integer> recentMins() {
        return Arbitraries.of(1, 16, 1 << 10);
    }

    @Provide
    Arbitrary<List<String>> manyKeys() {
        return Arbitraries.strings().withChars("abcde").ofMinLength(1).ofMaxLength(6).list().uniqueElements()
                .ofMaxSize(1500);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var keys = Arbitraries.strings().withChars("abc/").ofMaxLength(4);
        return Combinators.combine(Arbitraries.integers().between(0, 3).map(roll -> roll == 0), keys)
                .as(Step::new).list().ofMaxSize(80);
    }
}
