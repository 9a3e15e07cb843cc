package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index build and trace through the real command line, on real files. */
class AttributionCommandsTest {

    @TempDir
    Path directory;

    record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void buildsAnIndexAndTracesAnOutputAsJson() throws IOException {
        var input = Files.writeString(directory.resolve("corpus.jsonl"), """
                {"id": "river", "text": "The river carried silt from the mountains down to the wide green delta."}
                {"id": "forge", "text": "The blacksmith hammered the glowing iron until it rang like a bell."}
                """);
        var index = directory.resolve("index");
        var built = run("index", "build", "--input", input.toString(), "--out", index.toString());
        assertThat(built.exitCode()).as(built.err()).isZero();
        assertThat(built.out()).contains("2 documents");

        var text = Files.writeString(directory.resolve("output.txt"),
                "Reportedly the blacksmith hammered the glowing iron until it rang like a bell, all night.");
        var traced = run("trace", "--index", index.toString(), "--text-file", text.toString(), "--json");
        assertThat(traced.exitCode()).as(traced.err()).isZero();
        assertThat(traced.out()).contains("\"spans\"", "\"id\" : \"forge\"", "\"weight\" : 1.000000000",
                "\"coverage\"", "\"index\"", "\"tokenizer\" : \"o200k_base\"", "\"engine\"");
        var again = run("trace", "--index", index.toString(), "--text-file", text.toString(), "--json");
        assertThat(again.out()).isEqualTo(traced.out());
    }

    @Test
    void badInputGivesOneClearErrorLine() throws IOException {
        var text = Files.writeString(directory.resolve("output.txt"), "some output");
        var missing = run("trace", "--index", directory.resolve("none").toString(), "--text-file", text.toString(),
                "--json");
        assertThat(missing.exitCode()).isEqualTo(ErrorHandler.EXIT_ERROR);
        assertThat(missing.err()).startsWith("error: index directory is missing");

        var huge = Files.writeString(directory.resolve("huge.txt"), "word ".repeat(TraceCommand.TEXT_FILE_BYTES_MAX));
        var tooLarge = run("trace", "--index", directory.toString(), "--text-file", huge.toString(), "--json");
        assertThat(tooLarge.exitCode()).isEqualTo(ErrorHandler.EXIT_ERROR);
        assertThat(tooLarge.err()).contains("more than the limit");

        var empty = Files.writeString(directory.resolve("empty.jsonl"), "");
        var out = directory.resolve("out");
        var build = run("index", "build", "--input", empty.toString(), "--out", out.toString());
        assertThat(build.exitCode()).isEqualTo(ErrorHandler.EXIT_ERROR);
        assertThat(build.err()).contains("no documents");
        assertThat(out).doesNotExist();
    }
}
