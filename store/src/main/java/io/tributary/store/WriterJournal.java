package io.tributary.store;

import io.tributary.core.sort.MergeSort;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The writer's copy of {@code state_journal}: the last write per key with the row that holds it, and how many writes
 * each row holds. It also keeps the fold in progress. A fold takes the keys the journal holds when it starts, in
 * order, and merges them, each with its latest value, into a new run of the state ({@link StateRuns}) over several
 * appends; the commit that lists the new run deletes the rows that existed when the fold started. Readers lay the
 * whole journal over the runs, so a key whose later writes are still in the journal reads the same; and once the old
 * rows go, every key they held has in the new run its value from them or a later one.
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

    /** Starts a fold of the keys the journal holds now. */
    void startFold() {
        foldKeys = sortedKeys();
        foldThroughRow = lastRow;
    }

    /**
     * The keys of the fold in progress in order, each with its latest value (null deletes): a later write than the one
     * the fold started with stays in the journal after the fold, over the same or an older value.
     */
    StateRuns.Source foldSource() {
        var keys = foldKeys;
        return new StateRuns.Source() {
            private int next;

            @Override
            public boolean done() {
                return next == keys.length;
            }

            @Override
            public String key() {
                return keys[next];
            }

            @Override
            public String value() {
                return lastWrites.get(keys[next]).value();
            }

            @Override
            public void advance() {
                next++;
            }
        };
    }

    /** How many keys the fold in progress holds. */
    int foldKeys() {
        return foldKeys.length;
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

    private String[] sortedKeys() {
        var keys = lastWrites.keySet().toArray(String[]::new);
        MergeSort.sort(keys, 0, keys.length);
        return keys;
    }
}
