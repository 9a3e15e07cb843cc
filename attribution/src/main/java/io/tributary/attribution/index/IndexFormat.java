package io.tributary.attribution.index;

import io.tributary.attribution.tokens.TokenizerKind;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Constants of the on-disk layout (docs/attribution-index-format.md). Every file is
 * {@code header body footer}; all integers are little-endian.
 */
public final class IndexFormat {

    /** "TRIB" as the first four bytes of every file. */
    public static final int HEADER_MAGIC = 0x42495254;
    /** "END!" as the first four bytes of the footer. */
    public static final int FOOTER_MAGIC = 0x21444E45;
    public static final int CHECKSUM_ALGORITHM_CRC32C = 1;
    public static final int FOOTER_BYTES = 16;
    public static final int VERSION = 2;

    public static final String MANIFEST_FILE = "manifest.bin";
    public static final String TOKENS_FILE = "tokens.bin";
    public static final String SUFFIXES_FILE = "suffixes.bin";
    public static final String DOCUMENTS_FILE = "documents.bin";

    public static final String MANIFEST_FORMAT = "tributary.attribution.manifest";
    public static final String TOKENS_FORMAT = "tributary.attribution.tokens";
    public static final String SUFFIXES_FORMAT = "tributary.attribution.suffixes";
    public static final String DOCUMENTS_FORMAT = "tributary.attribution.documents";

    /** tokens.bin's body before the packed tokens: token count u64, token width u8. */
    static final long TOKENS_PREFIX_BYTES = 9;
    public static final int SUFFIX_POINTER_BYTES = 4;
    public static final int CONTENT_HASH_BYTES = 32;
    public static final int DOCUMENT_ID_BYTES_MAX = 1024;

    /** Bounded by int-indexed suffix sorting (and 4-byte pointers); larger corpora are split into shards. */
    public static final int SHARD_TOKENS_MAX = Integer.MAX_VALUE - 64;
    public static final int SHARD_TOKENS_DEFAULT = 1 << 28;
    public static final int SHARD_COUNT_MAX = 65_536;

    public static final String ENGINE = "tributary-attribution/0.1.0 (index format " + VERSION + ")";

    static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private IndexFormat() {
    }

    /** Bits per token in tokens.bin: the fewest that hold every token id of the vocabulary and a separator. */
    public static int tokenWidthBits(TokenizerKind tokenizer) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(tokenizer.vocabularySize());
    }

    /**
     * The document separator as stored in tokens.bin: all ones in the token width, above every token id, so it never
     * matches a query and sorts after every token.
     */
    public static int separatorToken(int tokenWidthBits) {
        return (1 << tokenWidthBits) - 1;
    }

    /** magic u32, name length u8, name ASCII, version u32. */
    static long headerBytes(String formatName) {
        return 4 + 1 + formatName.length() + 4;
    }
}
