package io.tributary.bench.attribution;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A large synthetic token corpus shaped like real text: documents of about 2,000 tokens made of runs (geometric,
 * mean 12 tokens) copied from random places of a real corpus, with an occasional random real token between runs.
 * Repeats are as common as in web text, which is what makes suffix sorting and span matching work.
 */
final class SyntheticCorpus {

    private static final int DOCUMENT_TOKENS = 2_000;
    private static final double RUN_CONTINUE_PROBABILITY = 11.0 / 12;

    private SyntheticCorpus() {
    }

    /** Calls the sink with documents until at least totalTokens tokens have been produced. */
    static void generate(List<int[]> source, long totalTokens, long seed, DocumentSink sink) throws Exception {
        int[] flat = flatten(source);
        var random = new SplittableRandom(seed);
        long produced = 0;
        for (int document = 0; produced < totalTokens; document++) {
            var tokens = new int[DOCUMENT_TOKENS];
            int k = 0;
            while (k < DOCUMENT_TOKENS) {
                int at = random.nextInt(flat.length);
                if (random.nextInt(10) == 0) {
                    tokens[k++] = flat[at];
                    continue;
                }
                do {
                    tokens[k++] = flat[at++];
                } while (k < DOCUMENT_TOKENS && at < flat.length && random.nextDouble() < RUN_CONTINUE_PROBABILITY);
            }
            sink.accept("synthetic-" + document, tokens);
            produced += tokens.length + 1;
        }
    }

    interface DocumentSink {
        void accept(String id, int[] tokens) throws Exception;
    }

    private static int[] flatten(List<int[]> documents) {
        int total = 0;
        for (int[] document : documents) {
            total += document.length;
        }
        var flat = new int[total];
        int at = 0;
        for (int[] document : documents) {
            System.arraycopy(document, 0, flat, at, document.length);
            at += document.length;
        }
        return flat;
    }
}
