package io.tributary.node.cli;

import io.tributary.node.ledger.Replayer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify",
        description = "Replay the log: recompute every hash, signature and the state; check them against the store "
                + "and the latest checkpoint.")
final class VerifyCommand implements Callable<Integer> {

    static final int EXIT_MISMATCH = 1;

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        try {
            var report = Replayer.verify(data.dir);
            System.out.println("verified " + report.entries() + " entries; checkpoint at size "
                    + report.checkpoint().size()
                    + " matches; state root " + report.stateRootHex());
            return 0;
        } catch (Replayer.Mismatch mismatch) {
            System.err.println("verification failed: " + mismatch.getMessage());
            return EXIT_MISMATCH;
        }
    }
}
