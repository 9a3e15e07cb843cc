package io.tributary.bench.attribution;

import java.util.Arrays;

/**
 * The baseline for SA-IS: suffix sorting by prefix doubling (Manber and Myers 1993) with two stable counting sorts
 * per round, O(n log n). Uses four int arrays, 16 bytes a symbol.
 */
final class PrefixDoublingSuffixSort {

    private PrefixDoublingSuffixSort() {
    }

    static int[] sort(int[] text, int length, int alphabetSize) {
        var suffixes = new int[length];
        var rank = new int[length];
        var order = new int[length];
        var counts = new int[Math.max(alphabetSize, length) + 1];
        for (int i = 0; i < length; i++) {
            rank[i] = text[i];
            order[i] = i;
        }
        countingSortByRank(order, suffixes, rank, counts, alphabetSize);
        int rankCount = rerank(suffixes, rank, order, 0, length);
        for (int step = 1; rankCount < length; step <<= 1) {
            // Order by the second half (rank of i + step): suffixes too short to have one come first.
            int k = 0;
            for (int i = length - step; i < length; i++) {
                order[k++] = i;
            }
            for (int j = 0; j < length; j++) {
                if (suffixes[j] >= step) {
                    order[k++] = suffixes[j] - step;
                }
            }
            countingSortByRank(order, suffixes, rank, counts, rankCount);
            rankCount = rerank(suffixes, rank, order, step, length);
        }
        return suffixes;
    }

    private static void countingSortByRank(int[] in, int[] out, int[] rank, int[] counts, int rankCount) {
        Arrays.fill(counts, 0, rankCount + 1, 0);
        for (int position : in) {
            counts[rank[position] + 1]++;
        }
        for (int r = 1; r <= rankCount; r++) {
            counts[r] += counts[r - 1];
        }
        for (int position : in) {
            out[counts[rank[position]]++] = position;
        }
    }

    /** Gives equal (rank[i], rank[i + step]) pairs equal new ranks; uses scratch as the new rank array. */
    private static int rerank(int[] suffixes, int[] rank, int[] scratch, int step, int length) {
        int next = 0;
        scratch[suffixes[0]] = 0;
        for (int j = 1; j < length; j++) {
            int a = suffixes[j - 1];
            int b = suffixes[j];
            if (rank[a] != rank[b] || second(rank, a, step, length) != second(rank, b, step, length)) {
                next++;
            }
            scratch[b] = next;
        }
        System.arraycopy(scratch, 0, rank, 0, length);
        return next + 1;
    }

    private static int second(int[] rank, int i, int step, int length) {
        return step == 0 ? 0 : (i + step < length ? rank[i + step] : -1);
    }
}
