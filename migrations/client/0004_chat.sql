-- Chat, derived from team documents (conversations) and channel documents
-- (messages); rebuilt with the rest of the index.
CREATE TABLE idx_conversations (
    id          TEXT PRIMARY KEY,
    team_id     TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- channel, private, direct
    name        TEXT NOT NULL,
    members     TEXT NOT NULL,             -- JSON array of user ids; [] for a public channel
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX idx_conversations_by_team ON idx_conversations (team_id);

CREATE TABLE idx_messages (
    seq              INTEGER PRIMARY KEY,  -- a stable rowid: the search table's key
    id               TEXT NOT NULL UNIQUE,
    doc_id           TEXT NOT NULL,        -- the month document that holds it
    conversation_id  TEXT NOT NULL,
    team_id          TEXT NOT NULL,
    author           TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    edited_at        INTEGER,
    deleted          INTEGER NOT NULL,
    reply_to         TEXT,
    mentions         TEXT NOT NULL,        -- JSON array
    attachments      TEXT NOT NULL,        -- JSON array
    reactions        TEXT NOT NULL         -- JSON [[emoji, [user ids]]]
);
CREATE INDEX idx_messages_by_conversation ON idx_messages (conversation_id, created_at);
CREATE INDEX idx_messages_by_thread ON idx_messages (reply_to, created_at) WHERE reply_to IS NOT NULL;
CREATE INDEX idx_messages_by_doc ON idx_messages (doc_id);

CREATE VIRTUAL TABLE idx_messages_fts USING fts5 (
    body,
    content = 'idx_messages',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER idx_messages_fts_after_insert AFTER INSERT ON idx_messages BEGIN
    INSERT INTO idx_messages_fts (rowid, body) VALUES (new.seq, new.body);
END;

CREATE TRIGGER idx_messages_fts_after_delete AFTER DELETE ON idx_messages BEGIN
    INSERT INTO idx_messages_fts (idx_messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
END;

CREATE TRIGGER idx_messages_fts_after_update AFTER UPDATE ON idx_messages BEGIN
    INSERT INTO idx_messages_fts (idx_messages_fts, rowid, body) VALUES ('delete', old.seq, old.body);
    INSERT INTO idx_messages_fts (rowid, body) VALUES (new.seq, new.body);
END;

-- Other people's read receipts, as they arrive in live signals: local state, not
-- a document (each person's own marker lives in their user document).
CREATE TABLE chat_receipts (
    conversation_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    at               INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
