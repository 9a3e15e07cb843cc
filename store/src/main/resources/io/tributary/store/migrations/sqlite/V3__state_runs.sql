-- The state as sorted runs of binary chunks, as an LSM tree keeps it (see StateRuns and StateEntries): a fold of the
-- journal writes its keys, merged with the newest runs, as one new run, in sequential pages. Upserting them into
-- the `state` B-tree instead cost a random page per new key: the page split, and the page written to the
-- write-ahead log and again into the file (8 to 11 us of CPU a key against about 1 us a key and merge).
CREATE TABLE state_runs (
    run     INTEGER PRIMARY KEY,                      -- newer runs have larger ids; the newest entry of a key wins
    entries INTEGER NOT NULL CHECK (entries > 0)       -- deletions included
);

CREATE TABLE state_chunks (
    run   INTEGER NOT NULL,
    first BLOB    NOT NULL,                           -- the chunk's first key, UTF-16BE (StateRuns.orderKey)
    data  BLOB    NOT NULL,                           -- see StateEntries
    PRIMARY KEY (run, first)
);

-- Rows of the old table become the first run when the store next opens (SqliteStore.open), in Java.
ALTER TABLE state RENAME TO state_before_runs;
