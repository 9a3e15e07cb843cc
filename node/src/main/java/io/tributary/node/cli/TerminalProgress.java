package io.tributary.node.cli;

import io.tributary.attribution.index.BuildProgress;
import java.io.PrintWriter;
import java.util.function.DoubleSupplier;

/** Draws a build's progress as one self-overwriting line on a terminal, at most ten times a second. */
final class TerminalProgress implements BuildProgress {

    private static final long REDRAW_INTERVAL_NANOS = 100_000_000L;
    private static final int BAR_WIDTH_CHARS = 30;

    private final PrintWriter terminal;
    private final DoubleSupplier fractionRead;
    private long lastDrawNanos;

    TerminalProgress(PrintWriter terminal, DoubleSupplier fractionRead) {
        this.terminal = terminal;
        this.fractionRead = fractionRead;
    }

    @Override
    public void tokenized(long documentCount, long tokenCount) {
        long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_INTERVAL_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double fraction = fractionRead.getAsDouble();
        int filled = (int) Math.round(fraction * BAR_WIDTH_CHARS);
        terminal.printf("\r[%s%s] %3d%% tokenizing: %,d documents, %,d tokens ", "#".repeat(filled),
                "-".repeat(BAR_WIDTH_CHARS - filled), Math.round(fraction * 100), documentCount, tokenCount);
        terminal.flush();
    }

    @Override
    public void phase(int shard, String phase) {
        terminal.printf("\r%-90s", "shard " + shard + ": " + phase + " ...");
        terminal.flush();
    }

    void done() {
        terminal.printf("\r%-90s\r", "");
        terminal.flush();
    }
}
