package io.tributary.core.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void givesLeftoverUnitsToLargestRemaindersThenLowerIndexes() {
        assertThat(LargestRemainder.split(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(LargestRemainder.split(100, new long[] {1, 2, 3, 4})).containsExactly(10, 20, 30, 40);
        assertThat(LargestRemainder.split(7, new long[] {5, 3})).containsExactly(4, 3);
        assertThat(LargestRemainder.split(0, new long[] {5, 3})).containsExactly(0, 0);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> LargestRemainder.split(-1, new long[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.split(1, new long[] {-1, 2})).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void partsSumToTheWholeAndStayWithinOneOfTheExactShare(
            @ForAll @LongRange(min = 0, max = 9_007_199_254_740_991L) long amount,
            @ForAll @Size(min = 1, max = 20) long[] rawWeights) {
        var weights = Arrays.stream(rawWeights).map(w -> Math.floorMod(w, 1_000_000_000L)).toArray();
        if (Arrays.stream(weights).sum() == 0) {
            weights[0] = 1;
        }
        var parts = LargestRemainder.split(amount, weights);
        assertThat(Arrays.stream(parts).sum()).isEqualTo(amount);
        double total = Arrays.stream(weights).sum();
        for (int i = 0; i < parts.length; i++) {
            assertThat(Math.abs(parts[i] - amount * (weights[i] / total))).isLessThanOrEqualTo(1.0 + amount * 1e-12);
        }
    }
}
