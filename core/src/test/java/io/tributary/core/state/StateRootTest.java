package io.tributary.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StateRootTest {

    /** The cached leaf hashes never make the root differ from one computed from scratch, whatever changed. */
    @Property(tries = 200)
    void incrementalRootEqualsTheRootOfAFreshCopy(
            @ForAll @Size(max = 12) List<@Size(max = 6) List<@IntRange(max = 40) Integer>> steps) {
        var state = new State();
        for (var step : steps) {
            Map<String, Object> writes = new HashMap<>();
            for (int n : step) {
                var key = Keys.SHARES + "datanet/d/acct_" + "%040x".formatted(n % 10);
                writes.put(key, n >= 30 ? null : (long) n + 1);
            }
            state.apply(writes);
            var fresh = new State();
            fresh.apply(state.entries());
            assertThat(state.root()).isEqualTo(fresh.root());
        }
    }
}
