package io.tributary.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.json.Json;
import io.tributary.core.tx.TxCodec;
import io.tributary.core.tx.TxType;
import io.tributary.node.ledger.Ledger;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign", description = {
        "Read {\"type\", \"body\"} from standard input, fill in nonce and time, print the signed transaction.",
        "The nonce is the signer's next one in the ledger given by --data, else 1; \"nonce\" or \"time\" in the "
                + "input win."})
final class SignCommand implements Callable<Integer> {

    private static final Set<String> FIELDS = Set.of("type", "body", "nonce", "time");

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The signer's PEM key.")
    Path keyFile;

    @Option(names = "--data", paramLabel = "DIR", description = "A ledger to take the next nonce from.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        var key = SigningKey.read(keyFile);
        var input = Json.parse(readBounded(System.in));
        if (!(input instanceof ObjectNode object) || !object.has("type") || !object.path("body").isObject()) {
            throw new IllegalArgumentException("input must be a JSON object {\"type\": ..., \"body\": {...}}");
        }
        for (var name : (Iterable<String>) object::fieldNames) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field in the input: " + name);
            }
        }
        long nonce = object.has("nonce") ? object.get("nonce").asLong() : nextNonce(key);
        long time = object.has("time") ? object.get("time").asLong() : System.currentTimeMillis();
        var tx = TxCodec.sign(key, TxType.named(object.get("type").asText()), object.get("body"), nonce, time);
        System.out.println(TxCodec.json(tx));
        return 0;
    }

    private long nextNonce(SigningKey key) throws Exception {
        if (dataDir == null) {
            return 1;
        }
        try (var ledger = Ledger.openForReading(dataDir)) {
            return ledger.nextNonce(key.account().value());
        }
    }

    static String readBounded(InputStream in) throws java.io.IOException {
        var bytes = in.readNBytes(TxCodec.TX_BYTES_MAX + 1);
        if (bytes.length > TxCodec.TX_BYTES_MAX) {
            throw new IllegalArgumentException("input is longer than " + TxCodec.TX_BYTES_MAX + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
