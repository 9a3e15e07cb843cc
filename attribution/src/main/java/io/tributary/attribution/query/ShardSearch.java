package io.tributary.attribution.query;

import io.tributary.attribution.index.Shard;

/**
 * Binary searches over one shard's suffix array. A comparison skips the tokens that the query is known to share
 * with both ends of the current interval (Manber and Myers' lcp bound), so a search costs O(log n + m) token reads
 * in the usual case instead of O(m log n).
 */
public final class ShardSearch {

    private static final int LESS = 0;
    private static final int PREFIX = 1;
    private static final int GREATER = 2;

    private ShardSearch() {
    }

    /** The suffixes starting with query[from, from + length). */
    public static SuffixRange range(Shard shard, int[] query, int from, int length) {
        long lower = bound(shard, query, from, length, 0, shard.tokenCount(), false);
        long upper = bound(shard, query, from, length, lower, shard.tokenCount(), true);
        return new SuffixRange(lower, upper);
    }

    public static long count(Shard shard, int[] query, int from, int length) {
        return range(shard, query, from, length).count();
    }

    /**
     * The length of the longest prefix of query[from, from + length) that occurs in the shard: the query's insertion
     * point in the suffix array shares the longest prefix with one of its two neighbours.
     */
    public static int longestPrefix(Shard shard, int[] query, int from, int length) {
        long lo = 0;
        long hi = shard.tokenCount();
        int lcpLo = 0;
        int lcpHi = 0;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            long result = compare(shard, query, from, length, shard.suffixAt(mid), Math.min(lcpLo, lcpHi));
            int lcp = (int) (result >>> 2);
            if ((result & 3) == GREATER) {
                lo = mid + 1;
                lcpLo = lcp;
            } else {
                hi = mid;
                lcpHi = lcp;
            }
        }
        return Math.max(lcpLo, lcpHi);
    }

    /**
     * The first rank in [lo, hi) whose suffix is not below the query; with {@code afterPrefix}, the first whose
     * suffix is above it and does not start with it.
     */
    private static long bound(Shard shard, int[] query, int from, int length, long lo, long hi, boolean afterPrefix) {
        int lcpLo = 0;
        int lcpHi = 0;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            long result = compare(shard, query, from, length, shard.suffixAt(mid), Math.min(lcpLo, lcpHi));
            int lcp = (int) (result >>> 2);
            int order = (int) (result & 3);
            if (order == GREATER || (afterPrefix && order == PREFIX)) {
                lo = mid + 1;
                lcpLo = lcp;
            } else {
                hi = mid;
                lcpHi = lcp;
            }
        }
        return lo;
    }

    /**
     * Compares the query with the suffix at a position, knowing they share the first {@code skip} tokens. Returns the
     * common prefix length shifted left by two, or-ed with LESS (query sorts before), PREFIX (the suffix starts with
     * the query) or GREATER (the query sorts after, including when the suffix ends first).
     */
    private static long compare(Shard shard, int[] query, int from, int length, long position, int skip) {
        long end = shard.tokenCount();
        int k = skip;
        while (k < length) {
            if (position + k >= end) {
                return ((long) k << 2) | GREATER;
            }
            int token = shard.tokenAt(position + k);
            int wanted = query[from + k];
            if (token != wanted) {
                return ((long) k << 2) | (wanted < token ? LESS : GREATER);
            }
            k++;
        }
        return ((long) length << 2) | PREFIX;
    }
}
