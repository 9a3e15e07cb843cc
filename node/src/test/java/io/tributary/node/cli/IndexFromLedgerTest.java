package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.json.Json;
import io.tributary.core.state.Keys;
import io.tributary.core.state.VersionMembers;
import io.tributary.node.demo.Demo;
import io.tributary.node.ledger.Ledger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index built from a frozen datanet version traces text back to the contributions that version froze. */
class IndexFromLedgerTest {

    @Test
    void indexesADatanetVersionAndTracesToItsContributions(@TempDir Path tmp) throws Exception {
        Demo.run(tmp.resolve("demo"), new PrintStream(new ByteArrayOutputStream()));
        var data = tmp.resolve("demo").resolve("ledger");
        var built = CliTest.run("", "index", "build", "--data", data.toString(), "--datanet", "brown-sample",
                "--version", "1", "--out", tmp.resolve("index").toString());
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.out()).contains("6 documents");

        String contribution;
        String text;
        try (var ledger = Ledger.openForReading(data)) {
            var members = VersionMembers.of(ledger.state(), "brown-sample", 1);
            contribution = members.firstEntry().getKey();
            text = new String(new io.tributary.node.content.ContentStore(ledger.dir().content()).read(members.get(contribution)),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ledger.state().get(Keys.contribution(contribution))).isNotNull();
        }
        var output = tmp.resolve("output.txt");
        Files.writeString(output, "As the report said, " + text.substring(0, 400) + " and nothing else.");
        var traced = CliTest.run("", "trace", "--index", tmp.resolve("index").toString(), "--text-file", output.toString(), "--json");
        assertThat(traced.exitCode()).as(traced.err()).isZero();
        var json = Json.MAPPER.readTree(traced.out());
        assertThat(json.get("contributions").get(0).get("id").asText()).isEqualTo(contribution);

        var missing = CliTest.run("", "index", "build", "--data", data.toString(), "--datanet", "brown-sample",
                "--version", "2", "--out", tmp.resolve("index2").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no version 2 of datanet brown-sample");
        assertThat(tmp.resolve("index2")).doesNotExist();
    }
}
