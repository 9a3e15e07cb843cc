-- The log: accepted transactions in order, as their canonical bytes (the Merkle leaves) with the leaf hashes.
CREATE TABLE entries (
    position  INTEGER PRIMARY KEY,
    id        TEXT    NOT NULL UNIQUE,
    bytes     BLOB    NOT NULL,
    leaf_hash BLOB    NOT NULL
);

-- The state after the last entry: typed paths to canonical JSON values.
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Signed checkpoint notes by tree size.
CREATE TABLE checkpoints (
    size INTEGER PRIMARY KEY,
    note TEXT    NOT NULL
);

-- Small facts about the log: its origin, and the compact range (frontier) of its Merkle tree after the last entry.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
