package io.tributary.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * RFC 8785 (JCS) canonical JSON for the subset the ledger allows: objects, arrays, strings, booleans, null and
 * safe integers. Keys are sorted by UTF-16 code units (Java's String order), no whitespace, minimal escaping.
 * Written into a plain growable array: this runs for every transaction, on the hot path.
 */
public final class Canonical {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private byte[] buffer = new byte[512];
    private int length;

    private Canonical() {}

    public static byte[] bytes(JsonNode node) {
        var canonical = new Canonical();
        canonical.write(node);
        return Arrays.copyOf(canonical.buffer, canonical.length);
    }

    public static String string(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    private void write(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node);
            case ARRAY -> {
                put('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        put(',');
                    }
                    write(node.get(i));
                }
                put(']');
            }
            case STRING -> writeString(node.textValue());
            case NUMBER -> writeInteger(node);
            case BOOLEAN -> put(node.booleanValue() ? TRUE : FALSE);
            case NULL -> put(NULL);
            case BINARY, MISSING, POJO -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private void writeObject(JsonNode node) {
        var names = new String[node.size()];
        int count = 0;
        for (var iterator = node.fieldNames(); iterator.hasNext(); ) {
            names[count++] = iterator.next();
        }
        Arrays.sort(names);
        put('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                put(',');
            }
            writeString(names[i]);
            put(':');
            write(node.get(names[i]));
        }
        put('}');
    }

    private void writeInteger(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()
                || Math.abs(node.longValue()) > Json.SAFE_INTEGER_MAX) {
            throw new IllegalArgumentException("only safe integers are canonical: " + node);
        }
        put(Long.toString(node.longValue()).getBytes(StandardCharsets.US_ASCII));
    }

    private void writeString(String value) {
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                put(c);
            } else if (c >= 0x80) {
                int end = i + (Character.isHighSurrogate(c) && i + 1 < value.length() ? 2 : 1);
                put(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            } else {
                escape(c);
            }
        }
        put('"');
    }

    private void escape(char c) {
        put('\\');
        switch (c) {
            case '"' -> put('"');
            case '\\' -> put('\\');
            case '\b' -> put('b');
            case '\t' -> put('t');
            case '\n' -> put('n');
            case '\f' -> put('f');
            case '\r' -> put('r');
            default -> {
                put('u');
                put('0');
                put('0');
                put(HEX[c >> 4]);
                put(HEX[c & 0xf]);
            }
        }
    }

    private void put(int b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = (byte) b;
    }

    private void put(byte[] bytes) {
        if (length + bytes.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }
}
