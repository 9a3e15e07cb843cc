package io.tributary.core.state;

import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole state in memory, in key order; the sequencer's working copy and the replayer's result. */
public final class State implements StateReader {

    private final TreeMap<String, Object> entries = new TreeMap<>();

    @Override
    public Object get(String key) {
        return entries.get(key);
    }

    @Override
    public SortedMap<String, Object> scan(String prefix) {
        return Collections.unmodifiableSortedMap(entries.subMap(prefix, prefix + Character.MAX_VALUE));
    }

    /** Applies the writes of an {@link Outcome.Applied}; a null value deletes. */
    public void apply(Map<String, Object> writes) {
        writes.forEach((key, value) -> {
            if (value == null) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
    }

    public SortedMap<String, Object> entries() {
        return Collections.unmodifiableSortedMap(entries);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The state root: RFC 9162 Merkle root over the entries in key order, each leaf the UTF-8 key, a zero byte and
     * the canonical JSON of the value.
     */
    public byte[] root() {
        var tree = CompactRange.empty();
        var leaf = new ByteArrayOutputStream(256);
        for (var entry : entries.entrySet()) {
            leaf.reset();
            leaf.writeBytes(entry.getKey().getBytes(StandardCharsets.UTF_8));
            leaf.write(0);
            leaf.writeBytes(StateCodec.encode(entry.getValue()));
            tree.append(Rfc9162.leafHash(leaf.toByteArray()));
        }
        return tree.root();
    }
}
