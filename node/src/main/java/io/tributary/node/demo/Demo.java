package io.tributary.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.crypto.SigningKey;
import io.tributary.core.json.Json;
import io.tributary.core.state.Keys;
import io.tributary.core.state.Values;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Body.Parent;
import io.tributary.core.tx.Body.Royalty;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import io.tributary.core.tx.TxType;
import io.tributary.node.content.ContentStore;
import io.tributary.node.ledger.Appender;
import io.tributary.node.ledger.Ledger;
import io.tributary.node.ledger.Replayer;
import io.tributary.node.ledger.Result;
import io.tributary.node.ledger.Sequencer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-to-end story on a fresh ledger: accounts, a datanet fed from a sample kept in the build, curation with a
 * spam rejection, a frozen version, a base model and a fine-tune with a royalty edge, an agent, share transfers,
 * and a full verification. Everything goes through the same signed-transaction path as {@code submit}.
 */
public final class Demo {

    static final String ORIGIN = "demo.tributary.local/log";
    static final String DATANET = "brown-sample";
    static final long FUNDS = 100_000_000;

    private final Path root;
    private final PrintStream out;
    private final Map<String, SigningKey> keys = new LinkedHashMap<>();
    private final Map<String, Long> nonces = new HashMap<>();

    private Demo(Path root, PrintStream out) {
        this.root = root;
        this.out = out;
    }

    public static void run(Path root, PrintStream out) throws Exception {
        new Demo(root, out).run();
    }

    private void run() throws Exception {
        Files.createDirectories(root.resolve("keys"));
        for (var name : List.of("alice", "bob", "carol", "dave", "erin", "frank", "mallory")) {
            var key = SigningKey.generate(new SecureRandom());
            key.write(root.resolve("keys").resolve(name + ".pem"));
            keys.put(name, key);
        }
        var balances = new TreeMap<String, Long>();
        keys.values().forEach(key -> balances.put(key.account().value(), FUNDS));
        var dataDir = root.resolve("ledger");
        Ledger.init(dataDir, new Body.Genesis(ORIGIN, balances), System.currentTimeMillis());
        out.printf("ledger %s created in %s; keys in %s%n", ORIGIN, dataDir, root.resolve("keys"));
        keys.forEach((name, key) -> out.printf("  %-8s %s  %,d micro-TRIB%n", name, key.account(), FUNDS));

        try (var ledger = Ledger.openForWriting(dataDir)) {
            record(ledger, "alice creates the datanet", List.of(sign("alice", new Body.DatanetCreate(DATANET,
                    "Brown Corpus sample", "Brown Corpus: redistribution permitted", List.of(account("dave")),
                            50_000L, null))));
            var proposals = contribute(ledger);
            var curation = new ArrayList<Transaction>();
            for (int i = 0; i < proposals.size() - 1; i++) {
                curation.add(sign("dave", new Body.ContributionAccept(proposals.get(i).id())));
            }
            curation.add(sign("dave", new Body.ContributionReject(proposals.getLast().id(), true)));
            record(ledger, "dave curates: accepts the passages, rejects mallory's as spam", curation);
            record(ledger, "alice freezes version 1", List.of(sign("alice", new Body.DatanetFreeze(DATANET))));
            var artifact = io.tributary.core.crypto.Bytes.hex(io.tributary.core.crypto.Bytes.sha256(
                    "base-lm weights".getBytes(StandardCharsets.UTF_8)));
            var tuned = io.tributary.core.crypto.Bytes.hex(io.tributary.core.crypto.Bytes.sha256(
                    "tuned-lm weights".getBytes(StandardCharsets.UTF_8)));
            record(ledger, "models: erin's base, frank's fine-tune paying it 10% (absolute royalty)", List.of(
                    sign("erin", new Body.ModelRegister("base-lm", artifact, List.of(), List.of(DATANET + "@1"), null)),
                    sign("frank", new Body.ModelRegister("tuned-lm", tuned,
                            List.of(new Parent("base-lm", Royalty.ABSOLUTE, 1_000L)), List.of(DATANET + "@1"), null))));
            record(ledger, "frank registers an agent at 2,000 micro-TRIB a call", List.of(
                    sign("frank", new Body.AgentRegister("brown-helper", List.of("tuned-lm"), 2_000L))));
            record(ledger, "share transfers", List.of(
                    sign("alice", new Body.ShareTransfer("datanet/" + DATANET, account("bob"), 250_000L)),
                    sign("erin", new Body.ShareTransfer("model/base-lm", account("carol"), 100_000L)),
                    sign("bob", new Body.Transfer(account("frank"), 12_345L))));
            printAccounts(ledger);
        }
        var report = Replayer.verify(dataDir);
        out.printf("%nverify: %d entries replayed from the log; checkpoint at size %d matches; state root %s%n",
                report.entries(), report.checkpoint().size(), report.stateRootHex());
        try (var ledger = Ledger.openForReading(dataDir)) {
            out.printf("%ncheckpoint (verifier key %s):%n%s", ledger.verifierKey(),
                    ledger.latestCheckpoint().orElseThrow());
        }
    }

    private List<Transaction> contribute(Ledger ledger) throws Exception {
        var content = new ContentStore(ledger.dir().content());
        var proposals = new ArrayList<Transaction>();
        var samples = samples();
        for (int i = 0; i < samples.size(); i++) {
            var sample = samples.get(i);
            var contributor = i % 2 == 0 ? "bob" : "carol";
            var file = Files.createTempFile(root, "sample-", ".txt");
            Files.writeString(file, sample.get("text").asText());
            var stored = content.put(file);
            Files.delete(file);
            proposals.add(sign(contributor, new Body.ContributionPropose(DATANET, stored.hash(), stored.sizeBytes(),
                    "text/plain", Map.of("brown_id", sample.get("id").asText(), "category",
                            sample.get("category").asText()))));
        }
        var spam = Files.createTempFile(root, "spam-", ".txt");
        Files.writeString(spam, "BUY CHEAP TOKENS NOW!!! ".repeat(20));
        var stored = content.put(spam);
        Files.delete(spam);
        proposals.add(sign("mallory", new Body.ContributionPropose(DATANET, stored.hash(), stored.sizeBytes(),
                "text/plain", null)));
        record(ledger, "bob and carol contribute " + samples.size() + " Brown passages; mallory proposes spam",
                proposals);
        return proposals;
    }

    private static List<JsonNode> samples() throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream("sample.jsonl")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            var samples = new ArrayList<JsonNode>();
            for (var line : lines) {
                samples.add(Json.MAPPER.readTree(line));
            }
            return samples;
        }
    }

    private Transaction sign(String name, Body body) {
        var key = keys.get(name);
        long nonce = nonces.merge(name, 1L, Long::sum);
        return TxCodec.sign(key, body, nonce, System.currentTimeMillis());
    }

    private String account(String name) {
        return keys.get(name).account().value();
    }

    private void record(Ledger ledger, String title, List<Transaction> transactions) throws Exception {
        out.printf("%n%s%n", title);
        var index = new int[1];
        Appender.append(ledger, transactions.iterator(), () -> true, Sequencer::submitTransactions, result -> {
            var tx = transactions.get(index[0]++);
            switch (result) {
                case Result.Accepted accepted -> out.printf("  #%-3d %-21s %s%n", accepted.index(),
                        TxType.of(tx.body()).typeName(),
                        tx.id().substring(0, 16));
                case Result.Rejected rejected -> throw new IllegalStateException("demo transaction rejected: "
                        + rejected.reason());
            }
        });
    }

    private void printAccounts(Ledger ledger) throws Exception {
        out.printf("%nbalances and shares%n");
        var state = ledger.state();
        for (var entry : keys.entrySet()) {
            var account = state.get(Keys.account(entry.getValue().account().value()), Values.Account.class);
            var shares = new ArrayList<String>();
            state.scan(Keys.SHARES).forEach((key, count) -> {
                if (key.endsWith("/" + entry.getValue().account().value())) {
                    var asset = key.substring(Keys.SHARES.length(), key.lastIndexOf('/'));
                    shares.add(String.format("%s %,d", asset, (Long) count));
                }
            });
            out.printf("  %-8s %,14d micro-TRIB  nonce %d  %s%n", entry.getKey(), account.balance(), account.nonce(),
                    String.join(", ", shares));
        }
    }
}
