-- Who reads each private channel and direct message, derived from the team
-- document in the same transaction that stores it (public channels have no rows:
-- the whole team reads them).
CREATE TABLE conversation_members (
    team_id          TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    user_id          TEXT NOT NULL,
    PRIMARY KEY (team_id, conversation_id, user_id)
);

-- Chat attachments, addressed by the SHA-256 of their bytes. A blob is stored once;
-- blob_teams says which teams may read it (those it was uploaded to).
CREATE TABLE blobs (
    sha256      TEXT PRIMARY KEY,             -- lower-case hex
    size        INTEGER NOT NULL,
    data        BLOB NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE blob_teams (
    sha256       TEXT NOT NULL REFERENCES blobs(sha256) ON DELETE CASCADE,
    team_id      TEXT NOT NULL,
    uploaded_by  TEXT NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    PRIMARY KEY (sha256, team_id)
);
