package io.tributary.node.cli;

import io.tributary.node.ledger.Ledger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "pubkey", description = "Print the log's verifier key, <name>+<hex keyhash>+<base64(0x01 || pubkey)>.")
final class PubkeyCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        try (var ledger = Ledger.openForReading(data.dir)) {
            System.out.println(ledger.verifierKey());
        }
        return 0;
    }
}
