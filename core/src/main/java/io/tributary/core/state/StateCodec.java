package io.tributary.core.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.core.json.Canonical;
import io.tributary.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** State values as canonical JSON: what the store keeps and what the state root hashes. */
public final class StateCodec {

    /**
     * Writes values straight to RFC 8785 bytes, without a tree: properties and map entries sorted by name, escapes
     * as JCS writes them (lowercase hex), surrogate pairs as one UTF-8 sequence. State values hold no floats and only
     * safe integers. Property-tested equal to {@link Canonical} over the value's tree, at a quarter of the cost (the
     * committer and every checkpoint encode each changed value).
     */
    private static final ObjectWriter CANONICAL = ((JsonMapper) Json.MAPPER).rebuild()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build()
            .writer();

    private StateCodec() {}

    /**
     * The canonical JSON of a state value. Accounts and share counts, most of what the ledger writes, are written by
     * hand; both hold only safe integers, which RFC 8785 writes as plain decimal digits.
     */
    public static byte[] encode(Object value) {
        return switch (value) {
            case Values.Account account -> ascii("{\"balance\":" + account.balance() + ",\"nonce\":"
                    + account.nonce() + "}");
            case Long number -> ascii(Long.toString(number));
            default -> generic(value);
        };
    }

    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] generic(Object value) {
        try {
            return CANONICAL.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a state value: " + e.getOriginalMessage(), e);
        }
    }

    public static String encodeString(Object value) {
        return new String(encode(value), StandardCharsets.UTF_8);
    }

    public static Object decode(String key, String json) {
        try {
            return Json.MAPPER.readValue(json, type(key));
        } catch (IOException e) {
            throw new IllegalStateException("stored state value at " + key + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static Class<?> type(String key) {
        if (key.equals(Keys.LEDGER)) {
            return Values.Ledger.class;
        }
        int slash = key.indexOf('/');
        var prefix = slash < 0 ? key : key.substring(0, slash + 1);
        return switch (prefix) {
            case Keys.ACCOUNT -> Values.Account.class;
            case Keys.DATANET -> Values.Datanet.class;
            case Keys.CONTRIBUTION -> Values.Contribution.class;
            case Keys.MEMBER -> Values.Member.class;
            case Keys.CONTENT -> String.class;
            case Keys.VERSION -> Values.DatanetVersion.class;
            case Keys.MODEL -> Values.Model.class;
            case Keys.AGENT -> Values.Agent.class;
            case Keys.SHARES -> Long.class;
            default -> throw new IllegalStateException("unknown state key: " + key);
        };
    }
}
