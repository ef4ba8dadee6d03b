//! A board's own columns. Each column has a status as its category, so Done and
//! In review keep their meaning whatever a team calls its columns. Columns live
//! in a map keyed by id with a position, like tasks, so two people adding or
//! reordering columns at once both keep their edits.
//!
//! A board written before it had columns shows the four default columns, whose
//! ids are the status names; they are written out on the first column edit.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
use autosurgeon::{hydrate_prop, reconcile_prop, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::{needs_assignee, put_task, tasks, Status};
use crate::doc::expect_kind;
use crate::{new_id, validate_title, DocKind, Millis, ModelError, Result};

/// The most columns a board may have: more would not fit any screen.
const MAX_COLUMNS: usize = 30;
const MAX_WIP_LIMIT: u64 = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Column {
    pub id: String,
    pub name: String,
    pub status: Status,
    /// A warning past this many tasks, never a refusal.
    pub wip_limit: Option<u64>,
    #[serde(skip)]
    pub position: f64,
}

/// A column as the document stores it (its id is the map key).
#[derive(Debug, Clone, Reconcile, Hydrate)]
struct Stored {
    name: String,
    status: Status,
    position: f64,
    wip_limit: Option<u64>,
}

fn defaults() -> Vec<Column> {
    Status::ALL
        .iter()
        .enumerate()
        .map(|(i, status)| Column {
            id: status.as_str().to_string(),
            name: status.label().to_string(),
            status: *status,
            wip_limit: None,
            position: (i + 1) as f64,
        })
        .collect()
}

/// The board's columns in board order.
pub fn columns(doc: &AutoCommit) -> Result<Vec<Column>> {
    expect_kind(doc, DocKind::Board)?;
    if doc.get(ROOT, "columns")?.is_none() {
        return Ok(defaults());
    }
    let stored: HashMap<String, Stored> = hydrate_prop(doc, ROOT, "columns")?;
    let mut columns: Vec<Column> = stored
        .into_iter()
        .map(|(id, c)| Column {
            id,
            name: c.name,
            status: c.status,
            wip_limit: c.wip_limit,
            position: c.position,
        })
        .collect();
    columns.sort_by(|a, b| {
        a.position
            .total_cmp(&b.position)
            .then_with(|| a.id.cmp(&b.id))
    });
    if columns.is_empty() {
        // Every column removed at once on two devices: fall back rather than
        // leave tasks nowhere.
        return Ok(defaults());
    }
    Ok(columns)
}

/// Where a task with this column and status sits: its own column if the board
/// still has it (a task from before columns names none: its status's default),
/// else the first column of its status, else the board's first.
pub fn place<'c>(columns: &'c [Column], own: Option<&str>, status: Status) -> Option<&'c Column> {
    let own = own.unwrap_or(status.as_str());
    columns
        .iter()
        .find(|c| c.id == own)
        .or_else(|| columns.iter().find(|c| c.status == status))
        .or_else(|| columns.first())
}

/// One column by id, or `not_found`.
pub fn column(doc: &AutoCommit, id: &str) -> Result<Column> {
    columns(doc)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| ModelError::not_found("column", id))
}

/// The first column of a status: where a task of that status goes by default.
pub fn column_for(doc: &AutoCommit, status: Status) -> Result<Column> {
    let columns = columns(doc)?;
    columns
        .iter()
        .find(|c| c.status == status)
        .or_else(|| columns.first())
        .cloned()
        .ok_or_else(|| ModelError::Corrupt("the board has no columns".into()))
}

/// Writes the default columns into a new board.
pub(super) fn write_defaults(doc: &mut AutoCommit) -> Result<()> {
    let obj = doc.put_object(ROOT, "columns", ObjType::Map)?;
    for column in defaults() {
        put(doc, &obj, &column)?;
    }
    Ok(())
}

fn put(doc: &mut AutoCommit, obj: &automerge::ObjId, column: &Column) -> Result<()> {
    let stored = Stored {
        name: column.name.clone(),
        status: column.status,
        position: column.position,
        wip_limit: column.wip_limit,
    };
    reconcile_prop(doc, obj, column.id.as_str(), stored)?;
    Ok(())
}

/// The column map, written out first on a board that only had the defaults.
fn columns_obj(doc: &mut AutoCommit) -> Result<automerge::ObjId> {
    expect_kind(doc, DocKind::Board)?;
    if doc.get(ROOT, "columns")?.is_none() {
        write_defaults(doc)?;
    }
    match doc.get(ROOT, "columns")? {
        Some((automerge::Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(ModelError::Corrupt(
            "the board's columns are not a map".into(),
        )),
    }
}

fn check_wip(limit: Option<u64>) -> Result<Option<u64>> {
    match limit {
        Some(0) | Some(MAX_WIP_LIMIT..) => Err(ModelError::Invalid {
            what: "a WIP limit",
            reason: "it must be between 1 and 9,999",
        }),
        other => Ok(other),
    }
}

/// Adds a column at the end of the board.
pub fn add_column(
    doc: &mut AutoCommit,
    name: &str,
    status: Status,
    wip_limit: Option<u64>,
) -> Result<Column> {
    let name = validate_title("a column name", name)?;
    let wip_limit = check_wip(wip_limit)?;
    let existing = columns(doc)?;
    if existing.len() >= MAX_COLUMNS {
        return Err(ModelError::TooLong {
            what: "the board's columns",
            max: MAX_COLUMNS,
        });
    }
    let last = existing.iter().map(|c| c.position).fold(0.0, f64::max);
    let column = Column {
        id: new_id(),
        name,
        status,
        wip_limit,
        position: last.floor() + 1.0,
    };
    let obj = columns_obj(doc)?;
    put(doc, &obj, &column)?;
    Ok(column)
}

/// Column edits; a field left out stays as it is.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ColumnPatch {
    pub name: Option<String>,
    pub status: Option<Status>,
    /// `Some(None)` (`null`) removes the limit.
    #[serde(default, deserialize_with = "super::present")]
    pub wip_limit: Option<Option<u64>>,
}

/// Renames a column, changes its category (its tasks follow) or its limit.
pub fn update_column(
    doc: &mut AutoCommit,
    id: &str,
    patch: ColumnPatch,
    now: Millis,
) -> Result<Column> {
    let mut column = column(doc, id)?;
    let name = patch
        .name
        .as_deref()
        .map(|n| validate_title("a column name", n))
        .transpose()?;
    let wip_limit = patch.wip_limit.map(check_wip).transpose()?;
    if let Some(status) = patch.status.filter(|s| *s != column.status) {
        let all = columns(doc)?;
        let mut moved = Vec::new();
        for task in tasks(doc)? {
            if task.column_in(&all).map(|c| c.id.as_str()) == Some(id) {
                if status == Status::InReview && task.assignees().is_empty() {
                    return Err(needs_assignee());
                }
                moved.push(task);
            }
        }
        for mut task in moved {
            task.status = status;
            task.column = Some(id.to_string());
            task.updated_at = now;
            put_task(doc, &task)?;
        }
        column.status = status;
    }
    if let Some(name) = name {
        column.name = name;
    }
    if let Some(limit) = wip_limit {
        column.wip_limit = limit;
    }
    let obj = columns_obj(doc)?;
    put(doc, &obj, &column)?;
    Ok(column)
}

/// Places a column just before another, or last.
pub fn move_column(doc: &mut AutoCommit, id: &str, before: Option<&str>) -> Result<Column> {
    let mut column = column(doc, id)?;
    let others: Vec<Column> = columns(doc)?.into_iter().filter(|c| c.id != id).collect();
    let obj = columns_obj(doc)?;
    // Few columns: give every one a whole-number place in the new order.
    let at = match before {
        Some(before) => others
            .iter()
            .position(|c| c.id == before)
            .ok_or_else(|| ModelError::not_found("column", before))?,
        None => others.len(),
    };
    let mut order = others;
    order.insert(at, column.clone());
    for (i, mut c) in order.into_iter().enumerate() {
        c.position = (i + 1) as f64;
        if c.id == id {
            column.position = c.position;
        }
        put(doc, &obj, &c)?;
    }
    Ok(column)
}

/// Removes a column; its tasks move to `move_to`, last in it. The last column
/// cannot go: tasks need somewhere to be.
pub fn delete_column(doc: &mut AutoCommit, id: &str, move_to: &str, now: Millis) -> Result<()> {
    let all = columns(doc)?;
    if !all.iter().any(|c| c.id == id) {
        return Err(ModelError::not_found("column", id));
    }
    if all.len() == 1 {
        return Err(ModelError::Invalid {
            what: "the column",
            reason: "a board keeps at least one column",
        });
    }
    if move_to == id {
        return Err(ModelError::Invalid {
            what: "where its tasks go",
            reason: "choose another column",
        });
    }
    let target = all
        .iter()
        .find(|c| c.id == move_to)
        .ok_or_else(|| ModelError::not_found("column", move_to))?
        .clone();
    let mut moving = Vec::new();
    for task in tasks(doc)? {
        if task.column_in(&all).map(|c| c.id.as_str()) == Some(id) {
            if target.status == Status::InReview && task.assignees().is_empty() {
                return Err(needs_assignee());
            }
            moving.push(task);
        }
    }
    moving.sort_by(|a, b| a.position.total_cmp(&b.position));
    for mut task in moving {
        task.status = target.status;
        task.column = Some(target.id.clone());
        task.position = super::next_position(doc)?;
        task.updated_at = now;
        put_task(doc, &task)?;
    }
    let obj = columns_obj(doc)?;
    doc.delete(&obj, id)?;
    Ok(())
}
