package io.tributary.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.node.ledger.Replayer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

    @Test
    void theDemoRecordsTheWholeStoryAndVerifies(@TempDir Path tmp) throws Exception {
        var out = new ByteArrayOutputStream();
        Demo.run(tmp.resolve("demo"), new PrintStream(out, true, StandardCharsets.UTF_8));
        var text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("datanet_freeze", "contribution_reject", "agent_register", "share_transfer")
                .contains("checkpoint at size 23 matches").contains("\u2014 " + Demo.ORIGIN + " ");
        // The spam deposit went to the datanet's sole shareholder at the time: alice.
        assertThat(text).containsPattern("alice +100,050,000 micro-TRIB");
        assertThat(Replayer.verify(tmp.resolve("demo").resolve("ledger")).entries()).isEqualTo(23);
    }
}
