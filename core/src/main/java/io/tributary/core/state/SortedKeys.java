package io.tributary.core.state;

import java.util.Arrays;
import java.util.HashSet;
import java.util.function.Consumer;

/**
 * The state's keys in order, for prefix scans and the root. New keys are appended to a small array, sorted only when
 * keys are next read in order (a scan, a checkpoint's root, a merge), and merged into one sorted array of all keys
 * once they are many: inserting each new key into a tree of a few hundred thousand keys cost a chain of cache
 * misses, about 2 us, and even a tree of a few thousand recent keys cost about 1 us a key, a quarter of the
 * sequencer's time, while scans are rare. Removed keys stay in either array, skipped, until the next merge. The
 * caller says whether a key is new or present; this does not check. Not thread-safe: reading in order sorts.
 */
final class SortedKeys {

    /**
     * New keys held apart at most before a merge: few enough that sorting them for a scan is cheap, many enough that
     * merges (a pass over every key) are rare.
     */
    static final int RECENT_MAX = 1 << 13;

    private final int recentMax;
    private String[] merged = new String[0];
    /** Keys added since the last merge: sorted up to {@link #recentSorted}, in the order they came after it. */
    private String[] recent = new String[64];
    private int recentCount;
    private int recentSorted;
    private String[] scratch = new String[0];
    /** Keys of either array that have been removed since the last merge. */
    private final HashSet<String> removed = new HashSet<>();

    SortedKeys() {
        this(RECENT_MAX);
    }

    SortedKeys(int recentMax) {
        this.recentMax = recentMax;
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
        if (recentCount >= recentMax) {
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
        if (recentSorted == recentCount) {
            return;
        }
        if (scratch.length < recentCount) {
            scratch = new String[recent.length];
        }
        mergeSort(recent, recentSorted, recentCount, scratch);
        mergeRuns(recent, 0, recentSorted, recentCount, scratch);
        recentSorted = recentCount;
    }

    /**
     * Sorts {@code keys[from, to)}: a plain merge sort rather than {@code Arrays.sort}, whose galloping merges hit
     * uncommon traps and were compiled again by C2 in the timed benchmark, since sorts here are far apart.
     */
    private static void mergeSort(String[] keys, int from, int to, String[] scratch) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                var key = keys[i];
                int j = i;
                for (; j > from && keys[j - 1].compareTo(key) > 0; j--) {
                    keys[j] = keys[j - 1];
                }
                keys[j] = key;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(keys, from, middle, scratch);
        mergeSort(keys, middle, to, scratch);
        mergeRuns(keys, from, middle, to, scratch);
    }

    private static final int INSERTION_SORT_MAX = 16;

    /** Merges the sorted runs {@code keys[from, middle)} and {@code keys[middle, to)}, through {@code scratch}. */
    private static void mergeRuns(String[] keys, int from, int middle, int to, String[] scratch) {
        if (from == middle || middle == to || keys[middle - 1].compareTo(keys[middle]) < 0) {
            return;
        }
        System.arraycopy(keys, from, scratch, from, middle - from);
        int left = from;
        int right = middle;
        int out = from;
        while (left < middle && right < to) {
            keys[out++] = scratch[left].compareTo(keys[right]) < 0 ? scratch[left++] : keys[right++];
        }
        System.arraycopy(scratch, left, keys, out, middle - left);
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
