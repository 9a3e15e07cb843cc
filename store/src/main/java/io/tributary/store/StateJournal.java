package io.tributary.store;

import java.util.Map;

/**
 * The state writes of one batch as a row of {@code state_journal}: a JSON object from each key to its value's JSON
 * text as a string, or to null for a deletion. SQLite reads the rows with {@code json_each}, so laying the journal
 * over {@code state} for readers runs inside SQLite (see {@link #lastWrites}).
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
     * batch, and the values are short texts that only need their quotes and backslashes escaped.
     */
    static String encode(Map<String, String> writes) {
        var text = new StringBuilder(192 * writes.size() + 2).append('{');
        for (var write : writes.entrySet()) {
            if (text.length() > 1) {
                text.append(',');
            }
            appendQuoted(text, write.getKey());
            text.append(':');
            if (write.getValue() == null) {
                text.append("null");
            } else {
                appendQuoted(text, write.getValue());
            }
        }
        return text.append('}').toString();
    }

    /** A JSON string: quote, backslash and control characters escaped, everything else as it is. */
    private static void appendQuoted(StringBuilder text, String value) {
        text.append('"');
        int plainFrom = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                text.append(value, plainFrom, i);
                switch (c) {
                    case '"' -> text.append("\\\"");
                    case '\\' -> text.append("\\\\");
                    default -> text.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
                plainFrom = i + 1;
            }
        }
        text.append(value, plainFrom, value.length()).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
