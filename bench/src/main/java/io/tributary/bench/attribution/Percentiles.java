package io.tributary.bench.attribution;

import java.util.Arrays;

/** Nearest-rank percentiles of measured durations. */
record Percentiles(long count, double p50Micros, double p99Micros, double meanMicros) {

    static Percentiles of(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, at(sorted, 0.50) / 1e3, at(sorted, 0.99) / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3);
    }

    private static double at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
