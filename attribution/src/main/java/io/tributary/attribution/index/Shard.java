package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import io.tributary.attribution.index.IndexException.Reason;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/** One shard of an index: its token array and suffix array, memory-mapped, and its document table on the heap. */
public final class Shard implements AutoCloseable {

    private final MappedFile tokensFile;
    private final MappedFile suffixesFile;
    private final MemorySegment tokens;
    private final MemorySegment suffixes;
    private final long tokenCount;
    private final DocumentTable documents;

    private Shard(MappedFile tokensFile, MappedFile suffixesFile, long tokenCount, DocumentTable documents) {
        this.tokensFile = tokensFile;
        this.suffixesFile = suffixesFile;
        this.tokens = tokensFile.bodyAndFooter().asSlice(8);
        this.suffixes = suffixesFile.bodyAndFooter().asSlice(9);
        this.tokenCount = tokenCount;
        this.documents = documents;
    }

    static Shard open(Path directory, Manifest.ShardEntry entry, MappedFile.Verification verification)
            throws IOException {
        MappedFile tokensFile = null;
        MappedFile suffixesFile = null;
        try (var documentsFile = MappedFile.open(directory.resolve(IndexFormat.DOCUMENTS_FILE),
                IndexFormat.DOCUMENTS_FORMAT, verification)) {
            tokensFile = MappedFile.open(directory.resolve(IndexFormat.TOKENS_FILE), IndexFormat.TOKENS_FORMAT,
                    verification);
            long count = countOf(tokensFile, entry.tokenCount(), 8);
            tokensFile.expectBodyBytes(8 + IndexFormat.TOKEN_BYTES * count);
            suffixesFile = MappedFile.open(directory.resolve(IndexFormat.SUFFIXES_FILE),
                    IndexFormat.SUFFIXES_FORMAT, verification);
            countOf(suffixesFile, count, 9);
            int pointerBytes = suffixesFile.body().get(ValueLayout.JAVA_BYTE, 8);
            if (pointerBytes != IndexFormat.SUFFIX_POINTER_BYTES) {
                throw new IndexException(Reason.CORRUPT, suffixesFile.path() + " has " + pointerBytes
                        + "-byte pointers; this engine reads " + IndexFormat.SUFFIX_POINTER_BYTES);
            }
            suffixesFile.expectBodyBytes(9 + IndexFormat.SUFFIX_POINTER_BYTES * count);
            var documents = DocumentTable.read(documentsFile, entry.documentCount(), count);
            return new Shard(tokensFile, suffixesFile, count, documents);
        } catch (IOException | RuntimeException e) {
            if (tokensFile != null) {
                tokensFile.close();
            }
            if (suffixesFile != null) {
                suffixesFile.close();
            }
            throw e;
        }
    }

    private static long countOf(MappedFile file, long expected, long minimumBodyBytes) throws IndexException {
        long count = file.body().byteSize() >= minimumBodyBytes ? file.body().get(LONG_LE, 0) : -1;
        if (count != expected) {
            throw new IndexException(Reason.CORRUPT, file.path() + " holds " + count + " entries, the manifest says "
                    + expected);
        }
        return count;
    }

    /** Tokens including one separator before each document. */
    public long tokenCount() {
        return tokenCount;
    }

    /** The token at a position; {@link IndexFormat#SEPARATOR_TOKEN} for a separator. */
    public int tokenAt(long position) {
        return tokens.get(INT_LE, IndexFormat.TOKEN_BYTES * position) & IndexFormat.TOKEN_MASK;
    }

    /** The start position of the suffix of the given rank. */
    public long suffixAt(long rank) {
        return Integer.toUnsignedLong(suffixes.get(INT_LE, IndexFormat.SUFFIX_POINTER_BYTES * rank));
    }

    public DocumentTable documents() {
        return documents;
    }

    @Override
    public void close() {
        tokensFile.close();
        suffixesFile.close();
    }
}
