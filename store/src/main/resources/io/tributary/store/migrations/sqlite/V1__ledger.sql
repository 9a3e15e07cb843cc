-- The log: accepted transactions in order, as their canonical bytes (the Merkle leaves) with their leaf hashes.
-- One row per group commit, a block of consecutive entries: a row per entry cost a B-tree insert each, a fifth of
-- the committer's time. Small columns come first, so reading leaf hashes never touches the bytes' overflow pages.
-- Addressed by position, as CT logs are; no index on transaction ids (random keys dirty a random page per entry).
CREATE TABLE entry_blocks (
    first       INTEGER PRIMARY KEY,                  -- position of the block's first entry
    count       INTEGER NOT NULL CHECK (count > 0),
    leaf_hashes BLOB    NOT NULL,                     -- count RFC 9162 leaf hashes of 32 bytes
    lengths     BLOB    NOT NULL,                     -- count big-endian 4-byte lengths of the entries' bytes
    bytes       BLOB    NOT NULL                      -- the entries' canonical bytes, concatenated
);

-- The state: typed paths to canonical JSON values (clustered by key: one B-tree per write). From V2 on, the state
-- as of the last fold of state_journal, which holds the writes after it.
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
