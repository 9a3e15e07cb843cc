package io.tributary.attribution.index;

import java.util.Arrays;

/** The obvious suffix sort by comparing suffixes symbol by symbol: a reference for tests only. */
final class NaiveSuffixSort {

    private NaiveSuffixSort() {
    }

    static int[] sort(int[] text) {
        Integer[] order = new Integer[text.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> compareSuffixes(text, a, b));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    static int compareSuffixes(int[] text, int a, int b) {
        while (a < text.length && b < text.length) {
            if (text[a] != text[b]) {
                return Integer.compare(text[a], text[b]);
            }
            a++;
            b++;
        }
        return Integer.compare(text.length - a, text.length - b);
    }
}
