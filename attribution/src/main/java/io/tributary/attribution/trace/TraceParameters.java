package io.tributary.attribution.trace;

/**
 * The knobs of tracing (DESIGN §6). Spans shorter than minSpanTokens or occurring more than maxCount times are
 * dropped; the ⌈keepPercent/100 · L⌉ rarest maximal spans are kept; a span found in more than maxDocs contributions
 * earns no credit.
 *
 * <p>The default minimum span is 8 tokens, not DESIGN §6's 6: on the Brown evaluation (docs/benchmarks.md, Attribution)
 * 6-token spans are mostly common phrases ("at the same time , the") that credit unrelated documents, and precision
 * drops from 0.99 to 0.81 at equal recall.
 */
public record TraceParameters(int minSpanTokens, long maxCount, int maxDocs, int keepPercent) {

    /** Credits are split with the least common multiple of 1..maxDocs as denominator, which must stay small. */
    public static final int MAX_DOCS_LIMIT = 20;
    public static final TraceParameters DEFAULTS = new TraceParameters(8, 100, 10, 5);

    public TraceParameters {
        if (minSpanTokens < 1) {
            throw new IllegalArgumentException("minSpan must be at least 1 token: " + minSpanTokens);
        }
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be at least 1: " + maxCount);
        }
        if (maxDocs < 1 || maxDocs > MAX_DOCS_LIMIT) {
            throw new IllegalArgumentException("maxDocs must be in [1, " + MAX_DOCS_LIMIT + "]: " + maxDocs);
        }
        if (keepPercent < 1 || keepPercent > 100) {
            throw new IllegalArgumentException("keep percentage must be in [1, 100]: " + keepPercent);
        }
    }

    /** ⌈keepPercent · L / 100⌉ in exact integer arithmetic. */
    int spansToKeep(int outputTokens) {
        return (int) (((long) outputTokens * keepPercent + 99) / 100);
    }
}
