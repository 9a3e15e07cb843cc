package io.tributary.node.ledger;

import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import io.tributary.core.state.Outcome;
import io.tributary.core.state.Reason;
import io.tributary.core.state.Rules;
import io.tributary.core.state.State;
import io.tributary.core.state.StateCodec;
import io.tributary.core.tx.Transaction;
import io.tributary.core.tx.TxCodec;
import io.tributary.core.tx.TxFormatException;
import io.tributary.store.Batch;
import io.tributary.store.StoreException;
import io.tributary.store.StoredEntry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The single writer of a ledger, as a three-stage pipeline that passes transactions along in chunks (one hand-off
 * between threads per chunk, not per transaction):
 * <ol>
 *   <li>parse and signature checks run in parallel on a pool, ahead of the order;</li>
 *   <li>one sequencer thread takes transactions in submission order, applies the rules to the in-memory state and
 *       gathers the outcomes into a batch;</li>
 *   <li>one committer thread writes each batch (entries, state writes, frontier) in one database transaction and
 *       only then completes the batch's results.</li>
 * </ol>
 * While the committer waits on fsync the sequencer fills the next batch: that is the group commit.
 */
public final class Sequencer implements AutoCloseable {

    /** Transactions a chunk holds at most: enough to amortise the hand-offs, few enough to keep latency low. */
    public static final int CHUNK_TRANSACTIONS_MAX = 256;
    /**
     * Chunks waiting for the sequencer at most, and chunks a submitter has waiting for their outcomes: enough for a
     * group commit of {@link #COMMIT_INTERVAL_NANOS} at full speed, some 3,000 transactions, with the next batch
     * filling while it commits. With 8 the batches stayed near 1,700 transactions whatever the interval; with more
     * than 16 they only kept more transactions waiting.
     */
    public static final int IN_FLIGHT_CHUNKS_MAX = 16;
    /** Transactions one group commit holds at most. */
    public static final int BATCH_TRANSACTIONS_MAX = 8_192;

    private final Ledger ledger;
    private final ExecutorService verifiers;
    private final BlockingQueue<Pending> inbox = new LinkedBlockingQueue<>(IN_FLIGHT_CHUNKS_MAX);
    private final BlockingQueue<Sealed> commits = new ArrayBlockingQueue<>(1);
    private final Thread sequencer;
    private final Thread committer;
    private volatile Throwable failure;
    /** True while the committer writes a batch: the sequencer keeps filling the next one meanwhile. */
    private volatile boolean committing;
    private boolean closed;
    private final Stats stats = new Stats();

    /** Group commits (duration, size) and CPU time by stage, for benchmarks and monitoring. */
    public static final class Stats {
        private final List<long[]> commits = new ArrayList<>();
        private final Map<String, LongAdder> cpuNanos =
                new ConcurrentHashMap<>();

        synchronized void record(long nanos, int transactions) {
            commits.add(new long[] {nanos, transactions});
        }

        /** Each commit as {@code {nanos, transactions}}, in commit order. */
        public synchronized List<long[]> commits() {
            return List.copyOf(commits);
        }

        /** CPU time each stage's threads used, complete once the sequencer is closed: verify, sequence, commit. */
        public Map<String, Long> cpuNanosByStage() {
            var result = new TreeMap<String, Long>();
            cpuNanos.forEach((stage, nanos) -> result.put(stage, nanos.sum()));
            return result;
        }

        /** Wraps a thread's work so that the thread's CPU time is added to {@code stage} when it ends. */
        Runnable accounted(String stage, Runnable work) {
            return () -> {
                try {
                    work.run();
                } finally {
                    long nanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    cpuNanos.computeIfAbsent(stage, key -> new LongAdder()).add(nanos);
                }
            };
        }
    }

    /** A chunk of transactions in submission order: checked together, sequenced together, reported together. */
    private record Pending(CompletableFuture<List<Checked>> checked, CompletableFuture<List<Result>> result) {}

    /** A transaction after the parallel stage: well formed and signed, or why not. */
    private sealed interface Checked {
        record Valid(Transaction tx, byte[] leafHash) implements Checked {}

        record Invalid(String reason) implements Checked {}
    }

    /** A batch ready to commit; {@code results} are completed in order once it is durable. */
    private record Sealed(List<StoredEntry> entries, Map<String, State.Entry> writes, byte[] frontier,
            List<CompletableFuture<List<Result>>> futures, List<List<Result>> results) {}

    private static final Sealed STOP = new Sealed(List.of(), Map.of(), new byte[0], List.of(), List.of());

    public Sequencer(Ledger ledger, int verifyThreads) throws StoreException {
        this.ledger = ledger;
        ledger.state();
        var verifyThreadFactory = Thread.ofPlatform().name("verify-", 0).daemon().factory();
        this.verifiers = Executors.newFixedThreadPool(verifyThreads,
                work -> verifyThreadFactory.newThread(stats.accounted("verify", work)));
        this.sequencer = Thread.ofPlatform().name("sequencer").start(stats.accounted("sequence", this::sequence));
        this.committer = Thread.ofPlatform().name("committer").start(stats.accounted("commit", this::commit));
    }

    /**
     * Submits transaction lines as one chunk; the future completes, with their outcomes in order, once all of them
     * are durable. Chunks cost one hand-off between threads instead of one per transaction. Blocks when too many are
     * in flight.
     */
    public CompletableFuture<List<Result>> submitLines(List<String> lines) {
        var chunk = List.copyOf(lines);
        return enqueue(CompletableFuture.supplyAsync(() -> chunk.stream().map(Sequencer::check).toList(), verifiers));
    }

    public CompletableFuture<List<Result>> submitTransactions(List<Transaction> transactions) {
        var chunk = List.copyOf(transactions);
        return enqueue(CompletableFuture.supplyAsync(() -> chunk.stream().map(Sequencer::check).toList(), verifiers));
    }

    public CompletableFuture<Result> submit(Transaction tx) {
        return submitTransactions(List.of(tx)).thenApply(List::getFirst);
    }

    private CompletableFuture<List<Result>> enqueue(CompletableFuture<List<Checked>> checked) {
        var result = new CompletableFuture<List<Result>>();
        if (failure != null) {
            result.completeExceptionally(failed());
            return result;
        }
        try {
            inbox.put(new Pending(checked, result));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        return result;
    }

    private static Checked check(String line) {
        try {
            return check(TxCodec.parse(line));
        } catch (TxFormatException e) {
            return new Checked.Invalid(Reason.MALFORMED.code() + ": " + e.getMessage());
        }
    }

    private static Checked check(Transaction tx) {
        if (!tx.signatureValid()) {
            return new Checked.Invalid(Reason.BAD_SIGNATURE.code() + ": the signature does not verify against signer "
                    + tx.signerBase64() + " over the canonical transaction");
        }
        return new Checked.Valid(tx, Rfc9162.leafHash(tx.bytes()));
    }

    private void sequence() {
        State state;
        try {
            state = ledger.state();
        } catch (StoreException e) {
            fail(e);
            return;
        }
        var frontier = ledger.frontier();
        var batch = new OpenBatch(state, frontier);
        try {
            while (true) {
                batch = new OpenBatch(state, frontier);
                var next = inbox.take();
                long batchStartNanos = System.nanoTime();
                while (next != null && next.checked != null) {
                    batch.add(next);
                    next = batch.transactions < BATCH_TRANSACTIONS_MAX ? nextForBatch(batchStartNanos) : null;
                }
                if (!batch.futures.isEmpty()) {
                    commits.put(batch.seal());
                }
                if (next != null) {
                    commits.put(STOP);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail(e);
        }
        if (failure != null) {
            batch.futures.forEach(future -> future.completeExceptionally(failed()));
        }
    }

    /**
     * The batch the sequencer is filling. Its per-chunk work is a method of its own, called once per chunk, so the
     * JIT compiles it as such and keeps it across sequencers (compiled into the long-running loop, it was compiled
     * anew for every append when that loop's exit deoptimized it).
     */
    private static final class OpenBatch {
        private final State state;
        private final CompactRange frontier;
        private final List<StoredEntry> entries = new ArrayList<>();
        /** The entry each key's last write made, null for a deletion. */
        private final HashMap<String, State.Entry> writes = new HashMap<>();
        private final List<CompletableFuture<List<Result>>> futures = new ArrayList<>();
        private final List<List<Result>> results = new ArrayList<>();
        private int transactions;

        OpenBatch(State state, CompactRange frontier) {
            this.state = state;
            this.frontier = frontier;
        }

        void add(Pending pending) {
            var chunk = pending.checked.join();
            var chunkResults = new ArrayList<Result>(chunk.size());
            for (var checked : chunk) {
                chunkResults.add(apply(checked));
            }
            futures.add(pending.result);
            results.add(chunkResults);
            transactions += chunk.size();
        }

        /** Applies one checked transaction to the state and this batch; rejections change nothing. */
        private Result apply(Checked checked) {
            return switch (checked) {
                case Checked.Invalid invalid -> new Result.Rejected(invalid.reason());
                case Checked.Valid valid -> switch (Rules.apply(state, valid.tx(), frontier.size())) {
                    case Outcome.Rejected rejected -> new Result.Rejected(rejected.message());
                    case Outcome.Applied applied -> {
                        state.apply(applied.writes(), writes);
                        long index = frontier.size();
                        frontier.append(valid.leafHash());
                        entries.add(new StoredEntry(index, valid.tx().bytes(), valid.leafHash()));
                        yield new Result.Accepted(valid.tx().id(), index);
                    }
                };
            };
        }

        Sealed seal() {
            return new Sealed(entries, writes, frontier.toBytes(), futures, results);
        }
    }

    /**
     * The next chunk for the open batch, or null to seal it. A batch keeps growing while the committer is busy
     * (sealing it early would only make it wait in the queue, smaller) and, while more transactions are coming, until
     * it is {@link #COMMIT_INTERVAL_NANOS} old: each commit costs an fsync and writes each key it changed once,
     * however often its transactions changed it, so fewer, larger commits carry more transactions per second at the
     * price of latency under load. With nothing more coming it is sealed at once, so a lone transaction is never held
     * back.
     */
    private Pending nextForBatch(long batchStartNanos) throws InterruptedException {
        while (true) {
            var pending = inbox.peek();
            if (pending != null && (pending.checked == null || pending.checked.isDone())) {
                return inbox.poll();
            }
            boolean committerIdle = !committing && commits.isEmpty();
            if (committerIdle && (pending == null || System.nanoTime() - batchStartNanos >= COMMIT_INTERVAL_NANOS)) {
                return null;
            }
            pending = inbox.poll(COMMIT_WAIT_MICROS, TimeUnit.MICROSECONDS);
            if (pending != null) {
                return pending;
            }
        }
    }

    /**
     * Under load, 100 ms rather than 50 halved the commits of {@code bench ledger} (3,300 transactions each against
     * 1,700), and with them the committer's time a transaction (5.0 to 3.4 us); submit-to-durable latency rose from
     * 76 to 111 ms at the median. 200 ms gained nothing more.
     */
    static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long COMMIT_WAIT_MICROS = 200;

    private void commit() {
        var store = ledger.store();
        Sealed sealed = STOP;
        try {
            while (true) {
                sealed = commits.take();
                if (sealed == STOP) {
                    return;
                }
                committing = true;
                var encoded = HashMap.<String, String>newHashMap(sealed.writes.size());
                sealed.writes.forEach((key, entry) -> encoded.put(key, entry == null ? null : encode(entry)));
                long start = System.nanoTime();
                store.append(new Batch(sealed.entries, encoded, sealed.frontier));
                stats.record(System.nanoTime() - start, sealed.entries.size());
                committing = false;
                for (int i = 0; i < sealed.futures.size(); i++) {
                    sealed.futures.get(i).complete(sealed.results.get(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StoreException | RuntimeException | Error e) {
            fail(e);
            sealed.futures.forEach(future -> future.completeExceptionally(failed()));
        }
    }

    /**
     * The canonical JSON of a written value, as the store keeps it; its leaf of the state root is hashed here too,
     * from the same bytes, so that the checkpoint after the append need not encode and hash every changed value again
     * while the other stages stand idle.
     */
    private static String encode(State.Entry entry) {
        var canonical = StateCodec.encode(entry.value());
        entry.recordLeaf(canonical);
        return new String(canonical, StandardCharsets.UTF_8);
    }

    /** After a failure the in-memory state may be ahead of the store: nothing more is accepted until reopened. */
    private void fail(Throwable cause) {
        failure = cause;
        inbox.forEach(pending -> {
            if (pending.result != null) {
                pending.result.completeExceptionally(failed());
            }
        });
        commits.forEach(sealed -> sealed.futures.forEach(future -> future.completeExceptionally(failed())));
        sequencer.interrupt();
        committer.interrupt();
    }

    private IllegalStateException failed() {
        return new IllegalStateException("the sequencer stopped after a failure: " + failure.getMessage(), failure);
    }

    public Stats stats() {
        return stats;
    }

    /** Stops after everything submitted so far is durable. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        if (failure == null) {
            inbox.put(new Pending(null, null));
        }
        sequencer.join();
        committer.join();
        verifiers.shutdown();
        verifiers.awaitTermination(1, TimeUnit.MINUTES);
        if (failure != null) {
            throw failed();
        }
    }
}
