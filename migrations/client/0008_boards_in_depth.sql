-- Boards in depth: each task's column, everyone on it, start date, estimate,
-- parent, and checklist progress, for the board and its filters. Derived from
-- board documents like the rest of idx_tasks. Tasks indexed before this had
-- none of these, so the defaults below are exact for them.
ALTER TABLE idx_tasks ADD COLUMN column_id TEXT NOT NULL DEFAULT '';
ALTER TABLE idx_tasks ADD COLUMN assignees TEXT NOT NULL DEFAULT '[]';  -- JSON array
ALTER TABLE idx_tasks ADD COLUMN start TEXT;
ALTER TABLE idx_tasks ADD COLUMN estimate_minutes INTEGER;
ALTER TABLE idx_tasks ADD COLUMN parent_id TEXT;
ALTER TABLE idx_tasks ADD COLUMN checklist_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE idx_tasks ADD COLUMN checklist_total INTEGER NOT NULL DEFAULT 0;
UPDATE idx_tasks SET column_id = status,
                     assignees = CASE WHEN assignee IS NULL THEN '[]' ELSE json_array(assignee) END;
CREATE INDEX idx_tasks_by_parent ON idx_tasks (parent_id) WHERE parent_id IS NOT NULL;

-- Who is on which task, one row each, so "my tasks" stays an index lookup
-- however many people share a task.
CREATE TABLE idx_task_assignees (
    board_id  TEXT NOT NULL,
    task_id   TEXT NOT NULL,
    user_id   TEXT NOT NULL,
    PRIMARY KEY (board_id, task_id, user_id)
);
CREATE INDEX idx_task_assignees_by_user ON idx_task_assignees (user_id);
INSERT INTO idx_task_assignees (board_id, task_id, user_id)
    SELECT board_id, id, assignee FROM idx_tasks WHERE assignee IS NOT NULL;

-- Which task depends on which, one row each, so "what does this block" is an
-- index lookup rather than a read of every task's list.
CREATE TABLE idx_task_deps (
    board_id    TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    depends_on  TEXT NOT NULL,
    PRIMARY KEY (board_id, task_id, depends_on)
);
CREATE INDEX idx_task_deps_by_target ON idx_task_deps (depends_on);
CREATE INDEX idx_task_deps_by_task ON idx_task_deps (task_id);
INSERT OR IGNORE INTO idx_task_deps (board_id, task_id, depends_on)
    SELECT t.board_id, t.id, d.value FROM idx_tasks t, json_each(t.depends_on) d;
