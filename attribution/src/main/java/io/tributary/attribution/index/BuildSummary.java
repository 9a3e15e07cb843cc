package io.tributary.attribution.index;

/** What a finished build wrote. */
public record BuildSummary(String indexId, String tokenizer, int shardCount, long documentCount, long tokenCount,
                           long diskBytes) {
}
