package io.tributary.attribution.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Okapi BM25 (k1 = 1.5, b = 0.75) of snippets against a query, with document frequencies taken over the snippets
 * themselves: it orders the credited documents for display and never changes weights.
 */
final class Bm25 {

    private static final double K1 = 1.5;
    private static final double B = 0.75;

    private Bm25() {
    }

    /**
     * Scores each snippet. Only query terms contribute, so terms are numbered from the query once and each snippet
     * term costs one lookup.
     */
    static double[] scores(String query, List<String> snippets) {
        var termNumbers = new HashMap<String, Integer>();
        for (var term : terms(query)) {
            termNumbers.putIfAbsent(term, termNumbers.size());
        }
        int documents = snippets.size();
        var frequencies = new int[documents][termNumbers.size()];
        var lengths = new int[documents];
        var documentFrequency = new int[termNumbers.size()];
        long totalLength = 0;
        for (int d = 0; d < documents; d++) {
            var terms = terms(snippets.get(d));
            for (var term : terms) {
                var number = termNumbers.get(term);
                if (number != null && frequencies[d][number]++ == 0) {
                    documentFrequency[number]++;
                }
            }
            lengths[d] = terms.size();
            totalLength += terms.size();
        }
        double averageLength = documents == 0 ? 0 : Math.max(1e-9, (double) totalLength / documents);
        var scores = new double[documents];
        for (int d = 0; d < documents; d++) {
            double score = 0;
            for (int t = 0; t < documentFrequency.length; t++) {
                int frequency = frequencies[d][t];
                if (frequency == 0) {
                    continue;
                }
                int containing = documentFrequency[t];
                double idf = StrictMath.log(1 + (documents - containing + 0.5) / (containing + 0.5));
                score += idf * frequency * (K1 + 1)
                        / (frequency + K1 * (1 - B + B * lengths[d] / averageLength));
            }
            scores[d] = score;
        }
        return scores;
    }

    /** Maximal runs of letters and digits, lower-cased; a hand-written scan because this runs on every trace. */
    private static List<String> terms(String text) {
        var terms = new ArrayList<String>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                terms.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return terms;
    }
}
