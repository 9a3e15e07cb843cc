-- The log: accepted transactions in order, as their canonical bytes (the Merkle leaves) with the leaf hashes.
-- Addressed by position, as CT logs are; no index on id: its random keys would dirty a random index page per
-- transaction in every group commit, which more than doubled the cost of an append.
CREATE TABLE entries (
    position  INTEGER PRIMARY KEY,
    id        TEXT    NOT NULL,
    bytes     BLOB    NOT NULL,
    leaf_hash BLOB    NOT NULL
);

-- The state after the last entry: typed paths to canonical JSON values (clustered by key: one B-tree per write).
CREATE TABLE state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

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
