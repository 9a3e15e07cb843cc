package io.tributary.node.cli;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.TxCodec;
import io.tributary.node.content.ContentStore;
import io.tributary.node.ledger.Appender;
import io.tributary.node.ledger.Ledger;
import io.tributary.node.ledger.Result;
import io.tributary.node.ledger.Sequencer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "contribute",
        description = "Store a file content-addressed and append its signed proposal to a datanet.")
final class ContributeCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The contributor's PEM key.")
    Path keyFile;

    @Option(names = "--datanet", required = true, paramLabel = "ID")
    String datanet;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The contribution's bytes.")
    Path file;

    @Option(names = "--media-type", defaultValue = "text/plain", paramLabel = "TYPE")
    String mediaType;

    @Override
    public Integer call() throws Exception {
        var key = SigningKey.read(keyFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try (var ledger = Ledger.openForWriting(data.dir)) {
            var stored = new ContentStore(ledger.dir().content()).put(file);
            var body = new Body.ContributionPropose(datanet, stored.hash(), stored.sizeBytes(), mediaType,
                    Map.of("name", file.getFileName().toString()));
            var tx = TxCodec.sign(key, body, ledger.nextNonce(key.account().value()), System.currentTimeMillis());
            var rejected = new boolean[1];
            Appender.append(ledger, List.of(tx).iterator(), () -> true, Sequencer::submitTransactions, result -> {
                rejected[0] = result instanceof Result.Rejected;
                System.out.println(Output.result(result));
            });
            return rejected[0] ? 1 : 0;
        }
    }
}
