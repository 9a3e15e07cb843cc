package io.tributary.core.split;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an integer amount into parts proportional to integer weights, exactly: each part is first the floor of its
 * share, then the units left over go one each to the largest remainders, ties to the lower index (callers order
 * parts by ascending id). The parts always sum to the amount.
 */
public final class LargestRemainder {

    private LargestRemainder() {}

    public static long[] split(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot split a negative amount: " + amount);
        }
        long totalWeight = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight: " + weight);
            }
            totalWeight = Math.addExact(totalWeight, weight);
        }
        if (totalWeight == 0) {
            throw new IllegalArgumentException("cannot split by weights that sum to zero");
        }
        var parts = new long[weights.length];
        var remainders = new long[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            var quotient = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(BigInteger.valueOf(totalWeight));
            parts[i] = quotient[0].longValueExact();
            remainders[i] = quotient[1].longValueExact();
            assigned += parts[i];
        }
        long leftover = amount - assigned;
        var order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .limit(leftover)
                .toArray();
        for (int i : order) {
            parts[i]++;
        }
        if (Arrays.stream(parts).sum() != amount) {
            throw new IllegalStateException("split parts do not sum to " + amount);
        }
        return parts;
    }
}
