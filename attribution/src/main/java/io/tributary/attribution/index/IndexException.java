package io.tributary.attribution.index;

import java.io.IOException;

/** An index directory or file that cannot be used, with the reason told apart for the message and for tests. */
public final class IndexException extends IOException {

    /** Why an index cannot be opened or built. */
    public enum Reason {
        MISSING, FOREIGN, TOO_OLD, TOO_NEW, TRUNCATED, CORRUPT, EXISTS, BAD_INPUT, TOO_LARGE
    }

    private final Reason reason;

    public IndexException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
