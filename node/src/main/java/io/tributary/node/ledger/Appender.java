package io.tributary.node.ledger;

import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Appends a stream of transactions through a {@link Sequencer} and reports each outcome, in input order, as soon as
 * it is durable; then signs a checkpoint covering all of them. The one write path of the CLI.
 */
public final class Appender {

    public static final int VERIFY_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private Appender() {}

    public record Summary(long accepted, long rejected, String checkpoint, Sequencer.Stats stats) {}

    public static <T> Summary append(Ledger ledger, Iterator<T> inputs,
            Function<T, Function<Sequencer, CompletableFuture<Result>>> submission, Consumer<Result> report)
            throws Exception {
        var pending = new ArrayBlockingQueue<CompletableFuture<Result>>(Sequencer.IN_FLIGHT_MAX);
        var counts = new long[2];
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var reporter = Thread.ofPlatform().name("reporter").start(() -> {
            try {
                while (true) {
                    var future = pending.take();
                    if (future == DONE) {
                        return;
                    }
                    try {
                        var result = future.join();
                        counts[result instanceof Result.Accepted ? 0 : 1]++;
                        report.accept(result);
                    } catch (java.util.concurrent.CompletionException e) {
                        // Keep draining so the submitting thread never blocks on a full queue; report it after.
                        failure.compareAndSet(null, e.getCause());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Sequencer.Stats stats;
        try (var sequencer = new Sequencer(ledger, VERIFY_THREADS)) {
            stats = sequencer.stats();
            while (inputs.hasNext()) {
                pending.put(submission.apply(inputs.next()).apply(sequencer));
            }
        } finally {
            pending.put(DONE);
            reporter.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("appending failed: " + failure.get().getMessage(), failure.get());
        }
        return new Summary(counts[0], counts[1], ledger.checkpoint(), stats);
    }

    private static final CompletableFuture<Result> DONE = new CompletableFuture<>();
}
