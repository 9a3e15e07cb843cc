package io.tributary.attribution.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedLmsSuffixesTest {

    /**
     * LMS positions 2, 4, 6, 9 of a level of 12 symbols, named 1, 2, 0, 0 in text order: 2 and 4 are unique, and 4
     * follows a unique one, so it is taken out; the kept names 1, 0, 0 stay dense. On two threads the name slots split
     * between the LMS positions 4 and 6, after the unique pair.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void takesOutAUniqueNameAfterAUniqueOneAndMergesItBackByRank(boolean parallel) {
        int n = 12;
        int lmsCount = 4;
        int[] sa = new int[n];
        Arrays.fill(sa, -1);
        int[] sorted = {6, 9, 2, 4};
        int[] names = {0, 0, 1, 2};
        var fixed = new FixedLmsSuffixes(lmsCount);
        int previousSlot = -1;
        for (int i = 0; i < lmsCount; i++) {
            sa[i] = sorted[i];
            int slot = lmsCount + sorted[i] / 2;
            fixed.writeName(sa, i, slot, previousSlot, names[i], i == 0 || names[i] != names[i - 1]);
            previousSlot = slot;
        }

        fixed.takeOut(sa, n, 3, parallel);

        assertThat(fixed.count()).isEqualTo(1);
        assertThat(Arrays.copyOfRange(sa, n - lmsCount, n)).containsExactly(1, 0, 0, 4);
        assertThat(fixed.takenOutInTextOrder(1)).isTrue();
        assertThat(fixed.takenOutInTextOrder(0) || fixed.takenOutInTextOrder(2) || fixed.takenOutInTextOrder(3))
                .isFalse();
        // The reduced text 1 0 0 sorts as 2, 1, 0: the kept positions 9, 6, 2.
        sa[0] = 9;
        sa[1] = 6;
        sa[2] = 2;
        fixed.mergeBack(sa, n);
        assertThat(Arrays.copyOf(sa, lmsCount)).containsExactly(9, 6, 2, 4);
    }
}
