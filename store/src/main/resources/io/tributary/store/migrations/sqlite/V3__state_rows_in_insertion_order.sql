-- The state's rows in insertion order, found by key through an index. Clustered by key, as V1 had them, every new
-- key of a fold landed on a random page of the whole table, so a fold rewrote most of its pages into the
-- write-ahead log and again into the file; now new rows fill the last pages and only the index (keys alone, a third
-- of the bytes) takes random writes: commit and checkpoint of a fold cost half as much.
CREATE TABLE state_by_insertion (
    id    INTEGER PRIMARY KEY,
    key   TEXT    NOT NULL,
    value TEXT    NOT NULL
);
INSERT INTO state_by_insertion (key, value) SELECT key, value FROM state ORDER BY key;
DROP TABLE state;
ALTER TABLE state_by_insertion RENAME TO state;
CREATE UNIQUE INDEX state_key ON state (key);
