package io.tributary.attribution.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The BPE vocabularies an index may be built with; the index records which one by {@link #wireName()}. */
public enum TokenizerKind {
    // jtokkit does not expose a vocabulary's size; TokenizerKindTest checks these against its decoder.
    O200K_BASE("o200k_base", EncodingType.O200K_BASE, 200_019),
    CL100K_BASE("cl100k_base", EncodingType.CL100K_BASE, 100_277);

    private final String wireName;
    private final EncodingType encodingType;
    private final int vocabularySize;

    TokenizerKind(String wireName, EncodingType encodingType, int vocabularySize) {
        this.wireName = wireName;
        this.encodingType = encodingType;
        this.vocabularySize = vocabularySize;
    }

    public String wireName() {
        return wireName;
    }

    /** Token ids run from 0 to vocabularySize - 1, special tokens included (ordinary text never encodes to them). */
    public int vocabularySize() {
        return vocabularySize;
    }

    EncodingType encodingType() {
        return encodingType;
    }

    public static TokenizerKind fromWireName(String name) {
        for (var kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        var known = Arrays.stream(values()).map(TokenizerKind::wireName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown tokenizer '" + name + "' (known: " + known + ")");
    }
}
