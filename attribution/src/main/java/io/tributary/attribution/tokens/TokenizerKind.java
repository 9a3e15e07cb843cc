package io.tributary.attribution.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The BPE vocabularies an index may be built with; the index records which one by {@link #wireName()}. */
public enum TokenizerKind {
    O200K_BASE("o200k_base", EncodingType.O200K_BASE),
    CL100K_BASE("cl100k_base", EncodingType.CL100K_BASE);

    private final String wireName;
    private final EncodingType encodingType;

    TokenizerKind(String wireName, EncodingType encodingType) {
        this.wireName = wireName;
        this.encodingType = encodingType;
    }

    public String wireName() {
        return wireName;
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
