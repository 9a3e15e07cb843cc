package io.tributary.attribution.query;

/** One place where a span occurs: shard, document within the shard and token position within the shard. */
public record Occurrence(int shard, int document, long position) {
}
