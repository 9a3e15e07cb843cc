package io.tributary.node.cli;

import io.tributary.node.bench.LedgerBench;
import io.tributary.node.bench.StoreBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", description = "Benchmarks that print their numbers.",
        subcommands = {BenchCommand.LedgerCommand.class, BenchCommand.StoreCommand.class})
final class BenchCommand {

    @Command(name = "ledger", description = {
            "Generate N signed transactions of mixed types (signing not timed), append them durably through the submit",
            "path, and compare with signature verification alone in the same run. DIR is created with bench accounts."})
    static final class LedgerCommand implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--tx", required = true, paramLabel = "N")
        int count;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (count < 1) {
                throw new IllegalArgumentException("--tx must be at least 1");
            }
            var report = LedgerBench.run(data.dir, count, seed, System.err);
            LedgerBench.print(report, System.out);
            return 0;
        }
    }

    @Command(name = "store", description = {
            "Append N group commits shaped like bench ledger's (1,400 transactions, 1,680 writes to 1,000 hot keys and",
            "840 new keys) to a new SQLite store in DIR after N untimed ones, on one thread, and print the CPU time",
            "per transaction and the percentiles of the CPU time per append."})
    static final class StoreCommand implements Callable<Integer> {
        @Mixin
        DataOption data;

        @Option(names = "--batches", defaultValue = "72", paramLabel = "N")
        int batches;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED")
        long seed;

        @Override
        public Integer call() throws Exception {
            if (batches < 1) {
                throw new IllegalArgumentException("--batches must be at least 1");
            }
            StoreBench.print(StoreBench.run(data.dir, batches, seed), System.out);
            return 0;
        }
    }
}
