package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `bench ledger`: its output lines are a contract that outside checkers parse; the figures themselves vary. */
class BenchLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheContractLinesAndLeavesAVerifiableLedger() {
        var data = tmp.resolve("bench").toString();
        var run = CliTest.run("", "bench", "ledger", "--data", data, "--tx", "1500");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^appended 1500 transactions: \\d+ tx/s$")
                .containsPattern("(?m)^commit latency per group commit: p50 [\\d.]+ ms, p99 [\\d.]+ ms ")
                .containsPattern("(?m)^database: \\d+ bytes per transaction$")
                .containsPattern("(?m)^signature verification alone, 2 threads: \\d+ signatures/s$");
        assertThat(run.err()).contains("verification passes right before / right after the append")
                .containsPattern("JIT \\d+ ms \\(compiler threads' CPU \\d+ ms\\)");
        // Outside checkers look for the contract's line by its words: no other line of either stream starts with them.
        assertThat((run.out() + run.err()).lines().filter(line -> line.startsWith("signature verification alone")))
                .hasSize(1);
        var verify = CliTest.run("", "verify", "--data", data);
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        var size = CliTest.run("", "checkpoint", "--data", data);
        assertThat(size.out().lines().skip(1).findFirst()).contains("3001");
    }
}
