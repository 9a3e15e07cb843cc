package io.tributary.node.cli;

import io.tributary.node.ledger.Ledger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "checkpoint", description = "Print the latest checkpoint, a C2SP signed note.")
final class CheckpointCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        try (var ledger = Ledger.openForReading(data.dir)) {
            System.out.print(ledger.latestCheckpoint().orElseThrow(()
                    -> new IllegalStateException("the ledger has no checkpoint")));
        }
        return 0;
    }
}
