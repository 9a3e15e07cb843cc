package io.tributary.core.state;

import java.util.SortedMap;

/** Read access to the state: values are the records of {@link Values}, a {@code String} or a {@code Long}. */
public interface StateReader {

    /** The value at {@code key}, or null where there is none. */
    Object get(String key);

    /** Every entry whose key starts with {@code prefix}, in key order. */
    SortedMap<String, Object> scan(String prefix);

    default <T> T get(String key, Class<T> type) {
        return type.cast(get(key));
    }
}
