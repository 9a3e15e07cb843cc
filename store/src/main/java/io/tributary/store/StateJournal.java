package io.tributary.store;

import java.util.Arrays;
import java.util.Map;

/**
 * The state writes of one batch as a row of {@code state_journal}: a JSON object from each key to its value's JSON
 * text as a string, or to null for a deletion. SQLite reads the rows with {@code json_each}, so readers find the
 * journal's last writes inside SQLite (see {@link #lastWrites}) and lay them over the state's runs.
 */
final class StateJournal {

    /**
     * The journal's last write per key among the writes that {@code condition} (on {@code write.key}) accepts, with
     * {@code value} null for a deletion and for anything but a text under a text key (which only a corrupt row
     * holds), and the row that holds it: {@code max} picks, for each key, the row and position of its last write,
     * which SQLite's bare columns then come from. The condition goes before the grouping, so a reader of one key
     * sorts nothing else.
     */
    static String lastWrites(String condition) {
        return "SELECT write.key AS key, CASE WHEN write.type = 'text' AND typeof(write.key) = 'text'"
                + " THEN write.value END AS value, write.type = 'null' AS deleted, batch.id AS row,"
                + " max(batch.id * 4294967296 + write.id)"
                + " FROM state_journal AS batch, json_each(batch.writes) AS write WHERE " + condition
                + " GROUP BY write.key";
    }

    /** The first row that is not a JSON object of texts and nulls, to name in an error; -1 when all are. */
    static final String FIRST_CORRUPT_ROW = "SELECT coalesce((SELECT id FROM state_journal WHERE CASE WHEN"
            + " json_valid(writes) THEN json_type(writes) <> 'object' OR EXISTS (SELECT 1 FROM json_each(writes)"
            + " WHERE type NOT IN ('text', 'null')) ELSE 1 END ORDER BY id LIMIT 1), -1)";

    private StateJournal() {}

    /**
     * The row of a batch's writes. Written by hand rather than through a JSON generator: the committer encodes every
     * batch, and the values are short texts that only need their quotes and backslashes escaped. Each text is copied
     * out in bulk and escaped from that copy into one char array: appending to a {@code StringBuilder} a segment at a
     * time, between the quotes of every value, cost 2.6 ns a character.
     */
    static String encode(Map<String, String> writes) {
        var row = new Row(256 * writes.size() + 2);
        row.put('{');
        for (var write : writes.entrySet()) {
            if (row.length > 1) {
                row.put(',');
            }
            row.quoted(write.getKey());
            row.put(':');
            if (write.getValue() == null) {
                row.put("null");
            } else {
                row.quoted(write.getValue());
            }
        }
        row.put('}');
        return new String(row.chars, 0, row.length);
    }

    /** A row being written: its characters so far, and a scratch copy of the text being escaped. */
    private static final class Row {
        private char[] chars;
        private int length;
        private char[] text = new char[256];

        Row(int capacity) {
            chars = new char[capacity];
        }

        void put(char c) {
            reserve(1);
            chars[length++] = c;
        }

        void put(String raw) {
            reserve(raw.length());
            raw.getChars(0, raw.length(), chars, length);
            length += raw.length();
        }

        /** A JSON string: quote, backslash and control characters escaped, everything else as it is. */
        void quoted(String value) {
            int n = value.length();
            if (text.length < n) {
                text = new char[Math.max(n, 2 * text.length)];
            }
            value.getChars(0, n, text, 0);
            reserve(6 * n + 2);
            var out = chars;
            int at = length;
            out[at++] = '"';
            for (int i = 0; i < n; i++) {
                char c = text[i];
                if (c == '"' || c == '\\') {
                    out[at++] = '\\';
                    out[at++] = c;
                } else if (c < 0x20) {
                    out[at++] = '\\';
                    out[at++] = 'u';
                    out[at++] = '0';
                    out[at++] = '0';
                    out[at++] = HEX[c >> 4];
                    out[at++] = HEX[c & 0xf];
                } else {
                    out[at++] = c;
                }
            }
            out[at++] = '"';
            length = at;
        }

        private void reserve(int more) {
            if (chars.length - length < more) {
                chars = Arrays.copyOf(chars, Math.max(length + more, 2 * chars.length));
            }
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
