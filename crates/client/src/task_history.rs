//! A task's activity, read from its board document's changes, and bringing an
//! earlier description back as a new edit (history keeps both).

use automerge::ChangeHash;
use teamstead_model::board::{history, TaskPatch};
use teamstead_model::ModelError;

use crate::client::doc_id;
use crate::{ActivityEntry, Client, Result, TaskDetail};

/// A change hash as the UI hands it back: 64 hex digits.
fn parse_hash(hash: &str) -> Result<ChangeHash, ModelError> {
    hash.parse().map_err(|_| ModelError::Invalid {
        what: "a change",
        reason: "it must be a change hash from the task's history",
    })
}

impl Client {
    /// Who changed what on a task and when, newest first.
    pub fn task_history(&self, board_id: &str, task_id: &str) -> Result<Vec<ActivityEntry>> {
        let team_id = self.board(board_id)?.team_id;
        let id = doc_id("board", board_id)?;
        let changes = self.read_history(&id, |doc| history::task_history(doc, task_id))?;
        let names: std::collections::HashMap<String, String> = self
            .members(&team_id)?
            .into_iter()
            .map(|m| (m.user_id, m.name))
            .collect();
        let me = self.identity();
        let my_actor = self.lock().actor.clone();
        Ok(changes
            .into_iter()
            .rev()
            .map(|change| {
                // Our own changes are ours whatever they name (an id from before
                // sign-in, say).
                let user_id = if change.actor == my_actor {
                    Some(me.user_id.clone())
                } else {
                    change.author
                };
                let name = user_id
                    .as_ref()
                    .and_then(|u| names.get(u).cloned())
                    .unwrap_or_else(|| "Someone".into());
                ActivityEntry {
                    hash: change.hash.to_string(),
                    at: change.at,
                    user_id,
                    name,
                    fields: change.fields,
                }
            })
            .collect())
    }

    /// The task's description just after the change `hash`.
    pub fn description_at(&self, board_id: &str, task_id: &str, hash: &str) -> Result<String> {
        let hash = parse_hash(hash)?;
        let id = doc_id("board", board_id)?;
        self.read_history(&id, |doc| history::description_at(doc, task_id, hash))
    }

    /// Writes the description as it was after `hash` back, as a new edit.
    pub fn restore_description(
        &self,
        board_id: &str,
        task_id: &str,
        hash: &str,
    ) -> Result<TaskDetail> {
        let text = self.description_at(board_id, task_id, hash)?;
        let patch = TaskPatch {
            description: Some(text),
            ..TaskPatch::default()
        };
        self.update_task(board_id, task_id, patch)
    }
}
