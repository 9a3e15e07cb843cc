package io.tributary.attribution.trace;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.IndexFormat;
import io.tributary.attribution.index.Shard;
import io.tributary.attribution.query.Occurrence;
import io.tributary.attribution.query.Searcher;
import io.tributary.attribution.tokens.TokenizedText;
import io.tributary.attribution.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OLMoTrace-style tracing of an output against one index (DESIGN §6). Deterministic for a given index and text. */
public final class Tracer {

    /** Texts are bounded so that one request cannot monopolise the engine: about 250 k tokens of English. */
    public static final int TEXT_CHARS_MAX = 1 << 20;
    /** Self-information is credited in micro-nats so that the split is exact integer arithmetic. */
    private static final double MICRO = 1e6;
    private static final int SNIPPET_CONTEXT_TOKENS = 40;

    private final Searcher searcher;
    private final Tokenizer tokenizer;
    private final TraceParameters parameters;

    public Tracer(AttributionIndex index, TraceParameters parameters) {
        this.searcher = new Searcher(index);
        this.tokenizer = Tokenizer.of(index.tokenizer());
        this.parameters = parameters;
    }

    /** A candidate span in token coordinates with its corpus count and unigram log-probability sum. */
    private record Candidate(int start, int length, long count, double logProbability) {
        int end() {
            return start + length;
        }
    }

    /** Traces an output; the prompt only feeds the BM25 display ranking. */
    public TraceResult trace(String output, String prompt) {
        if (output.length() > TEXT_CHARS_MAX || prompt.length() > TEXT_CHARS_MAX) {
            throw new IllegalArgumentException("text longer than " + TEXT_CHARS_MAX + " characters");
        }
        var text = tokenizer.tokenize(output);
        var maximal = maximalSpans(text);
        var kept = rarest(maximal, parameters.spansToKeep(text.size()));
        return credit(text, kept, prompt);
    }

    private List<Candidate> maximalSpans(TokenizedText text) {
        int[] tokens = text.tokens();
        int[] starts = wordStarts(text);
        int[] maxLengths = lengthsToDelimiter(text, starts);
        int[] lengths = searcher.longestPrefixes(tokens, starts, maxLengths);
        var unigramLogs = new HashMap<Integer, Double>();
        var maximal = new ArrayList<Candidate>();
        int lastEnd = 0;
        for (int i = 0; i < starts.length; i++) {
            if (lengths[i] < parameters.minSpanTokens() || starts[i] + lengths[i] <= lastEnd) {
                continue;
            }
            long count = searcher.count(tokens, starts[i], lengths[i]);
            if (count > parameters.maxCount()) {
                continue;
            }
            maximal.add(new Candidate(starts[i], lengths[i], count,
                    logProbability(tokens, starts[i], lengths[i], unigramLogs)));
            lastEnd = starts[i] + lengths[i];
        }
        return maximal;
    }

    private static int[] wordStarts(TokenizedText text) {
        int count = 0;
        for (boolean start : text.wordStarts()) {
            count += start ? 1 : 0;
        }
        var starts = new int[count];
        for (int i = 0, k = 0; i < text.size(); i++) {
            if (text.wordStarts()[i]) {
                starts[k++] = i;
            }
        }
        return starts;
    }

    /** A newline or full stop may only end a span: a span from s reaches at most the first delimiter from s on. */
    private static int[] lengthsToDelimiter(TokenizedText text, int[] starts) {
        int size = text.size();
        var nextDelimiter = new int[size + 1];
        nextDelimiter[size] = size;
        for (int i = size - 1; i >= 0; i--) {
            nextDelimiter[i] = text.delimiters()[i] ? i : nextDelimiter[i + 1];
        }
        var lengths = new int[starts.length];
        for (int k = 0; k < starts.length; k++) {
            int delimiter = nextDelimiter[starts[k]];
            lengths[k] = (delimiter == size ? size : delimiter + 1) - starts[k];
        }
        return lengths;
    }

    private double logProbability(int[] tokens, int start, int length, Map<Integer, Double> cache) {
        double sum = 0;
        for (int i = start; i < start + length; i++) {
            sum += cache.computeIfAbsent(tokens[i], token -> StrictMath.log(searcher.unigramProbability(token)));
        }
        return sum;
    }

    /** The keep rarest spans (lowest log-probability sum, earlier first on ties), back in output order. */
    private static List<Candidate> rarest(List<Candidate> spans, int keep) {
        var byRarity = new ArrayList<>(spans);
        byRarity.sort(Comparator.comparingDouble(Candidate::logProbability).thenComparingInt(Candidate::start));
        var kept = new ArrayList<>(byRarity.subList(0, Math.min(keep, byRarity.size())));
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** One document occurrence chosen as a contribution's evidence, with the share of credit it carries. */
    private record Chosen(int span, Occurrence occurrence, long share) {
    }

    private TraceResult credit(TokenizedText text, List<Candidate> kept, String prompt) {
        long denominator = lcmUpTo(parameters.maxDocs());
        var credits = new TreeMap<String, Long>();
        var evidence = new HashMap<String, Chosen>();
        var spans = new ArrayList<TraceResult.Span>();
        for (int s = 0; s < kept.size(); s++) {
            var span = kept.get(s);
            var firstByContribution = firstOccurrences(text.tokens(), span);
            boolean credited = firstByContribution.size() <= parameters.maxDocs();
            long information = Math.round(-span.logProbability() * MICRO);
            if (credited) {
                long share = Math.multiplyExact(information, denominator / firstByContribution.size());
                for (var entry : firstByContribution.entrySet()) {
                    credits.merge(entry.getKey(), share, Math::addExact);
                    var chosen = new Chosen(s, entry.getValue(), share);
                    evidence.merge(entry.getKey(), chosen, (old, now) -> now.share() > old.share() ? now : old);
                }
            }
            spans.add(toSpan(text, span, credited ? List.copyOf(firstByContribution.keySet()) : List.of()));
        }
        var contributions = credits(credits, evidence, spans, text.text() + "\n" + prompt);
        return new TraceResult(spans, contributions, coveredTokens(kept), text.size(),
                searcher.index().indexId(), searcher.index().tokenizer().wireName(), IndexFormat.ENGINE, parameters);
    }

    /** The first occurrence of the span in each distinct contribution, by contribution id. */
    private Map<String, Occurrence> firstOccurrences(int[] tokens, Candidate span) {
        var shards = searcher.index().shards();
        var first = new TreeMap<String, Occurrence>();
        for (var occurrence : searcher.occurrences(tokens, span.start(), span.length(),
                (int) Math.min(parameters.maxCount(), Integer.MAX_VALUE))) {
            var id = shards.get(occurrence.shard()).documents().contributionId(occurrence.document());
            first.putIfAbsent(id, occurrence);
        }
        return first;
    }

    private static TraceResult.Span toSpan(TokenizedText text, Candidate span, List<String> contributions) {
        int start = text.charStarts()[span.start()];
        int end = text.charEnds()[span.end() - 1];
        return new TraceResult.Span(start, end, text.text().substring(start, end), span.start(), span.length(),
                span.count(), -span.logProbability(), contributions);
    }

    private List<TraceResult.Credit> credits(TreeMap<String, Long> credits, Map<String, Chosen> evidence,
                                             List<TraceResult.Span> spans, String query) {
        if (credits.isEmpty()) {
            return List.of();
        }
        var ids = new ArrayList<>(credits.keySet());
        long[] ppb = Weights.partsPerBillion(credits.values().stream().mapToLong(Long::longValue).toArray());
        var snippets = new ArrayList<String>(ids.size());
        for (var id : ids) {
            snippets.add(snippet(evidence.get(id).occurrence(), spans.get(evidence.get(id).span()).tokenCount()));
        }
        double[] scores = Bm25.scores(query, snippets);
        var result = new ArrayList<TraceResult.Credit>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            var chosen = evidence.get(ids.get(i));
            var occurrence = chosen.occurrence();
            var shard = searcher.index().shards().get(occurrence.shard());
            var documents = shard.documents();
            result.add(new TraceResult.Credit(ids.get(i), ppb[i], new TraceResult.Evidence(chosen.span(),
                    HexFormat.of().formatHex(documents.contentHash(occurrence.document())),
                    occurrence.position() - documents.start(occurrence.document()),
                    spans.get(chosen.span()).tokenCount(), snippets.get(i), scores[i])));
        }
        result.sort(Comparator.comparingDouble((TraceResult.Credit c) -> -c.evidence().bm25())
                .thenComparing(Comparator.comparingLong(TraceResult.Credit::weightPpb).reversed())
                .thenComparing(TraceResult.Credit::id));
        return List.copyOf(result);
    }

    /** The document's text around an occurrence, decoded from the index's own tokens. */
    private String snippet(Occurrence occurrence, int length) {
        Shard shard = searcher.index().shards().get(occurrence.shard());
        var documents = shard.documents();
        long from = Math.max(documents.start(occurrence.document()), occurrence.position() - SNIPPET_CONTEXT_TOKENS);
        long to = Math.min(documents.end(occurrence.document()),
                occurrence.position() + length + SNIPPET_CONTEXT_TOKENS);
        var tokens = new int[(int) (to - from)];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = shard.tokenAt(from + i);
        }
        return tokenizer.decode(tokens, 0, tokens.length);
    }

    private static int coveredTokens(List<Candidate> kept) {
        var covered = new boolean[kept.isEmpty() ? 0 : kept.getLast().end()];
        for (var span : kept) {
            Arrays.fill(covered, span.start(), span.end(), true);
        }
        int count = 0;
        for (boolean c : covered) {
            count += c ? 1 : 0;
        }
        return count;
    }

    /** The least common multiple of 1..n, so that a credit divides evenly among up to n contributions. */
    static long lcmUpTo(int n) {
        long lcm = 1;
        for (int k = 2; k <= n; k++) {
            lcm = lcm / gcd(lcm, k) * k;
        }
        return lcm;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
