package io.tributary.store;

/** A failure of the database: unreadable, corrupt, full, or locked by another writer. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
