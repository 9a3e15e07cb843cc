package io.tributary.attribution.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void partsSumToOneBillionAndRemaindersGoToTheSmallerIdOnTies() {
        assertThat(Weights.partsPerBillion(new long[] {1, 1, 1})).containsExactly(333_333_334, 333_333_333,
                333_333_333);
        assertThat(Weights.partsPerBillion(new long[] {2, 1})).containsExactly(666_666_667, 333_333_333);
        assertThat(Weights.partsPerBillion(new long[] {7})).containsExactly(1_000_000_000);
    }

    @Test
    void largeCreditsStayExact() {
        long[] parts = Weights.partsPerBillion(new long[] {Long.MAX_VALUE / 4, Long.MAX_VALUE / 3, 12_345});
        assertThat(Arrays.stream(parts).sum()).isEqualTo(Weights.PARTS_PER_WHOLE);
    }

    @Test
    void refusesNothingToSplit() {
        assertThatThrownBy(() -> Weights.partsPerBillion(new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
