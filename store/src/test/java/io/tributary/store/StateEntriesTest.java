package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class StateEntriesTest {

    /** Entries in key order, values of any text (null deletes), cut into chunks wherever the builder is full. */
    @Property(tries = 200)
    void sortedEntriesRoundTripThroughChunks(@ForAll @Size(min = 1, max = 300) Map<@StringLength(max = 40) String,
            @StringLength(max = 3000) String> written, @ForAll @IntRange(max = 3) int deletionEvery) {
        var entries = withDeletions(new TreeMap<>(written), deletionEvery);
        var builder = StateRuns.chunkBuilder();
        var chunks = new ArrayList<byte[]>();
        entries.forEach((key, value) -> {
            builder.add(key, value);
            if (builder.full()) {
                chunks.add(builder.finish());
            }
        });
        if (!builder.isEmpty()) {
            chunks.add(builder.finish());
        }
        var keys = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (var data : chunks) {
            var chunk = StateEntries.decode(data, true);
            keys.addAll(Arrays.asList(chunk.keys()));
            values.addAll(Arrays.asList(chunk.values()));
            for (int k = 0; k < chunk.size(); k++) {
                assertThat(chunk.find(chunk.keys()[k])).isEqualTo(k);
            }
        }
        assertThat(keys).containsExactlyElementsOf(entries.keySet());
        assertThat(values).containsExactlyElementsOf(entries.values());
    }

    /** A journal row: any order, found entry by entry without decoding the others. */
    @Property(tries = 200)
    void aBatchOfWritesRoundTripsAndEachIsFoundByItsKey(@ForAll @Size(max = 100) Map<@StringLength(max = 40) String,
            @StringLength(max = 500) String> written, @ForAll @IntRange(max = 3) int deletionEvery,
            @ForAll @StringLength(max = 41) String absent) {
        var writes = withDeletions(written, deletionEvery);
        var builder = new StateEntries.Builder(false, 16);
        writes.forEach(builder::add);
        var data = builder.finish();
        var decoded = StateEntries.decode(data, false);
        var read = new TreeMap<String, String>();
        for (int i = 0; i < decoded.size(); i++) {
            read.put(decoded.keys()[i], decoded.values()[i]);
        }
        assertThat(read).isEqualTo(new TreeMap<>(writes));
        writes.forEach((key, value) -> assertThat(StateEntries.lookup(data, key)).as(key)
                .isEqualTo(new StateEntries.Entry(value)));
        if (!writes.containsKey(absent)) {
            assertThat(StateEntries.lookup(data, absent)).isNull();
        }
    }

    @Test
    void entriesThatAreTruncatedOrAlteredAnywhereAreRefused() {
        var builder = new StateEntries.Builder(false, 16);
        builder.add("account/b", null);
        builder.add("account/a", "{\"balance\":5}");
        var data = builder.finish();
        assertThat(StateEntries.decode(data, false).values()).containsExactly(null, "{\"balance\":5}");
        assertThatThrownBy(() -> StateEntries.decode(data, true)).hasMessageContaining("out of order");
        for (int at = 0; at < data.length; at++) {
            var altered = data.clone();
            altered[at] ^= 0x10;
            assertThatThrownBy(() -> StateEntries.decode(altered, false)).as("byte " + at)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
            assertThatThrownBy(() -> StateEntries.lookup(altered, "account/a")).as("byte " + at)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        }
        for (int length = 0; length < data.length; length++) {
            var truncated = Arrays.copyOf(data, length);
            assertThatThrownBy(() -> StateEntries.decode(truncated, false)).as("length " + length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void chunkKeysMustIncreaseAndEveryKeyFitItsLength() {
        var builder = StateRuns.chunkBuilder();
        builder.add("b", "1");
        assertThatThrownBy(() -> builder.add("a", "2")).hasMessageContaining("must increase");
        assertThatThrownBy(() -> builder.add("b", "2")).hasMessageContaining("must increase");
        assertThatThrownBy(() -> builder.add("c".repeat(70_000), "2")).hasMessageContaining("too long");
        assertThatThrownBy(() -> new StateEntries.Builder(false, 16).add("c".repeat(70_000), "2"))
                .hasMessageContaining("too long");
    }

    /** A copy of {@code entries}, in the same order, with every {@code every + 1}-th value a deletion (0: none). */
    private static Map<String, String> withDeletions(Map<String, String> entries, int every) {
        var result = new LinkedHashMap<String, String>();
        int i = 0;
        for (var entry : entries.entrySet()) {
            result.put(entry.getKey(), every > 0 && i++ % (every + 1) == 0 ? null : entry.getValue());
        }
        return result;
    }
}
