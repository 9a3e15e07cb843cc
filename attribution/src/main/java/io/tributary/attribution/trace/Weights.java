package io.tributary.attribution.trace;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;

/** Exact integer weights: parts per billion that sum to exactly one billion, by the largest-remainder method. */
public final class Weights {

    public static final long PARTS_PER_WHOLE = 1_000_000_000L;

    private Weights() {
    }

    /**
     * Splits one billion in proportion to credits. Each part gets the floor of its share; the parts still missing go
     * one each to the largest remainders, ties to the smaller id (ids are given in ascending order).
     */
    public static long[] partsPerBillion(long[] credits) {
        long total = 0;
        for (long credit : credits) {
            if (credit < 0) {
                throw new IllegalArgumentException("negative credit " + credit);
            }
            total = Math.addExact(total, credit);
        }
        if (total == 0) {
            throw new IllegalArgumentException("nothing to split: all credits are zero");
        }
        var whole = BigInteger.valueOf(PARTS_PER_WHOLE);
        var divisor = BigInteger.valueOf(total);
        var parts = new long[credits.length];
        var remainders = new BigInteger[credits.length];
        long assigned = 0;
        for (int i = 0; i < credits.length; i++) {
            var quotientAndRemainder = BigInteger.valueOf(credits[i]).multiply(whole).divideAndRemainder(divisor);
            parts[i] = quotientAndRemainder[0].longValueExact();
            remainders[i] = quotientAndRemainder[1];
            assigned += parts[i];
        }
        Integer[] order = new Integer[credits.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                .thenComparing(i -> i));
        for (int k = 0; assigned < PARTS_PER_WHOLE; k++) {
            parts[order[k]]++;
            assigned++;
        }
        long sum = Arrays.stream(parts).sum();
        if (sum != PARTS_PER_WHOLE) {
            throw new IllegalStateException("weights sum to " + sum + " parts per billion, not one billion");
        }
        return parts;
    }
}
