-- Full-text search over task titles and descriptions. The table holds its own copy
-- of the text (FTS5 needs it for snippets); its rowid is the idx_tasks rowid, so a
-- task's row is found without a scan. Filled from idx_tasks here, kept in step by
-- the index code afterwards.
CREATE VIRTUAL TABLE idx_tasks_fts USING fts5 (
    title,
    description,
    task_id UNINDEXED,
    board_id UNINDEXED,
    team_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO idx_tasks_fts (rowid, title, description, task_id, board_id, team_id)
SELECT rowid, title, description, id, board_id, team_id FROM idx_tasks;
