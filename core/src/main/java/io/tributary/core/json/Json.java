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
        requireCanonicalizable(node, "$");
        return node;
    }

    /** RFC 8785 can serialise only safe integers and well-formed UTF-16; anything else is refused up front. */
    private static void requireCanonicalizable(JsonNode node, String path) throws JsonException {
        if (node.isTextual()) {
            requireWellFormed(node.textValue(), path);
            return;
        }
        if (node.isNumber()) {
            if (!node.canConvertToExactIntegral() || !node.isIntegralNumber()) {
                throw new JsonException("non-integer number at " + path + ": floating-point numbers are not allowed");
            }
            if (!node.canConvertToLong() || Math.abs(node.longValue()) > SAFE_INTEGER_MAX) {
                throw new JsonException("integer out of range at " + path + ": magnitude must be at most 2^53-1");
            }
            return;
        }
        if (node.isObject()) {
            for (var field : node.properties()) {
                requireWellFormed(field.getKey(), path);
                requireCanonicalizable(field.getValue(), path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireCanonicalizable(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void requireWellFormed(String text, String path) throws JsonException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new JsonException("lone surrogate in a string at " + path);
            }
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
