-- Every time entry of every task, for the running timer, totals and timesheets.
-- Derived from board documents like idx_tasks, and rebuilt with the index.
CREATE TABLE idx_time_entries (
    id          TEXT PRIMARY KEY,
    board_id    TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    team_id     TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER,              -- NULL: the timer is running
    note        TEXT
);
CREATE INDEX idx_time_entries_by_task ON idx_time_entries (board_id, task_id);
CREATE INDEX idx_time_entries_running ON idx_time_entries (user_id) WHERE ended_at IS NULL;
CREATE INDEX idx_time_entries_by_team ON idx_time_entries (team_id, started_at);
