-- The state writes of each batch since the last fold, committed with the batch's entries: a batch then costs one
-- sequential row instead of an upsert per key on random pages of `state`. The writer folds the journal into `state`
-- (last write per key) once it holds many keys, and on close; readers overlay it on `state`.
CREATE TABLE state_journal (
    id     INTEGER PRIMARY KEY,                       -- batches in commit order
    writes BLOB    NOT NULL                           -- see StateJournal
);
