package io.tributary.attribution.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.attribution.index.IndexException.Reason;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Documents from a JSON Lines file ({@code {"id": ..., "text": ...}} a line, other fields ignored; gzip when the
 * name ends in .gz). Lines are read as strict UTF-8 with a length limit, so binary or runaway input fails with the
 * line number instead of exhausting the heap. Iteration reports I/O and format errors as
 * {@link UncheckedIOException} wrapping an {@link IndexException}; {@link IndexBuilder#build} unwraps them.
 */
public final class JsonLinesDocuments implements Iterable<Document> {

    public static final int LINE_BYTES_MAX = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final long fileSizeBytes;
    private volatile long bytesRead;

    public JsonLinesDocuments(Path path) throws IOException {
        this.path = path;
        try {
            this.fileSizeBytes = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new IndexException(Reason.MISSING, "input file is missing: " + path);
        }
    }

    /** The fraction of the file read so far, for a progress bar. */
    public double fractionRead() {
        return fileSizeBytes == 0 ? 1 : Math.min(1, (double) bytesRead / fileSizeBytes);
    }

    @Override
    public Iterator<Document> iterator() {
        try {
            InputStream raw = Files.newInputStream(path);
            InputStream counted = new CountingStream(raw);
            InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(counted, 1 << 16) : counted;
            return new Lines(new BufferedInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class CountingStream extends FilterInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                bytesRead += n;
            }
            return n;
        }
    }

    private final class Lines implements Iterator<Document> {
        private final InputStream in;
        private byte[] line = new byte[1 << 16];
        private long lineNumber;
        private Document next;
        private boolean ended;

        Lines(InputStream in) {
            this.in = in;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                try {
                    next = readDocument();
                } catch (IOException e) {
                    closeQuietly();
                    throw new UncheckedIOException(e);
                }
            }
            return next != null;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            var result = next;
            next = null;
            return result;
        }

        /** The next non-blank line as a document, or null at the end. */
        private Document readDocument() throws IOException {
            while (true) {
                int length = readLine();
                if (length < 0) {
                    ended = true;
                    in.close();
                    return null;
                }
                var text = decode(length);
                if (!text.isBlank()) {
                    return parse(text);
                }
            }
        }

        private int readLine() throws IOException {
            lineNumber++;
            int length = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b == 0) {
                    throw bad("holds a NUL byte: the input is binary, not JSON Lines");
                }
                if (length == LINE_BYTES_MAX) {
                    throw new IndexException(Reason.TOO_LARGE, where() + "is longer than " + LINE_BYTES_MAX
                            + " bytes");
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(LINE_BYTES_MAX, line.length * 2));
                }
                line[length++] = (byte) b;
            }
            return (b < 0 && length == 0) ? -1 : length;
        }

        private String decode(int length) throws IndexException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, length));
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw bad("is not valid UTF-8: the input is binary or in another encoding");
            }
        }

        private Document parse(String text) throws IndexException {
            try {
                var node = JSON.readTree(text);
                if (node == null || !node.isObject()) {
                    throw bad("is not a JSON object");
                }
                var id = node.get("id");
                var body = node.get("text");
                if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
                    throw bad("has no \"id\" (a non-empty string)");
                }
                if (body == null || !body.isTextual()) {
                    throw bad("has no \"text\" string");
                }
                return new Document(id.asText(), body.asText());
            } catch (JsonProcessingException e) {
                throw bad("is not valid JSON: " + e.getOriginalMessage());
            }
        }

        private IndexException bad(String problem) {
            closeQuietly();
            return new IndexException(Reason.BAD_INPUT, where() + problem);
        }

        private String where() {
            return path + " line " + lineNumber + " ";
        }

        private void closeQuietly() {
            ended = true;
            try {
                in.close();
            } catch (IOException ignored) {
                // The error being reported matters more than a failure to close.
            }
        }
    }
}
