package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.INT_LE;
import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import io.tributary.attribution.index.IndexException.Reason;
import io.tributary.attribution.tokens.TokenizerKind;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/** One shard of an index: its token array and suffix array, memory-mapped, and its document table on the heap. */
public final class Shard implements AutoCloseable {

    private final MappedFile tokensFile;
    private final MappedFile suffixesFile;
    private final MemorySegment tokens;
    private final int tokenWidthBits;
    private final int tokenMask;
    private final MemorySegment suffixes;
    private final long tokenCount;
    private final DocumentTable documents;

    private Shard(MappedFile tokensFile, TokenizerKind tokenizer, MappedFile suffixesFile, long tokenCount,
                  DocumentTable documents) {
        this.tokensFile = tokensFile;
        this.suffixesFile = suffixesFile;
        this.tokens = packedTokens(tokensFile);
        this.tokenWidthBits = IndexFormat.tokenWidthBits(tokenizer);
        // All ones in the width: the separator's value is also the mask.
        this.tokenMask = IndexFormat.separatorToken(tokenWidthBits);
        this.suffixes = suffixesFile.bodyAndFooter().asSlice(9);
        this.tokenCount = tokenCount;
        this.documents = documents;
    }

    static Shard open(Path directory, Manifest.ShardEntry entry, TokenizerKind tokenizer,
                      MappedFile.Verification verification) throws IOException {
        MappedFile tokensFile = null;
        MappedFile suffixesFile = null;
        try (var documentsFile = MappedFile.open(directory.resolve(IndexFormat.DOCUMENTS_FILE),
                IndexFormat.DOCUMENTS_FORMAT, verification)) {
            tokensFile = MappedFile.open(directory.resolve(IndexFormat.TOKENS_FILE), IndexFormat.TOKENS_FORMAT,
                    verification);
            long count = checkTokens(tokensFile, entry.tokenCount(), tokenizer);
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
            return new Shard(tokensFile, tokenizer, suffixesFile, count, documents);
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

    /** Checks tokens.bin's count, token width (the tokenizer's) and length; returns the count. */
    static long checkTokens(MappedFile file, long expectedCount, TokenizerKind tokenizer) throws IndexException {
        long count = countOf(file, expectedCount, IndexFormat.TOKENS_PREFIX_BYTES);
        int widthBits = Byte.toUnsignedInt(file.body().get(ValueLayout.JAVA_BYTE, 8));
        int expectedWidthBits = IndexFormat.tokenWidthBits(tokenizer);
        if (widthBits != expectedWidthBits) {
            throw new IndexException(Reason.CORRUPT, file.path() + " holds " + widthBits + "-bit tokens; "
                    + tokenizer.wireName() + " tokens take " + expectedWidthBits + " bits");
        }
        file.expectBodyBytes(IndexFormat.TOKENS_PREFIX_BYTES + PackedTokens.packedBytes(count, widthBits));
        return count;
    }

    /**
     * The packed tokens of a checked tokens.bin followed by the rest of the file: reading the last token loads up
     * to 7 bytes past the packed ones, which the 16-byte footer provides.
     */
    static MemorySegment packedTokens(MappedFile file) {
        return file.bodyAndFooter().asSlice(IndexFormat.TOKENS_PREFIX_BYTES);
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

    /** The token at a position; a separator reads as {@link IndexFormat#separatorToken}, above every token id. */
    public int tokenAt(long position) {
        return PackedTokens.read(tokens, position, tokenWidthBits, tokenMask);
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
