package io.tributary.core.state;

import io.tributary.core.state.Values.Account;
import io.tributary.core.state.Values.Contribution;
import java.util.Map;

/** Value is held in balances and in escrowed deposits; no transaction after the genesis may change the total. */
public final class Supply {

    private Supply() {}

    /** Micro-units that one state value holds. */
    public static long held(Object value) {
        return switch (value) {
            case Account account -> account.balance();
            case Contribution contribution -> contribution.escrowed();
            case null, default -> 0;
        };
    }

    /** Always on, not only under -ea: a transaction that would mint or burn value is a bug, never a state. */
    static void checkConserved(Changes changes, long index) {
        long delta = 0;
        for (Map.Entry<String, Object> write : changes.writes().entrySet()) {
            delta += held(write.getValue()) - held(changes.before(write.getKey()));
        }
        if (delta != 0) {
            throw new IllegalStateException("entry " + index + " would change the supply by " + delta);
        }
    }

    /** The total held across a whole state; equals the genesis supply at every height. */
    public static long total(Iterable<Object> values) {
        long total = 0;
        for (var value : values) {
            total = Math.addExact(total, held(value));
        }
        return total;
    }
}
