package io.tributary.attribution.index;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * One induced-sorting pass of SA-IS over blocks of {@link #BLOCK_ENTRIES} entries, in two steps as libsais does:
 * first gather, for every entry j of a block, the text word of its predecessor j - 1 (its symbol and type-change bit,
 * see SuffixArrays; random reads that do not depend on each other, so their cache misses overlap); then place the
 * predecessors in scan order (the bucket counters make this step sequential).
 *
 * <p>On one thread gathering first pays only when the text is larger than the cache: 30 M tokens sort 15% faster that
 * way, the Brown corpus (1.3 M) about 10% slower. Below {@link #GATHER_ALONE_LENGTH_MIN} the place step reads the text
 * itself: no gathered position matches. (Testing a flag for that as well made the place loops 7-10% slower when
 * gathering, and 5% faster on one thread without: the flag is not kept.)
 *
 * <p>With a helper thread the gathering of the next blocks runs on the other core while this thread places the
 * current one. A block is gathered by whichever thread claims it first, so this thread never waits for a helper that
 * is not running; and while it waits for a block the helper is gathering, it gathers a later one itself. A gathered
 * value may be stale: placing may write into a block after it was gathered. Each gathered value therefore carries
 * the entry it was read from, and the placing thread uses it only when the entry is still the same (the same suffix
 * means the same symbols); otherwise it reads the text itself.
 *
 * <p>When naming (stage 1 of SA-IS on fewer than {@link #NAMING_LENGTH_LIMIT} symbols), a pass also marks, with
 * {@link #DISTINCT}, each entry whose LMS prefix differs from that of the entry placed before it in its bucket (the
 * LMS prefix of suffix j runs up to and including the next LMS position; for an LMS suffix placed before the first
 * pass, only its first symbol counts). Suffix j - 1 has the same LMS prefix as the suffix placed before it in the same
 * bucket iff their inducers had the same LMS prefix, that is, the same class: the scan counts the marked entries it
 * has passed, which numbers the classes as long as the mark on each scanned entry says "differs from the entry scanned
 * before it". That holds for the entries this pass places; for the others the caller sees to it (see SuffixArrays).
 */
final class Induction {

    static final int BLOCK_ENTRIES = 4096;
    /** Naming takes bit 30 of an entry, besides the sign: the positions must stay below 2^30. */
    static final int NAMING_LENGTH_LIMIT = 1 << 30;
    static final int DISTINCT = 1 << 30;
    /** From this length up one thread gathers each block before placing it, as a helper would. */
    static final int GATHER_ALONE_LENGTH_MIN = 1 << 22;
    /** Buffers in the ring shared by the placing thread and the helper. */
    private static final int RING_BLOCKS = 8;
    /** How many blocks the helper may gather ahead of the block being placed. */
    private static final int AHEAD_BLOCKS = 4;

    /** The helper's pause when it is far enough ahead: sleeping rather than spinning leaves the core to others. */
    private static final long HELPER_PAUSE_NANOS = 20_000;
    /** Spins of the placing thread waiting for a block the helper is gathering, before it yields the core. */
    private static final int SPINS_MAX = 10_000;

    private final int[] text;
    private final int offset;
    private final int[] sa;
    private final int n;
    private final boolean leftToRight;
    private final boolean naming;
    /** Keeps the position of an entry: without {@link #DISTINCT} when naming. */
    private final int positionMask;
    private final int blockCount;
    /** Whether blocks are gathered before they are placed; if not, placing reads the text itself. */
    private final boolean gathering;
    /** Whether a helper thread gathers ahead. */
    private final boolean helped;
    private final int ringBlocks;
    private final int[][] positions;
    /** The text word of each gathered entry's predecessor: its symbol and type-change bit. */
    private final int[][] words;
    /** The block each ring slot holds, published after its gathered values are written. */
    private final AtomicIntegerArray ready;
    /** Blocks [0, claimed) are being gathered or were gathered. */
    private final AtomicInteger claimed = new AtomicInteger();
    /** Blocks [0, placed) are placed; their ring slots may be reused. */
    private volatile int placed;
    private volatile boolean stopped;
    private volatile Throwable helperFailure;
    /** When naming: how many marked entries the placing thread has scanned, so the class of the current entry. */
    private int scannedClass;

    private Induction(int[] text, int offset, int[] sa, int n, boolean leftToRight, boolean naming, boolean parallel) {
        this.text = text;
        this.offset = offset;
        this.sa = sa;
        this.n = n;
        this.leftToRight = leftToRight;
        this.naming = naming;
        this.positionMask = naming ? DISTINCT - 1 : Integer.MAX_VALUE;
        this.blockCount = (int) (((long) n + BLOCK_ENTRIES - 1) / BLOCK_ENTRIES);
        this.helped = parallel && blockCount > 1;
        this.gathering = helped || blockCount > 1 && n >= GATHER_ALONE_LENGTH_MIN;
        // Without a helper one slot: gathered, then placed.
        this.ringBlocks = helped ? RING_BLOCKS : 1;
        // Without gathering the positions stay 0, which no entry the place loops look up equals, and no word is read.
        int blockEntries = Math.min(n, BLOCK_ENTRIES);
        this.positions = new int[ringBlocks][blockEntries];
        this.words = new int[ringBlocks][gathering ? blockEntries : 0];
        this.ready = new AtomicIntegerArray(ringBlocks);
        for (int slot = 0; slot < ringBlocks; slot++) {
            ready.set(slot, -1);
        }
    }

    /**
     * Induces L-type suffixes left to right from the bucket starts in buckets: buckets[c] when not naming; when naming,
     * buckets[2c], with buckets[2c + 1] the class of the entry that induced the last one placed into bucket c (-1 for
     * none yet).
     */
    static void leftToRight(int[] text, int offset, int[] sa, int n, int[] buckets, boolean naming, boolean parallel) {
        new Induction(text, offset, sa, n, true, naming, parallel).run(buckets);
    }

    /** Induces S-type suffixes right to left from the bucket ends in buckets, laid out as for leftToRight. */
    static void rightToLeft(int[] text, int offset, int[] sa, int n, int[] buckets, boolean naming, boolean parallel) {
        new Induction(text, offset, sa, n, false, naming, parallel).run(buckets);
    }

    private void run(int[] buckets) {
        Thread helper = helped
                ? Thread.ofPlatform().name("sais-gather").daemon(true).start(this::helpGather) : null;
        try {
            for (int block = 0; block < blockCount; block++) {
                int slot = block % ringBlocks;
                if (gathering) {
                    if (claimed.compareAndSet(block, block + 1)) {
                        gather(block, slot);
                    } else {
                        awaitReady(slot, block);
                    }
                }
                if (leftToRight) {
                    placeLeftToRight(block, slot, buckets);
                } else {
                    placeRightToLeft(block, slot, buckets);
                }
                placed = block + 1;
            }
        } finally {
            stopped = true;
            if (helper != null) {
                joinUninterruptibly(helper);
            }
        }
    }

    /**
     * The helper claimed this block and is gathering it: meanwhile gather the next unclaimed block within the helper's
     * reach (gathering costs more than placing, so the helper alone falls behind), else spin briefly, then give the
     * core away.
     */
    private void awaitReady(int slot, int block) {
        for (int spins = 0; ready.get(slot) != block; spins++) {
            if (helperFailure != null) {
                throw new IllegalStateException("the gathering helper thread failed", helperFailure);
            }
            int next = claimed.get();
            if (next < blockCount && next <= block + AHEAD_BLOCKS && claimed.compareAndSet(next, next + 1)) {
                gather(next, next % ringBlocks);
                continue;
            }
            if (spins < SPINS_MAX) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void helpGather() {
        try {
            gatherAhead();
        } catch (Throwable e) {
            helperFailure = e;
            throw e;
        }
    }

    private void gatherAhead() {
        while (!stopped) {
            int block = claimed.get();
            if (block >= blockCount) {
                return;
            }
            if (block > placed + AHEAD_BLOCKS) {
                // Sleep rather than spin: on a busy machine a spinning helper takes the core the placing thread needs.
                LockSupport.parkNanos(HELPER_PAUSE_NANOS);
                continue;
            }
            if (claimed.compareAndSet(block, block + 1)) {
                gather(block, block % ringBlocks);
            }
        }
    }

    private int blockStart(int block) {
        // In long arithmetic: a shard may hold up to 2^31 - 65 entries, so (block + 1) * BLOCK_ENTRIES can overflow.
        long start = leftToRight ? (long) block * BLOCK_ENTRIES : Math.max(0, n - (block + 1L) * BLOCK_ENTRIES);
        return (int) start;
    }

    private int blockEnd(int block) {
        long end = leftToRight ? Math.min(n, (block + 1L) * BLOCK_ENTRIES) : n - (long) block * BLOCK_ENTRIES;
        return (int) end;
    }

    /**
     * One read of the text and one store that waits for it per entry: a read that misses the cache holds a slot of the
     * load queue until it is served, and the store a slot of the store queue, so the fewer of each, the more misses
     * are on their way at once. (Reading the two symbols to compare instead made the gathering half as fast.)
     */
    private void gather(int block, int slot) {
        int start = blockStart(block);
        int end = blockEnd(block);
        int[] blockPositions = positions[slot];
        int[] blockWords = words[slot];
        for (int i = start; i < end; i++) {
            int entry = sa[i];
            blockPositions[i - start] = entry;
            int j = entry & positionMask;
            if (entry > 0 && j > 0) {
                blockWords[i - start] = text[offset + j - 1];
            }
        }
        ready.set(slot, block);
    }

    /*
     * The two place methods mirror each other (scan direction, bucket ends, when the entry is flipped); they stay
     * separate because this is the innermost loop of the build and a shared helper would return two values.
     * An entry is v or ~v (flipped), where v is its position with DISTINCT if marked.
     */
    private void placeLeftToRight(int block, int slot, int[] buckets) {
        int start = blockStart(block);
        int end = blockEnd(block);
        int[] blockPositions = positions[slot];
        int[] blockWords = words[slot];
        int scanned = scannedClass;
        for (int i = start; i < end; i++) {
            int entry = sa[i];
            sa[i] = ~entry;
            int j = entry & positionMask;
            if (naming) {
                scanned += (entry ^ (entry >> 31)) >>> 30;
            }
            if (entry > 0 && j > 0) {
                int word = blockPositions[i - start] == entry ? blockWords[i - start] : text[offset + j - 1];
                int symbol = word >>> 1;
                int induced = entry(j - 1, word);
                if (naming) {
                    int bucket = symbol << 1;
                    int distinct = buckets[bucket + 1] == scanned ? 0 : DISTINCT;
                    buckets[bucket + 1] = scanned;
                    sa[buckets[bucket]++] = induced ^ distinct;
                } else {
                    sa[buckets[symbol]++] = induced;
                }
            }
        }
        scannedClass = scanned;
    }

    private void placeRightToLeft(int block, int slot, int[] buckets) {
        int start = blockStart(block);
        int end = blockEnd(block);
        int[] blockPositions = positions[slot];
        int[] blockWords = words[slot];
        int scanned = scannedClass;
        for (int i = end - 1; i >= start; i--) {
            int entry = sa[i];
            int j = entry & positionMask;
            if (naming) {
                scanned += (entry ^ (entry >> 31)) >>> 30;
            }
            if (entry > 0 && j > 0) {
                int word = blockPositions[i - start] == entry ? blockWords[i - start] : text[offset + j - 1];
                int symbol = word >>> 1;
                int induced = entry(j - 1, word);
                if (naming) {
                    int bucket = symbol << 1;
                    int distinct = buckets[bucket + 1] == scanned ? 0 : DISTINCT;
                    buckets[bucket + 1] = scanned;
                    sa[--buckets[bucket]] = induced ^ distinct;
                } else {
                    sa[--buckets[symbol]] = induced;
                }
            } else {
                sa[i] = ~entry;
            }
        }
        scannedClass = scanned;
    }

    /**
     * The entry for suffix j placed by a pass, given its text word: negated when its type-change bit is set, that is
     * when its predecessor must not be induced in this pass (it is of the other type, or suffix 0 is S-type).
     */
    static int entry(int j, int word) {
        // A branch, not arithmetic: on one thread the arithmetic form sorts 4% slower (the store waits for the read).
        return (word & 1) == 0 ? j : ~j;
    }

    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
