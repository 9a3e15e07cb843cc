package io.tributary.core.state;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The writes of one transaction, layered over the state it reads; a null value deletes the key. */
final class Changes implements StateReader {

    private final StateReader base;
    /** A hash map: a few keys per transaction, looked up often; only the rare scan needs them sorted. */
    private final HashMap<String, Object> writes = new HashMap<>();
    /** The base's values at the keys read or written, each looked up once (the supply check needs them again). */
    private final HashMap<String, Object> before = new HashMap<>();

    Changes(StateReader base) {
        this.base = base;
    }

    @Override
    public Object get(String key) {
        return writes.containsKey(key) ? writes.get(key) : before(key);
    }

    /** The value at {@code key} before this transaction. */
    Object before(String key) {
        var value = before.get(key);
        if (value == null && !before.containsKey(key)) {
            value = base.get(key);
            before.put(key, value);
        }
        return value;
    }

    @Override
    public SortedMap<String, Object> scan(String prefix) {
        var merged = new TreeMap<>(base.scan(prefix));
        writes.forEach((key, value) -> {
            if (!key.startsWith(prefix)) {
                return;
            }
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    void put(String key, Object value) {
        writes.put(key, value);
    }

    void delete(String key) {
        writes.put(key, null);
    }

    Map<String, Object> writes() {
        return Collections.unmodifiableMap(writes);
    }
}
