package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.core.checkpoint.Checkpoint;
import io.tributary.core.checkpoint.SignedNote;
import io.tributary.core.json.Json;
import io.tributary.core.merkle.MerkleVerifier;
import io.tributary.core.merkle.Rfc9162;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract, run in process: commands, exit codes and the exact JSON fields external checkers read. */
class CliTest {

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {}

    static synchronized Run run(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            var commandLine = Main.commandLine();
            commandLine.setErr(new java.io.PrintWriter(System.err, true));
            int code = commandLine.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
    }

    static JsonNode json(String line) throws Exception {
        return Json.MAPPER.readTree(line);
    }

    private String keygen(String name) throws Exception {
        var run = run("", "keygen", "--out", tmp.resolve(name).toString());
        assertThat(run.exitCode()).isZero();
        return json(run.out()).get("account").asText();
    }

    @Test
    void theLedgerWorksEndToEndThroughTheCli() throws Exception {
        var alice = keygen("alice.pem");
        var bob = keygen("bob.pem");
        var data = tmp.resolve("data").toString();
        var genesis = tmp.resolve("genesis.json");
        Files.writeString(genesis, "{\"origin\": \"cli.test/log\", \"balances\": {\"" + alice + "\": 1000000}}");
        assertThat(run("", "init", "--data", data, "--genesis", genesis.toString()).exitCode()).isZero();

        var signed = run("{\"type\": \"transfer\", \"body\": {\"to\": \"" + bob + "\", \"amount\": 2500}}",
                "sign", "--key", tmp.resolve("alice.pem").toString(), "--data", data);
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        var tx = json(signed.out());
        assertThat(tx.get("nonce").asLong()).isEqualTo(1);
        assertThat(tx.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("type", "body", "signer", "nonce", "time", "sig");

        var submitted = run(signed.out() + "\n" + signed.out(), "submit", "--data", data);
        assertThat(submitted.exitCode()).isEqualTo(1);
        var lines = submitted.out().lines().toList();
        assertThat(json(lines.get(0)).get("status").asText()).isEqualTo("accepted");
        assertThat(json(lines.get(0)).get("index").asLong()).isEqualTo(1);
        assertThat(json(lines.get(0)).get("id").asText()).hasSize(64);
        assertThat(json(lines.get(1)).get("status").asText()).isEqualTo("rejected");
        assertThat(json(lines.get(1)).get("reason").asText()).startsWith("bad_nonce");

        var account = json(run("", "account", "--data", data, bob).out());
        assertThat(account.get("balance").asLong()).isEqualTo(2500);
        assertThat(account.get("nonce").asLong()).isZero();
        assertThat(account.get("account").asText()).isEqualTo(bob);
        assertThat(account.get("shares").isObject()).isTrue();

        var note = run("", "checkpoint", "--data", data).out();
        var verifierKey = run("", "pubkey", "--data", data).out().strip();
        var checkpoint = Checkpoint.parseBody(SignedNote.open(note, verifierKey));
        assertThat(checkpoint.size()).isEqualTo(2);

        var entry = run("", "entry", "--data", data, "--index", "1").out().getBytes(StandardCharsets.UTF_8);
        var proof = json(run("", "proof", "inclusion", "--data", data, "--index", "1", "--size", "2").out());
        assertThat(proof.get("leaf_index").asLong()).isEqualTo(1);
        assertThat(proof.get("tree_size").asLong()).isEqualTo(2);
        assertThat(Base64.getDecoder().decode(proof.get("leaf_hash").asText())).isEqualTo(Rfc9162.leafHash(entry));
        assertThat(MerkleVerifier.verifyInclusion(1, 2, Rfc9162.leafHash(entry), hashes(proof), checkpoint.rootHash()).isValid())
                .isTrue();

        var consistency = json(run("", "proof", "consistency", "--data", data, "--from", "1", "--to", "2").out());
        var genesisLeaf = Rfc9162.leafHash(run("", "entry", "--data", data, "--index", "0").out().getBytes(StandardCharsets.UTF_8));
        assertThat(MerkleVerifier.verifyConsistency(1, 2, hashes(consistency), genesisLeaf, checkpoint.rootHash()).isValid())
                .isTrue();

        assertThat(run("", "verify", "--data", data).exitCode()).isZero();
    }

    @Test
    void contributeStoresTheContentAndProposesIt() throws Exception {
        var alice = keygen("alice.pem");
        var data = tmp.resolve("data");
        var genesis = tmp.resolve("genesis.json");
        Files.writeString(genesis, "{\"origin\": \"cli.test/log\", \"balances\": {\"" + alice + "\": 1000}}");
        run("", "init", "--data", data.toString(), "--genesis", genesis.toString());
        var create = run("{\"type\": \"datanet_create\", \"body\": {\"id\": \"poems\", \"name\": \"Poems\", \"license\": \"CC0\","
                + " \"curators\": [], \"deposit\": 10}}", "sign", "--key", tmp.resolve("alice.pem").toString(), "--data", data.toString());
        assertThat(run(create.out(), "submit", "--data", data.toString()).exitCode()).isZero();
        var file = tmp.resolve("poem.txt");
        Files.writeString(file, "Tyger Tyger, burning bright");
        var contributed = run("", "contribute", "--data", data.toString(), "--key", tmp.resolve("alice.pem").toString(),
                "--datanet", "poems", "--file", file.toString());
        assertThat(contributed.exitCode()).as(contributed.err()).isZero();
        assertThat(json(contributed.out()).get("status").asText()).isEqualTo("accepted");
        var hash = io.tributary.core.crypto.Bytes.hex(io.tributary.core.crypto.Bytes.sha256(Files.readAllBytes(file)));
        assertThat(data.resolve("content").resolve(hash.substring(0, 2)).resolve(hash)).hasSameTextualContentAs(file);
        assertThat(json(run("", "account", "--data", data.toString(), alice).out()).get("balance").asLong()).isEqualTo(990);
    }

    @Test
    void badInputGetsAClearErrorAndALineOfMegabytesIsRejectedNotFatal() throws Exception {
        var alice = keygen("alice.pem");
        var data = tmp.resolve("data").toString();
        var genesis = tmp.resolve("genesis.json");
        Files.writeString(genesis, "{\"origin\": \"cli.test/log\", \"balances\": {\"" + alice + "\": 5}}");
        run("", "init", "--data", data, "--genesis", genesis.toString());
        var huge = "{\"type\": \"transfer\", \"body\": {\"to\": \"" + "x".repeat(5_000_000) + "\"}}";
        var valid = run("{\"type\": \"transfer\", \"body\": {\"to\": \"" + alice + "\", \"amount\": 1}}",
                "sign", "--key", tmp.resolve("alice.pem").toString(), "--data", data).out();
        var submitted = run(huge + "\n" + valid, "submit", "--data", data);
        assertThat(submitted.exitCode()).isEqualTo(1);
        var lines = submitted.out().lines().toList();
        assertThat(json(lines.get(0)).get("reason").asText()).contains("longer than");
        assertThat(json(lines.get(1)).get("status").asText()).isEqualTo("accepted");

        var missing = run("", "account", "--data", tmp.resolve("nowhere").toString(), alice);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no ledger in");
        var badGenesis = tmp.resolve("bad.json");
        Files.writeString(badGenesis, "{\"origin\": \"x\", \"balances\": {\"" + alice + "\": 1.5}}");
        var refused = run("", "init", "--data", tmp.resolve("other").toString(), "--genesis", badGenesis.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("floating-point");
        assertThat(tmp.resolve("other")).doesNotExist();
    }

    private static byte[][] hashes(JsonNode proof) {
        var array = proof.get("hashes");
        var hashes = new byte[array.size()][];
        for (int i = 0; i < array.size(); i++) {
            hashes[i] = Base64.getDecoder().decode(array.get(i).asText());
        }
        return hashes;
    }
}
