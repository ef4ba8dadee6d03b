//! The query index: rows derived from the documents so lists, filters and search
//! never have to load a whole document. Written in the same transaction as the
//! document chunk it follows from; `rebuild` recreates it from the documents alone.

use std::collections::BTreeSet;

use automerge::Prop;
use rusqlite::{params, Connection};
use teamstead_model::board::{self, Task};
use teamstead_model::{team, DocKind};
use teamstead_protocol::DocumentId;

use crate::store::LiveDoc;
use crate::Result;

/// How much of a document to re-index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything in it.
    Whole,
    /// What changed since the document's diff cursor (one task rather than the board).
    Changes,
}

/// Brings the index in step with a document, and moves its diff cursor to now.
pub fn update(conn: &Connection, id: &DocumentId, live: &mut LiveDoc, scope: Scope) -> Result<()> {
    match live.kind {
        DocKind::Team => index_team(conn, id, live),
        DocKind::Board => match scope {
            Scope::Changes => index_board_changes(conn, id, live),
            Scope::Whole => {
                live.doc.update_diff_cursor();
                index_board(conn, id, live)
            }
        },
        DocKind::Channel => match scope {
            Scope::Changes => crate::chat::index::channel_changes(conn, id, live),
            Scope::Whole => {
                live.doc.update_diff_cursor();
                crate::chat::index::channel(conn, id, live)
            }
        },
        DocKind::Assessment => crate::assessments::index::assessment(conn, id, live),
        DocKind::Response => crate::assessments::index::response(conn, live),
        DocKind::Review => crate::assessments::index::review(conn, live),
        // Read whole when needed.
        DocKind::User | DocKind::Billing | DocKind::PulseAnswer | DocKind::PulseResults => Ok(()),
    }
}

fn index_team(conn: &Connection, id: &DocumentId, live: &LiveDoc) -> Result<()> {
    let team = team::read(&live.doc)?;
    let team_id = id.to_string();
    conn.execute(
        "INSERT INTO idx_teams (id, name, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name",
        params![team_id, team.name, team.created_at],
    )?;
    conn.execute("DELETE FROM idx_members WHERE team_id = ?1", [&team_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO idx_members (team_id, user_id, name, role) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for member in team.members.values() {
        insert.execute(params![
            team_id,
            member.user_id,
            member.name,
            member.role.as_str()
        ])?;
    }
    crate::chat::index::conversations(conn, &team_id, &team)?;
    let mut order = conn.prepare_cached("UPDATE idx_boards SET position = ?1 WHERE id = ?2")?;
    for (position, board_id) in team.boards.iter().enumerate() {
        order.execute(params![position as i64, board_id])?;
    }
    Ok(())
}

fn index_board_header(
    conn: &Connection,
    id: &DocumentId,
    live: &LiveDoc,
) -> Result<board::BoardInfo> {
    let info = board::info(&live.doc)?;
    conn.execute(
        "INSERT INTO idx_boards (id, team_id, name, position, created_at) VALUES (?1, ?2, ?3, 1000000, ?4)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, team_id = excluded.team_id",
        params![id.to_string(), info.team_id, info.name, info.created_at],
    )?;
    Ok(info)
}

fn index_board(conn: &Connection, id: &DocumentId, live: &LiveDoc) -> Result<()> {
    let info = index_board_header(conn, id, live)?;
    let board_id = id.to_string();
    conn.execute("DELETE FROM idx_tasks WHERE board_id = ?1", [&board_id])?;
    conn.execute(
        "DELETE FROM idx_time_entries WHERE board_id = ?1",
        [&board_id],
    )?;
    conn.execute(
        "DELETE FROM idx_task_assignees WHERE board_id = ?1",
        [&board_id],
    )?;
    conn.execute("DELETE FROM idx_task_deps WHERE board_id = ?1", [&board_id])?;
    let columns = board::columns::columns(&live.doc)?;
    for task in board::tasks(&live.doc)? {
        put_task(conn, &board_id, &info.team_id, &columns, &task)?;
    }
    Ok(())
}

/// Re-indexes only the tasks touched since the diff cursor, found from the
/// document's patches (automerge keeps them indexed, so this costs the change's
/// size, not the board's).
fn index_board_changes(conn: &Connection, id: &DocumentId, live: &mut LiveDoc) -> Result<()> {
    let mut header_changed = false;
    let mut touched = BTreeSet::new();
    for patch in live.doc.diff_incremental() {
        match patch.path.as_slice() {
            // The whole task map replaced (a merge can do that): re-index it all.
            [] if matches!(&patch.action, automerge::PatchAction::PutMap { key, .. } if key == "tasks") =>
            {
                return index_board(conn, id, live);
            }
            [] => header_changed = true,
            // A column renamed, recategorised or removed: tasks may now sit
            // elsewhere, so the whole board is read again (columns change rarely).
            [(_, Prop::Map(top)), ..] if top == "columns" => {
                return index_board(conn, id, live);
            }
            [(_, Prop::Map(top))] if top == "tasks" => match &patch.action {
                automerge::PatchAction::PutMap { key, .. }
                | automerge::PatchAction::DeleteMap { key } => {
                    touched.insert(key.clone());
                }
                _ => {}
            },
            [(_, Prop::Map(top)), (_, Prop::Map(task_id)), ..] if top == "tasks" => {
                touched.insert(task_id.clone());
            }
            _ => header_changed = true,
        }
    }
    let info = if header_changed {
        index_board_header(conn, id, live)?
    } else {
        board::info(&live.doc)?
    };
    let board_id = id.to_string();
    let columns = board::columns::columns(&live.doc)?;
    for task_id in touched {
        remove_task(conn, &board_id, &task_id)?;
        match board::task(&live.doc, &task_id) {
            Ok(task) => put_task(conn, &board_id, &info.team_id, &columns, &task)?,
            Err(teamstead_model::ModelError::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

fn remove_task(conn: &Connection, board_id: &str, task_id: &str) -> Result<()> {
    // The search rows follow through idx_tasks' triggers.
    conn.prepare_cached("DELETE FROM idx_tasks WHERE board_id = ?1 AND id = ?2")?
        .execute(params![board_id, task_id])?;
    conn.prepare_cached("DELETE FROM idx_time_entries WHERE board_id = ?1 AND task_id = ?2")?
        .execute(params![board_id, task_id])?;
    conn.prepare_cached("DELETE FROM idx_task_assignees WHERE board_id = ?1 AND task_id = ?2")?
        .execute(params![board_id, task_id])?;
    conn.prepare_cached("DELETE FROM idx_task_deps WHERE board_id = ?1 AND task_id = ?2")?
        .execute(params![board_id, task_id])?;
    Ok(())
}

fn put_task(
    conn: &Connection,
    board_id: &str,
    team_id: &str,
    columns: &[board::columns::Column],
    task: &Task,
) -> Result<()> {
    for log in &task.time_logs {
        conn.prepare_cached(
            "INSERT OR REPLACE INTO idx_time_entries
                 (id, board_id, task_id, team_id, user_id, started_at, ended_at, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            log.id,
            board_id,
            task.id,
            team_id,
            log.user_id,
            log.started_at,
            log.ended_at,
            log.note
        ])?;
    }
    let assignees = task.assignees();
    for user in &assignees {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO idx_task_assignees (board_id, task_id, user_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![board_id, task.id, user])?;
    }
    for dep in &task.depends_on {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO idx_task_deps (board_id, task_id, depends_on) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![board_id, task.id, dep])?;
    }
    let labels = serde_json::to_string(&task.labels).unwrap_or_else(|_| "[]".into());
    let depends_on = serde_json::to_string(&task.depends_on).unwrap_or_else(|_| "[]".into());
    let assignees_json = serde_json::to_string(&assignees).unwrap_or_else(|_| "[]".into());
    let column = task
        .column_in(columns)
        .map_or_else(|| task.status.as_str().to_string(), |c| c.id.clone());
    let checklist_done = task.checklist.iter().filter(|i| i.done).count() as i64;
    conn.prepare_cached(
        "INSERT INTO idx_tasks (id, board_id, team_id, title, description, status, position, assignee,
                                due, priority, labels, depends_on, comment_count, created_at, updated_at,
                                column_id, assignees, start, estimate_minutes, parent_id,
                                checklist_done, checklist_total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                 ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    )?
    .execute(params![
        task.id,
        board_id,
        team_id,
        task.title,
        task.description.as_str(),
        task.status.as_str(),
        // A synced document could carry a position that is not a number; the
        // index must still take the row.
        if task.position.is_finite() { task.position } else { 0.0 },
        assignees.first(),
        task.due,
        task.priority.as_str(),
        labels,
        depends_on,
        task.comments.len() as i64,
        task.created_at,
        task.updated_at,
        column,
        assignees_json,
        task.start,
        task.estimate_minutes.map(|m| m.min(i64::MAX as u64) as i64),
        task.parent,
        checklist_done,
        task.checklist.len() as i64,
    ])?;
    Ok(())
}

/// Empties every index table; the caller re-indexes each document after.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM idx_assessments;
         DELETE FROM idx_assignments;
         DELETE FROM idx_responses;
         DELETE FROM idx_reviews;
         DELETE FROM idx_tasks;
         DELETE FROM idx_task_assignees;
         DELETE FROM idx_task_deps;
         DELETE FROM idx_time_entries;
         DELETE FROM idx_messages;
         DELETE FROM idx_conversations;
         DELETE FROM idx_boards;
         DELETE FROM idx_members;
         DELETE FROM idx_teams;",
    )?;
    Ok(())
}
