package io.tributary.core.state;

import io.tributary.core.sort.MergeSort;
import java.util.Arrays;
import java.util.HashSet;
import java.util.function.Consumer;

/**
 * The state's keys in order, for prefix scans and the root. New keys are appended to a small array, sorted only when
 * keys are next read in order (a scan, a checkpoint's root, a merge), and merged into one sorted array of all keys
 * once they are many: inserting each new key into a tree of a few hundred thousand keys cost a chain of cache
 * misses, about 2 us, and even a tree of a few thousand recent keys cost about 1 us a key, a quarter of the
 * sequencer's time, while scans are rare. "Many" grows with the state, so that a merge's pass over every key costs
 * each new key a constant share rather than one that grows with the state. Removed keys stay in either array,
 * skipped, until the next merge. The caller says whether a key is new or present; this does not check. Not
 * thread-safe: reading in order sorts.
 */
final class SortedKeys {

    /**
     * New keys held apart before a merge, at least: few enough that sorting them for a scan is cheap, many enough
     * that merges are rare in a small state.
     */
    static final int RECENT_MIN = 1 << 13;
    /**
     * Merged keys per new key held apart, at most: a merge then passes over at most this many keys (plus one) for
     * each new key it takes in. With a fixed 8,192 a state of 300,000 keys cost 37 each, half a microsecond of the
     * sequencer's time a transaction.
     */
    static final int MERGED_PER_RECENT = 4;

    private final int recentMin;
    private String[] merged = new String[0];
    /** Keys added since the last merge: sorted up to {@link #recentSorted}, in the order they came after it. */
    private String[] recent = new String[64];
    private int recentCount;
    private int recentSorted;
    /** Keys of either array that have been removed since the last merge. */
    private final HashSet<String> removed = new HashSet<>();

    SortedKeys() {
        this(RECENT_MIN);
    }

    SortedKeys(int recentMin) {
        this.recentMin = recentMin;
    }

    /** Adds a key that is not present. */
    void add(String key) {
        if (removed.remove(key)) {
            return;
        }
        if (recentCount == recent.length) {
            recent = Arrays.copyOf(recent, 2 * recentCount);
        }
        recent[recentCount++] = key;
        if (recentCount >= Math.max(recentMin, merged.length / MERGED_PER_RECENT)) {
            merge();
        }
    }

    /** Removes a key that is present. */
    void remove(String key) {
        removed.add(key);
    }

    /** Hands every key that starts with {@code prefix} to {@code action}, in order. */
    void forEach(String prefix, Consumer<String> action) {
        sortRecent();
        int old = lowerBound(merged, merged.length, prefix);
        int fresh = lowerBound(recent, recentCount, prefix);
        while (true) {
            var nextOld = old < merged.length && merged[old].startsWith(prefix) ? merged[old] : null;
            var nextFresh = fresh < recentCount && recent[fresh].startsWith(prefix) ? recent[fresh] : null;
            String key;
            if (nextFresh == null) {
                if (nextOld == null) {
                    return;
                }
                key = nextOld;
                old++;
            } else if (nextOld != null && nextOld.compareTo(nextFresh) < 0) {
                key = nextOld;
                old++;
            } else {
                key = nextFresh;
                fresh++;
            }
            if (removed.isEmpty() || !removed.contains(key)) {
                action.accept(key);
            }
        }
    }

    private void sortRecent() {
        if (recentSorted < recentCount) {
            MergeSort.sort(recent, recentSorted, recentCount);
            MergeSort.mergeRuns(recent, 0, recentSorted, recentCount);
            recentSorted = recentCount;
        }
    }

    /** The first position in {@code keys[0, count)} whose key is not less than {@code key}. */
    private static int lowerBound(String[] keys, int count, String key) {
        int found = Arrays.binarySearch(keys, 0, count, key);
        return found >= 0 ? found : -found - 1;
    }

    /** Replaces the sorted array with every key in order, the recent ones merged in and the removed ones left out. */
    private void merge() {
        var next = new String[merged.length + recentCount - removed.size()];
        var count = new int[1];
        forEach("", key -> next[count[0]++] = key);
        merged = next;
        Arrays.fill(recent, 0, recentCount, null);
        recentCount = 0;
        recentSorted = 0;
        removed.clear();
    }
}
