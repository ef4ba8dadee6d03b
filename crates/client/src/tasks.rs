//! Tasks on a board: every write goes into the board document, and the index follows.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use teamstead_model::board::{self, Move, NewTask, Priority, Status, Task, TaskPatch};
use teamstead_model::ModelError;

use crate::client::doc_id;
use crate::{Client, ClientError, CommentView, Result, TaskDetail, TaskLink, TaskSummary};

const TASK_COLUMNS: &str = "id, board_id, title, status, position, assignee, due, priority, labels,
                            depends_on, comment_count, updated_at, column_id, assignees, start,
                            estimate_minutes, parent_id, checklist_done, checklist_total";

/// A task from the index, `blocked_by` and `subtask_count` not filled yet.
fn task_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TaskSummary> {
    let json = |i: usize| -> rusqlite::Result<Vec<String>> {
        let text: String = r.get(i)?;
        Ok(serde_json::from_str(&text).unwrap_or_default())
    };
    let status: String = r.get(3)?;
    let priority: String = r.get(7)?;
    let estimate: Option<i64> = r.get(15)?;
    Ok(TaskSummary {
        id: r.get(0)?,
        board_id: r.get(1)?,
        title: r.get(2)?,
        status: Status::parse(&status).unwrap_or(Status::Todo),
        column: r.get(12)?,
        position: r.get(4)?,
        assignee: r.get(5)?,
        assignees: json(13)?,
        start: r.get(14)?,
        due: r.get(6)?,
        estimate_minutes: estimate.and_then(|m| u64::try_from(m).ok()),
        priority: Priority::parse(&priority).unwrap_or_default(),
        labels: json(8)?,
        parent_id: r.get(16)?,
        subtask_count: 0,
        checklist_done: r.get(17)?,
        checklist_total: r.get(18)?,
        depends_on: json(9)?,
        blocked_by: Vec::new(),
        comment_count: r.get(10)?,
        updated_at: r.get(11)?,
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

/// Fills each row's `blocked_by` (its dependencies that are not done, whether
/// on the rows at hand or, for other boards, in the index) and `subtask_count`.
fn with_blockers(conn: &rusqlite::Connection, rows: Vec<TaskSummary>) -> Result<Vec<TaskSummary>> {
    // Subtasks are few: one pass over the parent index counts them all.
    let mut subtasks: HashMap<(String, String), u32> = HashMap::new();
    let mut counts = conn.prepare_cached(
        // Grouped by parent first, so SQLite reads the parent index, not every task.
        "SELECT board_id, parent_id, COUNT(*) FROM idx_tasks
         WHERE parent_id IS NOT NULL GROUP BY parent_id, board_id",
    )?;
    for row in counts.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))? {
        let (key, count) = row?;
        subtasks.insert(key, count);
    }
    let mut open: HashMap<String, bool> = rows
        .iter()
        .map(|r| (r.id.clone(), r.status != Status::Done))
        .collect();
    let mut lookup = conn.prepare_cached(UNFINISHED)?;
    let mut tasks = Vec::with_capacity(rows.len());
    for row in rows {
        let mut blocked_by = Vec::new();
        for dep in &row.depends_on {
            let is_open = match open.get(dep) {
                Some(is_open) => *is_open,
                None => {
                    let is_open = is_unfinished(&mut lookup, dep)?;
                    open.insert(dep.clone(), is_open);
                    is_open
                }
            };
            if is_open {
                blocked_by.push(dep.clone());
            }
        }
        let key = (row.board_id.clone(), row.id.clone());
        tasks.push(TaskSummary {
            blocked_by,
            subtask_count: subtasks.get(&key).copied().unwrap_or(0),
            ..row
        });
    }
    Ok(tasks)
}

const LINK_COLUMNS: &str = "t.id, t.board_id, b.name, t.title, t.status";

fn link_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TaskLink> {
    let status: String = r.get(4)?;
    Ok(TaskLink {
        task_id: r.get(0)?,
        board_id: r.get(1)?,
        board_name: r.get(2)?,
        title: r.get(3)?,
        status: Status::parse(&status).unwrap_or(Status::Todo),
    })
}

/// Where a task goes: a column by id, or the first column of a status
/// (by default, To do).
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    Column(&'a str),
    Status(Status),
}

impl Default for Place<'_> {
    fn default() -> Self {
        Place::Status(Status::Todo)
    }
}

impl Place<'_> {
    fn column_id(self, doc: &automerge::AutoCommit) -> Result<String, ModelError> {
        match self {
            Place::Column(id) => Ok(board::columns::column(doc, id)?.id),
            Place::Status(status) => Ok(board::columns::column_for(doc, status)?.id),
        }
    }
}

/// Which tasks to find; every field given narrows the result. A saved view
/// keeps one of these.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TaskQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Anyone among a task's assignees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Due on or before this date (`YYYY-MM-DD`); tasks with no due date are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_before: Option<String>,
    /// Due before today (UTC) and not done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overdue: Option<bool>,
    /// `true`: only tasks an unfinished dependency blocks; `false`: only the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// A task's subtasks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
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
        let today = query
            .overdue
            .filter(|o| *o)
            .map(|_| teamstead_model::date_from_days(crate::clock::now().div_euclid(86_400_000)));
        let label = query.label.as_deref().map(|l| l.trim().to_lowercase());
        let inner = self.lock();
        let mut stmt = inner.conn.prepare_cached(&format!(
            "SELECT {TASK_COLUMNS} FROM idx_tasks
             WHERE team_id IN (SELECT team_id FROM idx_members WHERE user_id = ?1)
               AND (?2 IS NULL OR team_id = ?2) AND (?3 IS NULL OR board_id = ?3)
               AND (?4 IS NULL OR status = ?4)
               AND (?5 IS NULL OR EXISTS (SELECT 1 FROM idx_task_assignees a
                    WHERE a.board_id = idx_tasks.board_id AND a.task_id = idx_tasks.id
                      AND a.user_id = ?5))
               AND (?6 IS NULL OR due <= ?6)
               AND (?7 IS NULL OR column_id = ?7)
               AND (?8 IS NULL OR EXISTS (SELECT 1 FROM json_each(idx_tasks.labels) l
                    WHERE l.value = ?8))
               AND (?9 IS NULL OR priority = ?9)
               AND (?10 IS NULL OR (due < ?10 AND status != 'done'))
               AND (?11 IS NULL OR parent_id = ?11)
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
                query.column,
                label,
                query.priority.map(Priority::as_str),
                today,
                query.parent_id,
            ],
            task_row,
        )?;
        let rows: Vec<TaskSummary> = rows.collect::<Result<_, _>>()?;
        let tasks = with_blockers(&inner.conn, rows)?;
        Ok(match query.blocked {
            Some(blocked) => tasks
                .into_iter()
                .filter(|t| t.blocked_by.is_empty() != blocked)
                .collect(),
            None => tasks,
        })
    }

    /// One task in full, read from its document.
    pub fn task(&self, board_id: &str, task_id: &str) -> Result<TaskDetail> {
        let id = doc_id("board", board_id)?;
        let task = self.read_doc(&id, |doc| board::task(doc, task_id))?;
        self.detail(board_id, task)
    }

    /// A task as the board shows it, from the index (written in the same
    /// transaction as the document, so never behind it).
    fn summary(&self, board_id: &str, task_id: &str) -> Result<TaskSummary> {
        let inner = self.lock();
        let row = inner
            .conn
            .prepare_cached(&format!(
                "SELECT {TASK_COLUMNS} FROM idx_tasks WHERE board_id = ?1 AND id = ?2"
            ))?
            .query_row(params![board_id, task_id], task_row)
            .optional()?
            .ok_or_else(|| ClientError::not_found("task", task_id))?;
        with_blockers(&inner.conn, vec![row])?
            .pop()
            .ok_or_else(|| ClientError::not_found("task", task_id))
    }

    fn detail(&self, board_id: &str, task: Task) -> Result<TaskDetail> {
        let summary = self.summary(board_id, &task.id)?;
        let inner = self.lock();
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
        let mut by_id = inner.conn.prepare_cached(&format!(
            "SELECT {LINK_COLUMNS} FROM idx_tasks t JOIN idx_boards b ON b.id = t.board_id
             WHERE t.id = ?1 AND t.team_id = (SELECT team_id FROM idx_boards WHERE id = ?2)"
        ))?;
        let mut dependencies = Vec::new();
        for dep in &task.depends_on {
            if let Some(link) = by_id
                .query_row(params![dep, board_id], link_row)
                .optional()?
            {
                dependencies.push(link);
            }
        }
        let dependents = inner
            .conn
            .prepare_cached(&format!(
                "SELECT {LINK_COLUMNS} FROM idx_task_deps d
                 JOIN idx_tasks t ON t.board_id = d.board_id AND t.id = d.task_id
                 JOIN idx_boards b ON b.id = t.board_id
                 WHERE d.depends_on = ?1
                   AND t.team_id = (SELECT team_id FROM idx_boards WHERE id = ?2)
                 ORDER BY t.title"
            ))?
            .query_map(params![task.id, board_id], link_row)?
            .collect::<Result<Vec<_>, _>>()?;
        let subtasks = inner
            .conn
            .prepare_cached(&format!(
                "SELECT {LINK_COLUMNS} FROM idx_tasks t JOIN idx_boards b ON b.id = t.board_id
                 WHERE t.board_id = ?2 AND t.parent_id = ?1 ORDER BY t.position"
            ))?
            .query_map(params![task.id, board_id], link_row)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TaskDetail {
            summary,
            description: task.description.as_str().to_string(),
            comments,
            created_by: task.created_by.clone(),
            created_at: task.created_at,
            checklist: task.checklist.clone(),
            dependencies,
            dependents,
            subtasks,
        })
    }

    /// Runs one task edit on a board document and returns the task as it now is.
    pub(crate) fn edit_task(
        &self,
        board_id: &str,
        edit: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<Task, ModelError>,
    ) -> Result<TaskDetail> {
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        let task = self.write_doc(&id, edit)?;
        self.detail(board_id, task)
    }

    /// A new task in `place`: a column id, else the first column of a status,
    /// else the first To do column.
    pub fn create_task(
        &self,
        board_id: &str,
        title: &str,
        place: Place<'_>,
        parent: Option<&str>,
    ) -> Result<TaskDetail> {
        let me = self.identity().user_id;
        self.edit_task(board_id, |doc, now| {
            let column = place.column_id(doc)?;
            let new = NewTask {
                title,
                description: "",
                column: &column,
                parent,
                created_by: &me,
            };
            board::create_task(doc, new, now)
        })
    }

    pub fn update_task(
        &self,
        board_id: &str,
        task_id: &str,
        patch: TaskPatch,
    ) -> Result<TaskDetail> {
        if let Some(assignees) = patch.new_assignees() {
            let team_id = self.board(board_id)?.team_id;
            for assignee in &assignees {
                if !self.is_member(&team_id, assignee)? {
                    return Err(ClientError::not_found("member", assignee));
                }
            }
        }
        self.edit_task(board_id, |doc, now| {
            board::update_task(doc, task_id, patch, now)
        })
    }

    /// Moves a task to a place in a column. Moving it to a Done column while a
    /// dependency on any board is unfinished is `task_blocked` unless `force`.
    pub fn move_task(
        &self,
        board_id: &str,
        task_id: &str,
        place: Place<'_>,
        before: Option<&str>,
        force: bool,
    ) -> Result<TaskDetail> {
        let blockers = self.summary(board_id, task_id)?.blocked_by;
        let blocker_titles = self.titles(&blockers)?;
        self.edit_task(board_id, |doc, now| {
            let column = place.column_id(doc)?;
            let to_done = board::columns::column(doc, &column)?.status == Status::Done;
            if to_done && !force && !blocker_titles.is_empty() {
                return Err(ModelError::TaskBlocked(blocker_titles));
            }
            let to = Move {
                column: &column,
                before,
                force,
            };
            board::move_task(doc, task_id, to, now)
        })
    }

    /// Titles of tasks by id, from the index, in the order given.
    pub(crate) fn titles(&self, ids: &[String]) -> Result<Vec<String>> {
        let inner = self.lock();
        let mut stmt = inner
            .conn
            .prepare_cached("SELECT title FROM idx_tasks WHERE id = ?1 LIMIT 1")?;
        let mut titles = Vec::new();
        for id in ids {
            if let Some(title) = stmt.query_row([id], |r| r.get(0)).optional()? {
                titles.push(title);
            }
        }
        Ok(titles)
    }

    pub fn delete_task(&self, board_id: &str, task_id: &str) -> Result<()> {
        let id = doc_id("board", board_id)?;
        self.require_board_writer(board_id)?;
        self.write_doc(&id, |doc, now| board::delete_task(doc, task_id, now))
    }

    /// Makes a task depend on another, on this board or another board of the
    /// same team. A cycle through any boards is `dependency_cycle`.
    pub fn add_dependency(
        &self,
        board_id: &str,
        task_id: &str,
        depends_on: &str,
    ) -> Result<TaskDetail> {
        let team_id = self.board(board_id)?.team_id;
        let Some(other_board) = self.board_of_task(&team_id, depends_on)? else {
            return Err(ClientError::not_found("task", depends_on));
        };
        // The index sees every board of the team: a loop may pass through others.
        if depends_on != task_id {
            if let Some(path) = self.dependency_path(&team_id, depends_on, task_id)? {
                let mut cycle = vec![task_id.to_string()];
                cycle.extend(path);
                return Err(ModelError::DependencyCycle(self.titles(&cycle)?).into());
            }
        }
        self.edit_task(board_id, |doc, now| {
            if other_board == board_id {
                board::add_dependency(doc, task_id, depends_on, now)
            } else {
                board::add_external_dependency(doc, task_id, depends_on, now)
            }
        })
    }

    /// The board of the team that holds a task, if any.
    fn board_of_task(&self, team_id: &str, task_id: &str) -> Result<Option<String>> {
        let inner = self.lock();
        let board = inner
            .conn
            .prepare_cached(
                "SELECT board_id FROM idx_tasks WHERE id = ?1 AND team_id = ?2 LIMIT 1",
            )?
            .query_row(params![task_id, team_id], |r| r.get(0))
            .optional()?;
        Ok(board)
    }

    /// A chain of dependencies from `from` to `to` across the team's boards, both
    /// included, read from the index (one row per dependency in idx_task_deps).
    fn dependency_path(&self, team_id: &str, from: &str, to: &str) -> Result<Option<Vec<String>>> {
        let inner = self.lock();
        let mut deps_of = inner.conn.prepare_cached(
            "SELECT d.depends_on FROM idx_task_deps d JOIN idx_tasks t
               ON t.board_id = d.board_id AND t.id = d.task_id
             WHERE d.task_id = ?1 AND t.team_id = ?2",
        )?;
        board::dependency_path(from, to, |id| -> Result<Vec<String>> {
            let deps = deps_of.query_map(params![id, team_id], |r| r.get(0))?;
            Ok(deps.collect::<Result<_, _>>()?)
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
