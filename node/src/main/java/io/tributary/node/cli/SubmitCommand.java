package io.tributary.node.cli;

import io.tributary.core.tx.TxCodec;
import io.tributary.node.ledger.Appender;
import io.tributary.node.ledger.Ledger;
import io.tributary.node.ledger.Sequencer;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "submit", description = {
        "Append signed transactions given as JSON Lines (standard input without FILE).",
        "Prints one JSON line each once durable; exits 1 if any was rejected."})
final class SubmitCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines of signed transactions.")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (var ledger = Ledger.openForWriting(data.dir); Reader reader = open()) {
            var out = System.out;
            var lines = new BoundedLines(reader, TxCodec.TX_BYTES_MAX);
            var summary = Appender.append(ledger, lines, lines::moreBuffered, Sequencer::submitLines,
                    result -> out.println(Output.result(result)));
            out.flush();
            return summary.rejected() == 0 ? 0 : 1;
        }
    }

    private Reader open() throws java.io.IOException {
        return file == null
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
