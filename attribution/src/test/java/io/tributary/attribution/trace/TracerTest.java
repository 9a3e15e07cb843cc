package io.tributary.attribution.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.BuildProgress;
import io.tributary.attribution.index.IndexBuilder;
import io.tributary.attribution.index.Document;
import io.tributary.attribution.index.TestIndexes;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tracing on a tiny corpus whose sources are known. */
class TracerTest {

    private static final List<Document> CORPUS = List.of(
            new Document("whales", "The blue whale is the largest animal known to have ever existed on our planet.\n"
                    + "It feeds almost exclusively on krill gathered in enormous gulps of seawater."),
            new Document("volcano", "Mount Tambora erupted violently in eighteen fifteen and darkened the skies "
                    + "over half the world.\nCrops failed across New England during the year without a summer."),
            new Document("chess", "Capablanca played the endgame with a precision that made difficult positions "
                    + "look simple and natural.\nHis rook endings are still studied by young masters today."),
            new Document("chess-copy", "Capablanca played the endgame with a precision that made difficult "
                    + "positions look simple and natural."));

    @TempDir
    Path directory;

    @Test
    void creditsTheKnownSourcesWithWeightsSummingToOne() throws IOException {
        var output = "Scientists agree that the blue whale is the largest animal known to have ever existed on our "
                + "planet. Meanwhile, crops failed across New England during the year without a summer, they say.";
        try (var index = AttributionIndex.open(TestIndexes.fromTexts(directory, CORPUS))) {
            var result = new Tracer(index, new TraceParameters(6, 100, 10, 20)).trace(output, "");
            assertThat(result.contributions()).extracting(TraceResult.Credit::id)
                    .containsExactlyInAnyOrder("whales", "volcano");
            assertThat(result.contributions().stream().mapToLong(TraceResult.Credit::weightPpb).sum())
                    .isEqualTo(Weights.PARTS_PER_WHOLE);
            for (var span : result.spans()) {
                assertThat(output.substring(span.start(), span.end())).isEqualTo(span.text());
                assertThat(span.text()).doesNotContain("\n");
            }
            var evidence = result.contributions().getFirst().evidence();
            assertThat(evidence.snippet()).contains(result.spans().get(evidence.span()).text().strip());
        }
    }

    @Test
    void splitsASpanAmongTheDistinctContributionsHoldingIt() throws IOException {
        var output = "Capablanca played the endgame with a precision that made difficult positions look simple.";
        try (var index = AttributionIndex.open(TestIndexes.fromTexts(directory, CORPUS))) {
            var result = new Tracer(index, TraceParameters.DEFAULTS).trace(output, "endgame precision");
            assertThat(result.contributions()).extracting(TraceResult.Credit::weightPpb)
                    .containsExactly(500_000_000L, 500_000_000L);
            var noCredit = new Tracer(index, new TraceParameters(6, 100, 1, 5)).trace(output, "");
            assertThat(noCredit.contributions()).isEmpty();
            assertThat(noCredit.spans()).singleElement().satisfies(s -> assertThat(s.contributions()).isEmpty());
        }
    }

    @Test
    void shardedIndexCreditsExactlyLikeASingleShard() throws IOException {
        var output = "Indeed crops failed across New England during the year without a summer, and his rook endings "
                + "are still studied by young masters today.";
        var sharded = directory.resolve("sharded").resolve("index");
        IndexBuilder.build(CORPUS, sharded, TokenizerKind.O200K_BASE, 40, BuildProgress.NONE);
        try (var single = AttributionIndex.open(TestIndexes.fromTexts(directory.resolve("single"), CORPUS));
             var many = AttributionIndex.open(sharded)) {
            assertThat(many.shards()).hasSizeGreaterThan(1);
            var expected = new Tracer(single, TraceParameters.DEFAULTS).trace(output, "");
            var actual = new Tracer(many, TraceParameters.DEFAULTS).trace(output, "");
            assertThat(actual.spans()).isEqualTo(expected.spans());
            assertThat(actual.contributions()).isEqualTo(expected.contributions()).hasSize(2);
        }
    }

    @Test
    void textFoundNowhereYieldsNoContributions() throws IOException {
        try (var index = AttributionIndex.open(TestIndexes.fromTexts(directory, CORPUS))) {
            var tracer = new Tracer(index, TraceParameters.DEFAULTS);
            var result = tracer.trace("Zebras compose sonatas for bassoon under the quiet Andromeda sky.", "");
            assertThat(result.contributions()).isEmpty();
            assertThat(result.spans()).isEmpty();
            assertThat(TraceJson.write(result, null)).contains("\"coverage\" : 0.000000");
            assertThat(tracer.trace("", "").outputTokens()).isZero();
        }
    }

    @Test
    void sameIndexAndOutputGiveByteIdenticalJson() throws IOException {
        var output = "It feeds almost exclusively on krill gathered in enormous gulps of seawater, and Mount Tambora "
                + "erupted violently in eighteen fifteen and darkened the skies.";
        var first = directory.resolve("first");
        var second = directory.resolve("second");
        String a;
        String b;
        try (var index = AttributionIndex.open(TestIndexes.fromTexts(first, CORPUS))) {
            a = TraceJson.write(new Tracer(index, TraceParameters.DEFAULTS).trace(output, "p"), "receipt-1");
        }
        try (var index = AttributionIndex.open(TestIndexes.fromTexts(second, CORPUS))) {
            b = TraceJson.write(new Tracer(index, TraceParameters.DEFAULTS).trace(output, "p"), "receipt-1");
        }
        assertThat(a).isEqualTo(b).contains("\"receipt\" : \"receipt-1\"").contains("\"weight_ppb\"");
    }
}
