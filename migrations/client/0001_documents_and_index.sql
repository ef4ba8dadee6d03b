-- Documents are the source of truth: each is a list of Automerge chunks, one
-- snapshot (after compaction) followed by incremental changes.
CREATE TABLE documents (
    id          TEXT PRIMARY KEY,          -- bs58check document id
    kind        TEXT NOT NULL,             -- team, board, assessment, ...
    team_id     TEXT,                      -- the team it belongs to, if any
    created_at  INTEGER NOT NULL
);

CREATE TABLE doc_chunks (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('snapshot', 'incremental')),
    data        BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX doc_chunks_by_doc ON doc_chunks (doc_id, seq);

-- State that never leaves this device: identity, device actor, settings.
CREATE TABLE local_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The query index below is derived from the documents and can be rebuilt at any time.
CREATE TABLE idx_teams (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE idx_members (
    team_id  TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    name     TEXT NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE idx_boards (
    id          TEXT PRIMARY KEY,
    team_id     TEXT NOT NULL,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,          -- order in the team's board list
    created_at  INTEGER NOT NULL
);
CREATE INDEX idx_boards_by_team ON idx_boards (team_id, position);

CREATE TABLE idx_tasks (
    seq            INTEGER PRIMARY KEY,    -- a stable rowid: the search table's key
    id             TEXT NOT NULL,
    board_id       TEXT NOT NULL,
    team_id        TEXT NOT NULL,
    title          TEXT NOT NULL,
    description    TEXT NOT NULL,
    status         TEXT NOT NULL,
    position       REAL NOT NULL,
    assignee       TEXT,
    due            TEXT,
    priority       TEXT NOT NULL,
    labels         TEXT NOT NULL,          -- JSON array
    depends_on     TEXT NOT NULL,          -- JSON array of task ids
    comment_count  INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL,
    UNIQUE (board_id, id)
);
CREATE INDEX idx_tasks_by_board ON idx_tasks (board_id, status, position);
CREATE INDEX idx_tasks_by_id ON idx_tasks (id);
CREATE INDEX idx_tasks_by_assignee ON idx_tasks (assignee, status);
CREATE INDEX idx_tasks_by_due ON idx_tasks (due) WHERE due IS NOT NULL;
