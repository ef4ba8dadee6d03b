//! A task's checklist: short items ticked off one by one. Items are kept in a
//! list with ids, so concurrent additions both land and an edit finds its item
//! wherever it moved.

use automerge::AutoCommit;
use autosurgeon::{Hydrate, Reconcile};
use serde::Serialize;

use super::{put_task, task, Task};
use crate::validate::validate_text;
use crate::{new_id, Millis, ModelError, Result};

const MAX_ITEM: usize = 500;
const MAX_ITEMS: usize = 200;

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize)]
pub struct ChecklistItem {
    #[key]
    pub id: String,
    pub text: String,
    pub done: bool,
}

pub fn add_item(doc: &mut AutoCommit, task_id: &str, text: &str, now: Millis) -> Result<Task> {
    let text = validate_text("a checklist item", text, MAX_ITEM)?;
    let mut task = task(doc, task_id)?;
    if task.checklist.len() >= MAX_ITEMS {
        return Err(ModelError::TooLong {
            what: "the checklist",
            max: MAX_ITEMS,
        });
    }
    task.checklist.push(ChecklistItem {
        id: new_id(),
        text,
        done: false,
    });
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}

/// Edits an item's text, ticks it, or both; a field left out stays.
pub fn update_item(
    doc: &mut AutoCommit,
    task_id: &str,
    item_id: &str,
    text: Option<&str>,
    done: Option<bool>,
    now: Millis,
) -> Result<Task> {
    let text = text
        .map(|t| validate_text("a checklist item", t, MAX_ITEM))
        .transpose()?;
    let mut task = task(doc, task_id)?;
    let item = task
        .checklist
        .iter_mut()
        .find(|i| i.id == item_id)
        .ok_or_else(|| ModelError::not_found("checklist item", item_id))?;
    if let Some(text) = text {
        item.text = text;
    }
    if let Some(done) = done {
        item.done = done;
    }
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}

pub fn delete_item(
    doc: &mut AutoCommit,
    task_id: &str,
    item_id: &str,
    now: Millis,
) -> Result<Task> {
    let mut task = task(doc, task_id)?;
    let before = task.checklist.len();
    task.checklist.retain(|i| i.id != item_id);
    if task.checklist.len() == before {
        return Err(ModelError::not_found("checklist item", item_id));
    }
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}
