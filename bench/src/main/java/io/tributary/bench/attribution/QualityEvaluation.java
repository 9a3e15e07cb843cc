package io.tributary.bench.attribution;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.BuildProgress;
import io.tributary.attribution.index.Document;
import io.tributary.attribution.index.IndexBuilder;
import io.tributary.attribution.index.IndexFormat;
import io.tributary.attribution.tokens.TokenizerKind;
import io.tributary.attribution.trace.TraceParameters;
import io.tributary.attribution.trace.TraceResult;
import io.tributary.attribution.trace.Tracer;
import io.tributary.attribution.trace.Weights;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Contribution-level precision and recall of tracing on the Brown corpus. Every tenth document is held out (never
 * indexed) and supplies the "other source" passages; outputs splice passages of known indexed documents with them
 * and with light edits. A contribution counts as predicted when the trace gives it a positive weight.
 */
final class QualityEvaluation {

    /** The measured quality of one configuration. */
    record Quality(int outputs, long truePositives, long predicted, long actual, double weightOnSources,
                   int exactMatches) {

        double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            return (double) truePositives / actual;
        }
    }

    private static final int HOLD_OUT_EVERY = 10;

    private QualityEvaluation() {
    }

    static Index split(List<Document> brown) {
        var indexed = new ArrayList<Document>();
        var heldOut = new ArrayList<Document>();
        for (int i = 0; i < brown.size(); i++) {
            (i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 ? heldOut : indexed).add(brown.get(i));
        }
        return new Index(indexed, heldOut);
    }

    record Index(List<Document> indexed, List<Document> heldOut) {
        Path build(Path directory) throws IOException {
            var target = directory.resolve("brown-quality");
            IndexBuilder.build(indexed, target, TokenizerKind.O200K_BASE, IndexFormat.SHARD_TOKENS_DEFAULT,
                    BuildProgress.NONE);
            return target;
        }
    }

    static Quality evaluate(AttributionIndex index, Index split, TraceParameters parameters, int outputs,
                            int targetWords, long seed) {
        var generator = new SplicedOutputs(split.indexed(), split.heldOut());
        var tracer = new Tracer(index, parameters);
        var random = new SplittableRandom(seed);
        long truePositives = 0;
        long predicted = 0;
        long actual = 0;
        double weightOnSources = 0;
        int exact = 0;
        for (int i = 0; i < outputs; i++) {
            var output = generator.next(random, targetWords);
            var result = tracer.trace(output.text(), "");
            long hits = 0;
            long weightPpb = 0;
            for (TraceResult.Credit credit : result.contributions()) {
                if (output.sources().contains(credit.id())) {
                    hits++;
                    weightPpb += credit.weightPpb();
                }
            }
            truePositives += hits;
            predicted += result.contributions().size();
            actual += output.sources().size();
            weightOnSources += result.contributions().isEmpty() ? 0 : (double) weightPpb / Weights.PARTS_PER_WHOLE;
            exact += hits == output.sources().size() && hits == result.contributions().size() ? 1 : 0;
        }
        return new Quality(outputs, truePositives, predicted, actual, weightOnSources / outputs, exact);
    }

    static void print(PrintStream out, TraceParameters parameters, Quality quality) {
        out.printf("| %d | %d | %d | %d | %d | %.4f | %.4f | %.4f | %d/%d |%n", parameters.minSpanTokens(),
                parameters.maxCount(), parameters.maxDocs(), parameters.keepPercent(), quality.outputs(),
                quality.precision(), quality.recall(), quality.weightOnSources(), quality.exactMatches(),
                quality.outputs());
    }
}
