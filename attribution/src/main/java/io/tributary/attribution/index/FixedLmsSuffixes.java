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
     * the positions taken out in sa[n - count, n), in rank order. With two threads each pass is split in two halves
     * (of the slots, or of the ranks), each half compacting into its own part of sa; the upper half's results then
     * move next to the lower's.
     */
    void takeOut(int[] sa, int n, int nameCount, boolean parallel) {
        // Position p names slot lmsCount + p / 2, so the names lie in [lmsCount, lmsCount + n / 2): split that.
        int middleSlot = parallel ? lmsCount + n / 4 : n;
        var takenNames = new long[(nameCount + 63) >>> 6];
        var upperTakenNames = parallel ? new long[takenNames.length] : takenNames;
        boolean uniqueBeforeMiddle = parallel && originallyUniqueBefore(sa, middleSlot);
        var halves = new Flags[2];
        SuffixArrays.both(parallel, () -> halves[0] = keepFlagsAfterUnique(sa, lmsCount, middleSlot, false, takenNames),
                () -> halves[1] = keepFlagsAfterUnique(sa, middleSlot, n, uniqueBeforeMiddle, upperTakenNames));
        if (parallel) {
            for (int w = 0; w < takenNames.length; w++) {
                takenNames[w] |= upperTakenNames[w];
            }
        }
        count = halves[0].flagged() + halves[1].flagged();
        byRank = new long[(lmsCount + 63) >>> 6];
        inTextOrder = new long[(lmsCount + 63) >>> 6];
        if (count > 0) {
            moveTakenToFront(sa, takenNames, parallel);
        }
        int kept = gatherKeptNames(sa, n, middleSlot, halves[1].names(), new NameRanks(takenNames), parallel);
        System.arraycopy(sa, n - kept, sa, n - lmsCount, kept);
        System.arraycopy(sa, 0, sa, n - count, count);
        newNameByRank = null;
    }

    /** How many names a part of the slots held, and how many of them keep their unique flag. */
    private record Flags(int names, int flagged) {
    }

    /** Whether the last name slot before the given one was flagged unique before any flag was cleared. */
    private boolean originallyUniqueBefore(int[] sa, int slot) {
        for (int i = slot - 1; i >= lmsCount; i--) {
            if (sa[i] >= 0) {
                return (sa[i] & UNIQUE) != 0;
            }
        }
        return false;
    }

    /**
     * In the slots [from, to), the first following a slot whose name was unique if previousUnique: clears the unique
     * flag of every name whose LMS position does not follow a unique one in the text (the first has none) and records
     * the names that keep it in takenNames.
     */
    private static Flags keepFlagsAfterUnique(int[] sa, int from, int to, boolean previousUnique, long[] takenNames) {
        int names = 0;
        int flagged = 0;
        int afterUnique = previousUnique ? 1 : 0;
        // Without branches: which slots hold names, and which names are unique, follows the text unpredictably.
        for (int slot = from; slot < to; slot++) {
            int name = sa[slot];
            int occupied = ~name >>> 31;
            int unique = name >>> 30 & occupied;
            int kept = unique & afterUnique;
            sa[slot] = name ^ (unique & ~afterUnique) << 30;
            int plain = name & (UNIQUE - 1) & -occupied;
            takenNames[plain >>> 6] |= (long) kept << plain;
            names += occupied;
            flagged += kept;
            afterUnique = afterUnique & ~occupied | unique;
        }
        return new Flags(names, flagged);
    }

    /**
     * In rank order: moves each position taken out to the front of sa (sa[0, count), by rank) and records its rank.
     * With two threads the upper half of the ranks (from a multiple of 64, so the halves set different words of
     * byRank) starts from the names the new-name bits below it count, and compacts to its own start first.
     */
    private void moveTakenToFront(int[] sa, long[] takenNames, boolean parallel) {
        int middleRank = parallel ? (lmsCount >>> 1) & ~63 : lmsCount;
        int lastNameBelowMiddle = parallel ? newNamesBelow(middleRank) - 1 : -1;
        int[] taken = new int[2];
        SuffixArrays.both(parallel, () -> taken[0] = moveTakenToFront(sa, takenNames, 0, middleRank, -1),
                () -> taken[1] = moveTakenToFront(sa, takenNames, middleRank, lmsCount, lastNameBelowMiddle));
        System.arraycopy(sa, middleRank, sa, taken[0], taken[1]);
    }

    /** How many of the ranks below the given one, a multiple of 64, start a new name. */
    private int newNamesBelow(int rank) {
        int names = 0;
        for (int w = 0; w < rank >>> 6; w++) {
            names += Long.bitCount(newNameByRank[w]);
        }
        return names;
    }

    /** Moves the positions taken out among ranks [from, to) to sa[from, ...); returns how many there were. */
    private int moveTakenToFront(int[] sa, long[] takenNames, int from, int to, int lastName) {
        int name = lastName;
        int taken = from;
        // Without branches; the store is harmless when the position is kept (taken never passes i).
        for (int i = from; i < to; i++) {
            name += (int) (newNameByRank[i >>> 6] >>> i) & 1;
            int isTaken = (int) (takenNames[name >>> 6] >>> name) & 1;
            byRank[i >>> 6] |= (long) isTaken << i;
            sa[taken] = sa[i];
            taken += isTaken;
        }
        return taken - from;
    }

    /**
     * Moves the kept names, in text order and renumbered densely, to the end of sa (the slots lie below, so no slot
     * is overwritten before it is read) and records which LMS positions, counted from the left, were taken out;
     * returns how many were kept. With two threads the slots below middleSlot gather to just below it, then move up
     * next to those above it (namesAbove names); the one word of inTextOrder both halves may touch is set after both.
     */
    private int gatherKeptNames(int[] sa, int n, int middleSlot, int namesAbove, NameRanks taken, boolean parallel) {
        int firstOrdinalAbove = lmsCount - namesAbove;
        int sharedWord = firstOrdinalAbove >>> 6;
        var halves = new Gathered[2];
        SuffixArrays.both(parallel,
                () -> halves[0] = gatherKeptNames(sa, lmsCount, middleSlot, firstOrdinalAbove, taken, -1),
                () -> halves[1] = gatherKeptNames(sa, middleSlot, n, lmsCount, taken, sharedWord));
        if (halves[1].sharedBits() != 0) {
            inTextOrder[sharedWord] |= halves[1].sharedBits();
        }
        int keptBelow = halves[0].kept();
        int keptAbove = halves[1].kept();
        if (middleSlot != n - keptAbove) {
            System.arraycopy(sa, middleSlot - keptBelow, sa, n - keptAbove - keptBelow, keptBelow);
        }
        return keptBelow + keptAbove;
    }

    /** How many names a part of the slots kept, and its taken-out bits of the word of inTextOrder it shares. */
    private record Gathered(int kept, long sharedBits) {
    }

    /**
     * Gathers the kept names of the slots [from, to) to just below to, the last of them the LMS position before
     * ordinal endOrdinal; bits of inTextOrder in sharedWord go to the result instead.
     */
    private Gathered gatherKeptNames(int[] sa, int from, int to, int endOrdinal, NameRanks taken, int sharedWord) {
        int next = to;
        int ordinal = endOrdinal;
        long sharedBits = 0;
        for (int slot = to - 1; slot >= from; slot--) {
            int name = sa[slot];
            if (name >= 0) {
                ordinal--;
                if ((name & UNIQUE) != 0) {
                    if (ordinal >>> 6 == sharedWord) {
                        sharedBits |= 1L << ordinal;
                    } else {
                        inTextOrder[ordinal >>> 6] |= 1L << ordinal;
                    }
                } else {
                    sa[--next] = name - taken.below(name);
                }
            }
        }
        return new Gathered(to - next, sharedBits);
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

    /** How many of the LMS positions from the given one from the left (from 0) on were taken out. */
    int takenOutFrom(int ordinal) {
        int taken = 0;
        for (int w = ordinal >>> 6; w < inTextOrder.length; w++) {
            taken += Long.bitCount(w == ordinal >>> 6 ? inTextOrder[w] & -1L << ordinal : inTextOrder[w]);
        }
        return taken;
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
