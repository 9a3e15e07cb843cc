package io.tributary.core.sort;

/**
 * Sorts strings by their natural order with a plain merge sort, for code that sorts large batches of keys far apart
 * (a fold of the state journal, the state's new keys): {@code Arrays.sort}'s galloping merges hit uncommon traps on
 * such batches and were compiled again by C2 each time, and filling a {@code TreeSet} cost a chain of cache misses a
 * key. This code's branches stay as the JIT first saw them.
 */
public final class MergeSort {

    /** Ranges this short are sorted by insertion. */
    private static final int INSERTION_SORT_MAX = 16;

    private MergeSort() {}

    /** Sorts {@code keys[from, to)}. */
    public static void sort(String[] keys, int from, int to) {
        if (to - from > 1) {
            sort(keys, from, to, new String[to - from], from);
        }
    }

    /** Merges the sorted runs {@code keys[from, middle)} and {@code keys[middle, to)} into one. */
    public static void mergeRuns(String[] keys, int from, int middle, int to) {
        if (from < middle && middle < to) {
            merge(keys, from, middle, to, new String[middle - from], from);
        }
    }

    /** {@code scratch[i - base]} is the scratch slot of {@code keys[i]}. */
    private static void sort(String[] keys, int from, int to, String[] scratch, int base) {
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
        sort(keys, from, middle, scratch, base);
        sort(keys, middle, to, scratch, base);
        merge(keys, from, middle, to, scratch, base);
    }

    /** Copies the left run aside and merges it with the right run, which stays in place, back into the range. */
    private static void merge(String[] keys, int from, int middle, int to, String[] scratch, int base) {
        if (keys[middle - 1].compareTo(keys[middle]) <= 0) {
            return;
        }
        System.arraycopy(keys, from, scratch, from - base, middle - from);
        int left = from - base;
        int leftEnd = middle - base;
        int right = middle;
        int out = from;
        while (left < leftEnd && right < to) {
            keys[out++] = scratch[left].compareTo(keys[right]) <= 0 ? scratch[left++] : keys[right++];
        }
        System.arraycopy(scratch, left, keys, out, leftEnd - left);
    }
}
