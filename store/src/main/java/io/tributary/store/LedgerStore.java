package io.tributary.store;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Persistence of the log and the state. An implementation commits each {@link Batch} in one database
 * transaction and returns only once it is durable. SQLite is the embedded default; PostgreSQL comes next.
 */
public interface LedgerStore extends AutoCloseable {

    /** Number of entries in the log: one past the last position (a missing entry is for verification to find). */
    long size() throws StoreException;

    void append(Batch batch) throws StoreException;

    /** Reads entries {@code [from, to)} in order. */
    List<StoredEntry> entries(long from, long to) throws StoreException;

    Optional<StoredEntry> entry(long position) throws StoreException;

    /** Leaf hashes of entries {@code [from, to)} in order. */
    byte[][] leafHashes(long from, long to) throws StoreException;

    /** Calls {@code consumer} with every state key and value in key order. */
    void forEachState(BiConsumer<String, String> consumer) throws StoreException;

    /** Calls {@code consumer} with every state key that starts with {@code prefix}, in key order. */
    void forEachStateWithPrefix(String prefix, BiConsumer<String, String> consumer) throws StoreException;

    Optional<String> stateValue(String key) throws StoreException;

    Optional<String> meta(String key) throws StoreException;

    void putMeta(String key, String value) throws StoreException;

    void putCheckpoint(long size, String note) throws StoreException;

    Optional<String> latestCheckpoint() throws StoreException;

    /** A full integrity check of the database file; empty when it is sound, else what is wrong. */
    Optional<String> integrityProblem() throws StoreException;

    @Override
    void close() throws StoreException;
}
