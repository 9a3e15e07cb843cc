package io.tributary.node.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Appends a stream of transactions through a {@link Sequencer} and reports each outcome, in input order, as soon as
 * it is durable; then signs a checkpoint covering all of them. The one write path of the CLI.
 */
public final class Appender {

    public static final int VERIFY_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Appender() {}

    public record Summary(long accepted, long rejected, String checkpoint, Sequencer.Stats stats) {}

    /**
     * Submits one chunk of inputs to the sequencer: {@link Sequencer#submitLines} or {@link
     * Sequencer#submitTransactions}.
     */
    public interface Submission<T> extends BiFunction<Sequencer, List<T>, CompletableFuture<List<Result>>> {}

    public static Summary appendLines(Ledger ledger, Iterator<String> lines, Consumer<Result> report) throws Exception {
        return append(ledger, lines, () -> true, Sequencer::submitLines, report);
    }

    /**
     * Reads {@code inputs} in chunks of up to {@link Sequencer#CHUNK_TRANSACTIONS_MAX}; a chunk is submitted early
     * when {@code moreBuffered} says the next input would have to be waited for, so a slow producer's transactions
     * are not held back.
     */
    public static <T> Summary append(Ledger ledger, Iterator<T> inputs, BooleanSupplier moreBuffered,
            Submission<T> submission, Consumer<Result> report) throws Exception {
        var pending = new ArrayBlockingQueue<CompletableFuture<List<Result>>>(Sequencer.IN_FLIGHT_CHUNKS_MAX);
        var counts = new long[2];
        var failure = new AtomicReference<Throwable>();
        Sequencer.Stats stats;
        Thread reporter = null;
        try (var sequencer = new Sequencer(ledger, VERIFY_THREADS)) {
            stats = sequencer.stats();
            reporter = Thread.ofPlatform().name("reporter")
                    .start(stats.accounted("report", () -> report(pending, counts, failure, report)));
            var chunk = new ArrayList<T>(Sequencer.CHUNK_TRANSACTIONS_MAX);
            while (fillChunk(inputs, moreBuffered, chunk)) {
                pending.put(submission.apply(sequencer, chunk));
                chunk.clear();
            }
        } finally {
            pending.put(DONE);
            if (reporter != null) {
                reporter.join();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("appending failed: " + failure.get().getMessage(), failure.get());
        }
        return new Summary(counts[0], counts[1], ledger.checkpoint(), stats);
    }

    /**
     * Takes inputs into {@code chunk} until it is full or the next input would have to be waited for; false when
     * there were none. A method of its own, called per chunk, so that the JIT compiles it once for every append.
     */
    private static <T> boolean fillChunk(Iterator<T> inputs, BooleanSupplier moreBuffered, List<T> chunk) {
        while (inputs.hasNext()) {
            chunk.add(inputs.next());
            if (chunk.size() == Sequencer.CHUNK_TRANSACTIONS_MAX || !moreBuffered.getAsBoolean()) {
                return true;
            }
        }
        return !chunk.isEmpty();
    }

    /** Reports outcomes in order; after a failure it keeps draining so the submitting thread never blocks. */
    private static void report(ArrayBlockingQueue<CompletableFuture<List<Result>>> pending, long[] counts,
            AtomicReference<Throwable> failure, Consumer<Result> report) {
        try {
            while (true) {
                var future = pending.take();
                if (future == DONE) {
                    return;
                }
                try {
                    reportChunk(future.join(), counts, report);
                } catch (CompletionException e) {
                    failure.compareAndSet(null, e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reportChunk(List<Result> results, long[] counts, Consumer<Result> report) {
        for (var result : results) {
            counts[result instanceof Result.Accepted ? 0 : 1]++;
            report.accept(result);
        }
    }

    private static final CompletableFuture<List<Result>> DONE = new CompletableFuture<>();
}
