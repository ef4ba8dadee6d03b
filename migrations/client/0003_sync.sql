-- What the relay is known to have of each document: its heads as of the last
-- message it sent (32-byte change hashes, concatenated). Local changes beyond them
-- are the ones the relay has not acknowledged yet.
CREATE TABLE sync_heads (
    doc_id       TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    relay_heads  BLOB NOT NULL,
    updated_at   INTEGER NOT NULL
);
