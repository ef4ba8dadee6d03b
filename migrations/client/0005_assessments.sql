-- Assessments, derived from assessment documents (with their assignments),
-- review documents (where each assignee stands) and response documents; rebuilt
-- with the rest of the index.
CREATE TABLE idx_assessments (
    id          TEXT PRIMARY KEY,
    team_id     TEXT NOT NULL,
    owner       TEXT NOT NULL,
    title       TEXT NOT NULL,
    series      TEXT NOT NULL,
    run         INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX idx_assessments_by_team ON idx_assessments (team_id, created_at);
CREATE INDEX idx_assessments_by_series ON idx_assessments (series, run);

CREATE TABLE idx_assignments (
    assessment_id  TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    team_id        TEXT NOT NULL,
    due            TEXT,                  -- YYYY-MM-DD
    PRIMARY KEY (assessment_id, user_id)
);
CREATE INDEX idx_assignments_by_user ON idx_assignments (user_id);

-- No row: round 1, assigned (the review document does not exist yet).
CREATE TABLE idx_reviews (
    assessment_id  TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    status         TEXT NOT NULL,         -- the manager's: assigned, changes_requested, approved
    round          INTEGER NOT NULL,
    last_nudge     INTEGER,
    score          REAL,                  -- the score that counts, once approved
    PRIMARY KEY (assessment_id, user_id)
);

CREATE TABLE idx_responses (
    assessment_id  TEXT NOT NULL,
    user_id        TEXT NOT NULL,
    status         TEXT NOT NULL,         -- draft, submitted
    round          INTEGER NOT NULL,
    answered       INTEGER NOT NULL,
    submitted_at   INTEGER,
    PRIMARY KEY (assessment_id, user_id)
);

-- Local state: which reminders this device has shown, so each shows once.
CREATE TABLE assessment_reminders (
    key      TEXT PRIMARY KEY,
    shown_at INTEGER NOT NULL
);
