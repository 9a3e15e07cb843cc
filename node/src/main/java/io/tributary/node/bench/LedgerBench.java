package io.tributary.node.bench;

import io.tributary.core.crypto.SigningKey;
import io.tributary.core.state.Keys;
import io.tributary.core.state.Outcome;
import io.tributary.core.state.Rules;
import io.tributary.core.state.State;
import io.tributary.core.state.Values;
import io.tributary.core.tx.Body;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import io.tributary.node.ledger.Appender;
import io.tributary.node.ledger.Ledger;
import io.tributary.node.ledger.Result;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Appends N generated transactions of mixed types durably through the submit path, then measures signature
 * verification alone on the same transactions with the same number of threads, in the same run.
 */
public final class LedgerBench {

    public static final int ACCOUNTS = 1_000;
    static final long ACCOUNT_FUNDS_MICROS = 1_000_000_000_000L;
    static final String ORIGIN = "bench.tributary.local/log";

    private LedgerBench() {}

    public record Report(long transactions, double txPerSecond, double commitMillisP50, double commitMillisP99,
            double latencyMillisP50, double latencyMillisP99, double bytesPerTransaction, double signaturesPerSecond,
            int threads, long commits) {}

    public static Report run(Path dir, int count, long seed, PrintStream log) throws Exception {
        var keys = new ArrayList<SigningKey>();
        for (int i = 0; i < ACCOUNTS; i++) {
            keys.add(SigningKey.fromSeed(ByteBuffer.allocate(32).putLong(seed).putInt(i).array()));
        }
        if (!Files.exists(dir.resolve("ledger.db"))) {
            var balances = new TreeMap<String, Long>();
            keys.forEach(key -> balances.put(key.account().value(), ACCOUNT_FUNDS_MICROS));
            Ledger.init(dir, new Body.Genesis(ORIGIN, balances), System.currentTimeMillis());
        }
        try (var ledger = Ledger.openForWriting(dir)) {
            int warmUpCount = Math.min(count, WARM_UP_TRANSACTIONS);
            log.printf("generating and signing %,d + %,d warm-up transactions (not timed)...%n", count, warmUpCount);
            var generated = new Generator(keys, ledger.state(), ledger.size(), seed).generate(warmUpCount + count);
            var lines = generated.subList(warmUpCount, generated.size());
            var transactions = new ArrayList<Transaction>(lines.size());
            for (var line : lines) {
                transactions.add(TxCodec.parse(line));
            }
            log.printf("warming up: appending %,d transactions in %d rounds, verifying signatures (not timed)...%n",
                    warmUpCount, WARM_UP_ROUNDS);
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                timedAppend(ledger, generated.subList(round * warmUpCount / WARM_UP_ROUNDS,
                        (round + 1) * warmUpCount / WARM_UP_ROUNDS));
                verifyAlone(transactions.subList(0, Math.min(transactions.size(), warmUpCount / WARM_UP_ROUNDS)),
                        Appender.VERIFY_THREADS);
                if (warmUpCount == WARM_UP_TRANSACTIONS) {
                    awaitCompilerIdle(); // a smaller run measures nothing steady: it need not wait up to 10 s
                }
            }
            var verifiedBefore = verifyAlone(transactions, Appender.VERIFY_THREADS);
            // The inputs (lines and parsed transactions, some 250 MB) stay live through the run, unlike a node's, which
            // streams its input: moved to the old generation now, they are not copied by the timed run's collections.
            System.gc();
            log.printf("appending %,d transactions (timed)...%n", count);
            var append = timedAppend(ledger, lines);
            log.printf("during the append: submitting thread %.1f us CPU per transaction, JIT %d ms (compiler threads'"
                    + " CPU %s), GC %d ms, %,d bytes allocated per transaction%n",
                    append.submittingCpuNanos / 1e3 / count, append.compileMillis,
                    append.compilerCpuNanos < 0 ? "unknown" : append.compilerCpuNanos / 1_000_000 + " ms",
                    append.gcMillis, append.allocatedBytes / count);
            var commitNanos = append.summary.stats().commits().stream().mapToLong(c -> c[0]).sorted().toArray();
            append.summary.stats().cpuNanosByStage().forEach((stage, nanos) ->
                    log.printf("CPU per transaction in stage %s: %.1f us%n", stage, nanos / 1e3 / count));
            log.printf("committer busy %.0f%% of the append time%n",
                    100.0 * Arrays.stream(commitNanos).sum() / append.nanos);
            var latencies = append.latencies;
            Arrays.sort(latencies);
            var verifiedAfter = verifyAlone(transactions, Appender.VERIFY_THREADS);
            double signatures = 2.0 * count / ((verifiedBefore.nanos() + verifiedAfter.nanos()) / 1e9);
            log.printf("verification passes right before / right after the append: %.0f / %.0f "
                    + "signatures/s%n", verifiedBefore.perSecond(), verifiedAfter.perSecond());
            log.printf("process CPU per transaction: append %.1f us, signature verification alone %.1f us%n",
                    append.cpuNanos / 1e3 / count,
                    (verifiedBefore.cpuNanos() + verifiedAfter.cpuNanos()) / 2e3 / count);
            // Bytes are counted once the ledger is closed, when SQLite has folded the write-ahead log back in.
            ledger.close();
            double bytesPerTx = (double) databaseBytes(dir) / ledger.size();
            return new Report(count, count / (append.nanos / 1e9), percentile(commitNanos, 0.50) / 1e6,
                    percentile(commitNanos, 0.99) / 1e6, percentile(latencies, 0.50) / 1e6,
                    percentile(latencies, 0.99) / 1e6, bytesPerTx, signatures, Appender.VERIFY_THREADS,
                            commitNanos.length);
        }
    }

    /** What one append measured: wall and process CPU time, per-transaction latencies, JIT and GC time. */
    private record Append(Appender.Summary summary, long nanos, long cpuNanos, long submittingCpuNanos,
            long compileMillis, long compilerCpuNanos, long gcMillis, long allocatedBytes, long[] latencies) {}

    /**
     * Appends {@code lines} through the submit path until all are durable and the checkpoint covers them, timing it.
     * The warm-up runs this same method, so that the timed run finds its code compiled with the same profile.
     */
    private static Append timedAppend(Ledger ledger, List<String> lines) throws Exception {
        var submitted = new long[lines.size()];
        var latencies = new long[lines.size()];
        var index = new AtomicInteger();
        var reported = new int[1];
        var rejected = new ArrayList<String>();
        var threads = ManagementFactory.getThreadMXBean();
        var compiler = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long submittingCpuStart = threads.getCurrentThreadCpuTime();
        long compileMillisStart = compiler.getTotalCompilationTime();
        long compilerCpuStart = compilerCpuNanos();
        long gcMillisStart = gcMillis();
        long allocatedStart = allocatedBytes();
        var summary = Appender.append(ledger, lines.iterator(), () -> true, (sequencer, chunk) -> {
            long now = System.nanoTime();
            for (int i = 0; i < chunk.size(); i++) {
                submitted[index.getAndIncrement()] = now;
            }
            return sequencer.submitLines(chunk);
        }, result -> {
            latencies[reported[0]] = System.nanoTime() - submitted[reported[0]];
            reported[0]++;
            if (result instanceof Result.Rejected r && rejected.size() < 5) {
                rejected.add(r.reason());
            }
        });
        var append = new Append(summary, System.nanoTime() - start, processCpuNanos() - cpuStart,
                threads.getCurrentThreadCpuTime() - submittingCpuStart,
                compiler.getTotalCompilationTime() - compileMillisStart,
                compilerCpuSince(compilerCpuStart), gcMillis() - gcMillisStart,
                allocatedBytes() - allocatedStart, latencies);
        if (summary.rejected() > 0) {
            throw new IllegalStateException(summary.rejected() + " generated transactions were rejected, e.g. "
                    + rejected);
        }
        return append;
    }

    /**
     * Waits, at most {@link #COMPILER_IDLE_WAIT_MILLIS}, until the JIT has compiled nothing for half a second: what
     * the warm-up made hot is still being compiled for a while after it, and that work belongs to no measurement.
     */
    static void awaitCompilerIdle() throws InterruptedException {
        var compiler = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMPILER_IDLE_WAIT_MILLIS);
        long compiled = compiler.getTotalCompilationTime();
        for (int idlePolls = 0; idlePolls < 5 && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            long now = compiler.getTotalCompilationTime();
            idlePolls = now == compiled ? idlePolls + 1 : 0;
            compiled = now;
        }
    }

    static final long COMPILER_IDLE_WAIT_MILLIS = 10_000;

    static final int WARM_UP_TRANSACTIONS = 100_000;
    /**
     * The warm-up appends in rounds, each followed by a wait for the JIT: code compiled while generating (signing
     * shares the transaction reader) was seen compiled anew when an append began, in the timed run if it followed one
     * warm-up round (0.3-1.5 s of C2 time). A third round: after two, code that runs only at merges of the state's
     * keys and at checkpoints (SortedKeys.forEach, State.root) was still deoptimized and compiled again by C2 in the
     * timed run (0.2-0.4 s).
     */
    static final int WARM_UP_ROUNDS = 3;

    /** One pass of signature verification alone: its wall and process CPU time. */
    record Verification(int signatures, long nanos, long cpuNanos) {
        double perSecond() {
            return signatures / (nanos / 1e9);
        }
    }

    /**
     * Ed25519 verification of every transaction on {@code threads} threads, nothing else. The bench runs it right
     * before and right after the timed append and reports the rate over both: the VM's speed drifts by up to 30% in a
     * minute, and one pass on one side of the append measured the drift as much as the code.
     */
    static Verification verifyAlone(List<Transaction> transactions, int threads) throws InterruptedException {
        var workers = new Thread[threads];
        var failures = new AtomicInteger();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                for (int i = first; i < transactions.size(); i += threads) {
                    if (!transactions.get(i).signatureValid()) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        for (var worker : workers) {
            worker.join();
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = processCpuNanos() - cpuStart;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " signatures failed to verify");
        }
        return new Verification(transactions.size(), nanos, cpuNanos);
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Bytes allocated on the heap by every live thread so far (the pipeline's threads live until the append ends). */
    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /**
     * CPU time of the JIT's compiler threads, from Linux's {@code /proc/self/task/<id>/stat} (user and system time in
     * ticks of 10 ms); -1 where that cannot be read. The compilation time the JVM reports is wall time, which counts
     * a compiler thread's waits for a core as well.
     */
    static long compilerCpuNanos() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (var task : (Iterable<Path>) tasks::iterator) {
                var name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    var stat = Files.readString(task.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[STAT_UTIME]) + Long.parseLong(fields[STAT_UTIME + 1]);
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Compiler threads' CPU since {@code start}; -1 if unknown, or if a compiler thread ended meanwhile. */
    private static long compilerCpuSince(long start) {
        long now = compilerCpuNanos();
        return start < 0 || now < start ? -1 : now - start;
    }

    /** utime among the fields of {@code stat} after the command's closing parenthesis; stime follows it. */
    private static final int STAT_UTIME = 11;
    private static final long NANOS_PER_TICK = 10_000_000;

    /** CPU time of the whole process: tells where time goes even when other processes share the cores. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long databaseBytes(Path dir) throws java.io.IOException {
        long total = 0;
        for (var name : List.of("ledger.db", "ledger.db-wal")) {
            var file = dir.resolve(name);
            total += Files.exists(file) ? Files.size(file) : 0;
        }
        return total;
    }

    static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    public static void print(Report report, PrintStream out) {
        out.printf("appended %d transactions: %.0f tx/s%n", report.transactions(), report.txPerSecond());
        out.printf("commit latency per group commit: p50 %.2f ms, p99 %.2f ms (%d commits, %.0f tx each on average)%n",
                report.commitMillisP50(), report.commitMillisP99(), report.commits(),
                (double) report.transactions() / Math.max(1, report.commits()));
        out.printf("submit-to-durable latency per transaction: p50 %.1f ms, p99 %.1f ms%n",
                report.latencyMillisP50(), report.latencyMillisP99());
        out.printf("database: %.0f bytes per transaction%n", report.bytesPerTransaction());
        out.printf("signature verification alone, %d threads: %.0f signatures/s%n", report.threads(),
                report.signaturesPerSecond());
        out.printf("append rate / verification rate: %.0f%%%n",
                100 * report.txPerSecond() / report.signaturesPerSecond());
    }

    /**
     * Generates valid transactions of mixed types, checking each against a scratch copy of the state with the real
     * rules, so that every one is accepted when appended in order.
     */
    static final class Generator {
        private final List<SigningKey> keys;
        private final State scratch = new State();
        private final SplittableRandom random;
        private final Map<String, Long> nonces = new HashMap<>();
        private final List<String> datanets = new ArrayList<>();
        private final List<String> pending = new ArrayList<>();
        private final List<String> models = new ArrayList<>();
        private final Map<String, SigningKey> owners = new HashMap<>();
        private final Map<String, String> contributionDatanet = new HashMap<>();
        private long position;
        private long time = System.currentTimeMillis();

        Generator(List<SigningKey> keys, State state, long size, long seed) {
            this.keys = keys;
            this.position = size;
            this.random = new SplittableRandom(seed ^ size);
            scratch.apply(new TreeMap<>(state.entries()));
            state.scan(Keys.MODEL).keySet().forEach(key -> models.add(key.substring(Keys.MODEL.length())));
        }

        List<String> generate(int count) {
            var lines = new ArrayList<String>(count);
            while (lines.size() < count) {
                var next = next();
                if (next == null) {
                    continue;
                }
                var key = next.signer();
                var account = key.account().value();
                long nonce = nonces.computeIfAbsent(account, this::nonceOf) + 1;
                var tx = TxCodec.sign(key, next.body(), nonce, ++time);
                if (Rules.apply(scratch, tx, position) instanceof Outcome.Applied applied) {
                    scratch.apply(applied.writes());
                    nonces.put(account, nonce);
                    position++;
                    track(next, tx);
                    lines.add(TxCodec.json(tx));
                }
            }
            return lines;
        }

        private long nonceOf(String account) {
            var value = scratch.get(Keys.account(account), Values.Account.class);
            return value == null ? 0 : value.nonce();
        }

        private record Next(SigningKey signer, Body body) {}

        /**
         * Mostly transfers (60%), then proposals and acceptances (12% each), share transfers (8%), models (about 8%)
         * and, rarely as in life, version freezes (0.1%), each signed by whoever may sign it.
         */
        private Next next() {
            int roll = random.nextInt(100);
            var anyone = keys.get(random.nextInt(keys.size()));
            var other = keys.get(random.nextInt(keys.size())).account().value();
            if (roll < 60 || datanets.isEmpty()) {
                return roll < 98 || datanets.size() > 200
                        ? new Next(anyone, new Body.Transfer(other, 1 + random.nextLong(1_000_000)))
                        : new Next(anyone, new Body.DatanetCreate("bench-" + position, "bench datanet", "CC-BY-4.0",
                                List.of(), 1_000L, null));
            }
            if (roll < 72) {
                return new Next(anyone, new Body.ContributionPropose(pick(datanets), randomHash(),
                        1 + random.nextLong(100_000), "text/plain", Map.of()));
            }
            if (roll < 84) {
                if (pending.isEmpty()) {
                    return null;
                }
                var contribution = pending.removeLast();
                return new Next(owners.get(contributionDatanet.remove(contribution)),
                        new Body.ContributionAccept(contribution));
            }
            var datanet = pick(datanets);
            if (roll < 92) {
                return new Next(owners.get(datanet), new Body.ShareTransfer("datanet/" + datanet, other, 1
                        + random.nextLong(10)));
            }
            if (roll < 99 || random.nextInt(10) > 0) {
                var parents = models.isEmpty() ? List.<Body.Parent>of()
                        : List.of(new Body.Parent(pick(models), Body.Royalty.RELATIVE, 500L));
                return new Next(anyone, new Body.ModelRegister("model-" + position, randomHash(), parents, List.of(),
                        null));
            }
            return new Next(owners.get(datanet), new Body.DatanetFreeze(datanet));
        }

        private void track(Next next, Transaction tx) {
            if (next.body() instanceof Body.DatanetCreate create) {
                datanets.add(create.id());
                owners.put(create.id(), next.signer());
            } else if (next.body() instanceof Body.ContributionPropose propose) {
                pending.add(tx.id());
                contributionDatanet.put(tx.id(), propose.datanet());
            } else if (next.body() instanceof Body.ModelRegister register) {
                models.add(register.id());
            }
        }

        private String randomHash() {
            var hash = new byte[32];
            random.nextBytes(hash);
            return io.tributary.core.crypto.Bytes.hex(hash);
        }

        private String pick(List<String> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
