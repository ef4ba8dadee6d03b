//! A task's checklist, edited item by item.

use teamstead_model::board::checklist;

use crate::{Client, Result, TaskDetail};

impl Client {
    pub fn add_checklist_item(
        &self,
        board_id: &str,
        task_id: &str,
        text: &str,
    ) -> Result<TaskDetail> {
        self.edit_task(board_id, |doc, now| {
            checklist::add_item(doc, task_id, text, now)
        })
    }

    /// Edits an item's text, ticks or unticks it; a field left out stays.
    pub fn update_checklist_item(
        &self,
        board_id: &str,
        task_id: &str,
        item_id: &str,
        text: Option<&str>,
        done: Option<bool>,
    ) -> Result<TaskDetail> {
        self.edit_task(board_id, |doc, now| {
            checklist::update_item(doc, task_id, item_id, text, done, now)
        })
    }

    pub fn delete_checklist_item(
        &self,
        board_id: &str,
        task_id: &str,
        item_id: &str,
    ) -> Result<TaskDetail> {
        self.edit_task(board_id, |doc, now| {
            checklist::delete_item(doc, task_id, item_id, now)
        })
    }
}
