-- Full-text search over task titles and descriptions. The search table keeps no
-- copy of the text: it indexes idx_tasks (external content, keyed by its stable
-- seq), and the triggers below keep it in step with every change to idx_tasks.
CREATE VIRTUAL TABLE idx_tasks_fts USING fts5 (
    title,
    description,
    content = 'idx_tasks',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER idx_tasks_fts_after_insert AFTER INSERT ON idx_tasks BEGIN
    INSERT INTO idx_tasks_fts (rowid, title, description)
    VALUES (new.seq, new.title, new.description);
END;

CREATE TRIGGER idx_tasks_fts_after_delete AFTER DELETE ON idx_tasks BEGIN
    INSERT INTO idx_tasks_fts (idx_tasks_fts, rowid, title, description)
    VALUES ('delete', old.seq, old.title, old.description);
END;

CREATE TRIGGER idx_tasks_fts_after_update AFTER UPDATE ON idx_tasks BEGIN
    INSERT INTO idx_tasks_fts (idx_tasks_fts, rowid, title, description)
    VALUES ('delete', old.seq, old.title, old.description);
    INSERT INTO idx_tasks_fts (rowid, title, description)
    VALUES (new.seq, new.title, new.description);
END;

-- Index the tasks a version-1 database already holds.
INSERT INTO idx_tasks_fts (idx_tasks_fts) VALUES ('rebuild');
