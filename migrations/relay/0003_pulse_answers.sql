-- Pulse survey answers as the relay aggregates them, derived from each answer
-- document in the transaction that stores it. Nobody but the relay reads these:
-- managers see only the aggregates it writes into the survey's results document.
CREATE TABLE pulse_answers (
    doc_id        TEXT PRIMARY KEY,
    team_id       TEXT NOT NULL,
    pulse_id      TEXT NOT NULL,
    period        TEXT NOT NULL,            -- YYYY-MM-DD, the period's first day
    user_id       TEXT NOT NULL,
    answers       TEXT NOT NULL,            -- JSON object: question id -> 1..5
    comment       TEXT,
    submitted_at  INTEGER NOT NULL
);
CREATE INDEX pulse_answers_by_period ON pulse_answers (team_id, pulse_id, period, submitted_at);
