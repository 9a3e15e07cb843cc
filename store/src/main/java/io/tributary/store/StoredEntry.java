package io.tributary.store;

/** One entry of the log as stored: its position, transaction id, canonical bytes and RFC 9162 leaf hash. */
public record StoredEntry(long position, String id, byte[] bytes, byte[] leafHash) {}
