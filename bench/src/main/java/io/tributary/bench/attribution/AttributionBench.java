package io.tributary.bench.attribution;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.index.BuildProgress;
import io.tributary.attribution.index.BuildSummary;
import io.tributary.attribution.index.Document;
import io.tributary.attribution.index.IndexBuilder;
import io.tributary.attribution.index.IndexFormat;
import io.tributary.attribution.index.JsonLinesDocuments;
import io.tributary.attribution.index.SuffixArrays;
import io.tributary.attribution.query.Searcher;
import io.tributary.attribution.tokens.Tokenizer;
import io.tributary.attribution.tokens.TokenizerKind;
import io.tributary.attribution.trace.TraceParameters;
import io.tributary.attribution.trace.Tracer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench attribution [build|latency|quality|all] [--brown FILE] [--work DIR] [--synthetic-tokens N]
 * [--latency-sizes N[/SHARDS],...] [--grid] [--outputs N] [--skip-baseline]}: index build throughput (SA-IS with one
 * and with two threads against a prefix-doubling baseline, in the same run), trace and count latency, bytes per
 * token, peak heap, and tracing quality on Brown. Prints Markdown.
 */
public final class AttributionBench {

    private static final long SEED = 20261124L;
    private static final int OUTPUT_WORDS = 380;
    private static final int TRACE_OUTPUTS = 100;
    private static final int TRACE_WARMUP_ROUNDS = 10;
    private static final int TRACE_MEASURED_ROUNDS = 10;
    private static final int COUNT_QUERIES = 20_000;
    private static final int LARGE_ARRAY_TOKENS = 10_000_000;
    private static final int WARM_UP_TOKENS = 2_000_000;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    /** Shards are cut at document boundaries, so an even split needs room for one more document per shard. */
    private static final int SHARD_SLACK_TOKENS = 10_000;

    private final Map<String, String> options;
    private final PrintStream out = System.out;
    private List<Document> brown;
    private List<int[]> brownTokens;

    private AttributionBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        var mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        var options = new LinkedHashMap<String, String>();
        for (int i = mode.equals("all") && (args.length == 0 || args[0].startsWith("--")) ? 0 : 1; i < args.length;
             i++) {
            var name = args[i];
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "true" : args[++i]);
        }
        new AttributionBench(options).run(mode);
    }

    private void run(String mode) throws Exception {
        var work = Path.of(options.getOrDefault("--work", Files.createTempDirectory("tributary-bench").toString()));
        Files.createDirectories(work);
        out.printf("# Attribution benchmarks%n%njava %s, %d cores, max heap %,d MiB, work dir %s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, work);
        loadBrown();
        switch (mode) {
            case "build" -> build(work);
            case "latency" -> latency(work);
            case "quality" -> quality(work);
            case "all" -> {
                build(work);
                latency(work);
                quality(work);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + " (build, latency, quality, all)");
        }
    }

    private void loadBrown() throws IOException {
        var path = Path.of(options.getOrDefault("--brown", "../shared/data/brown/brown.jsonl.gz"));
        brown = BrownCorpus.load(path);
        var tokenizer = Tokenizer.of(TokenizerKind.O200K_BASE);
        long start = System.nanoTime();
        brownTokens = new ArrayList<>(brown.size());
        long tokens = 0;
        for (var document : brown) {
            int[] encoded = tokenizer.encode(document.text());
            brownTokens.add(encoded);
            tokens += encoded.length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("Brown: %d documents, %,d tokens (o200k_base); tokenizing took %.2f s (%,.0f tokens/s)%n%n",
                brown.size(), tokens, seconds, tokens / seconds);
        this.brownPath = path;
    }

    private Path brownPath;

    // ---------------------------------------------------------------- build throughput

    private void build(Path work) throws Exception {
        out.printf("## Build throughput%n%n");
        out.printf("| corpus | tokens | SA-IS 1 thread | tokens/s | SA-IS 2 threads | tokens/s | prefix doubling "
                + "| PD tokens/s | full build (tokenize+sort+write) | build tokens/s | bytes/token | peak heap |%n");
        out.printf("|---|---|---|---|---|---|---|---|---|---|---|---|%n");
        buildRow("Brown", brownTokens, work.resolve("build-brown"), true);
        long syntheticTokens = Long.parseLong(options.getOrDefault("--synthetic-tokens", "100000000"));
        var synthetic = synthetic(syntheticTokens);
        buildRow("synthetic", synthetic, work.resolve("build-synthetic"), false);
        out.println();
        shardedBuild(synthetic, work.resolve("build-synthetic-sharded"));
    }

    /** The synthetic corpus in 4 shards, built one shard at a time and with 2 concurrent shards. */
    private void shardedBuild(List<int[]> documents, Path target) throws IOException {
        long tokens = documents.stream().mapToLong(document -> document.length + 1).sum();
        int shardTokens = Math.toIntExact(tokens / 4 + SHARD_SLACK_TOKENS);
        out.printf("| corpus | tokens | shards | concurrent shards | full build | build tokens/s | index id |%n");
        out.printf("|---|---|---|---|---|---|---|%n");
        for (int concurrent = 1; concurrent <= IndexBuilder.CONCURRENT_SHARDS_MAX; concurrent++) {
            long start = System.nanoTime();
            var summary = buildFromTokens(documents, target, shardTokens, concurrent);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("| synthetic | %,d | %d | %d | %.2f s | %,.0f | %s... |%n", summary.tokenCount(),
                    summary.shardCount(), concurrent, seconds, summary.tokenCount() / seconds,
                    summary.indexId().substring(0, 12));
        }
        out.println();
    }

    private List<int[]> synthetic(long tokens) throws Exception {
        var documents = new ArrayList<int[]>();
        SyntheticCorpus.generate(brownTokens, tokens, SEED, (id, document) -> documents.add(document));
        return documents;
    }

    private void buildRow(String name, List<int[]> documents, Path target, boolean fromText) throws Exception {
        int[] text = withSeparators(documents);
        int alphabet = Arrays.stream(text).max().orElse(0) + 1;
        double oneThreadSeconds = timeSais(text, alphabet, 1);
        double twoThreadSeconds = timeSais(text, alphabet, 2);
        String baseline = "skipped";
        String baselineRate = "";
        if (!options.containsKey("--skip-baseline")) {
            long start = System.nanoTime();
            PrefixDoublingSuffixSort.sort(text, text.length, alphabet);
            double seconds = (System.nanoTime() - start) / 1e9;
            baseline = "%.2f s".formatted(seconds);
            baselineRate = "%,.0f".formatted(text.length / seconds);
        }
        int length = text.length;
        text = null;
        HeapPeak.reset();
        long start = System.nanoTime();
        var summary = fromText ? buildFromJsonLines(target)
                : buildFromTokens(documents, target, IndexFormat.SHARD_TOKENS_DEFAULT,
                        IndexBuilder.concurrentShardsFor(IndexFormat.SHARD_TOKENS_DEFAULT));
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        long peak = HeapPeak.peakBytes();
        out.printf("| %s | %,d | %.2f s | %,.0f | %.2f s | %,.0f | %s | %s | %.2f s | %,.0f | %.3f | %,d MiB |%n",
                name, length, oneThreadSeconds, length / oneThreadSeconds, twoThreadSeconds,
                length / twoThreadSeconds, baseline, baselineRate, buildSeconds,
                summary.tokenCount() / buildSeconds, (double) summary.diskBytes() / summary.tokenCount(), peak >> 20);
    }

    /** The token array exactly as a shard holds it: a separator (the top symbol) before each document. */
    private static int[] withSeparators(List<int[]> documents) {
        long total = 0;
        int maxToken = 0;
        for (int[] document : documents) {
            total += document.length + 1;
            for (int token : document) {
                maxToken = Math.max(maxToken, token);
            }
        }
        var text = new int[Math.toIntExact(total)];
        int at = 0;
        for (int[] document : documents) {
            text[at++] = maxToken + 1;
            System.arraycopy(document, 0, text, at, document.length);
            at += document.length;
        }
        return text;
    }

    /**
     * The median of eleven timed runs after warming up; a single run for large arrays, where more would take minutes.
     */
    private static double timeSais(int[] text, int alphabet, int threads) {
        var suffixes = new int[text.length];
        boolean large = text.length > LARGE_ARRAY_TOKENS;
        // Warm up on a prefix for a while, so that the timed runs are compiled code rather than on-stack replacement:
        // the two-thread sort of the Brown corpus settles only after about 20 sorts.
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        do {
            SuffixArrays.sort(text, Math.min(text.length, WARM_UP_TOKENS), alphabet, suffixes, threads);
        } while (System.nanoTime() < warmUpEnd);
        var seconds = new double[large ? 1 : 11];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            SuffixArrays.sort(text, text.length, alphabet, suffixes, threads);
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[seconds.length / 2];
    }

    private BuildSummary buildFromJsonLines(Path target) throws IOException {
        deleteIfExists(target);
        return IndexBuilder.build(new JsonLinesDocuments(brownPath), target, TokenizerKind.O200K_BASE,
                IndexFormat.SHARD_TOKENS_DEFAULT, BuildProgress.NONE);
    }

    private static BuildSummary buildFromTokens(List<int[]> documents, Path target, int shardTokens,
                                                int concurrentShards) throws IOException {
        deleteIfExists(target);
        try (var builder = IndexBuilder.create(target, TokenizerKind.O200K_BASE, shardTokens, BuildProgress.NONE,
                concurrentShards)) {
            var hash = new byte[IndexFormat.CONTENT_HASH_BYTES];
            for (int i = 0; i < documents.size(); i++) {
                builder.addTokens("synthetic-" + i, hash, documents.get(i));
            }
            return builder.finish();
        }
    }

    private static void deleteIfExists(Path target) throws IOException {
        if (Files.exists(target)) {
            try (var paths = Files.walk(target)) {
                for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    // ---------------------------------------------------------------- latency

    private void latency(Path work) throws Exception {
        out.printf("## Trace and count latency (index in the page cache)%n%n");
        out.printf("Outputs: %d spliced outputs of about 500 tokens (Brown passages + held-out text + edits), "
                + "traced %d times each after %d warm-up rounds; count: %,d random n-grams (1 to 8 tokens) "
                + "taken from the corpus.%n%n", TRACE_OUTPUTS, TRACE_MEASURED_ROUNDS, TRACE_WARMUP_ROUNDS,
                COUNT_QUERIES);
        out.printf("| index tokens | shards | output tokens (mean) | trace p50 | trace p99 | count p50 "
                + "| count p99 |%n");
        out.printf("|---|---|---|---|---|---|---|%n");
        var sizes = options.getOrDefault("--latency-sizes", "1000000,30000000,100000000,100000000/4").split(",");
        var split = QualityEvaluation.split(brown);
        var generator = new SplicedOutputs(split.indexed(), split.heldOut());
        var random = new SplittableRandom(SEED);
        var outputs = new ArrayList<String>();
        for (int i = 0; i < TRACE_OUTPUTS; i++) {
            outputs.add(generator.next(random, OUTPUT_WORDS).text());
        }
        for (var size : sizes) {
            // "N" is an index of N tokens in one shard, "N/S" the same corpus in S shards.
            var parts = size.strip().split("/");
            long tokens = Long.parseLong(parts[0]);
            int shards = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            var target = work.resolve("latency-" + tokens + (shards > 1 ? "-" + shards + "-shards" : ""));
            if (!Files.exists(target)) {
                var documents = new ArrayList<int[]>(brownTokens);
                SyntheticCorpus.generate(brownTokens, tokens - brownTokens.stream().mapToLong(d -> d.length + 1)
                        .sum(), SEED + tokens, (id, document) -> documents.add(document));
                int shardTokens = shards == 1 ? IndexFormat.SHARD_TOKENS_DEFAULT
                        : Math.toIntExact(tokens / shards + SHARD_SLACK_TOKENS);
                buildFromTokens(documents, target, shardTokens, IndexBuilder.concurrentShardsFor(shardTokens));
            }
            try (var index = AttributionIndex.open(target)) {
                latencyRow(index, outputs);
            }
        }
        out.println();
    }

    private void latencyRow(AttributionIndex index, List<String> outputs) {
        var tracer = new Tracer(index, TraceParameters.DEFAULTS);
        var tokenizer = Tokenizer.of(index.tokenizer());
        long outputTokens = 0;
        for (var output : outputs) {
            outputTokens += tokenizer.encode(output).length;
        }
        for (int round = 0; round < TRACE_WARMUP_ROUNDS; round++) {
            outputs.forEach(output -> tracer.trace(output, ""));
        }
        var traceNanos = new long[outputs.size() * TRACE_MEASURED_ROUNDS];
        int k = 0;
        for (int round = 0; round < TRACE_MEASURED_ROUNDS; round++) {
            for (var output : outputs) {
                long start = System.nanoTime();
                tracer.trace(output, "");
                traceNanos[k++] = System.nanoTime() - start;
            }
        }
        var trace = Percentiles.of(traceNanos);
        var count = countLatency(index);
        out.printf("| %,d | %d | %d | %.2f ms | %.2f ms | %.1f µs | %.1f µs |%n", index.corpusTokenCount()
                + index.documentCount(), index.shards().size(), outputTokens / outputs.size(),
                trace.p50Micros() / 1e3, trace.p99Micros() / 1e3, count.p50Micros(), count.p99Micros());
    }

    private Percentiles countLatency(AttributionIndex index) {
        var searcher = new Searcher(index);
        var random = new SplittableRandom(SEED);
        var queries = new int[COUNT_QUERIES][];
        for (int i = 0; i < queries.length; i++) {
            int[] document = brownTokens.get(random.nextInt(brownTokens.size()));
            int length = 1 + random.nextInt(8);
            int start = random.nextInt(Math.max(1, document.length - length));
            queries[i] = Arrays.copyOfRange(document, start, Math.min(document.length, start + length));
        }
        for (int[] query : queries) {
            searcher.count(query, 0, query.length);
        }
        var nanos = new long[queries.length];
        for (int i = 0; i < queries.length; i++) {
            long start = System.nanoTime();
            searcher.count(queries[i], 0, queries[i].length);
            nanos[i] = System.nanoTime() - start;
        }
        return Percentiles.of(nanos);
    }

    // ---------------------------------------------------------------- quality

    private void quality(Path work) throws IOException {
        int outputs = Integer.parseInt(options.getOrDefault("--outputs", "300"));
        out.printf("## Tracing quality on Brown%n%n");
        out.printf("Index: 450 Brown documents (every tenth held out as the never-indexed other source); %d outputs "
                + "of about %d words from 1-3 indexed sources and 2-3 held-out passages, 3%% word edits; seed %d.%n%n",
                outputs, OUTPUT_WORDS, SEED);
        out.printf("| minSpan | maxCount | maxDocs | keep %% | outputs | precision | recall | weight on sources | "
                + "exact set |%n|---|---|---|---|---|---|---|---|---|%n");
        var split = QualityEvaluation.split(brown);
        var target = work.resolve("brown-quality");
        deleteIfExists(target);
        try (var index = AttributionIndex.open(split.build(work))) {
            var grid = new ArrayList<TraceParameters>();
            grid.add(TraceParameters.DEFAULTS);
            if (options.containsKey("--grid")) {
                for (int minSpan : new int[] {6, 7, 10}) {
                    grid.add(new TraceParameters(minSpan, 100, 10, 5));
                }
                grid.add(new TraceParameters(6, 100, 1, 5));
                grid.add(new TraceParameters(6, 10, 10, 5));
            }
            for (var parameters : grid) {
                QualityEvaluation.print(out, parameters,
                        QualityEvaluation.evaluate(index, split, parameters, outputs, OUTPUT_WORDS, SEED));
            }
        }
        out.println();
    }
}
