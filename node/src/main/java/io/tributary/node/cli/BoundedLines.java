package io.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The non-blank lines of a reader, each cut to {@code limit + 1} characters: a line of megabytes is never held
 * whole, and its cut form is still longer than the limit, so the parser rejects it with a clear reason.
 */
final class BoundedLines implements Iterator<String> {

    private final Reader reader;
    private final int limit;
    private String next;
    private boolean ended;

    BoundedLines(Reader reader, int limit) {
        this.reader = reader instanceof java.io.BufferedReader ? reader : new java.io.BufferedReader(reader);
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            next = readLine();
            if (next != null && next.isBlank()) {
                next = null;
            }
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var line = next;
        next = null;
        return line;
    }

    /** True when the next line can be read without waiting for the producer (or the input has ended). */
    boolean moreBuffered() {
        try {
            return ended || next != null || reader.ready();
        } catch (IOException e) {
            return false;
        }
    }

    private String readLine() {
        var line = new StringBuilder();
        try {
            for (int c; (c = reader.read()) >= 0; ) {
                if (c == '\n') {
                    return line.toString();
                }
                if (line.length() <= limit) {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ended = true;
        return line.isEmpty() ? null : line.toString();
    }
}
