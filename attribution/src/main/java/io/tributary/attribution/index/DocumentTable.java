package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.CONTENT_HASH_BYTES;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import io.tributary.attribution.index.IndexException.Reason;
import java.lang.foreign.MemorySegment;
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

    static DocumentTable read(MappedFile file, long expectedCount, long tokenCount) throws IndexException {
        var body = file.body();
        long count = body.byteSize() >= 8 ? body.get(LONG_LE, 0) : -1;
        if (count != expectedCount) {
            throw new IndexException(Reason.CORRUPT, file.path() + " holds " + count
                    + " documents, the manifest says " + expectedCount);
        }
        int documents = Math.toIntExact(count);
        long hashesAt = 8 + 8L * documents;
        long endsAt = hashesAt + (long) CONTENT_HASH_BYTES * documents;
        long idsAt = endsAt + 8L * documents;
        long idBytes = documents == 0 ? 0 : body.get(LONG_LE, endsAt + 8L * (documents - 1));
        file.expectBodyBytes(idsAt + idBytes);
        var starts = new long[documents];
        MemorySegment.copy(body, LONG_LE, 8, starts, 0, documents);
        var ids = new String[documents];
        long idStart = 0;
        for (int i = 0; i < documents; i++) {
            long idEnd = body.get(LONG_LE, endsAt + 8L * i);
            if (idEnd < idStart || idEnd > idBytes) {
                throw new IndexException(Reason.CORRUPT, file.path() + ": id offsets out of order at " + i);
            }
            ids[i] = new String(body.asSlice(idsAt + idStart, idEnd - idStart).toArray(ValueLayout.JAVA_BYTE),
                    StandardCharsets.UTF_8);
            idStart = idEnd;
        }
        var hashes = body.asSlice(hashesAt, (long) CONTENT_HASH_BYTES * documents).toArray(ValueLayout.JAVA_BYTE);
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
