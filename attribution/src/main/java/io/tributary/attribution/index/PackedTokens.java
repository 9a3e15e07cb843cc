package io.tributary.attribution.index;

import static io.tributary.attribution.index.IndexFormat.LONG_LE;

import java.lang.foreign.MemorySegment;

/**
 * Tokens of a fixed width packed least significant bit first: token i holds bits [i × width, (i + 1) × width) of
 * the little-endian byte sequence. Both packing and reading move 8 bytes at a time and may touch up to
 * {@link #SLACK_BYTES} bytes past the packed ones, which the caller provides (in tokens.bin, the footer).
 */
final class PackedTokens {

    /** A width up to 31 keeps tokens non-negative ints, and a token plus its bit offset in one 8-byte load. */
    static final int WIDTH_BITS_MAX = 31;
    static final int SLACK_BYTES = Long.BYTES - 1;

    private PackedTokens() {
    }

    static long packedBytes(long count, int widthBits) {
        return (count * widthBits + 7) >>> 3;
    }

    /**
     * Writes tokens[0, length), each below 2^widthBits, to out from offset 0; out holds packedBytes plus
     * {@link #SLACK_BYTES}, and the slack gets zeros.
     */
    static void pack(int[] tokens, int length, int widthBits, MemorySegment out) {
        if (widthBits < 1 || widthBits > WIDTH_BITS_MAX) {
            throw new IllegalArgumentException("token width must be 1 to " + WIDTH_BITS_MAX + " bits: " + widthBits);
        }
        long word = 0;
        int filledBits = 0;
        long at = 0;
        for (int i = 0; i < length; i++) {
            long token = tokens[i];
            if (token >>> widthBits != 0) {
                throw new IllegalArgumentException("token " + token + " at " + i + " exceeds " + widthBits + " bits");
            }
            word |= token << filledBits;
            filledBits += widthBits;
            if (filledBits >= Long.SIZE) {
                out.set(LONG_LE, at, word);
                at += Long.BYTES;
                filledBits -= Long.SIZE;
                // The token's high bits that did not fit in the word just stored (none when filledBits is 0).
                word = token >>> (widthBits - filledBits);
            }
        }
        if (filledBits > 0) {
            out.set(LONG_LE, at, word);
        }
    }

    /** The token at index; mask is 2^widthBits - 1. On the hot path of every suffix-array search. */
    static int read(MemorySegment packed, long index, int widthBits, int mask) {
        long bitOffset = index * widthBits;
        return (int) (packed.get(LONG_LE, bitOffset >>> 3) >>> (bitOffset & 7)) & mask;
    }
}
