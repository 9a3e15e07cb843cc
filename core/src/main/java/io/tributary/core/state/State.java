package io.tributary.core.state;

import io.tributary.core.merkle.CompactRange;
import io.tributary.core.merkle.Rfc9162;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole state in memory, in key order; the sequencer's working copy and the replayer's result. */
public final class State implements StateReader {

    private final TreeMap<String, Object> entries = new TreeMap<>();
    /**
     * Leaf hashes of the entries as of the last {@link #root()}, dropped when an entry changes: a checkpoint then
     * re-encodes and re-hashes only what changed since the previous one.
     */
    private final HashMap<String, byte[]> leafHashes = new HashMap<>();

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
            leafHashes.remove(key);
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
     * the canonical JSON of the value. Leaves changed since the last call are hashed in parallel.
     */
    public byte[] root() {
        var stale = entries.entrySet().stream().filter(entry -> !leafHashes.containsKey(entry.getKey())).toList();
        var hashed = stale.parallelStream().map(entry -> leafHash(entry.getKey(), entry.getValue())).toList();
        for (int i = 0; i < stale.size(); i++) {
            leafHashes.put(stale.get(i).getKey(), hashed.get(i));
        }
        var tree = CompactRange.empty();
        for (var key : entries.keySet()) {
            tree.append(leafHashes.get(key));
        }
        return tree.root();
    }

    private static byte[] leafHash(String key, Object value) {
        var leaf = new ByteArrayOutputStream(256);
        leaf.writeBytes(key.getBytes(StandardCharsets.UTF_8));
        leaf.write(0);
        leaf.writeBytes(StateCodec.encode(value));
        return Rfc9162.leafHash(leaf.toByteArray());
    }
}
