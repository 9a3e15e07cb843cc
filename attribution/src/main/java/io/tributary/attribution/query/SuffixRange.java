package io.tributary.attribution.query;

/** The ranks [from, to) of the suffixes of one shard that start with a query. */
public record SuffixRange(long from, long to) {

    public SuffixRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad range [" + from + ", " + to + ")");
        }
    }

    public long count() {
        return to - from;
    }
}
