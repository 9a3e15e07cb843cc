package io.tributary.node.cli;

import io.tributary.core.json.Json;
import io.tributary.core.tx.Body;
import io.tributary.node.ledger.Ledger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init",
        description = "Create a ledger from a genesis file {\"origin\", \"balances\"} with a fresh log key.")
final class InitCommand implements Callable<Integer> {

    static final long GENESIS_BYTES_MAX = 64L << 20;

    @Mixin
    DataOption data;

    @Option(names = "--genesis", required = true, paramLabel = "FILE", description = "The genesis JSON file.")
    Path genesisFile;

    @Override
    public Integer call() throws Exception {
        if (Files.size(genesisFile) > GENESIS_BYTES_MAX) {
            throw new IllegalArgumentException("genesis file is larger than " + GENESIS_BYTES_MAX + " bytes");
        }
        var genesis = Json.MAPPER.treeToValue(Json.parse(Files.readString(genesisFile)), Body.Genesis.class);
        Ledger.init(data.dir, genesis, System.currentTimeMillis());
        try (var ledger = Ledger.openForReading(data.dir)) {
            System.out.println(Output.line(Output.object()
                    .put("origin", ledger.origin())
                    .put("size", ledger.size())
                    .put("verifier_key", ledger.verifierKey())));
            System.out.print(ledger.latestCheckpoint().orElseThrow());
        }
        return 0;
    }
}
