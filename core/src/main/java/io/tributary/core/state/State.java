package io.tributary.core.state;

import io.tributary.core.merkle.MerkleProofs;
import io.tributary.core.merkle.Rfc9162;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The whole state in memory; the sequencer's working copy and the replayer's result. Values live in a hash map,
 * since the rules mostly read and overwrite single keys (a tree lookup among a few hundred thousand keys is a chain
 * of cache misses); the keys are also kept in order, touched only when a key appears or goes, for prefix scans and
 * the root.
 */
public final class State implements StateReader {

    private final HashMap<String, Object> values = new HashMap<>();
    private final SortedKeys keys = new SortedKeys();
    /**
     * The leaf of each entry with the value it was hashed from, as {@link #recordLeaf} or the last {@link #root()}
     * left it: a root re-encodes and re-hashes only the entries whose value is no longer that same object (values are
     * immutable and every write puts a new one). Compared at the root rather than dropped at each write, which cost
     * the writer a lookup in one more large map per write; a deleted key's leaf goes at the next root.
     */
    private final HashMap<String, Leaf> leaves = new HashMap<>();

    private record Leaf(Object value, byte[] hash) {}

    @Override
    public Object get(String key) {
        return values.get(key);
    }

    @Override
    public SortedMap<String, Object> scan(String prefix) {
        var found = new TreeMap<String, Object>();
        keys.forEach(prefix, key -> found.put(key, values.get(key)));
        return Collections.unmodifiableSortedMap(found);
    }

    /** Applies the writes of an {@link Outcome.Applied}; a null value deletes. */
    public void apply(Map<String, Object> writes) {
        writes.forEach((key, value) -> {
            if (value == null) {
                if (values.remove(key) != null) {
                    keys.remove(key);
                }
            } else if (values.put(key, value) == null) {
                keys.add(key);
            }
        });
    }

    /** A sorted copy of every entry. */
    public SortedMap<String, Object> entries() {
        return scan("");
    }

    public int size() {
        return values.size();
    }

    /**
     * Remembers the leaf of {@code key} holding {@code value}, from the canonical JSON that the caller made of it
     * anyway (to store it), so that the next {@link #root()} neither encodes nor hashes it again. A committer calls
     * this while the sequencer applies later writes: it touches only what {@link #root()} reads, never what {@link
     * #apply} and {@link #get} use, and a leaf recorded for a value since overwritten is simply not used.
     */
    public void recordLeaf(String key, Object value, byte[] canonicalValue) {
        leaves.put(key, new Leaf(value, leafHash(key, canonicalValue)));
    }

    /**
     * The state root: RFC 9162 Merkle root over the entries in key order, each leaf the UTF-8 key, a zero byte and
     * the canonical JSON of the value. One parallel pass looks each entry up and hashes the leaves that changed since
     * they were last hashed; the tree is then hashed in parallel too. Call only while nothing writes to this state
     * or records leaves.
     */
    public byte[] root() {
        var ordered = new ArrayList<String>(values.size());
        keys.forEach("", ordered::add);
        int count = ordered.size();
        var current = new Leaf[count];
        var changed = new boolean[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            var key = ordered.get(i);
            var value = values.get(key);
            var leaf = leaves.get(key);
            if (leaf == null || leaf.value() != value) {
                leaf = new Leaf(value, leafHash(key, StateCodec.encode(value)));
                changed[i] = true;
            }
            current[i] = leaf;
        });
        var hashes = new byte[count][];
        for (int i = 0; i < count; i++) {
            if (changed[i]) {
                leaves.put(ordered.get(i), current[i]);
            }
            hashes[i] = current[i].hash();
        }
        if (leaves.size() > count) {
            leaves.keySet().removeIf(key -> !values.containsKey(key));
        }
        return MerkleProofs.root(hashes);
    }

    private static byte[] leafHash(String key, byte[] canonicalValue) {
        var keyBytes = key.getBytes(StandardCharsets.UTF_8);
        var leaf = Arrays.copyOf(keyBytes, keyBytes.length + 1 + canonicalValue.length);
        System.arraycopy(canonicalValue, 0, leaf, keyBytes.length + 1, canonicalValue.length);
        return Rfc9162.leafHash(leaf);
    }
}
