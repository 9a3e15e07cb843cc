package io.tributary.core.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises JSON text that is already exactly what {@link Canonical} writes (RFC 8785 over safe integers and
 * well-formed UTF-16, within {@link Json}'s limits) without building a tree, and finds the members of its top-level
 * object. Signers write transactions in that form, so their reader can take such a line as its own canonical bytes:
 * one pass over the characters instead of a tree, a canonical serialisation and a binding from the tree. Text this
 * does not recognise takes the general way, {@link Json#parse} and {@link Canonical}, which also explains any fault.
 */
public final class CanonicalText {

    /** A member of the top-level object: its name and the span of its value's text. */
    public record Member(String name, int start, int end) {}

    /** The text's characters, copied out once: scanning an array costs half what reading a string by index does. */
    private final char[] text;
    private int at;

    private CanonicalText(char[] text) {
        this.text = text;
    }

    /**
     * The members of the top-level object, in order, if {@code text} is a JSON object in canonical form; otherwise
     * null.
     */
    public static List<Member> members(String text) {
        if (text.isEmpty() || text.charAt(0) != '{') {
            return null;
        }
        var members = new ArrayList<Member>(8);
        var scanner = new CanonicalText(text.toCharArray());
        return scanner.object(1, members) && scanner.at == text.length() ? members : null;
    }

    private boolean value(int depth) {
        if (at == text.length) {
            return false;
        }
        return switch (text[at]) {
            case '{' -> object(depth + 1, null);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> integer();
        };
    }

    /** An object whose keys strictly ascend by UTF-16 code units: sorted, and no key twice. */
    private boolean object(int depth, List<Member> members) {
        if (depth >= Json.NESTING_DEPTH_MAX) {
            return false;
        }
        at++;
        if (next('}')) {
            return true;
        }
        int previousKey = -1;
        int previousKeyEnd = -1;
        do {
            int key = at;
            if (!is('"') || !string()) {
                return false;
            }
            int keyEnd = at;
            if (previousKey >= 0 && compareKeys(previousKey, previousKeyEnd, key, keyEnd) >= 0 || !next(':')) {
                return false;
            }
            int valueStart = at;
            if (!value(depth)) {
                return false;
            }
            if (members != null) {
                members.add(new Member(unquote(key, keyEnd), valueStart, at));
            }
            previousKey = key;
            previousKeyEnd = keyEnd;
        } while (next(','));
        return next('}');
    }

    private boolean array(int depth) {
        if (depth >= Json.NESTING_DEPTH_MAX) {
            return false;
        }
        at++;
        if (next(']')) {
            return true;
        }
        do {
            if (!value(depth)) {
                return false;
            }
        } while (next(','));
        return next(']');
    }

    /**
     * A string escaped as JCS escapes: {@code \"}, {@code \\}, the five short forms, backslash-u 00xx in lowercase for
     * the other control characters, everything else raw; surrogates only in pairs.
     */
    private boolean string() {
        int start = ++at;
        while (at < text.length) {
            char c = text[at];
            if (c == '"') {
                at++;
                return at - start - 1 <= Json.STRING_CHARS_MAX;
            }
            if (isPlain(c)) {
                at++;
            } else if (c == '\\') {
                if (!escape()) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c) && at + 1 < text.length
                    && Character.isLowSurrogate(text[at + 1])) {
                at += 2;
            } else {
                return false;
            }
        }
        return false;
    }

    /** A character a canonical string holds as itself, not escaped nor as half of a surrogate pair. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c != '\\' && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    private boolean escape() {
        if (at + 1 == text.length) {
            return false;
        }
        switch (text[at + 1]) {
            case '"', '\\', 'b', 't', 'n', 'f', 'r' -> {
                at += 2;
                return true;
            }
            case 'u' -> {
                if (at + 6 > text.length || text[at + 2] != '0' || text[at + 3] != '0') {
                    return false;
                }
                int high = lowerHexDigit(text[at + 4]);
                int low = lowerHexDigit(text[at + 5]);
                if (high < 0 || high > 1 || low < 0) {
                    return false;
                }
                char escaped = (char) (high << 4 | low);
                at += 6;
                return escaped != '\b' && escaped != '\t' && escaped != '\n' && escaped != '\f' && escaped != '\r';
            }
            default -> {
                return false;
            }
        }
    }

    private static int lowerHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** A safe integer as {@link Long#toString} writes it: no plus, no leading zero, no minus before zero. */
    private boolean integer() {
        boolean negative = next('-');
        int digits = at;
        long value = 0;
        while (at < text.length && text[at] >= '0' && text[at] <= '9') {
            value = value * 10 + text[at] - '0';
            at++;
            if (value > Json.SAFE_INTEGER_MAX) {
                return false;
            }
        }
        if (at == digits || text[digits] == '0' && (at - digits > 1 || negative)) {
            return false;
        }
        return at == text.length || text[at] != '.' && text[at] != 'e' && text[at] != 'E';
    }

    private boolean literal(String word) {
        if (at + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (text[at + i] != word.charAt(i)) {
                return false;
            }
        }
        at += word.length();
        return true;
    }

    private boolean is(char c) {
        return at < text.length && text[at] == c;
    }

    private boolean next(char c) {
        if (!is(c)) {
            return false;
        }
        at++;
        return true;
    }

    /** Compares two scanned keys (quotes included) by their values' UTF-16 code units. */
    private int compareKeys(int a, int aEnd, int b, int bEnd) {
        if (hasEscape(a, aEnd) || hasEscape(b, bEnd)) {
            return unquote(a, aEnd).compareTo(unquote(b, bEnd));
        }
        int length = Math.min(aEnd - a, bEnd - b) - 2;
        for (int i = 1; i <= length; i++) {
            int difference = text[a + i] - text[b + i];
            if (difference != 0) {
                return difference;
            }
        }
        return (aEnd - a) - (bEnd - b);
    }

    private boolean hasEscape(int start, int end) {
        for (int i = start; i < end; i++) {
            if (text[i] == '\\') {
                return true;
            }
        }
        return false;
    }

    /** The value of a scanned string (quotes included), whose escapes are all canonical. */
    private String unquote(int start, int end) {
        if (!hasEscape(start, end)) {
            return new String(text, start + 1, end - start - 2);
        }
        var value = new StringBuilder(end - start);
        for (int i = start + 1; i < end - 1; i++) {
            char c = text[i];
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text[++i];
            switch (escaped) {
                case 'b' -> value.append('\b');
                case 't' -> value.append('\t');
                case 'n' -> value.append('\n');
                case 'f' -> value.append('\f');
                case 'r' -> value.append('\r');
                case 'u' -> {
                    // Canonical: backslash-u 00 and two lowercase hex digits.
                    value.append((char) (lowerHexDigit(text[i + 3]) << 4 | lowerHexDigit(text[i + 4])));
                    i += 4;
                }
                default -> value.append(escaped);
            }
        }
        return value.toString();
    }
}
