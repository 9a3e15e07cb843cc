package io.tributary.attribution.index;

/**
 * Takes out of the reduced problem the LMS suffixes whose names already fix their rank, as libsais does (our own
 * code): the recursion then sorts only the others, and their ranks are merged back afterwards.
 *
 * <p>An LMS substring that no other LMS substring equals (a unique name) fixes the rank of its suffix among the LMS
 * suffixes: it is its index in the sorted LMS substrings. Such a symbol can be left out of the reduced text when the
 * symbol before it is unique as well: two suffixes of the reduced text that start at kept symbols agree up to their
 * first difference, which comes at the latest at the first unique symbol of either (a unique symbol occurs once); that
 * symbol is kept, because the one before it is not unique (or it is the first). The kept names are renumbered densely
 * in the same order, so the kept suffixes compare as before. In the synthetic 30 M-token corpus this takes out 6% of
 * the top level's LMS suffixes, 46% of the next level's and nearly all below.
 *
 * <p>Layout in the suffix array sa of a level of n symbols with m LMS positions: during naming, the name of LMS
 * position p is in sa[m + p / 2] (other slots hold -1), flagged {@link #UNIQUE} while no equal LMS substring is known.
 * After {@link #takeOut} the kept names are the reduced text in sa[n - m, n - f) and the f positions taken out are in
 * sa[n - f, n) by rank, above everything the recursion touches.
 *
 * <p>Only the two passes over the name slots in text order touch the slots; the pass in rank order derives each name
 * from the ranks that start a new name (recorded while naming) and looks up whether it is taken out in a bit set of
 * names, which stays in cache where the slots, spread over half the suffix array, would not.
 */
final class FixedLmsSuffixes {

    /** In a name slot: the LMS substring is unique (while naming), or its suffix is taken out (after takeOut). */
    static final int UNIQUE = 1 << 30;

    private final int lmsCount;
    /**
     * Bit i: the i-th smallest LMS substring differs from the one before it (it starts a new name). Dropped after
     * {@link #takeOut}, so that it takes no memory while the level recurses.
     */
    private long[] newNameByRank;
    /** How many LMS suffixes were taken out. */
    private int count;
    /** Bit i: the i-th smallest LMS suffix was taken out. */
    private long[] byRank;
    /** Bit k: the k-th LMS position from the left was taken out. */
    private long[] inTextOrder;

    FixedLmsSuffixes(int lmsCount) {
        this.lmsCount = lmsCount;
        this.newNameByRank = new long[(lmsCount + 63) >>> 6];
    }

    /** How many LMS suffixes {@link #takeOut} took out. */
    int count() {
        return count;
    }

    /**
     * Writes the name of the LMS substring of the given rank to its slot, flagged unique if it starts a new name; if
     * it does not, the previous LMS substring (previousSlot, when known: not -1) was not unique either. Called in rank
     * order; ranks 64 apart and more may be named by different threads.
     */
    void writeName(int[] sa, int rank, int slot, int previousSlot, int name, boolean isNew) {
        if (isNew) {
            newNameByRank[rank >>> 6] |= 1L << rank;
            sa[slot] = name | UNIQUE;
        } else {
            if (previousSlot >= 0) {
                notUnique(sa, previousSlot);
            }
            sa[slot] = name;
        }
    }

    /** Clears the unique flag of a written name: a later LMS substring turned out equal to it. */
    void notUnique(int[] sa, int slot) {
        sa[slot] &= ~UNIQUE;
    }

    /**
     * Takes out the fixed LMS suffixes: with the sorted LMS positions in sa[0, lmsCount) and the flagged names (of
     * nameCount in all) in their slots, leaves the reduced text of the kept ones in sa[n - lmsCount, n - count) and
     * the positions taken out in sa[n - count, n), in rank order.
     */
    void takeOut(int[] sa, int n, int nameCount) {
        var takenNames = new long[(nameCount + 63) >>> 6];
        count = keepFlagsAfterUnique(sa, n, takenNames);
        byRank = new long[(lmsCount + 63) >>> 6];
        inTextOrder = new long[(lmsCount + 63) >>> 6];
        if (count > 0) {
            moveTakenToFront(sa, takenNames);
        }
        int kept = gatherKeptNames(sa, n, new NameRanks(takenNames));
        System.arraycopy(sa, n - kept, sa, n - lmsCount, kept);
        System.arraycopy(sa, 0, sa, n - count, count);
        newNameByRank = null;
    }

    /**
     * Clears the unique flag of every name whose LMS position does not follow a unique one in the text (the first
     * has none) and records the names that keep it in takenNames; returns how many flags remain.
     */
    private int keepFlagsAfterUnique(int[] sa, int n, long[] takenNames) {
        int flagged = 0;
        boolean previousUnique = false;
        for (int slot = lmsCount; slot < n; slot++) {
            int name = sa[slot];
            if (name >= 0) {
                boolean unique = (name & UNIQUE) != 0;
                if (unique && !previousUnique) {
                    sa[slot] = name ^ UNIQUE;
                } else if (unique) {
                    flagged++;
                    int plain = name ^ UNIQUE;
                    takenNames[plain >>> 6] |= 1L << plain;
                }
                previousUnique = unique;
            }
        }
        return flagged;
    }

    /** In rank order: moves each position taken out to the front of sa (sa[0, count), by rank) and records its rank. */
    private void moveTakenToFront(int[] sa, long[] takenNames) {
        int name = -1;
        int taken = 0;
        for (int i = 0; i < lmsCount; i++) {
            name += (int) (newNameByRank[i >>> 6] >>> i) & 1;
            if ((takenNames[name >>> 6] & (1L << name)) != 0) {
                byRank[i >>> 6] |= 1L << i;
                sa[taken++] = sa[i];
            }
        }
    }

    /**
     * Moves the kept names, in text order and renumbered densely, to the end of sa (the slots lie below, so no slot
     * is overwritten before it is read) and records which LMS positions, counted from the left, were taken out;
     * returns how many were kept.
     */
    private int gatherKeptNames(int[] sa, int n, NameRanks taken) {
        int next = n;
        int ordinal = lmsCount;
        for (int slot = n - 1; slot >= lmsCount; slot--) {
            int name = sa[slot];
            if (name >= 0) {
                ordinal--;
                if ((name & UNIQUE) != 0) {
                    inTextOrder[ordinal >>> 6] |= 1L << ordinal;
                } else {
                    sa[--next] = name - taken.below(name);
                }
            }
        }
        return n - next;
    }

    /** Counts the names taken out below a name: a kept name loses that many when the names are made dense again. */
    private static final class NameRanks {
        private final long[] names;
        /** Entry w: how many names below 64 w are set. */
        private final int[] before;

        NameRanks(long[] names) {
            this.names = names;
            this.before = new int[names.length];
            for (int w = 1; w < names.length; w++) {
                before[w] = before[w - 1] + Long.bitCount(names[w - 1]);
            }
        }

        int below(int name) {
            return before[name >>> 6] + Long.bitCount(names[name >>> 6] & ((1L << name) - 1));
        }
    }

    /** Whether the LMS position that is the given one from the left (from 0) was taken out. */
    boolean takenOutInTextOrder(int ordinal) {
        return (inTextOrder[ordinal >>> 6] & (1L << ordinal)) != 0;
    }

    /**
     * With the kept LMS positions sorted in sa[0, lmsCount - count) and those taken out in sa[n - count, n) by rank,
     * fills sa[0, lmsCount) with all of them in sorted order. From the top down, every kept position moves up or stays.
     */
    void mergeBack(int[] sa, int n) {
        int kept = lmsCount - count;
        int taken = n;
        for (int i = lmsCount - 1; i >= 0; i--) {
            sa[i] = (byRank[i >>> 6] & (1L << i)) != 0 ? sa[--taken] : sa[--kept];
        }
    }
}
