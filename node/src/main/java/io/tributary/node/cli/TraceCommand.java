package io.tributary.node.cli;

import io.tributary.attribution.index.AttributionIndex;
import io.tributary.attribution.trace.TraceJson;
import io.tributary.attribution.trace.TraceParameters;
import io.tributary.attribution.trace.TraceResult;
import io.tributary.attribution.trace.Tracer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary trace}: which contributions an output's spans come from (DESIGN §6). */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace an output's verbatim spans back to the contributions of an index.")
public final class TraceCommand implements Callable<Integer> {

    /** Four bytes per character at most, so this stays within the tracer's character limit. */
    static final int TEXT_FILE_BYTES_MAX = Tracer.TEXT_CHARS_MAX;

    @Spec
    CommandSpec spec;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index directory.")
    Path index;

    @Option(names = "--text-file", required = true, paramLabel = "F", description = "The output to trace (UTF-8).")
    Path textFile;

    @Option(names = "--prompt-file", paramLabel = "P", description = "The prompt, used for ranking snippets.")
    Path promptFile;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--receipt", paramLabel = "ID", description = "The receipt the evidence is bound to.")
    String receipt;

    @Option(names = "--min-span", paramLabel = "TOKENS", description = "Shortest span kept (default 8).")
    int minSpan = TraceParameters.DEFAULTS.minSpanTokens();

    @Option(names = "--max-count", paramLabel = "N", description = "Spans occurring more often are dropped "
            + "(default 100).")
    long maxCount = TraceParameters.DEFAULTS.maxCount();

    @Option(names = "--max-docs", paramLabel = "N", description = "Spans in more contributions earn no credit "
            + "(default 10, at most 20).")
    int maxDocs = TraceParameters.DEFAULTS.maxDocs();

    @Override
    public Integer call() throws IOException {
        var parameters = new TraceParameters(minSpan, maxCount, maxDocs, TraceParameters.DEFAULTS.keepPercent());
        var output = readText(textFile, "text file");
        if (output.isBlank()) {
            throw new IllegalArgumentException("text file is empty: " + textFile);
        }
        var prompt = promptFile == null ? "" : readText(promptFile, "prompt file");
        try (var opened = AttributionIndex.open(index)) {
            var result = new Tracer(opened, parameters).trace(output, prompt);
            var stdout = spec.commandLine().getOut();
            stdout.print(json ? TraceJson.write(result, receipt) : summary(result));
            stdout.flush();
        }
        return 0;
    }

    /** Reads a bounded, strictly UTF-8, non-binary text file. */
    static String readText(Path path, String what) throws IOException {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(what + " is missing: " + path);
        }
        if (size > TEXT_FILE_BYTES_MAX) {
            throw new IllegalArgumentException(what + " has " + size + " bytes, more than the limit of "
                    + TEXT_FILE_BYTES_MAX + ": " + path);
        }
        byte[] bytes = Files.readAllBytes(path);
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException(what + " holds NUL bytes: it is binary, not text: " + path);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not UTF-8 text: " + path);
        }
    }

    private static String summary(TraceResult result) {
        var text = new StringBuilder();
        text.append("%d span(s), coverage %d/%d tokens, index %s%n".formatted(result.spans().size(),
                result.coveredTokens(), result.outputTokens(), result.indexId()));
        for (var span : result.spans()) {
            text.append("  [%d, %d) x%d %s: %s%n".formatted(span.start(), span.end(), span.count(),
                    span.contributions(), span.text().strip()));
        }
        for (var credit : result.contributions()) {
            text.append("  %-24s weight %s%n".formatted(credit.id(),
                    BigDecimal.valueOf(credit.weightPpb(), 9).toPlainString()));
        }
        return text.toString();
    }
}
