package io.tributary.node.cli;

import io.tributary.attribution.index.BuildProgress;
import io.tributary.attribution.index.BuildSummary;
import io.tributary.attribution.index.IndexBuilder;
import io.tributary.attribution.index.IndexFormat;
import io.tributary.attribution.index.JsonLinesDocuments;
import io.tributary.attribution.tokens.TokenizerKind;
import io.tributary.node.content.ContentStore;
import io.tributary.node.content.VersionDocuments;
import io.tributary.node.ledger.Ledger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary index ...}: suffix-array indexes for span attribution. */
@Command(name = "index", description = "Build suffix-array indexes for span attribution.",
        mixinStandardHelpOptions = true, subcommands = IndexCommand.Build.class)
public final class IndexCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code tributary index build}: from a JSON Lines file or from a datanet version. */
    @Command(name = "build", description = "Build an index into a new directory (written aside, then renamed).")
    static final class Build implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--input", required = true, paramLabel = "FILE.jsonl",
                    description = "JSON Lines, one {\"id\": ..., \"text\": ...} a line (.gz accepted).")
            Path input;

            @ArgGroup(exclusive = false)
            DatanetVersion datanet;
        }

        static final class DatanetVersion {
            @Option(names = "--data", required = true, paramLabel = "DIR", description = "The node's data directory.")
            Path data;

            @Option(names = "--datanet", required = true, paramLabel = "ID", description = "The datanet.")
            String datanet;

            @Option(names = "--version", required = true, paramLabel = "V",
                    description = "The datanet version (1, 2, ...).")
            long version;
        }

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The index directory to create.")
        Path out;

        @Option(names = "--tokenizer", defaultValue = "o200k_base", paramLabel = "NAME",
                description = "o200k_base (default) or cl100k_base.")
        String tokenizer;

        @Option(names = "--shard-tokens", paramLabel = "N",
                description = "Tokens per shard at most (default ${DEFAULT-VALUE}); larger corpora become shards.")
        int shardTokens = IndexFormat.SHARD_TOKENS_DEFAULT;

        @Override
        public Integer call() throws Exception {
            var kind = TokenizerKind.fromWireName(tokenizer);
            if (source.input == null) {
                return buildFromLedger(kind);
            }
            var documents = new JsonLinesDocuments(source.input);
            var err = spec.commandLine().getErr();
            var progress = System.console() != null ? new TerminalProgress(err, documents::fractionRead) : null;
            long startNanos = System.nanoTime();
            BuildSummary summary;
            try {
                summary = IndexBuilder.build(documents, out, kind, shardTokens,
                        progress == null ? BuildProgress.NONE : progress);
            } finally {
                if (progress != null) {
                    progress.done();
                }
            }
            print(summary, (System.nanoTime() - startNanos) / 1e9);
            return 0;
        }

        /** Indexes a frozen datanet version, each contribution a document named by its contribution id. */
        private Integer buildFromLedger(TokenizerKind kind) throws Exception {
            var datanet = source.datanet;
            try (var ledger = Ledger.openForReading(datanet.data)) {
                var documents = VersionDocuments.of(ledger.state(), new ContentStore(ledger.dir().content()),
                        datanet.datanet, datanet.version);
                long startNanos = System.nanoTime();
                BuildSummary summary;
                try {
                    summary = IndexBuilder.build(documents, out, kind, shardTokens, BuildProgress.NONE);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                print(summary, (System.nanoTime() - startNanos) / 1e9);
                return 0;
            }
        }

        private void print(BuildSummary summary, double seconds) {
            var stdout = spec.commandLine().getOut();
            stdout.printf("index %s%n", summary.indexId());
            stdout.printf("  %,d documents, %,d tokens (with separators), %d shard(s), tokenizer %s%n",
                    summary.documentCount(), summary.tokenCount(), summary.shardCount(), summary.tokenizer());
            stdout.printf("  %,d bytes on disk (%.3f bytes/token), built in %.2f s (%,.0f tokens/s)%n",
                    summary.diskBytes(), (double) summary.diskBytes() / summary.tokenCount(), seconds,
                    summary.tokenCount() / seconds);
            stdout.flush();
        }
    }
}
