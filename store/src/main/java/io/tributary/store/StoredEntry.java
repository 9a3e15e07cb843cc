package io.tributary.store;

import io.tributary.core.crypto.Bytes;

/** One entry of the log as stored: its position, canonical bytes and RFC 9162 leaf hash. */
public record StoredEntry(long position, byte[] bytes, byte[] leafHash) {

    /** The transaction id: the hex SHA-256 of the canonical bytes, computed rather than stored. */
    public String id() {
        return Bytes.hex(Bytes.sha256(bytes));
    }
}
