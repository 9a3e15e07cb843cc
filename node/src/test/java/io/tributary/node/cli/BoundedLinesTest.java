package io.tributary.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    /**
     * Whatever pieces the reader hands out (a pipe gives what the producer wrote so far), the lines are those of the
     * whole input, blank ones skipped, each cut to the limit plus one character.
     */
    @Property(tries = 300)
    void readsTheLinesOfTheWholeInputCutToTheLimit(
            @ForAll @StringLength(max = 40_000) @CharRange(from = '\n', to = '\n') @CharRange(from = ' ', to = '~')
                    String input,
            @ForAll @IntRange(min = 0, max = 300) int limit, @ForAll long seed) {
        var lines = new BoundedLines(new Trickle(input, seed), limit);
        var read = new ArrayList<String>();
        while (lines.hasNext()) {
            read.add(lines.next());
        }
        assertThat(read).isEqualTo(expected(input, limit));
        assertThat(lines.moreBuffered()).isTrue();
    }

    @Test
    void aLineOfMegabytesIsNeverHeldWhole() {
        var input = "first\n" + "x".repeat(5_000_000) + "\nlast";
        var lines = new BoundedLines(new StringReader(input), 100);
        assertThat(lines.next()).isEqualTo("first");
        assertThat(lines.next()).hasSize(101);
        assertThat(lines.next()).isEqualTo("last");
        assertThat(lines.hasNext()).isFalse();
    }

    @Test
    void aLongLineIsBlankOnlyIfAllOfItIs() {
        var lines = new BoundedLines(new StringReader(" ".repeat(50) + "\n" + " ".repeat(20) + "x\nnext"), 10);
        assertThat(lines.next()).isEqualTo(" ".repeat(11));
        assertThat(lines.next()).isEqualTo("next");
        assertThat(lines.hasNext()).isFalse();
    }

    @Test
    void saysWhetherTheNextLineIsBufferedOrMustBeWaitedFor() {
        var lines = new BoundedLines(new Trickle("one\ntwo\n", 0) {
            @Override
            public boolean ready() {
                return false;
            }
        }, 100);
        assertThat(lines.next()).isEqualTo("one");
        assertThat(lines.moreBuffered()).isTrue();
        assertThat(lines.next()).isEqualTo("two");
        assertThat(lines.moreBuffered()).isFalse();
        assertThat(lines.hasNext()).isFalse();
        assertThat(lines.moreBuffered()).isTrue();
    }

    private static List<String> expected(String input, int limit) {
        var lines = new ArrayList<String>();
        for (var line : input.split("\n", -1)) {
            if (!line.isBlank()) {
                lines.add(line.substring(0, Math.min(line.length(), limit + 1)));
            }
        }
        return lines;
    }

    /** A reader that hands out at most a random number of characters per read; with seed 0, everything at once. */
    private static class Trickle extends Reader {
        private final String input;
        private final SplittableRandom random;
        private int position;

        Trickle(String input, long seed) {
            this.input = input;
            this.random = seed == 0 ? null : new SplittableRandom(seed);
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position == input.length()) {
                return -1;
            }
            int count = Math.min(length, input.length() - position);
            if (random != null) {
                count = Math.min(count, 1 + random.nextInt(random.nextBoolean() ? 8 : 5_000));
            }
            input.getChars(position, position + count, target, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {}
    }
}
