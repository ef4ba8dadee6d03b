-- Accounts. Passwords are argon2id hashes (PHC strings).
CREATE TABLE users (
    id             TEXT PRIMARY KEY,          -- UUID, the same id the documents use
    email          TEXT NOT NULL UNIQUE,      -- lower-cased
    name           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    created_at     INTEGER NOT NULL
);

-- One row per signed-in device. Only a token's SHA-256 is kept.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    device_id    TEXT NOT NULL UNIQUE,
    device_name  TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- An Automerge actor belongs to the device that first sent a change with it.
CREATE TABLE actors (
    actor_id   TEXT PRIMARY KEY,              -- hex
    device_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    bound_at   INTEGER NOT NULL
);

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,             -- bs58check document id
    kind        TEXT NOT NULL,
    team_id     TEXT NOT NULL,                -- a team document's own id for teams
    subject     TEXT,                         -- the one user it belongs to, if any
    created_at  INTEGER NOT NULL
);
CREATE INDEX documents_by_team ON documents (team_id);

CREATE TABLE doc_chunks (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data     BLOB NOT NULL
);
CREATE INDEX doc_chunks_by_doc ON doc_chunks (doc_id, seq);

-- Who belongs to which team, derived from each team document in the same
-- transaction that stores it, so access checks never read a stale copy.
CREATE TABLE team_members (
    team_id  TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_by_user ON team_members (user_id);

CREATE TABLE invitations (
    code_hash   TEXT PRIMARY KEY,
    team_id     TEXT NOT NULL,
    role        TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    max_uses    INTEGER,                      -- NULL: until it expires
    uses        INTEGER NOT NULL DEFAULT 0
);

-- The relay's own settings, such as the Automerge actor it writes with.
CREATE TABLE relay_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
