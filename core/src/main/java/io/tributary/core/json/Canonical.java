package io.tributary.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * RFC 8785 (JCS) canonical JSON for the subset the ledger allows: objects, arrays, strings, booleans, null and
 * safe integers. Keys are sorted by UTF-16 code units (Java's String order), no whitespace, minimal escaping.
 */
public final class Canonical {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Canonical() {}

    public static byte[] bytes(JsonNode node) {
        var out = new ByteArrayOutputStream(256);
        write(node, out);
        return out.toByteArray();
    }

    public static String string(JsonNode node) {
        return new String(bytes(node), StandardCharsets.UTF_8);
    }

    public static void write(JsonNode node, ByteArrayOutputStream out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.write('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    write(node.get(i), out);
                }
                out.write(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeInteger(node, out);
            case BOOLEAN -> out.writeBytes(node.booleanValue() ? TRUE : FALSE);
            case NULL -> out.writeBytes(NULL);
            case BINARY, MISSING, POJO -> throw new IllegalArgumentException("not JSON data: " + node.getNodeType());
        }
    }

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private static void writeObject(JsonNode node, ByteArrayOutputStream out) {
        var names = new ArrayList<String>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        out.write('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeString(names.get(i), out);
            out.write(':');
            write(node.get(names.get(i)), out);
        }
        out.write('}');
    }

    private static void writeInteger(JsonNode node, ByteArrayOutputStream out) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || Math.abs(node.longValue()) > Json.SAFE_INTEGER_MAX) {
            throw new IllegalArgumentException("only safe integers are canonical: " + node);
        }
        out.writeBytes(Long.toString(node.longValue()).getBytes(StandardCharsets.US_ASCII));
    }

    static void writeString(String value, ByteArrayOutputStream out) {
        out.write('"');
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.writeBytes(value.substring(start, i).getBytes(StandardCharsets.UTF_8));
            start = i + 1;
            out.write('\\');
            switch (c) {
                case '"' -> out.write('"');
                case '\\' -> out.write('\\');
                case '\b' -> out.write('b');
                case '\t' -> out.write('t');
                case '\n' -> out.write('n');
                case '\f' -> out.write('f');
                case '\r' -> out.write('r');
                default -> {
                    out.write('u');
                    out.write('0');
                    out.write('0');
                    out.write(HEX[c >> 4]);
                    out.write(HEX[c & 0xf]);
                }
            }
        }
        out.writeBytes(value.substring(start).getBytes(StandardCharsets.UTF_8));
        out.write('"');
    }
}
