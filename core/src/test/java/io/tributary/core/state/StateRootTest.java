package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StateRootTest {

    /**
     * The cached leaf hashes never make the root differ from one computed from scratch, whatever changed, also when
     * leaves are recorded as a committer records them: for the writes of a batch {@code lag} steps behind, whose
     * values may since have been overwritten or deleted.
     */
    @Property(tries = 300)
    void incrementalRootEqualsTheRootOfAFreshCopy(
            @ForAll @Size(max = 12) List<@Size(max = 6) List<@IntRange(max = 40) Integer>> steps,
            @ForAll @IntRange(min = -1, max = 3) int lag) {
        var state = new State();
        var applied = new ArrayList<Map<String, State.Entry>>();
        for (var step : steps) {
            Map<String, Object> writes = new HashMap<>();
            for (int n : step) {
                var key = Keys.SHARES + "datanet/d/acct_" + "%040x".formatted(n % 10);
                writes.put(key, n >= 30 ? null : (long) n + 1);
            }
            var written = new HashMap<String, State.Entry>();
            state.apply(writes, written);
            applied.add(written);
            if (lag >= 0 && applied.size() > lag) {
                applied.get(applied.size() - 1 - lag).forEach((key, entry) -> {
                    if (entry != null) {
                        entry.recordLeaf(StateCodec.encode(entry.value()));
                    }
                });
            }
            var fresh = new State();
            fresh.apply(state.entries());
            assertThat(state.root()).isEqualTo(fresh.root());
        }
    }

    /** A recorded leaf is what the root uses: one recorded from other bytes than the value's shows in the root. */
    @Property(tries = 50)
    void theRootUsesRecordedLeaves(@ForAll @IntRange(min = 1, max = 1000) long amount) {
        var key = Keys.SHARES + "datanet/d/acct_" + "0".repeat(40);
        Long value = amount;
        var state = new State();
        var written = new HashMap<String, State.Entry>();
        state.apply(Map.of(key, value), written);
        var honest = state.root();
        written.get(key).recordLeaf(StateCodec.encode(amount + 1));
        assertThat(state.root()).isNotEqualTo(honest);
    }
}
