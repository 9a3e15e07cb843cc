package io.tributary.attribution.query;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The queries of an index over all its shards: counts add up, longest prefixes take the maximum, occurrences are
 * merged in (shard, position) order. With more than one shard, shards are searched in parallel.
 */
public final class Searcher {

    private static final ExecutorService SHARD_THREADS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                var thread = new Thread(runnable, "tributary-shard-search");
                thread.setDaemon(true);
                return thread;
            });

    private final AttributionIndex index;

    public Searcher(AttributionIndex index) {
        this.index = index;
    }

    public AttributionIndex index() {
        return index;
    }

    public long count(int[] query, int from, int length) {
        long total = 0;
        for (long count : perShard(shard -> ShardSearch.count(shard, query, from, length))) {
            total += count;
        }
        return total;
    }

    /** For each start, the longest prefix of query[start, start + maxLength) that occurs anywhere in the index. */
    public int[] longestPrefixes(int[] query, int[] starts, int[] maxLengths) {
        var result = new int[starts.length];
        for (int[] lengths : perShard(shard -> longestPrefixesIn(shard, query, starts, maxLengths))) {
            for (int i = 0; i < result.length; i++) {
                result[i] = Math.max(result[i], lengths[i]);
            }
        }
        return result;
    }

    private static int[] longestPrefixesIn(Shard shard, int[] query, int[] starts, int[] maxLengths) {
        var lengths = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            lengths[i] = ShardSearch.longestPrefix(shard, query, starts[i], maxLengths[i]);
        }
        return lengths;
    }

    /** Where query[from, from + length) occurs, in shard then position order; at most limit occurrences. */
    public List<Occurrence> occurrences(int[] query, int from, int length, int limit) {
        var all = new ArrayList<Occurrence>();
        var shards = index.shards();
        var ranges = perShard(shard -> ShardSearch.range(shard, query, from, length));
        for (int s = 0; s < shards.size() && all.size() < limit; s++) {
            var shard = shards.get(s);
            var range = ranges.get(s);
            var positions = new ArrayList<Occurrence>();
            for (long rank = range.from(); rank < range.to() && all.size() + positions.size() < limit; rank++) {
                long position = shard.suffixAt(rank);
                positions.add(new Occurrence(s, shard.documents().documentAt(position), position));
            }
            positions.sort(Comparator.comparingLong(Occurrence::position));
            all.addAll(positions);
        }
        return all;
    }

    /** The number of times a single token occurs in the corpus. */
    public long unigramCount(int token) {
        return count(new int[] {token}, 0, 1);
    }

    private <T> List<T> perShard(Function<Shard, T> search) {
        var shards = index.shards();
        if (shards.size() == 1) {
            return List.of(search.apply(shards.getFirst()));
        }
        var futures = new ArrayList<Future<T>>(shards.size());
        for (var shard : shards) {
            futures.add(SHARD_THREADS.submit(() -> search.apply(shard)));
        }
        var results = new ArrayList<T>(shards.size());
        for (var future : futures) {
            results.add(join(future));
        }
        return results;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching shards", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("shard search failed", e.getCause());
        }
    }
}
