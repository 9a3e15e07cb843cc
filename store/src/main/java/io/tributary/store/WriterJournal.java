package io.tributary.store;

import io.tributary.core.sort.MergeSort;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's copy of {@code state_journal}: the last write per key with the row that holds it, and how many writes
 * each row holds. It also keeps the fold in progress. A fold takes the keys the journal holds when it starts, in
 * order, and upserts them into {@code state} in slices, one per append, each with the key's latest value; after the
 * last slice the rows that existed when it started are deleted. Readers lay the whole journal over {@code state}, so
 * a key whose value reached {@code state} early, or whose later writes are still in the journal, reads the same; and
 * once the old rows go, every key they held has in {@code state} its value from them or a later one.
 */
final class WriterJournal {

    /** A key's last write: its value (null deletes) and the journal row that holds it. */
    record Write(String value, long row) {}

    private final HashMap<String, Write> lastWrites = new HashMap<>();
    /** Each row as {id, writes}, in id order. */
    private final ArrayDeque<long[]> rows = new ArrayDeque<>();
    private long writes;
    private long lastRow;
    /** The fold in progress: its keys in order, the next to upsert, and the last row it empties; null for none. */
    private String[] foldKeys;
    private int foldNext;
    private long foldThroughRow;

    /** How many writes the journal's rows hold in all, superseded ones included. */
    long writes() {
        return writes;
    }

    /** The id the next row takes: ids only grow while this writer runs. */
    long nextRow() {
        return lastRow + 1;
    }

    /** Records a write read back from the journal; rows come from {@link #readRow}. */
    void readWrite(String key, String value, long row) {
        lastWrites.put(key, new Write(value, row));
    }

    void readRow(long row, long rowWrites) {
        rows.add(new long[] {row, rowWrites});
        writes += rowWrites;
    }

    /** The largest row id in the journal, a row without writes included. */
    void readLastRow(long row) {
        lastRow = row;
    }

    /** Records a committed row. */
    void added(long row, Map<String, String> rowWrites) {
        rowWrites.forEach((key, value) -> lastWrites.put(key, new Write(value, row)));
        rows.add(new long[] {row, rowWrites.size()});
        writes += rowWrites.size();
        lastRow = row;
    }

    boolean folding() {
        return foldKeys != null;
    }

    /** Starts a fold of the keys the journal holds now. */
    void startFold() {
        foldKeys = sortedKeys();
        foldNext = 0;
        foldThroughRow = lastRow;
    }

    /**
     * The next slice of the fold in progress: about a {@code steps}-th of its keys, at least one, with their latest
     * values; the last slice when {@link #foldComplete} is true afterwards.
     */
    List<Map.Entry<String, String>> nextSlice(int steps) {
        int size = Math.max(1, (foldKeys.length + steps - 1) / steps);
        int end = Math.min(foldKeys.length, foldNext + size);
        var slice = latestValues(foldKeys, foldNext, end);
        foldNext = end;
        return slice;
    }

    boolean foldComplete() {
        return foldNext >= foldKeys.length;
    }

    /** The last row the fold in progress empties. */
    long foldThroughRow() {
        return foldThroughRow;
    }

    /** Forgets the rows the completed fold deleted and the writes only they held. */
    void foldDeleted() {
        long through = foldThroughRow;
        lastWrites.values().removeIf(write -> write.row() <= through);
        while (!rows.isEmpty() && rows.peekFirst()[0] <= through) {
            writes -= rows.pollFirst()[1];
        }
        foldKeys = null;
    }

    /** Every last write, in key order: what a full fold upserts. */
    List<Map.Entry<String, String>> all() {
        var keys = sortedKeys();
        return latestValues(keys, 0, keys.length);
    }

    private String[] sortedKeys() {
        var keys = lastWrites.keySet().toArray(String[]::new);
        MergeSort.sort(keys, 0, keys.length);
        return keys;
    }

    /** keys[from, to) with their latest values. */
    private List<Map.Entry<String, String>> latestValues(String[] keys, int from, int to) {
        var entries = new ArrayList<Map.Entry<String, String>>(to - from);
        for (int i = from; i < to; i++) {
            entries.add(new SimpleEntry<>(keys[i], lastWrites.get(keys[i]).value()));
        }
        return entries;
    }
}
