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
 * The whole state in memory; the sequencer's working copy and the replayer's result. Entries live in a hash map,
 * since the rules mostly read and overwrite single keys (a tree lookup among a few hundred thousand keys is a chain
 * of cache misses); the keys are also kept in order, touched only when a key appears or goes, for prefix scans and
 * the root.
 */
public final class State implements StateReader {

    private final HashMap<String, Entry> entries = new HashMap<>();
    private final SortedKeys keys = new SortedKeys();

    /**
     * One value the state holds under its key, and the value's leaf of the state root once hashed. Every write puts
     * a new entry, so a leaf can never belong to a value since overwritten, and whoever holds the entry records its
     * leaf without looking the key up again (a lookup among a few hundred thousand keys is a chain of cache misses).
     */
    public static final class Entry {
        private final String key;
        private final Object value;
        /** Written by {@link #recordLeaf}, read by {@link State#root()}: never both at once (see there). */
        private byte[] leaf;

        private Entry(String key, Object value) {
            this.key = key;
            this.value = value;
        }

        public Object value() {
            return value;
        }

        /**
         * Remembers this entry's leaf, from the canonical JSON that the caller made of its value anyway (to store
         * it), so that the next {@link State#root()} neither encodes nor hashes it again. A committer calls this
         * while the sequencer applies later writes: it touches only this entry, never the state's maps.
         */
        public void recordLeaf(byte[] canonicalValue) {
            leaf = leafHash(key, canonicalValue);
        }

        private byte[] leaf() {
            if (leaf == null) {
                leaf = leafHash(key, StateCodec.encode(value));
            }
            return leaf;
        }
    }

    @Override
    public Object get(String key) {
        var entry = entries.get(key);
        return entry == null ? null : entry.value;
    }

    @Override
    public SortedMap<String, Object> scan(String prefix) {
        var found = new TreeMap<String, Object>();
        keys.forEach(prefix, key -> found.put(key, entries.get(key).value));
        return Collections.unmodifiableSortedMap(found);
    }

    /** Applies the writes of an {@link Outcome.Applied}; a null value deletes. */
    public void apply(Map<String, Object> writes) {
        apply(writes, null);
    }

    /**
     * Applies the writes of an {@link Outcome.Applied} and puts the entry each one made into {@code written} (null
     * for a deletion), so that the caller can record their leaves.
     */
    public void apply(Map<String, Object> writes, Map<String, Entry> written) {
        writes.forEach((key, value) -> {
            if (value == null) {
                if (entries.remove(key) != null) {
                    keys.remove(key);
                }
                if (written != null) {
                    written.put(key, null);
                }
                return;
            }
            var entry = new Entry(key, value);
            if (entries.put(key, entry) == null) {
                keys.add(key);
            }
            if (written != null) {
                written.put(key, entry);
            }
        });
    }

    /** A sorted copy of every entry. */
    public SortedMap<String, Object> entries() {
        return scan("");
    }

    public int size() {
        return entries.size();
    }

    /**
     * The state root: RFC 9162 Merkle root over the entries in key order, each leaf the UTF-8 key, a zero byte and
     * the canonical JSON of the value. One parallel pass looks each entry up and hashes the leaves not yet hashed;
     * the tree is then hashed in parallel too. Call only while nothing writes to this state or records leaves.
     */
    public byte[] root() {
        var ordered = new ArrayList<String>(entries.size());
        keys.forEach("", ordered::add);
        var hashes = new byte[ordered.size()][];
        IntStream.range(0, hashes.length).parallel().forEach(i -> hashes[i] = entries.get(ordered.get(i)).leaf());
        return MerkleProofs.root(hashes);
    }

    private static byte[] leafHash(String key, byte[] canonicalValue) {
        var keyBytes = key.getBytes(StandardCharsets.UTF_8);
        var leaf = Arrays.copyOf(keyBytes, keyBytes.length + 1 + canonicalValue.length);
        System.arraycopy(canonicalValue, 0, leaf, keyBytes.length + 1, canonicalValue.length);
        return Rfc9162.leafHash(leaf);
    }
}
