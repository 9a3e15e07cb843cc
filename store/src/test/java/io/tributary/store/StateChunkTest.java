package io.tributary.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class StateChunkTest {

    /** Entries in key order, values of any text (null deletes), cut into chunks wherever the builder is full. */
    @Property(tries = 200)
    void entriesRoundTripThroughChunks(@ForAll @Size(min = 1, max = 300) Map<@StringLength(max = 40) String,
            @StringLength(max = 3000) String> written, @ForAll @IntRange(max = 3) int deletionEvery) {
        var entries = new TreeMap<>(written);
        var builder = new StateChunk.Builder();
        var chunks = new ArrayList<byte[]>();
        var expected = new TreeMap<String, String>();
        int i = 0;
        for (var entry : entries.entrySet()) {
            var value = deletionEvery > 0 && i++ % (deletionEvery + 1) == 0 ? null : entry.getValue();
            expected.put(entry.getKey(), value);
            builder.add(entry.getKey(), value);
            if (builder.full()) {
                chunks.add(builder.finish());
            }
        }
        if (!builder.isEmpty()) {
            chunks.add(builder.finish());
        }
        var keys = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (var data : chunks) {
            var chunk = StateChunk.decode(data);
            keys.addAll(Arrays.asList(chunk.keys()));
            values.addAll(Arrays.asList(chunk.values()));
            for (int k = 0; k < chunk.size(); k++) {
                assertThat(chunk.find(chunk.keys()[k])).isEqualTo(k);
            }
        }
        assertThat(keys).containsExactlyElementsOf(expected.keySet());
        assertThat(values).containsExactlyElementsOf(expected.values());
    }

    @Test
    void aChunkThatIsTruncatedOrAlteredAnywhereIsRefused() {
        var builder = new StateChunk.Builder();
        builder.add("account/a", "{\"balance\":5}");
        builder.add("account/b", null);
        var data = builder.finish();
        assertThat(StateChunk.decode(data).values()).containsExactly("{\"balance\":5}", null);
        for (int at = 0; at < data.length; at++) {
            var altered = data.clone();
            altered[at] ^= 0x10;
            assertThatThrownBy(() -> StateChunk.decode(altered)).as("byte " + at)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum");
        }
        for (int length = 0; length < data.length; length++) {
            var truncated = Arrays.copyOf(data, length);
            assertThatThrownBy(() -> StateChunk.decode(truncated)).as("length " + length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keysMustIncreaseAndFitTheirLength() {
        var builder = new StateChunk.Builder();
        builder.add("b", "1");
        assertThatThrownBy(() -> builder.add("a", "2")).hasMessageContaining("must increase");
        assertThatThrownBy(() -> builder.add("b", "2")).hasMessageContaining("must increase");
        assertThatThrownBy(() -> builder.add("c".repeat(70_000), "2")).hasMessageContaining("too long");
    }
}
