package io.tributary.attribution.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.IntArrayList;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * A jtokkit BPE encoding. Special-token markers such as {@code <|endoftext|>} are encoded as ordinary text, so any
 * input string tokenizes and decodes back to itself.
 */
public final class Tokenizer {

    private static final Map<TokenizerKind, Tokenizer> CACHE = new EnumMap<>(TokenizerKind.class);

    private final TokenizerKind kind;
    private final Encoding encoding;

    private Tokenizer(TokenizerKind kind, Encoding encoding) {
        this.kind = kind;
        this.encoding = encoding;
    }

    /** Loading a vocabulary takes a few hundred milliseconds, so each is loaded once per process. */
    public static synchronized Tokenizer of(TokenizerKind kind) {
        return CACHE.computeIfAbsent(kind,
                k -> new Tokenizer(k, Encodings.newLazyEncodingRegistry().getEncoding(k.encodingType())));
    }

    public TokenizerKind kind() {
        return kind;
    }

    public int[] encode(String text) {
        return encoding.encodeOrdinary(text).toArray();
    }

    /** The UTF-8 bytes of tokens[from, to); a range may start or end inside a multi-byte character. */
    public byte[] decodeBytes(int[] tokens, int from, int to) {
        var list = new IntArrayList(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            list.add(tokens[i]);
        }
        return encoding.decodeBytes(list);
    }

    public String decode(int[] tokens, int from, int to) {
        return new String(decodeBytes(tokens, from, to), StandardCharsets.UTF_8);
    }

    /** Tokenizes text and records, for each token, its character range and whether it begins a word. */
    public TokenizedText tokenize(String text) {
        return TokenizedText.of(this, text);
    }
}
