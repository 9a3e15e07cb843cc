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
 */
final class FixedLmsSuffixes {

    /** In a name slot: the LMS substring is unique (while naming), or its suffix is taken out (after takeOut). */
    static final int UNIQUE = 1 << 30;

    /** How many LMS suffixes were taken out. */
    final int count;
    /** Bit i: the i-th smallest LMS suffix was taken out. */
    private final long[] byRank;
    /** Bit k: the k-th LMS position from the left was taken out. */
    private final long[] inTextOrder;

    private FixedLmsSuffixes(int count, int lmsCount) {
        this.count = count;
        this.byRank = new long[(lmsCount + 63) >>> 6];
        this.inTextOrder = new long[(lmsCount + 63) >>> 6];
    }

    /**
     * Writes the name of the LMS substring whose slot is given, flagged unique if it starts a new name; if it does
     * not, the previous LMS substring (previousSlot) was not unique either.
     */
    static void writeName(int[] sa, int slot, int previousSlot, int name, boolean isNew) {
        if (isNew) {
            sa[slot] = name | UNIQUE;
        } else {
            sa[previousSlot] &= ~UNIQUE;
            sa[slot] = name;
        }
    }

    /**
     * Takes out the fixed LMS suffixes: with the sorted LMS positions in sa[0, lmsCount) and the flagged names in their
     * slots, leaves the reduced text of the kept ones in sa[n - lmsCount, n - count) and the positions taken out in
     * sa[n - count, n), in rank order.
     */
    static FixedLmsSuffixes takeOut(int[] sa, int n, int lmsCount) {
        var fixed = new FixedLmsSuffixes(keepFlagsAfterUnique(sa, n, lmsCount), lmsCount);
        if (fixed.count > 0) {
            fixed.renumberKept(sa, lmsCount);
        }
        int kept = fixed.gatherKeptNames(sa, n, lmsCount);
        System.arraycopy(sa, n - kept, sa, n - lmsCount, kept);
        System.arraycopy(sa, 0, sa, n - fixed.count, fixed.count);
        return fixed;
    }

    /**
     * Clears the unique flag of every name whose LMS position does not follow a unique one in the text (the first
     * has none); returns how many flags remain.
     */
    private static int keepFlagsAfterUnique(int[] sa, int n, int lmsCount) {
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
                }
                previousUnique = unique;
            }
        }
        return flagged;
    }

    /**
     * In rank order: moves each flagged position to the front of sa (sa[0, count), by rank) and records its rank; every
     * kept name loses the number of names taken out below it, which are those of smaller rank (they are unique).
     */
    private void renumberKept(int[] sa, int lmsCount) {
        int taken = 0;
        for (int i = 0; i < lmsCount; i++) {
            int position = sa[i];
            int slot = lmsCount + (position >>> 1);
            int name = sa[slot];
            if ((name & UNIQUE) != 0) {
                byRank[i >>> 6] |= 1L << i;
                sa[taken++] = position;
            } else {
                sa[slot] = name - taken;
            }
        }
    }

    /**
     * Moves the kept names, in text order, to the end of sa (the slots lie below, so no slot is overwritten before it
     * is read) and records which LMS positions, counted from the left, were taken out; returns how many were kept.
     */
    private int gatherKeptNames(int[] sa, int n, int lmsCount) {
        int next = n;
        int ordinal = lmsCount;
        for (int slot = n - 1; slot >= lmsCount; slot--) {
            int name = sa[slot];
            if (name >= 0) {
                ordinal--;
                if ((name & UNIQUE) != 0) {
                    inTextOrder[ordinal >>> 6] |= 1L << ordinal;
                } else {
                    sa[--next] = name;
                }
            }
        }
        return n - next;
    }

    /** Whether the LMS position that is the given one from the left (from 0) was taken out. */
    boolean takenOutInTextOrder(int ordinal) {
        return (inTextOrder[ordinal >>> 6] & (1L << ordinal)) != 0;
    }

    /**
     * With the kept LMS positions sorted in sa[0, lmsCount - count) and those taken out in sa[n - count, n) by rank,
     * fills sa[0, lmsCount) with all of them in sorted order. From the top down, every kept position moves up or stays.
     */
    void mergeBack(int[] sa, int n, int lmsCount) {
        int kept = lmsCount - count;
        int taken = n;
        for (int i = lmsCount - 1; i >= 0; i--) {
            sa[i] = (byRank[i >>> 6] & (1L << i)) != 0 ? sa[--taken] : sa[--kept];
        }
    }
}
