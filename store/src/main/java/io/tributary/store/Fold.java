package io.tributary.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A fold in progress: the keys of the journal when it started, merged with the newest runs whose entries are at most
 * twice as many as those of the journal and the newer runs merged with them, into a new run; so each run holds more
 * than twice as many entries as the next newer one, there are few runs, and an entry is merged again only as often
 * as the state doubles. The writer runs a slice of it per append, in the append's transaction; the commit of the last
 * slice lists the new run and deletes the merged runs and the journal rows folded, so readers never see a run half
 * written. Deletions go once no older run remains for them to hide a key in.
 */
final class Fold {

    /**
     * Entries a slice merges at most, some 30 ms of an append: a merge with the oldest run of a large state takes
     * more slices than asked for rather than longer commits (with 800,000 entries, slices of 100,000 took 200 ms),
     * while the journal it folds keeps growing by a batch's writes a slice.
     */
    static final long SLICE_MAX = 32_768;

    private final WriterJournal journal;
    private final StateRuns runs;
    private final StateJournal rows;
    private final List<StateRuns.Run> inputs = new ArrayList<>();
    private final StateRuns.Writer output;
    private final boolean keepDeletions;
    private final StateRuns.Merge merge;
    private final long slice;

    /** Starts a fold of what {@code journal} holds now, to run in about {@code steps} slices. */
    Fold(WriterJournal journal, StateRuns runs, StateJournal rows, int steps) throws SQLException {
        this.journal = journal;
        this.runs = runs;
        this.rows = rows;
        journal.startFold();
        var live = runs.live();
        long total = journal.foldKeys();
        for (var run : live) {
            if (run.entries() > 2 * total) {
                break;
            }
            inputs.add(run);
            total += run.entries();
        }
        output = runs.writer(live.isEmpty() ? 1 : live.getFirst().id() + 1);
        keepDeletions = inputs.size() < live.size();
        var sources = new ArrayList<StateRuns.Source>();
        sources.add(journal.foldSource());
        for (var run : inputs) {
            sources.add(runs.cursor(run.id(), ""));
        }
        merge = new StateRuns.Merge(sources);
        slice = Math.clamp((total + steps - 1) / steps, 1, SLICE_MAX);
    }

    /** Runs the next slice; true when it completed the fold, which the journal learns once it is committed. */
    boolean step() throws SQLException {
        return step(slice);
    }

    /** Runs the rest of the fold. */
    void finish() throws SQLException {
        step(Long.MAX_VALUE);
    }

    private boolean step(long limit) throws SQLException {
        for (long merged = 0; merged < limit; merged++) {
            if (!merge.next()) {
                complete();
                return true;
            }
            if (merge.value() != null || keepDeletions) {
                output.add(merge.key(), merge.value());
            }
        }
        return false;
    }

    private void complete() throws SQLException {
        output.finish();
        for (var run : inputs) {
            runs.delete(run);
        }
        rows.deleteThrough(journal.foldThroughRow());
    }
}
