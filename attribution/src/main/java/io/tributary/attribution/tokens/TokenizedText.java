package io.tributary.attribution.tokens;

import java.nio.charset.StandardCharsets;

/**
 * A text with its tokens and, per token, the character range it covers, whether it begins a word and whether it
 * holds a delimiter (newline or full stop). A token that splits a multi-byte character owns that character from the
 * token where it starts.
 */
public record TokenizedText(String text, int[] tokens, int[] charStarts, int[] charEnds,
                            boolean[] wordStarts, boolean[] delimiters) {

    public int size() {
        return tokens.length;
    }

    static TokenizedText of(Tokenizer tokenizer, String text) {
        int[] tokens = tokenizer.encode(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] charOfByte = charIndexOfEachByte(text, utf8.length);
        int count = tokens.length;
        var charStarts = new int[count];
        var charEnds = new int[count];
        var wordStarts = new boolean[count];
        var delimiters = new boolean[count];
        int byteOffset = 0;
        byte previousLast = ' ';
        for (int i = 0; i < count; i++) {
            byte[] bytes = tokenizer.decodeBytes(tokens, i, i + 1);
            charStarts[i] = charOfByte[byteOffset];
            byteOffset += bytes.length;
            charEnds[i] = charOfByte[byteOffset];
            wordStarts[i] = i == 0 || beginsWord(bytes[0], previousLast);
            delimiters[i] = holdsDelimiter(bytes);
            previousLast = bytes[bytes.length - 1];
        }
        if (byteOffset != utf8.length) {
            throw new IllegalStateException("tokens decode to " + byteOffset + " bytes, text has " + utf8.length);
        }
        return new TokenizedText(text, tokens, charStarts, charEnds, wordStarts, delimiters);
    }

    /**
     * For each UTF-8 byte offset 0..length, the index of the character (UTF-16 unit) that starts at or contains it,
     * rounding offsets inside a character up to the next character so that ranges never cut a character in half.
     */
    private static int[] charIndexOfEachByte(String text, int byteLength) {
        var result = new int[byteLength + 1];
        int byteOffset = 0;
        int charIndex = 0;
        while (charIndex < text.length()) {
            int codePoint = text.codePointAt(charIndex);
            int width = utf8Width(codePoint);
            int next = charIndex + Character.charCount(codePoint);
            result[byteOffset] = charIndex;
            for (int k = 1; k < width; k++) {
                result[byteOffset + k] = next;
            }
            byteOffset += width;
            charIndex = next;
        }
        result[byteLength] = text.length();
        return result;
    }

    private static int utf8Width(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        // A lone surrogate is encoded by String.getBytes as '?', one byte.
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            return 1;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    /** A token begins a word after whitespace, or when a letter or digit follows a non-word character. */
    private static boolean beginsWord(byte first, byte previousLast) {
        return isSpace(first) || (isWordByte(first) && !isWordByte(previousLast));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    /** Non-ASCII bytes count as word characters: most of them are letters of other scripts. */
    private static boolean isWordByte(byte b) {
        return b < 0 || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    private static boolean holdsDelimiter(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '.') {
                return true;
            }
        }
        return false;
    }
}
