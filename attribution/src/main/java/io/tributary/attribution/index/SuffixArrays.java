package io.tributary.attribution.index;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS; Nong, Zhang and Chan 2009) in linear time over an integer alphabet.
 * Works on plain int arrays: no per-suffix objects. The reduced problem of each level lives inside the suffix array
 * itself (as in Mori's sais), so the extra memory is one bit per symbol for the types plus two bucket arrays.
 * The recursion depth is at most log2(n), because each level at most halves the length.
 */
public final class SuffixArrays {

    private static final int EMPTY = -1;
    /** Threads a sort uses by default: the placing thread and one helper (more would have nothing to do). */
    public static final int THREADS_MAX = 2;
    /** Below this length a helper thread costs more than it saves. */
    static final int PARALLEL_LENGTH_MIN = 1 << 16;

    private SuffixArrays() {
    }

    /**
     * Sorts the suffixes of text[0, length), whose symbols lie in [0, alphabetSize), into suffixes[0, length).
     * A suffix that is a prefix of another sorts first (the end of the text is smaller than every symbol).
     */
    public static void sort(int[] text, int length, int alphabetSize, int[] suffixes) {
        sort(text, length, alphabetSize, suffixes, Math.min(THREADS_MAX, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The same with a given number of threads: 1 sorts on the calling thread only; 2 or more add one helper thread
     * that gathers ahead of the induced-sorting passes. The result does not depend on the number of threads.
     */
    public static void sort(int[] text, int length, int alphabetSize, int[] suffixes, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (length < 0 || length > text.length || length > suffixes.length) {
            throw new IllegalArgumentException("length " + length + " outside the arrays");
        }
        if (alphabetSize < 1) {
            throw new IllegalArgumentException("alphabet size must be positive: " + alphabetSize);
        }
        for (int i = 0; i < length; i++) {
            if (text[i] < 0 || text[i] >= alphabetSize) {
                throw new IllegalArgumentException(
                        "symbol " + text[i] + " at " + i + " outside [0, " + alphabetSize + ")");
            }
        }
        sais(text, 0, suffixes, length, alphabetSize, threads);
    }

    private static void sais(int[] text, int offset, int[] sa, int n, int alphabetSize, int threads) {
        boolean parallel = threads > 1 && n >= PARALLEL_LENGTH_MIN;
        if (n == 0) {
            return;
        }
        if (n == 1) {
            sa[0] = 0;
            return;
        }
        long[] sTypes = classify(text, offset, n);
        int[] counts = new int[alphabetSize];
        for (int i = 0; i < n; i++) {
            counts[text[offset + i]]++;
        }
        int[] buckets = new int[alphabetSize];

        // Stage 1: sort the LMS substrings by one round of induced sorting from LMS positions in arbitrary order.
        // Free slots hold 0 while inducing: suffix 0 is never LMS, so it cannot be mistaken for one.
        Arrays.fill(sa, 0, n, 0);
        bucketEnds(counts, buckets);
        for (int i = n - 1; i >= 1; i--) {
            if (isLms(sTypes, i)) {
                sa[--buckets[text[offset + i]]] = i;
            }
        }
        induce(text, offset, sa, n, counts, buckets, parallel);

        // Stage 2: name the sorted LMS substrings and solve the reduced problem, recursively if names repeat.
        int lmsCount = compactLms(sa, n, sTypes);
        int nameCount = nameLmsSubstrings(text, offset, sa, n, lmsCount, sTypes);
        int reduced = n - lmsCount;
        if (nameCount < lmsCount) {
            sais(sa, reduced, sa, lmsCount, nameCount, threads);
        } else {
            for (int i = 0; i < lmsCount; i++) {
                sa[sa[reduced + i]] = i;
            }
        }

        // Stage 3: place the LMS suffixes in their final order at their bucket ends and induce the rest.
        int j = n;
        for (int i = n - 1; i >= 1; i--) {
            if (isLms(sTypes, i)) {
                sa[--j] = i;
            }
        }
        for (int i = 0; i < lmsCount; i++) {
            sa[i] = sa[reduced + sa[i]];
        }
        Arrays.fill(sa, lmsCount, n, 0);
        bucketEnds(counts, buckets);
        for (int i = lmsCount - 1; i >= 0; i--) {
            int position = sa[i];
            sa[i] = 0;
            sa[--buckets[text[offset + position]]] = position;
        }
        induce(text, offset, sa, n, counts, buckets, parallel);
    }

    /** Bit i is set when suffix i is S-type (smaller than suffix i + 1); the last suffix is L-type. */
    private static long[] classify(int[] text, int offset, int n) {
        var sTypes = new long[(n + 63) >>> 6];
        boolean nextIsS = false;
        for (int i = n - 2; i >= 0; i--) {
            int current = text[offset + i];
            int next = text[offset + i + 1];
            boolean isS = current < next || (current == next && nextIsS);
            if (isS) {
                sTypes[i >>> 6] |= 1L << i;
            }
            nextIsS = isS;
        }
        return sTypes;
    }

    private static boolean isS(long[] sTypes, int i) {
        return (sTypes[i >>> 6] & (1L << i)) != 0;
    }

    private static boolean isLms(long[] sTypes, int i) {
        return i > 0 && isS(sTypes, i) && !isS(sTypes, i - 1);
    }

    private static void bucketStarts(int[] counts, int[] buckets) {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            buckets[c] = sum;
            sum += counts[c];
        }
    }

    private static void bucketEnds(int[] counts, int[] buckets) {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c];
            buckets[c] = sum;
        }
    }

    /**
     * Induces L-type suffixes left to right, then S-type suffixes right to left (Mori's variant). An entry is stored
     * negated (~j) when its predecessor must not be induced in the current pass. A scanned entry's sign is flipped,
     * so after both passes every entry is a plain position again. See {@link Induction} for how a pass runs.
     */
    private static void induce(int[] text, int offset, int[] sa, int n, int[] counts, int[] buckets,
                               boolean parallel) {
        bucketStarts(counts, buckets);
        int last = n - 1;
        // The last suffix is L-type and directly follows the virtual end marker, so it leads its bucket.
        sa[buckets[text[offset + last]]++] = Induction.entryLeft(text, offset, last);
        Induction.leftToRight(text, offset, sa, n, buckets, parallel);
        bucketEnds(counts, buckets);
        Induction.rightToLeft(text, offset, sa, n, buckets, parallel);
    }

    /** Moves the sorted LMS positions to sa[0, count) and clears the rest; returns count. */
    private static int compactLms(int[] sa, int n, long[] sTypes) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isLms(sTypes, sa[i])) {
                sa[count++] = sa[i];
            }
        }
        Arrays.fill(sa, count, n, EMPTY);
        return count;
    }

    /**
     * Gives equal LMS substrings equal names in sorted order and writes the names, in text order, to
     * sa[n - lmsCount, n) as the reduced string. LMS positions are at least two apart, so position / 2 is a
     * collision-free slot in sa[lmsCount, n): it first holds the length of the position's LMS substring (up to and
     * including the next LMS position; 0 for the last one, which ends at the virtual end marker and is unique), then
     * its name. Two LMS substrings of equal length with equal symbols are equal, types included, because the types
     * follow from the symbols and the S type of their final position.
     */
    private static int nameLmsSubstrings(int[] text, int offset, int[] sa, int n, int lmsCount, long[] sTypes) {
        int next = n;
        for (int i = n - 1; i >= 1; i--) {
            if (isLms(sTypes, i)) {
                sa[lmsCount + (i >>> 1)] = next == n ? 0 : next - i + 1;
                next = i;
            }
        }
        int name = 0;
        int previous = -1;
        int previousLength = 0;
        for (int i = 0; i < lmsCount; i++) {
            int position = sa[i];
            int slot = lmsCount + (position >>> 1);
            int length = sa[slot];
            if (length == 0 || length != previousLength || !sameSymbols(text, offset, previous, position, length)) {
                name++;
                previous = position;
                previousLength = length;
            }
            sa[slot] = name - 1;
        }
        for (int i = n - 1, j = n - 1; i >= lmsCount; i--) {
            if (sa[i] >= 0) {
                sa[j--] = sa[i];
            }
        }
        return name;
    }

    private static boolean sameSymbols(int[] text, int offset, int a, int b, int length) {
        for (int d = 0; d < length; d++) {
            if (text[offset + a + d] != text[offset + b + d]) {
                return false;
            }
        }
        return true;
    }
}
