package io.tributary.core.tx;

/** A transaction that cannot be read: malformed JSON, a missing or unknown field, a bad value. */
public final class TxFormatException extends Exception {
    public TxFormatException(String message) {
        super(message);
    }
}
