//! Tasks on a board: every write goes into the board document, and the index follows.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::Deserialize;
use teamstead_model::board::{self, Move, NewTask, Priority, Status, Task, TaskPatch};
use teamstead_model::ModelError;

use crate::client::doc_id;
use crate::{Client, ClientError, CommentView, Result, TaskDetail, TaskSummary};

const TASK_COLUMNS: &str = "id, board_id, title, status, position, assignee, due, priority, labels,
                            depends_on, comment_count, updated_at";

struct TaskRow {
    summary: TaskSummary,
    depends_on: Vec<String>,
}

fn task_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TaskRow> {
    let json = |i: usize| -> rusqlite::Result<Vec<String>> {
        let text: String = r.get(i)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    let status: String = r.get(3)?;
    let priority: String = r.get(7)?;
    Ok(TaskRow {
        summary: TaskSummary {
            id: r.get(0)?,
            board_id: r.get(1)?,
            title: r.get(2)?,
            status: Status::parse(&status).unwrap_or(Status::Todo),
            position: r.get(4)?,
            assignee: r.get(5)?,
            due: r.get(6)?,
            priority: Priority::parse(&priority).unwrap_or_default(),
            labels: json(8)?,
            blocked_by: Vec::new(),
            comment_count: r.get(10)?,
            updated_at: r.get(11)?,
        },
        depends_on: json(9)?,
    })
}

const UNFINISHED: &str = "SELECT status != 'done' FROM idx_tasks WHERE id = ?1 LIMIT 1";

/// Whether a dependency still blocks: it exists and is not done. A task that is
/// gone blocks nothing; a storage failure is an error, not a "no".
fn is_unfinished(stmt: &mut rusqlite::CachedStatement<'_>, id: &str) -> Result<bool> {
    Ok(stmt
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

/// Which tasks to find; every field given narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaskQuery {
    pub team_id: Option<String>,
    pub board_id: Option<String>,
    pub status: Option<Status>,
    pub assignee: Option<String>,
    /// Due on or before this date (`YYYY-MM-DD`); tasks with no due date are left out.
    pub due_before: Option<String>,
}

impl Client {
    /// A board's tasks from the index, by column then position.
    pub fn list_tasks(&self, board_id: &str) -> Result<Vec<TaskSummary>> {
        self.board(board_id)?;
        self.find_tasks(&TaskQuery {
            board_id: Some(board_id.to_string()),
            ..Default::default()
        })
    }

    /// Tasks from the index matching `query`, within the user's teams, by column
    /// then position.
    pub fn find_tasks(&self, query: &TaskQuery) -> Result<Vec<TaskSummary>> {
        let due_before = query
            .due_before
            .as_deref()
            .map(teamstead_model::validate_date)
            .transpose()?;
        let inner = self.lock();
        let mut stmt = inner.conn.prepare_cached(&format!(
            "SELECT {TASK_COLUMNS} FROM idx_tasks
             WHERE team_id IN (SELECT team_id FROM idx_members WHERE user_id = ?1)
               AND (?2 IS NULL OR team_id = ?2) AND (?3 IS NULL OR board_id = ?3)
               AND (?4 IS NULL OR status = ?4) AND (?5 IS NULL OR assignee = ?5)
               AND (?6 IS NULL OR due <= ?6)
             ORDER BY board_id, CASE status WHEN 'todo' THEN 0 WHEN 'in_progress' THEN 1
                      WHEN 'in_review' THEN 2 ELSE 3 END, position, id"
        ))?;
        let rows = stmt.query_map(
            params![
                inner.identity.user_id,
                query.team_id,
                query.board_id,
                query.status.map(Status::as_str),
                query.assignee,
                due_before,
            ],
            task_row,
        )?;
        let rows: Vec<TaskRow> = rows.collect::<Result<_, _>>()?;
        // Whether each dependency is unfinished: from the rows at hand, else the index.
        let mut open: HashMap<String, bool> = rows
            .iter()
            .map(|r| (r.summary.id.clone(), r.summary.status != Status::Done))
            .collect();
        let mut lookup = inner.conn.prepare_cached(UNFINISHED)?;
        let mut tasks = Vec::with_capacity(rows.len());
        for row in rows {
            let mut blocked_by = Vec::new();
            for dep in row.depends_on {
                let is_open = match open.get(&dep) {
                    Some(is_open) => *is_open,
                    None => {
                        let is_open = is_unfinished(&mut lookup, &dep)?;
                        open.insert(dep.clone(), is_open);
                        is_open
                    }
                };
                if is_open {
                    blocked_by.push(dep);
                }
            }
            tasks.push(TaskSummary {
                blocked_by,
                ..row.summary
            });
        }
        Ok(tasks)
    }

    /// One task in full, read from its document.
    pub fn task(&self, board_id: &str, task_id: &str) -> Result<TaskDetail> {
        let id = doc_id("board", board_id)?;
        let task = self.read_doc(&id, |doc| board::task(doc, task_id))?;
        self.detail(board_id, task)
    }

    fn detail(&self, board_id: &str, task: Task) -> Result<TaskDetail> {
        let inner = self.lock();
        let mut unfinished = inner.conn.prepare_cached(UNFINISHED)?;
        let mut blocked_by = Vec::new();
        for dep in &task.depends_on {
            if is_unfinished(&mut unfinished, dep)? {
                blocked_by.push(dep.clone());
            }
        }
        let mut names = inner.conn.prepare_cached(
            "SELECT m.name FROM idx_members m JOIN idx_boards b ON b.team_id = m.team_id
             WHERE b.id = ?1 AND m.user_id = ?2",
        )?;
        let comments = task
            .comments
            .iter()
            .map(|c| CommentView {
                id: c.id.clone(),
                author: c.author.clone(),
                author_name: names
                    .query_row(params![board_id, c.author], |r| r.get(0))
                    .unwrap_or_else(|_| "Former member".into()),
                body: c.body.clone(),
                created_at: c.created_at,
            })
            .collect();
        Ok(TaskDetail {
            summary: TaskSummary {
                id: task.id.clone(),
                board_id: board_id.to_string(),
                title: task.title.clone(),
                status: task.status,
                position: task.position,
                assignee: task.assignee.clone(),
                due: task.due.clone(),
                priority: task.priority,
                labels: task.labels.clone(),
                blocked_by,
                comment_count: task.comments.len() as u32,
                updated_at: task.updated_at,
            },
            description: task.description.as_str().to_string(),
            depends_on: task.depends_on.clone(),
            comments,
            created_by: task.created_by.clone(),
            created_at: task.created_at,
        })
    }

    /// Runs one task edit on a board document and returns the task as it now is.
    fn edit_task(
        &self,
        board_id: &str,
        edit: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<Task, ModelError>,
    ) -> Result<TaskDetail> {
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        let task = self.write_doc(&id, edit)?;
        self.detail(board_id, task)
    }

    pub fn create_task(
        &self,
        board_id: &str,
        title: &str,
        status: Option<Status>,
    ) -> Result<TaskDetail> {
        let me = self.identity().user_id;
        let new = NewTask {
            title,
            description: "",
            status: status.unwrap_or(Status::Todo),
            created_by: &me,
        };
        self.edit_task(board_id, |doc, now| board::create_task(doc, new, now))
    }

    pub fn update_task(
        &self,
        board_id: &str,
        task_id: &str,
        patch: TaskPatch,
    ) -> Result<TaskDetail> {
        if let Some(Some(assignee)) = &patch.assignee {
            let team_id = self.board(board_id)?.team_id;
            if !self.is_member(&team_id, assignee)? {
                return Err(ClientError::not_found("member", assignee));
            }
        }
        self.edit_task(board_id, |doc, now| {
            board::update_task(doc, task_id, patch, now)
        })
    }

    pub fn move_task(
        &self,
        board_id: &str,
        task_id: &str,
        status: Status,
        before: Option<&str>,
        force: bool,
    ) -> Result<TaskDetail> {
        let to = Move {
            status,
            before,
            force,
        };
        self.edit_task(board_id, |doc, now| board::move_task(doc, task_id, to, now))
    }

    pub fn delete_task(&self, board_id: &str, task_id: &str) -> Result<()> {
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        self.write_doc(&id, |doc, now| board::delete_task(doc, task_id, now))
    }

    pub fn add_dependency(
        &self,
        board_id: &str,
        task_id: &str,
        depends_on: &str,
    ) -> Result<TaskDetail> {
        self.edit_task(board_id, |doc, now| {
            board::add_dependency(doc, task_id, depends_on, now)
        })
    }

    pub fn remove_dependency(
        &self,
        board_id: &str,
        task_id: &str,
        depends_on: &str,
    ) -> Result<TaskDetail> {
        self.edit_task(board_id, |doc, now| {
            board::remove_dependency(doc, task_id, depends_on, now)
        })
    }

    pub fn add_comment(&self, board_id: &str, task_id: &str, body: &str) -> Result<CommentView> {
        let me = self.identity();
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        let comment = self.write_doc(&id, |doc, now| {
            board::add_comment(doc, task_id, &me.user_id, body, now)
        })?;
        Ok(CommentView {
            id: comment.id,
            author: comment.author,
            author_name: me.name,
            body: comment.body,
            created_at: comment.created_at,
        })
    }
}
