package io.tributary.node.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The non-blank lines of a reader, each cut to {@code limit + 1} characters: a line of megabytes is never held
 * whole, and its cut form is still longer than the limit, so the parser rejects it with a clear reason. A line is
 * blank when all of it is white space, not only the part kept.
 */
final class BoundedLines implements Iterator<String> {

    /** Characters read from the reader at once: reading one at a time cost about 5 us a 400-character line. */
    private static final int BUFFER_CHARS = 1 << 14;

    private final Reader reader;
    private final int limit;
    private final char[] buffer = new char[BUFFER_CHARS];
    /** The characters read but not yet taken: buffer[position, filled). */
    private int position;
    private int filled;
    private String next;
    /** Whether the line read last holds more than white space, beyond its cut too. */
    private boolean lineVisible;
    private boolean ended;

    BoundedLines(Reader reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            next = readLine();
            if (next != null && !lineVisible) {
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
            return ended || next != null || position < filled || reader.ready();
        } catch (IOException e) {
            return false;
        }
    }

    /** The next line without its newline, cut to limit + 1 characters; null at the end of the input. */
    private String readLine() {
        var line = new StringBuilder();
        lineVisible = false;
        try {
            while (true) {
                if (position == filled) {
                    int read = reader.read(buffer, 0, buffer.length);
                    if (read < 0) {
                        ended = true;
                        return line.isEmpty() ? null : line.toString();
                    }
                    position = 0;
                    filled = read;
                }
                int end = position;
                for (char c; end < filled && (c = buffer[end]) != '\n'; end++) {
                    lineVisible = lineVisible || !Character.isWhitespace(c);
                }
                line.append(buffer, position, Math.clamp(limit + 1L - line.length(), 0, end - position));
                position = Math.min(end + 1, filled);
                if (end < filled) {
                    return line.toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
