package io.tributary.attribution.query;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The queries of an index over all its shards: counts add up, longest prefixes take the maximum, occurrences are
 * merged in (shard, position) order. The batch of longest-prefix searches of a trace is spread over all cores (per
 * shard and slice of the output); single queries visit the shards in turn.
 */
public final class Searcher {

    private static final ExecutorService SHARD_THREADS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                var thread = new Thread(runnable, "tributary-shard-search");
                thread.setDaemon(true);
                return thread;
            });

    /** Unigram counts are cached per token id below this bound, which covers both supported vocabularies. */
    private static final int UNIGRAM_CACHE_TOKENS = 1 << 18;
    /** Below this many starts a trace's searches are not worth handing to other threads. */
    private static final int PARALLEL_STARTS_MIN = 64;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final AttributionIndex index;
    private final AtomicLongArray unigramCounts = new AtomicLongArray(UNIGRAM_CACHE_TOKENS);

    public Searcher(AttributionIndex index) {
        this.index = index;
        for (int token = 0; token < UNIGRAM_CACHE_TOKENS; token++) {
            unigramCounts.setPlain(token, -1);
        }
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

    /**
     * For each start, the longest prefix of query[start, start + maxLength) that occurs anywhere in the index. The
     * searches are memory-latency bound, so they are spread over all cores: one task per shard and slice of starts.
     */
    public int[] longestPrefixes(int[] query, int[] starts, int[] maxLengths) {
        var shards = index.shards();
        int slices = starts.length < PARALLEL_STARTS_MIN ? 1 : Math.max(1, THREADS / shards.size());
        var lengthsPerShard = new int[shards.size()][starts.length];
        var tasks = new ArrayList<Callable<Void>>();
        for (int s = 0; s < shards.size(); s++) {
            var shard = shards.get(s);
            var lengths = lengthsPerShard[s];
            for (int slice = 0; slice < slices; slice++) {
                int from = starts.length * slice / slices;
                int to = starts.length * (slice + 1) / slices;
                tasks.add(() -> {
                    for (int i = from; i < to; i++) {
                        lengths[i] = ShardSearch.longestPrefix(shard, query, starts[i], maxLengths[i]);
                    }
                    return null;
                });
            }
        }
        runAll(tasks);
        var result = new int[starts.length];
        for (int[] lengths : lengthsPerShard) {
            for (int i = 0; i < result.length; i++) {
                result[i] = Math.max(result[i], lengths[i]);
            }
        }
        return result;
    }

    private static void runAll(List<Callable<Void>> tasks) {
        if (tasks.size() == 1) {
            call(tasks.getFirst());
            return;
        }
        var futures = new ArrayList<Future<Void>>(tasks.size());
        for (var task : tasks.subList(1, tasks.size())) {
            futures.add(SHARD_THREADS.submit(task));
        }
        call(tasks.getFirst());
        futures.forEach(Searcher::join);
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (Exception e) {
            throw new IllegalStateException("search failed", e);
        }
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

    /** P(token) = count(token) / corpus tokens (separators excluded); 0 for a token the corpus lacks. */
    public double unigramProbability(int token) {
        return (double) unigramCount(token) / index.corpusTokenCount();
    }

    /** The number of times a single token occurs in the corpus; cached, as every trace asks for the same tokens. */
    public long unigramCount(int token) {
        if (token < 0 || token >= UNIGRAM_CACHE_TOKENS) {
            return count(new int[] {token}, 0, 1);
        }
        long cached = unigramCounts.get(token);
        if (cached < 0) {
            cached = count(new int[] {token}, 0, 1);
            unigramCounts.set(token, cached);
        }
        return cached;
    }

    /**
     * Runs one small search on every shard, one after the other: a search takes microseconds, less than handing it
     * to another thread would.
     */
    private <T> List<T> perShard(Function<Shard, T> search) {
        var results = new ArrayList<T>(index.shards().size());
        for (var shard : index.shards()) {
            results.add(search.apply(shard));
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
