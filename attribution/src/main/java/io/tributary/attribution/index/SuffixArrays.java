package io.tributary.attribution.index;

import java.util.Arrays;

/**
 * Suffix sorting by induced sorting (SA-IS; Nong, Zhang and Chan 2009) in linear time over an integer alphabet.
 * Works on plain int arrays: no per-suffix objects. The reduced problem of each level lives inside the suffix array
 * itself (as in Mori's sais), so the extra memory is one bit per symbol for the types plus, per alphabet symbol, a
 * count (in the free middle of the suffix array below the top level when it fits) and two bucket ints, and two bits
 * per LMS position while a level recurses, and four ints per symbol while the LMS substrings are sorted. As in libsais
 * those are sorted by passes that scan only the suffixes that induce another (see {@link #sortLmsSubstrings}) and
 * named while they are sorted, and the LMS suffixes whose names already fix their rank are left out of the reduced
 * problem ({@link FixedLmsSuffixes}). While a level is sorted its text carries each position's type-change
 * bit beside the symbol, which spares the induced-sorting passes a second random read per suffix.
 * The recursion depth is at most log2(n), because each level at most halves the length.
 *
 * <p>With two threads (the default) a helper gathers ahead in the induced-sorting passes (see {@link Induction}),
 * and the other passes over a level are split in halves between the threads. Two steps stay on one thread:
 * merging the fixed LMS suffixes back and moving the sorted LMS suffixes to their buckets. Both move data in place in
 * one direction.
 */
public final class SuffixArrays {

    private static final int EMPTY = -1;
    /** Threads a sort uses by default: the placing thread and one helper (more would have nothing to do). */
    public static final int THREADS_MAX = 2;
    /** Below this length a helper thread costs more than it saves. */
    static final int PARALLEL_LENGTH_MIN = 1 << 16;
    /** From this alphabet size up (a stage-1 table of 16 MB, beyond the caches) two threads place the LMS seeds. */
    static final int SPLIT_SEEDS_ALPHABET_MIN = 1 << 20;
    /**
     * Stage 1 keeps four ints a symbol in one array, which must stay below 2^31 entries (and each symbol, shifted left
     * by one for its type-change bit, an int). Token alphabets are far smaller.
     */
    public static final int ALPHABET_SIZE_MAX = 1 << 28;

    private SuffixArrays() {
    }

    /**
     * Sorts the suffixes of text[0, length), whose symbols lie in [0, alphabetSize), into suffixes[0, length).
     * A suffix that is a prefix of another sorts first (the end of the text is smaller than every symbol).
     * The text is written while the sort runs (each symbol shifted left beside a type bit) and given back as it was
     * when the sort returns or throws, so nothing may read it meanwhile.
     */
    public static void sort(int[] text, int length, int alphabetSize, int[] suffixes) {
        sort(text, length, alphabetSize, suffixes, Math.min(THREADS_MAX, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The same with a given number of threads: 1 sorts on the calling thread only; 2 or more add one helper thread
     * that gathers ahead of the induced-sorting passes. The result does not depend on the number of threads.
     */
    public static void sort(int[] text, int length, int alphabetSize, int[] suffixes, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (length < 0 || length > text.length || length > suffixes.length) {
            throw new IllegalArgumentException("length " + length + " outside the arrays");
        }
        if (alphabetSize < 1 || alphabetSize > ALPHABET_SIZE_MAX) {
            throw new IllegalArgumentException(
                    "alphabet size must lie in [1, " + ALPHABET_SIZE_MAX + "]: " + alphabetSize);
        }
        for (int i = 0; i < length; i++) {
            if (text[i] < 0 || text[i] >= alphabetSize) {
                throw new IllegalArgumentException(
                        "symbol " + text[i] + " at " + i + " outside [0, " + alphabetSize + ")");
            }
        }
        sort(text, length, alphabetSize, suffixes, threads, PARALLEL_LENGTH_MIN);
    }

    /**
     * The same, with two threads used from parallelLengthMin symbols up; for tests. A sparse alphabet is renumbered
     * densely first where that pays (see {@link DenseAlphabet}); the text gets its symbols back.
     */
    static void sort(int[] text, int length, int alphabetSize, int[] suffixes, int threads, int parallelLengthMin) {
        var dense = DenseAlphabet.worthFor(text, length, alphabetSize);
        if (dense == null) {
            sais(text, 0, suffixes, length, alphabetSize, threads, parallelLengthMin);
            return;
        }
        boolean parallel = threads > 1 && length >= parallelLengthMin;
        inHalves(parallel, 0, length, (from, to) -> dense.renumber(text, from, to));
        try {
            sais(text, 0, suffixes, length, dense.size(), threads, parallelLengthMin);
        } finally {
            inHalves(parallel, 0, length, (from, to) -> dense.restore(text, from, to));
        }
    }

    private static void sais(int[] text, int offset, int[] sa, int n, int alphabetSize, int threads,
                             int parallelLengthMin) {
        boolean parallel = threads > 1 && n >= parallelLengthMin;
        if (n == 0) {
            return;
        }
        if (n == 1) {
            sa[0] = 0;
            return;
        }
        // A reduced problem's text lies in sa after its suffix array, so the gap between them is free for the counts.
        long gap = text == sa ? offset - n : 0;
        var counts = gap >= alphabetSize ? new Counts(sa, n, alphabetSize) : Counts.created(alphabetSize);
        long[] sTypes = classify(text, offset, n, parallel);
        SubBuckets subCounts = markTypeChanges(text, offset, n, alphabetSize, sTypes, parallel, sa, gap);
        counts.sum(subCounts, text[offset] >>> 1);
        try {
            sortMarked(text, offset, sa, n, alphabetSize, threads, parallelLengthMin, counts, subCounts, sTypes);
        } finally {
            // A reduced text is dead once its level is sorted; the caller's gets its symbols back.
            if (text != sa) {
                inHalves(parallel, offset, offset + n, (from, to) -> unmarkTypeChanges(text, from, to));
            }
        }
    }

    /** Sorts a level whose text is marked (see {@link #markTypeChanges}). */
    private static void sortMarked(int[] text, int offset, int[] sa, int n, int alphabetSize, int threads,
                                   int parallelLengthMin, Counts counts, SubBuckets subCounts, long[] sTypes) {
        boolean parallel = threads > 1 && n >= parallelLengthMin;
        // Two ints a symbol: the LMS count of each symbol c in buckets[alphabetSize + c], from stage 1 to stage 3;
        // before them the counters of the pass at hand.
        int[] buckets = new int[2 * alphabetSize];

        // Stage 1: sort the LMS substrings, with a mark at each that differs from the next, into sa[0, lmsCount).
        int lmsCount = sortLmsSubstrings(text, offset, sa, n, alphabetSize, subCounts, sTypes, buckets, parallel);
        subCounts = null; // the recursion may have its memory (when it has an array of its own)

        // Stage 2: name the sorted LMS substrings; if names repeat, sort the LMS suffixes whose rank the names do not
        // fix by recursion (when every name is unique, sa[0, lmsCount) is sorted already).
        var fixed = new FixedLmsSuffixes(lmsCount);
        int nameCount = nameMarkedLmsSubstrings(sa, lmsCount, fixed, parallel);
        int reduced = n - lmsCount;
        if (nameCount < lmsCount) {
            fixed.takeOut(sa, n, nameCount, parallel);
            int kept = lmsCount - fixed.count();
            sais(sa, reduced, sa, kept, nameCount - fixed.count(), threads, parallelLengthMin);
            listKeptLmsInTextOrder(sa, n, sTypes, lmsCount, fixed, parallel);
            inHalves(parallel, 0, kept, (from, to) -> mapToPositions(sa, reduced, from, to));
            fixed.mergeBack(sa, n);
        }

        // Stage 3: place the LMS suffixes in their final order at their bucket ends and induce the rest.
        counts.ends(buckets);
        placeSortedLms(sa, n, lmsCount, buckets, alphabetSize);
        induce(text, offset, sa, n, counts, buckets, parallel);
    }

    /**
     * Stage 1, as libsais does it: each pass scans only the entries that induce a suffix in it. The suffixes of
     * positions 1 to n - 1 are laid out (c a symbol, counts from {@link #markTypeChanges}):
     * <ul>
     *   <li>A = sa[0, a): for each c, the L-type suffixes whose predecessor is L-type, then the LMS suffixes. The
     *       first pass scans A, placing the L-type suffixes here or in B by the type of their predecessor;</li>
     *   <li>B = sa[a, n - 1): for each c, the L-type suffixes whose predecessor is S-type, then the S-type suffixes
     *       whose predecessor is S-type. The second pass scans B, placing S-type suffixes here, or as LMS suffixes in
     *       sa[0, lmsCount), over A, which is dead by then.</li>
     * </ul>
     * A pass scans its part in sorted order but for the suffixes that induce nothing in it, so it induces what a
     * pass over all of sa would. Suffix 0 is placed nowhere: it induces nothing and is not LMS.
     *
     * <p>The LMS seeds of the first pass are in text order within a bucket; only their first symbols count (one class
     * a bucket). Each pass marks (see {@link Induction#MARK}) a suffix whose LMS prefix differs from that of the one
     * placed before it in its sub-bucket, and counts the marks it has passed to number the classes, which requires
     * every mark it scans to say "differs from the entry scanned before": between the passes the marks on the L-type
     * suffixes in B move one entry to the left. The LMS suffixes come out sorted with marks that say "differs from
     * the next". Returns lmsCount and fills sa[lmsCount, n) with -1.
     */
    private static int sortLmsSubstrings(int[] text, int offset, int[] sa, int n, int alphabetSize,
                                         SubBuckets subBuckets, long[] sTypes, int[] buckets, boolean parallel) {
        // subCounts[2c] counts the positions with symbol c in A, subCounts[2c + 1] those in B. Spread in place from
        // the top symbol down (symbol c writes from 4c up, above the counts of the symbols below it, not yet read) to
        // four ints a symbol: [A start, B start, A end (where the seeds are placed from), -]; B ends go to buckets[c].
        int[] subCounts = subBuckets.array();
        int base = subBuckets.base();
        int aEnd = 0;
        for (int c = 0; c < alphabetSize; c++) {
            aEnd += subCounts[base + 2 * c];
        }
        int aTop = aEnd;
        int bTop = n - 1;
        for (int c = alphabetSize - 1; c >= 0; c--) {
            int inA = subCounts[base + 2 * c];
            int inB = subCounts[base + 2 * c + 1];
            int q = base + 4 * c;
            subCounts[q + 2] = aTop;
            aTop -= inA;
            subCounts[q] = aTop;
            buckets[c] = bTop;
            bTop -= inB;
            subCounts[q + 1] = bTop;
        }

        Arrays.fill(sa, 0, n, 0);
        placeLmsSeeds(text, offset, sa, aEnd, sTypes, subBuckets, alphabetSize, parallel);
        // The seeds of bucket c end where A's next bucket starts: their number is the LMS count of symbol c.
        int lmsCount = 0;
        for (int c = 0; c < alphabetSize; c++) {
            int firstSeed = subCounts[base + 4 * c + 2];
            int end = c + 1 < alphabetSize ? subCounts[base + 4 * (c + 1)] : aEnd;
            if (firstSeed < end) {
                sa[firstSeed] |= Induction.MARK;
            }
            buckets[alphabetSize + c] = end - firstSeed;
            lmsCount += end - firstSeed;
        }
        subBuckets.clearClasses(alphabetSize);
        // The last suffix is L-type and directly follows the virtual end marker, so it leads its bucket; it is also
        // the only suffix whose LMS prefix reaches the end of the text, so a class of its own.
        int last = n - 1;
        int lastBucket = base + Induction.subBucket(text[offset + last]);
        sa[subCounts[lastBucket]++] = last | Induction.MARK;
        subCounts[lastBucket + 2] = 0;
        Induction.partialLeftToRight(text, offset, sa, 0, aEnd, subCounts, base, parallel);

        moveMarksLeft(sa, aEnd, n - 1, subBuckets, buckets, alphabetSize, parallel);
        // The second pass places the LMS suffixes of bucket c from the end of its part of sa[0, lmsCount) down.
        int lmsEnd = 0;
        for (int c = 0; c < alphabetSize; c++) {
            lmsEnd += buckets[alphabetSize + c];
            subCounts[base + 4 * c] = buckets[c];
            subCounts[base + 4 * c + 1] = lmsEnd;
        }
        subBuckets.clearClasses(alphabetSize);
        Induction.partialRightToLeft(text, offset, sa, aEnd, n - 1, subCounts, base, parallel);
        Arrays.fill(sa, lmsCount, n, EMPTY);
        return lmsCount;
    }

    /**
     * The LMS seeds: each LMS position at the end of its bucket's part of A (subBuckets[4c + 2], left at the first
     * seed), in text order within a bucket. With two threads and an alphabet from {@link #SPLIT_SEEDS_ALPHABET_MIN}
     * up each places the buckets of about half of A: both read every LMS position, which pays only when the random
     * writes into the table and sa miss the caches (level 1 of the 30 M-token sort: 84 ms on one thread, 61 ms on two;
     * its top level, 200 k symbols: 54 ms against 67 ms).
     */
    private static void placeLmsSeeds(int[] text, int offset, int[] sa, int aEnd, long[] sTypes,
                                      SubBuckets subBuckets, int alphabetSize, boolean parallel) {
        int words = sTypes.length;
        if (!parallel || alphabetSize < SPLIT_SEEDS_ALPHABET_MIN) {
            placeLmsSeeds(text, offset, sa, sTypes, words, subBuckets, 0, alphabetSize);
            return;
        }
        int split = 0;
        while (split < alphabetSize - 1 && subBuckets.array()[subBuckets.base() + 4 * split + 2] < aEnd / 2) {
            split++;
        }
        int symbolsBelow = split;
        both(true, () -> placeLmsSeeds(text, offset, sa, sTypes, words, subBuckets, 0, symbolsBelow),
                () -> placeLmsSeeds(text, offset, sa, sTypes, words, subBuckets, symbolsBelow, alphabetSize));
    }

    /** Places the seeds whose symbols lie in [symbolFrom, symbolTo). */
    private static void placeLmsSeeds(int[] text, int offset, int[] sa, long[] sTypes, int words,
                                      SubBuckets subBuckets, int symbolFrom, int symbolTo) {
        int[] seedEnds = subBuckets.array();
        int base = subBuckets.base() + 2;
        for (int word = words - 1; word >= 0; word--) {
            for (long bits = lmsBits(sTypes, word); bits != 0; ) {
                int bit = 63 - Long.numberOfLeadingZeros(bits);
                bits ^= 1L << bit;
                int i = (word << 6) + bit;
                int symbol = text[offset + i] >>> 1;
                if (symbol >= symbolFrom && symbol < symbolTo) {
                    sa[--seedEnds[base + 4 * symbol]] = i;
                }
            }
        }
    }

    /**
     * In each bucket's L-type part of B, [start, subBuckets[4c + 1]) after the first pass, moves every mark from
     * entry i to entry i - 1 and marks the last entry (which differs from the S-type suffixes after it). With two
     * threads each takes the buckets of about half of B.
     */
    private static void moveMarksLeft(int[] sa, int aEnd, int bEnd, SubBuckets subBuckets, int[] buckets,
                                      int alphabetSize, boolean parallel) {
        int split = 0;
        int bMiddle = aEnd + (bEnd - aEnd) / 2;
        while (parallel && split < alphabetSize - 1 && buckets[split] < bMiddle) {
            split++;
        }
        int symbolsBelow = split;
        both(parallel, () -> moveMarksLeft(sa, aEnd, subBuckets, buckets, 0, symbolsBelow),
                () -> moveMarksLeft(sa, aEnd, subBuckets, buckets, symbolsBelow, alphabetSize));
    }

    /** The same for the buckets of symbols [from, to); buckets[c] is where bucket c ends in B. */
    private static void moveMarksLeft(int[] sa, int aEnd, SubBuckets subBuckets, int[] buckets, int from, int to) {
        int[] ends = subBuckets.array();
        int base = subBuckets.base() + 1;
        for (int c = from; c < to; c++) {
            int start = c == 0 ? aEnd : buckets[c - 1];
            int carried = Induction.MARK;
            for (int i = ends[base + 4 * c] - 1; i >= start; i--) {
                int entry = sa[i];
                int mark = entry & Induction.MARK;
                sa[i] = entry ^ mark ^ carried;
                carried = mark;
            }
        }
    }

    /**
     * Writes the kept LMS positions (see {@link FixedLmsSuffixes}) in text order to sa[n - lmsCount, n - f), f the
     * number taken out, where the reduced text was. With two threads each lists the LMS positions of one half of the
     * text, the lower half's below those the upper half keeps.
     */
    private static void listKeptLmsInTextOrder(int[] sa, int n, long[] sTypes, int lmsCount, FixedLmsSuffixes fixed,
                                               boolean parallel) {
        int words = (n + 63) >>> 6;
        int top = n - fixed.count();
        int splitWord = parallel ? words / 2 : 0;
        int lmsAbove = 0;
        for (int word = splitWord; word < words; word++) {
            lmsAbove += Long.bitCount(lmsBits(sTypes, word));
        }
        int firstOrdinalAbove = lmsCount - lmsAbove;
        int keptAbove = lmsAbove - fixed.takenOutFrom(firstOrdinalAbove);
        both(parallel, () -> listKeptLmsInTextOrder(sa, sTypes, fixed, 0, splitWord, top - keptAbove,
                        firstOrdinalAbove),
                () -> listKeptLmsInTextOrder(sa, sTypes, fixed, splitWord, words, top, lmsCount));
    }

    /**
     * Lists the kept LMS positions of the words [fromWord, toWord) of the types to just below sa[end], the last of
     * them the LMS position before ordinal endOrdinal.
     */
    private static void listKeptLmsInTextOrder(int[] sa, long[] sTypes, FixedLmsSuffixes fixed, int fromWord,
                                               int toWord, int end, int endOrdinal) {
        int j = end;
        int ordinal = endOrdinal;
        for (int word = toWord - 1; word >= fromWord; word--) {
            for (long bits = lmsBits(sTypes, word); bits != 0; ) {
                int bit = 63 - Long.numberOfLeadingZeros(bits);
                bits ^= 1L << bit;
                if (!fixed.takenOutInTextOrder(--ordinal)) {
                    sa[--j] = (word << 6) + bit;
                }
            }
        }
    }

    /** Turns the reduced suffix array in sa[from, to) into LMS positions, listed in text order from sa[reduced]. */
    private static void mapToPositions(int[] sa, int reduced, int from, int to) {
        for (int i = from; i < to; i++) {
            sa[i] = sa[reduced + sa[i]];
        }
    }

    /**
     * Moves the sorted LMS positions in sa[0, lmsCount) to the ends of their buckets (buckets[c]; their counts in
     * buckets[alphabetSize + c]) and clears every other slot. The LMS suffixes of a bucket are next to each other in
     * sorted order, so each bucket's are moved as one block, from the last bucket down: a block moves up or stays,
     * and the blocks below it have not moved yet. Unlike placing them one by one, no symbol is read from the text.
     */
    private static void placeSortedLms(int[] sa, int n, int lmsCount, int[] buckets, int alphabetSize) {
        int source = lmsCount;
        int placedFrom = n;
        for (int c = alphabetSize - 1; c >= 0; c--) {
            int count = buckets[alphabetSize + c];
            int end = buckets[c];
            Arrays.fill(sa, end, placedFrom, 0);
            source -= count;
            placedFrom = end - count;
            System.arraycopy(sa, source, sa, placedFrom, count);
        }
        Arrays.fill(sa, 0, placedFrom, 0);
    }

    /**
     * Runs both tasks, the second on a helper thread when parallel, and returns when both have finished. The helper is
     * a virtual thread: a level runs about a dozen such steps, and starting a platform thread for each cost the Brown
     * corpus about 5% of its sort.
     */
    static void both(boolean parallel, Runnable first, Runnable second) {
        if (!parallel) {
            first.run();
            second.run();
            return;
        }
        var failure = new Throwable[1];
        Thread helper = Thread.ofVirtual().name("sais-split").start(() -> {
            try {
                second.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        try {
            first.run();
        } finally {
            Induction.joinUninterruptibly(helper);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("the helper thread failed", failure[0]);
        }
    }

    /** A step over a range of indices, which may be split. */
    @FunctionalInterface
    private interface RangeStep {
        void run(int from, int to);
    }

    /** Runs the step over [from, to) in two halves, the second on a helper thread when parallel (see both). */
    private static void inHalves(boolean parallel, int from, int to, RangeStep step) {
        int middle = from + (to - from) / 2;
        both(parallel, () -> step.run(from, middle), () -> step.run(middle, to));
    }

    /** The symbol counts of one level, set by {@link #sum}: in a new array, or in a free part of the suffix array. */
    private record Counts(int[] array, int offset, int size) {

        static Counts created(int size) {
            return new Counts(new int[size], 0, size);
        }

        /** Sets each symbol's count to the sum of its counts in A and B, plus position 0, which is in neither. */
        void sum(SubBuckets subBuckets, int firstSymbol) {
            int[] subCounts = subBuckets.array();
            for (int c = 0; c < size; c++) {
                int q = subBuckets.base() + 2 * c;
                array[offset + c] = subCounts[q] + subCounts[q + 1];
            }
            array[offset + firstSymbol]++;
        }

        /** Sets buckets[c] to the start of bucket c. */
        void starts(int[] buckets) {
            int sum = 0;
            for (int c = 0; c < size; c++) {
                buckets[c] = sum;
                sum += array[offset + c];
            }
        }

        /** Sets buckets[c] to the end of bucket c. */
        void ends(int[] buckets) {
            int sum = 0;
            for (int c = 0; c < size; c++) {
                sum += array[offset + c];
                buckets[c] = sum;
            }
        }
    }

    /**
     * Four ints a symbol while a level's LMS substrings are sorted (see {@link #sortLmsSubstrings}), from
     * array[base]: in a new array, or in a free part of the suffix array.
     */
    private record SubBuckets(int[] array, int base) {

        static SubBuckets created(int alphabetSize) {
            // A reduced level's alphabet passes this only in a shard of more than 2^30 tokens with nearly all of its
            // LMS substrings distinct: a clear error then, not an overflow.
            if (alphabetSize > Integer.MAX_VALUE / 4) {
                throw new IllegalStateException(
                        "a level's alphabet of " + alphabetSize + " symbols is too large for stage 1's table");
            }
            return new SubBuckets(new int[4 * alphabetSize], 0);
        }

        static SubBuckets cleared(int[] array, int base, int alphabetSize) {
            Arrays.fill(array, base, base + 4 * alphabetSize, 0);
            return new SubBuckets(array, base);
        }

        /** No entry placed into any sub-bucket yet. */
        void clearClasses(int alphabetSize) {
            for (int q = base; q < base + 4 * alphabetSize; q += 4) {
                array[q + 2] = -1;
                array[q + 3] = -1;
            }
        }
    }

    /**
     * Returns the types: bit i is set when suffix i is S-type (smaller than suffix i + 1); the last suffix is L-type.
     * With two threads each takes one half: the left half takes the first position of the right half for L-type, and
     * its last positions that equal that symbol take its type once known.
     */
    private static long[] classify(int[] text, int offset, int n, boolean parallel) {
        var sTypes = new long[(n + 63) >>> 6];
        // At a multiple of 64, so that the halves set bits in different words.
        int split = parallel ? (n >>> 1) & ~63 : 0;
        if (split == 0) {
            classify(text, offset, 0, n, n, sTypes);
            return sTypes;
        }
        both(true, () -> classify(text, offset, 0, split, n, sTypes),
                () -> classify(text, offset, split, n, n, sTypes));
        if (isS(sTypes, split)) {
            for (int i = split - 1; i >= 0 && text[offset + i] == text[offset + split]; i--) {
                sTypes[i >>> 6] |= 1L << i;
            }
        }
        return sTypes;
    }

    /**
     * Classifies text[from, to) from the right. Position n - 1 is L-type; for to below n, position to (outside the
     * range) is taken for L-type, which the caller corrects where it is not.
     */
    private static void classify(int[] text, int offset, int from, int to, int n, long[] sTypes) {
        int first = to == n ? n - 1 : to;
        int next = text[offset + first];
        int nextIsS = 0;
        // Without branches (natural text changes type unpredictably), the bits of a word gathered in a register.
        long bits = 0;
        for (int i = first - 1; i >= from; i--) {
            int current = text[offset + i];
            // Symbols lie below 2^30, so the differences cannot overflow: less, or equal and the next is S-type.
            int isS = (current - next) >>> 31 | ((current ^ next) - 1) >>> 31 & nextIsS;
            bits |= (long) isS << i;
            if ((i & 63) == 0) {
                sTypes[i >>> 6] |= bits;
                bits = 0;
            }
            nextIsS = isS;
            next = current;
        }
        if (bits != 0) {
            sTypes[from >>> 6] |= bits;
        }
    }

    /**
     * Shifts each symbol of the level's text left by one and sets the low bit where the type changes: at position
     * i > 0 when suffixes i - 1 and i differ in type, at 0 when suffix 0 is S-type. A suffix that an induced-sorting
     * pass places (L-type left to right, S-type right to left) is stored negated exactly when its bit is set, so the
     * pass reads one word of the text for it instead of two symbols: reads that miss the cache wait in a queue of
     * bounded length, and one a suffix lets twice as many be on their way (see {@link Induction}). Returns the
     * table stage 1 works in (four ints a symbol), the positions counted into its first half as the method below
     * counts them.
     */
    private static SubBuckets markTypeChanges(int[] text, int offset, int n, int alphabetSize, long[] sTypes,
                                              boolean parallel, int[] sa, long gap) {
        int words = (n + 63) >>> 6;
        // In the gap after the counts when it has room (as the counts, see sais).
        var subBuckets = gap >= 5L * alphabetSize
                ? SubBuckets.cleared(sa, n + alphabetSize, alphabetSize) : SubBuckets.created(alphabetSize);
        int[] array = subBuckets.array();
        int base = subBuckets.base();
        // Two counts a symbol: a second thread counts into the upper half of the table, then adds them.
        int upperBase = parallel ? base + 2 * alphabetSize : base;
        both(parallel, () -> markTypeChanges(text, offset, n, sTypes, 0, words / 2, array, base),
                () -> markTypeChanges(text, offset, n, sTypes, words / 2, words, array, upperBase));
        if (parallel) {
            for (int q = 0; q < 2 * alphabetSize; q++) {
                array[base + q] += array[upperBase + q];
            }
        }
        // Position 0 has no predecessor: it is in neither part.
        array[base + (text[offset] ^ (int) sTypes[0] & 1)]--;
        return subBuckets;
    }

    /**
     * Marks the words [fromWord, toWord) of the types, and counts the positions by symbol c and the type t of the
     * position before (1 for S; the word's type-change bit b and the position's own type s give t = b ^ s) into
     * counts[base + 2c + t]: those in A and those in B (see {@link #sortLmsSubstrings}).
     */
    private static void markTypeChanges(int[] text, int offset, int n, long[] sTypes, int fromWord, int toWord,
                                        int[] counts, int base) {
        for (int word = fromWord; word < toWord; word++) {
            long types = sTypes[word];
            // Before position 0 counts as L-type.
            long changes = types ^ (types << 1 | (word == 0 ? 0 : sTypes[word - 1] >>> 63));
            int from = word << 6;
            int to = Math.min(n, from + 64);
            for (int i = from; i < to; i++) {
                int marked = text[offset + i] << 1 | (int) (changes >>> (i - from)) & 1;
                text[offset + i] = marked;
                counts[base + (marked ^ (int) (types >>> (i - from)) & 1)]++;
            }
        }
    }

    private static void unmarkTypeChanges(int[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            text[i] >>>= 1;
        }
    }

    private static boolean isS(long[] sTypes, int i) {
        return (sTypes[i >>> 6] & (1L << i)) != 0;
    }

    /** Bit b is set when position 64 word + b is LMS: S-type after an L-type (position 0 has no predecessor). */
    private static long lmsBits(long[] sTypes, int word) {
        long previousTypes = word == 0 ? 1 : sTypes[word - 1] >>> 63;
        return sTypes[word] & ~(sTypes[word] << 1 | previousTypes);
    }

    /**
     * Stage 3: induces L-type suffixes left to right, then S-type suffixes right to left (Mori's variant). An entry is
     * stored negated (~v) when its predecessor must not be induced in the current pass. A scanned entry's sign is
     * flipped, so after both passes every entry is plain again. See {@link Induction} for how a pass runs.
     */
    private static void induce(int[] text, int offset, int[] sa, int n, Counts counts, int[] buckets,
                               boolean parallel) {
        counts.starts(buckets);
        int last = n - 1;
        // The last suffix is L-type and directly follows the virtual end marker, so it leads its bucket.
        sa[buckets[text[offset + last] >>> 1]++] = Induction.entry(last, text[offset + last]);
        Induction.finalLeftToRight(text, offset, sa, n, buckets, parallel);
        counts.ends(buckets);
        Induction.finalRightToLeft(text, offset, sa, n, buckets, parallel);
    }

    /**
     * Names the sorted LMS substrings, marked where one differs from the next (a new name after each mark, so equal
     * substrings get equal names, in sorted order), unmarks them, and writes the name of position p to its slot
     * sa[lmsCount + p / 2], flagged when unique (see {@link FixedLmsSuffixes}); returns the number of names. LMS
     * positions are at least two apart, so the slots are distinct, and they lie in sa[lmsCount, n), which holds -1
     * elsewhere. With two threads each names half the ranks: the second half starts from the names the marks of the
     * first half count, and the one slot both halves would write (the last of the first half, when the first of the
     * second repeats it) is settled after.
     */
    private static int nameMarkedLmsSubstrings(int[] sa, int lmsCount, FixedLmsSuffixes fixed, boolean parallel) {
        // At a multiple of 64, so that the halves set bits in different words of the fixed suffixes' bit sets.
        int split = parallel ? (lmsCount >>> 1) & ~63 : 0;
        int namesBelow = split > 0 ? 1 : 0;
        for (int i = 0; i < split - 1; i++) {
            namesBelow += sa[i] >>> 31;
        }
        boolean splitIsNew = split == 0 || sa[split - 1] < 0;
        int firstName = namesBelow - 1;
        int[] lastName = new int[1];
        both(parallel, () -> nameMarkedLmsSubstrings(sa, lmsCount, fixed, 0, split, -1, true),
                () -> lastName[0] = nameMarkedLmsSubstrings(sa, lmsCount, fixed, split, lmsCount, firstName,
                        splitIsNew));
        if (!splitIsNew) {
            fixed.notUnique(sa, lmsCount + (sa[split - 1] >>> 1));
        }
        return lastName[0] + 1;
    }

    /**
     * Names ranks [from, to), the names of the ranks below from ending at lastName, the first new when firstIsNew;
     * returns the last name given. The first rank does not touch the slot of the one before it: the caller settles
     * that.
     */
    private static int nameMarkedLmsSubstrings(int[] sa, int lmsCount, FixedLmsSuffixes fixed, int from, int to,
                                               int lastName, boolean firstIsNew) {
        int name = lastName;
        int previousSlot = -1;
        boolean isNew = firstIsNew;
        for (int i = from; i < to; i++) {
            int entry = sa[i];
            name += isNew ? 1 : 0;
            int position = entry & ~Induction.MARK;
            sa[i] = position;
            int slot = lmsCount + (position >>> 1);
            fixed.writeName(sa, i, slot, previousSlot, name, isNew);
            previousSlot = slot;
            isNew = entry < 0;
        }
        return name;
    }
}
