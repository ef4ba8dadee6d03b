//! A task's history, read from the board document's own change history: which
//! changes touched the task, when, by whom, and which of its fields. Nothing is
//! logged on the side; the document already remembers everything.
//!
//! Every change is committed with its author's user id as its message (the
//! client does this), and its time in seconds.

use std::collections::HashMap;

use automerge::legacy::{Key, ObjectId, OpType};
use automerge::{AutoCommit, ChangeHash, ObjType, ReadDoc};

use super::tasks_obj;
use crate::{Millis, ModelError, Result};

/// One change that touched a task.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskChange {
    pub hash: ChangeHash,
    /// When it was made, in ms (changes carry seconds).
    pub at: Millis,
    /// The user id the change names as its author, if any.
    pub author: Option<String>,
    pub actor: automerge::ActorId,
    /// What it touched, in `FIELD_ORDER`, without repeats.
    pub fields: Vec<&'static str>,
}

/// The order fields are listed in, whatever order the change wrote them.
const FIELD_ORDER: [&str; 16] = [
    "created",
    "title",
    "description",
    "column",
    "status",
    "assignees",
    "start",
    "due",
    "estimate",
    "priority",
    "labels",
    "dependencies",
    "checklist",
    "comments",
    "time",
    "parent",
];

/// What a task's document field is called in the history.
fn field_name(prop: &str) -> Option<&'static str> {
    Some(match prop {
        "title" => "title",
        "description" => "description",
        "column" | "position" => "column",
        "status" => "status",
        "assignee" | "assignees" => "assignees",
        "start" => "start",
        "due" => "due",
        "estimate_minutes" => "estimate",
        "priority" => "priority",
        "labels" => "labels",
        "depends_on" => "dependencies",
        "checklist" => "checklist",
        "comments" => "comments",
        "time_logs" => "time",
        "parent" => "parent",
        _ => return None,
    })
}

/// Where an object sits in the task: the task's own map, or inside a field.
#[derive(Clone, Copy)]
enum Place {
    Task,
    Field(&'static str),
}

/// The task's changes, oldest first.
pub fn task_history(doc: &mut AutoCommit, task_id: &str) -> Result<Vec<TaskChange>> {
    let tasks = tasks_obj(doc)?.to_string();
    if doc.get(tasks_obj(doc)?, task_id)?.is_none() {
        return Err(ModelError::not_found("task", task_id));
    }
    // Objects under the task, by id, found as the changes create them: a field
    // replaced long ago still counts as that field.
    let mut places: HashMap<String, Place> = HashMap::new();
    let mut history = Vec::new();
    for change in doc.get_changes(&[]) {
        let expanded = change.decode();
        let mut fields: Vec<&'static str> = Vec::new();
        let mut touched = false;
        for (i, op) in expanded.operations.iter().enumerate() {
            let obj = match &op.obj {
                ObjectId::Root => continue,
                ObjectId::Id(id) => id.to_string(),
            };
            let place = if obj == tasks {
                match &op.key {
                    Key::Map(key) if key.as_str() == task_id => {
                        if matches!(op.action, OpType::Make(_)) {
                            fields.push("created");
                        }
                        touched = true;
                        Some(Place::Task)
                    }
                    _ => None,
                }
            } else {
                match places.get(&obj) {
                    Some(Place::Task) => {
                        touched = true;
                        let field = match &op.key {
                            Key::Map(key) => field_name(key.as_str()),
                            Key::Seq(_) => None,
                        };
                        if let Some(field) = field {
                            fields.push(field);
                        }
                        field.map(Place::Field)
                    }
                    Some(Place::Field(field)) => {
                        touched = true;
                        fields.push(field);
                        Some(Place::Field(field))
                    }
                    None => None,
                }
            };
            if let (Some(place), OpType::Make(_)) = (place, &op.action) {
                let op_id = expanded.start_op.get() + i as u64;
                places.insert(format!("{op_id}@{}", expanded.actor_id), place);
            }
        }
        if !touched {
            continue;
        }
        fields.sort_by_key(|f| FIELD_ORDER.iter().position(|o| o == f));
        fields.dedup();
        if fields.contains(&"created") {
            fields.retain(|f| *f == "created");
        }
        history.push(TaskChange {
            hash: change.hash(),
            at: change.timestamp().saturating_mul(1000),
            author: change.message().map(str::to_string),
            actor: change.actor_id().clone(),
            fields,
        });
    }
    Ok(history)
}

/// The task's description just after the change `hash`.
pub fn description_at(doc: &mut AutoCommit, task_id: &str, hash: ChangeHash) -> Result<String> {
    if doc.get_change_by_hash(&hash).is_none() {
        return Err(ModelError::not_found("change", hash.to_string()));
    }
    let heads = [hash];
    let tasks = tasks_obj(doc)?;
    let task = match doc.get_at(&tasks, task_id, &heads)? {
        Some((automerge::Value::Object(ObjType::Map), id)) => id,
        _ => return Err(ModelError::not_found("task at that change", task_id)),
    };
    match doc.get_at(&task, "description", &heads)? {
        Some((automerge::Value::Object(ObjType::Text), text)) => Ok(doc.text_at(&text, &heads)?),
        Some((automerge::Value::Scalar(value), _)) => {
            Ok(value.as_str().map(str::to_string).unwrap_or_default())
        }
        _ => Ok(String::new()),
    }
}
