//! Bulk edits: many tasks of a board moved, assigned, labelled or deleted in one
//! batch (saved together or not at all), and an undo that puts each task back as
//! it was. Undo is kept in memory for this session of the app, newest first.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};
use teamstead_model::board::{self, Move, Status, Task, TaskPatch};

use crate::client::doc_id;
use crate::{Client, ClientError, Result};

/// How many bulk edits can be undone.
const UNDO_DEPTH: usize = 20;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum BulkAction {
    /// To the end of a column; `force` moves blocked tasks to Done too.
    Move {
        /// The target column's id.
        column: String,
        force: bool,
    },
    Assign {
        assignee: Option<String>,
    },
    Label {
        label: String,
    },
    Delete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BulkResult {
    pub changed: usize,
    /// Hand back to `undo_bulk_edit`.
    pub undo_id: String,
}

/// What one bulk edit changed: each task as it was before.
pub(crate) struct Undo {
    id: String,
    board_id: String,
    before: Vec<Task>,
}

#[derive(Default)]
pub(crate) struct UndoLog(VecDeque<Undo>);

impl Client {
    /// Applies `action` to every task of `task_ids` in one batch; one task that
    /// cannot take it (a blocked task moved to Done without `force`) stops them all.
    pub fn bulk_edit(
        &self,
        board_id: &str,
        task_ids: &[String],
        action: BulkAction,
    ) -> Result<BulkResult> {
        self.require_board_writer(board_id)?;
        if let BulkAction::Assign {
            assignee: Some(user),
        } = &action
        {
            let team_id = self.board(board_id)?.team_id;
            if !self.is_member(&team_id, user)? {
                return Err(ClientError::not_found("member", user));
            }
        }
        // Dependencies on other boards' tasks block too; the index knows them all.
        let blockers: Vec<String> = match &action {
            BulkAction::Move { force: false, .. } => {
                let chosen: std::collections::HashSet<&String> = task_ids.iter().collect();
                let blocked: Vec<String> = self
                    .list_tasks(board_id)?
                    .into_iter()
                    .filter(|t| chosen.contains(&t.id))
                    .flat_map(|t| t.blocked_by)
                    .collect();
                self.titles(&blocked)?
            }
            _ => Vec::new(),
        };
        let board = doc_id("board", board_id)?;
        let before = self.write_doc(&board, |doc, now| {
            if let BulkAction::Move { column, .. } = &action {
                let done = board::columns::column(doc, column)?.status == Status::Done;
                if done && !blockers.is_empty() {
                    return Err(teamstead_model::ModelError::TaskBlocked(blockers));
                }
            }
            // Every task as it was, before any of them changes: deleting one
            // edits the others that depended on it.
            let before = task_ids
                .iter()
                .map(|id| board::task(doc, id))
                .collect::<Result<Vec<Task>, _>>()?;
            for (id, task) in task_ids.iter().zip(&before) {
                match &action {
                    BulkAction::Move { column, force } => {
                        let to = Move {
                            column,
                            before: None,
                            force: *force,
                        };
                        board::move_task(doc, id, to, now)?;
                    }
                    BulkAction::Assign { assignee } => {
                        let patch = TaskPatch {
                            assignee: Some(assignee.clone()),
                            ..TaskPatch::default()
                        };
                        board::update_task(doc, id, patch, now)?;
                    }
                    BulkAction::Label { label } => {
                        let mut labels = task.labels.clone();
                        labels.push(label.clone());
                        let patch = TaskPatch {
                            labels: Some(labels),
                            ..TaskPatch::default()
                        };
                        board::update_task(doc, id, patch, now)?;
                    }
                    BulkAction::Delete => board::delete_task(doc, id, now)?,
                }
            }
            Ok(before)
        })?;
        let undo_id = teamstead_model::new_id();
        let changed = before.len();
        let mut log = self.undo.lock().unwrap_or_else(|p| p.into_inner());
        log.0.push_front(Undo {
            id: undo_id.clone(),
            board_id: board_id.into(),
            before,
        });
        log.0.truncate(UNDO_DEPTH);
        Ok(BulkResult { changed, undo_id })
    }

    /// Puts back every task a bulk edit changed (deleted ones too), in one batch.
    pub fn undo_bulk_edit(&self, undo_id: &str) -> Result<usize> {
        let undo = {
            let mut log = self.undo.lock().unwrap_or_else(|p| p.into_inner());
            let at = log
                .0
                .iter()
                .position(|u| u.id == undo_id)
                .ok_or_else(|| ClientError::not_found("bulk edit to undo", undo_id))?;
            log.0
                .remove(at)
                .ok_or_else(|| ClientError::not_found("bulk edit to undo", undo_id))?
        };
        self.require_board_writer(&undo.board_id)?;
        let count = undo.before.len();
        self.write_doc(&doc_id("board", &undo.board_id)?, |doc, _| {
            board::restore_tasks(doc, undo.before)
        })?;
        Ok(count)
    }
}
