package io.tributary.attribution.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Okapi BM25 (k1 = 1.5, b = 0.75) of snippets against a query, with document frequencies taken over the snippets
 * themselves: it orders the credited documents for display and never changes weights.
 */
final class Bm25 {

    private static final double K1 = 1.5;
    private static final double B = 0.75;

    private Bm25() {
    }

    static double[] scores(String query, List<String> snippets) {
        var queryTerms = new LinkedHashSet<>(terms(query));
        var documents = new ArrayList<Map<String, Integer>>(snippets.size());
        var lengths = new int[snippets.size()];
        var documentFrequency = new HashMap<String, Integer>();
        long totalLength = 0;
        for (int d = 0; d < snippets.size(); d++) {
            var frequencies = new HashMap<String, Integer>();
            var terms = terms(snippets.get(d));
            for (var term : terms) {
                frequencies.merge(term, 1, Integer::sum);
            }
            for (var term : frequencies.keySet()) {
                documentFrequency.merge(term, 1, Integer::sum);
            }
            documents.add(frequencies);
            lengths[d] = terms.size();
            totalLength += terms.size();
        }
        double averageLength = snippets.isEmpty() ? 0 : Math.max(1e-9, (double) totalLength / snippets.size());
        var scores = new double[snippets.size()];
        for (int d = 0; d < snippets.size(); d++) {
            double score = 0;
            for (var term : queryTerms) {
                int frequency = documents.get(d).getOrDefault(term, 0);
                if (frequency == 0) {
                    continue;
                }
                int containing = documentFrequency.get(term);
                double idf = StrictMath.log(1 + (snippets.size() - containing + 0.5) / (containing + 0.5));
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
