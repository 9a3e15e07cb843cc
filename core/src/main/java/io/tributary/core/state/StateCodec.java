package io.tributary.core.state;

import io.tributary.core.json.Canonical;
import io.tributary.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** State values as canonical JSON: what the store keeps and what the state root hashes. */
public final class StateCodec {

    private StateCodec() {}

    public static byte[] encode(Object value) {
        return Canonical.bytes(Json.MAPPER.valueToTree(value));
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
