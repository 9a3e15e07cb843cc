package io.tributary.core.tx;

import io.tributary.core.crypto.AccountId;
import io.tributary.core.crypto.Bytes;
import io.tributary.core.json.Json;
import java.util.List;
import java.util.Map;

/** Checks for the fields of transaction bodies, called from the compact constructors so bad bodies cannot exist. */
public final class Fields {

    public static final int TEXT_CHARS_MAX = 256;
    public static final int LIST_COUNT_MAX = 64;
    public static final int METADATA_ENTRIES_MAX = 32;
    public static final int RATE_BPS_MAX = 10_000;
    /** The form of asset ids, for messages; checked by {@link #isAssetId}. */
    private static final String ASSET_ID = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final int ASSET_ID_CHARS_MAX = 64;

    private Fields() {}

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }

    public static String account(String value, String field) {
        present(value, field);
        try {
            return new AccountId(value).value();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    public static String assetId(String value, String field) {
        if (!isAssetId(present(value, field))) {
            throw new IllegalArgumentException(field + " must match " + ASSET_ID + ": " + value);
        }
        return value;
    }

    /** By hand rather than a regular expression: most transactions name an asset. */
    private static boolean isAssetId(String value) {
        if (value.isEmpty() || value.length() > ASSET_ID_CHARS_MAX || !isLowerAlphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerAlphanumeric(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    public static String hash(String value, String field) {
        if (!Bytes.isLowerHex(present(value, field), 0, 64)) {
            throw new IllegalArgumentException(field + " must be 64 lowercase hex digits (SHA-256): " + value);
        }
        return value;
    }

    public static String text(String value, String field) {
        if (present(value, field).length() > TEXT_CHARS_MAX) {
            throw new IllegalArgumentException(field + " is longer than " + TEXT_CHARS_MAX + " characters");
        }
        return value;
    }

    /** A positive amount of micro-units (or shares). */
    public static long positive(Long value, String field) {
        if (present(value, field) <= 0) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
        return value;
    }

    public static long nonNegative(Long value, String field) {
        if (present(value, field) < 0 || value > Json.SAFE_INTEGER_MAX) {
            throw new IllegalArgumentException(field + " must be between 0 and 2^53-1, got " + value);
        }
        return value;
    }

    public static int rateBps(Long value, String field) {
        if (present(value, field) < 0 || value > RATE_BPS_MAX) {
            throw new IllegalArgumentException(field + " must be between 0 and " + RATE_BPS_MAX
                    + " basis points, got " + value);
        }
        return value.intValue();
    }

    public static <T> List<T> list(List<T> values, String field) {
        if (present(values, field).size() > LIST_COUNT_MAX) {
            throw new IllegalArgumentException(field + " has more than " + LIST_COUNT_MAX + " entries");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(field + " has duplicate entries");
        }
        return List.copyOf(values);
    }

    public static List<String> accounts(List<String> values, String field) {
        var checked = list(values, field);
        checked.forEach(account -> account(account, field));
        return checked;
    }

    public static Map<String, String> metadata(Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        if (values.size() > METADATA_ENTRIES_MAX) {
            throw new IllegalArgumentException("metadata has more than " + METADATA_ENTRIES_MAX + " entries");
        }
        values.forEach((key, value) -> {
            text(key, "metadata key");
            text(value, "metadata." + key);
        });
        return Map.copyOf(values);
    }
}
