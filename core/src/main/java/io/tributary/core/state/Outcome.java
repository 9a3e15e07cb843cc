package io.tributary.core.state;

import java.util.Map;

/** What applying one transaction to a state gives: its writes, or the reason it changes nothing. */
public sealed interface Outcome {

    /** The keys the transaction writes, in no particular order; a null value deletes the key. */
    record Applied(Map<String, Object> writes) implements Outcome {}

    record Rejected(Reason reason, String detail) implements Outcome {
        public String message() {
            return reason.code() + ": " + detail;
        }
    }
}
