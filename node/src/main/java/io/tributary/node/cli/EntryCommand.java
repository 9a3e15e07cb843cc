package io.tributary.node.cli;

import io.tributary.node.ledger.Ledger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "entry",
        description = "Print the canonical bytes of entry I, exactly what its leaf hash covers (no newline added).")
final class EntryCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--index", required = true, paramLabel = "I")
    long index;

    @Override
    public Integer call() throws Exception {
        try (var ledger = Ledger.openForReading(data.dir)) {
            var entry = ledger.store().entry(index).orElseThrow(
                    () -> new IllegalArgumentException("no entry " + index + ": the log has " + ledger.size()
                            + " entries"));
            System.out.write(entry.bytes());
            System.out.flush();
        }
        return 0;
    }
}
