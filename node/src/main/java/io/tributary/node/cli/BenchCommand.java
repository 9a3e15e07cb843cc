package io.tributary.node.cli;

import io.tributary.node.bench.LedgerBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks that print their numbers.",
        subcommands = {BenchCommand.LedgerCommand.class})
final class BenchCommand {

    @Command(name = "ledger", description = {
            "Generate N signed transactions of mixed types (signing not timed), append them durably through the submit",
            "path, and compare with signature verification alone in the same run. DIR is created with bench accounts."})
    static final class LedgerCommand implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR")
        Path dir;

        @Option(names = "--tx", required = true, paramLabel = "N")
        int count;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (count < 1) {
                throw new IllegalArgumentException("--tx must be at least 1");
            }
            var report = LedgerBench.run(dir, count, seed, System.err);
            LedgerBench.print(report, System.out);
            return 0;
        }
    }
}
