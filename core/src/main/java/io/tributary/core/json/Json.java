package io.tributary.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one strict JSON mapper of the system: duplicate keys, unknown properties, floats and scalar coercion are
 * errors, and every input is bounded.
 */
public final class Json {

    public static final int NESTING_DEPTH_MAX = 32;
    public static final int STRING_CHARS_MAX = 1 << 20;
    public static final int NUMBER_DIGITS_MAX = 20;

    /** Largest integer that RFC 8785 (through I-JSON) serialises exactly: 2^53 - 1. */
    public static final long SAFE_INTEGER_MAX = (1L << 53) - 1;

    public static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder()
                            .maxNestingDepth(NESTING_DEPTH_MAX)
                            .maxStringLength(STRING_CHARS_MAX)
                            .maxNumberLength(NUMBER_DIGITS_MAX)
                            .build()))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            // Records bound and written through accessors generated once per type, not reflection: a reflective
            // accessor is recompiled after its 127th call, so rarely used types did that in the middle of a busy node.
            .addModule(new BlackbirdModule())
            .build();

    private Json() {}

    /** Parses one JSON document, rejecting numbers that are not safe integers anywhere in it. */
    public static JsonNode parse(String text) throws JsonException {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new JsonException("malformed JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new JsonException("malformed JSON: empty input");
        }
        try {
            requireCanonicalizable(node);
        } catch (NotCanonicalizable e) {
            throw new JsonException(e.describe());
        }
        return node;
    }

    /**
     * RFC 8785 can serialise only safe integers and well-formed UTF-16; anything else is refused up front. The path
     * of a bad value is put together on the way out of the recursion: built on the way in, it cost a string per
     * field of every transaction.
     */
    private static void requireCanonicalizable(JsonNode node) throws NotCanonicalizable {
        if (node.isTextual()) {
            requireWellFormed(node.textValue());
            return;
        }
        if (node.isNumber()) {
            if (!node.canConvertToExactIntegral() || !node.isIntegralNumber()) {
                throw new NotCanonicalizable("non-integer number", "floating-point numbers are not allowed");
            }
            if (!node.canConvertToLong() || Math.abs(node.longValue()) > SAFE_INTEGER_MAX) {
                throw new NotCanonicalizable("integer out of range", "magnitude must be at most 2^53-1");
            }
            return;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                requireWellFormed(field.getKey());
                try {
                    requireCanonicalizable(field.getValue());
                } catch (NotCanonicalizable e) {
                    throw e.under("." + field.getKey());
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                try {
                    requireCanonicalizable(node.get(i));
                } catch (NotCanonicalizable e) {
                    throw e.under("[" + i + "]");
                }
            }
        }
    }

    private static void requireWellFormed(String text) throws NotCanonicalizable {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new NotCanonicalizable("lone surrogate in a string", null);
            }
        }
    }

    /** A value RFC 8785 cannot serialise; each enclosing level adds its step to the path as it passes through. */
    private static final class NotCanonicalizable extends Exception {
        private final String what;
        private final String why;
        private final StringBuilder path = new StringBuilder();

        NotCanonicalizable(String what, String why) {
            super(null, null, false, false);
            this.what = what;
            this.why = why;
        }

        NotCanonicalizable under(String step) {
            path.insert(0, step);
            return this;
        }

        String describe() {
            return what + " at $" + path + (why == null ? "" : ": " + why);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
