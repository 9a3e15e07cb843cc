package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.CONTENT_HASH_BYTES;
import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;
import static io.tributary.attribution.index.IndexFormat.SHORT_LE;

import io.tributary.attribution.index.IndexException.Reason;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A shard's documents, loaded onto the heap: sorted start positions, contribution ids and content hashes. */
public final class DocumentTable {

    private final long[] starts;
    private final String[] ids;
    private final byte[] hashes;
    private final long tokenCount;

    private DocumentTable(long[] starts, String[] ids, byte[] hashes, long tokenCount) {
        this.starts = starts;
        this.ids = ids;
        this.hashes = hashes;
        this.tokenCount = tokenCount;
    }

    /** Where each array of documents.bin's body starts, for a given number of documents. */
    record Layout(long startsAt, long hashesAt, long idLengthsAt, long idsAt) {
        static Layout of(long documentCount) {
            long startsAt = 8;
            long hashesAt = startsAt + 4 * documentCount;
            long idLengthsAt = hashesAt + CONTENT_HASH_BYTES * documentCount;
            return new Layout(startsAt, hashesAt, idLengthsAt, idLengthsAt + 2 * documentCount);
        }
    }

    static DocumentTable read(MappedFile file, long expectedCount, long tokenCount) throws IndexException {
        var body = file.body();
        long count = body.byteSize() >= 8 ? body.get(LONG_LE, 0) : -1;
        if (count != expectedCount) {
            throw new IndexException(Reason.CORRUPT, file.path() + " holds " + count
                    + " documents, the manifest says " + expectedCount);
        }
        int documents = Math.toIntExact(count);
        var layout = Layout.of(documents);
        var idLengths = new int[documents];
        long idBytes = 0;
        // A body that ends before the ids keeps idBytes 0, and the size check reports it.
        if (body.byteSize() >= layout.idsAt()) {
            for (int i = 0; i < documents; i++) {
                idLengths[i] = Short.toUnsignedInt(body.get(SHORT_LE, layout.idLengthsAt() + 2L * i));
                idBytes += idLengths[i];
            }
        }
        file.expectBodyBytes(layout.idsAt() + idBytes);
        var starts = new long[documents];
        var ids = new String[documents];
        long idAt = layout.idsAt();
        for (int i = 0; i < documents; i++) {
            starts[i] = Integer.toUnsignedLong(body.get(INT_LE, layout.startsAt() + 4L * i));
            if (idLengths[i] < 1 || idLengths[i] > IndexFormat.DOCUMENT_ID_BYTES_MAX) {
                throw new IndexException(Reason.CORRUPT, file.path() + ": the id of document " + i + " has "
                        + idLengths[i] + " bytes");
            }
            ids[i] = new String(body.asSlice(idAt, idLengths[i]).toArray(ValueLayout.JAVA_BYTE),
                    StandardCharsets.UTF_8);
            idAt += idLengths[i];
        }
        var hashes = body.asSlice(layout.hashesAt(), (long) CONTENT_HASH_BYTES * documents)
                .toArray(ValueLayout.JAVA_BYTE);
        checkStarts(file, starts, tokenCount);
        return new DocumentTable(starts, ids, hashes, tokenCount);
    }

    /** Each document follows its separator, so starts are at least 1 and strictly increasing. */
    private static void checkStarts(MappedFile file, long[] starts, long tokenCount) throws IndexException {
        long previous = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= previous || starts[i] > tokenCount) {
                throw new IndexException(Reason.CORRUPT, file.path() + ": document " + i + " starts at "
                        + starts[i] + ", out of order or past the " + tokenCount + " tokens");
            }
            previous = starts[i];
        }
    }

    /** The document holding a token position (positions of separators belong to the document before). */
    public int documentAt(long position) {
        int found = Arrays.binarySearch(starts, position);
        return found >= 0 ? found : -found - 2;
    }

    public long start(int document) {
        return starts[document];
    }

    /** One past the last token of the document: the next separator or the end of the shard. */
    public long end(int document) {
        return document + 1 < starts.length ? starts[document + 1] - 1 : tokenCount;
    }

    public String contributionId(int document) {
        return ids[document];
    }

    public byte[] contentHash(int document) {
        return Arrays.copyOfRange(hashes, CONTENT_HASH_BYTES * document, CONTENT_HASH_BYTES * (document + 1));
    }
}
