//! The board document: a team's tasks. Any member of the team may write it.
//!
//! Tasks live in a map keyed by task id, so a write touches only its own task:
//! each operation hydrates and reconciles one entry, never the whole board.

use std::collections::{HashMap, HashSet};

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
use autosurgeon::{hydrate_prop, reconcile, reconcile_prop, Hydrate, Reconcile, Text};
use serde::{Deserialize, Deserializer, Serialize};

use crate::doc::expect_kind;
use crate::validate::validate_text;
use crate::{
    new_id, normalize_labels, validate_date, validate_title, DocKind, Millis, ModelError, Result,
    UserId, SCHEMA_VERSION,
};

const MAX_DESCRIPTION: usize = 100_000;
const MAX_COMMENT: usize = 10_000;
const MAX_ASSIGNEES: usize = 20;
/// The largest estimate: a little over two months of full days.
pub const MAX_ESTIMATE_MINUTES: u64 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[autosurgeon(rename = "todo")]
    Todo,
    #[autosurgeon(rename = "in_progress")]
    InProgress,
    #[autosurgeon(rename = "in_review")]
    InReview,
    #[autosurgeon(rename = "done")]
    Done,
}

impl Status {
    pub const ALL: [Status; 4] = [Self::Todo, Self::InProgress, Self::InReview, Self::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Todo => "todo",
            Self::InProgress => "in_progress",
            Self::InReview => "in_review",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Todo => "To do",
            Self::InProgress => "In progress",
            Self::InReview => "In review",
            Self::Done => "Done",
        }
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Reconcile, Hydrate, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    #[default]
    #[autosurgeon(rename = "none")]
    None,
    #[autosurgeon(rename = "low")]
    Low,
    #[autosurgeon(rename = "medium")]
    Medium,
    #[autosurgeon(rename = "high")]
    High,
    #[autosurgeon(rename = "urgent")]
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 5] = [
        Self::None,
        Self::Low,
        Self::Medium,
        Self::High,
        Self::Urgent,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
            Self::Urgent => "urgent",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Comment {
    #[key]
    pub id: String,
    pub author: UserId,
    pub body: String,
    pub created_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct TimeLog {
    #[key]
    pub id: String,
    pub user_id: UserId,
    pub started_at: Millis,
    pub ended_at: Option<Millis>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Reconcile, Hydrate)]
pub struct Task {
    pub id: String,
    pub title: String,
    /// Collaborative text: concurrent edits by two people both survive.
    pub description: Text,
    /// The category of its column: what Done and In review mean, whatever the
    /// board calls its columns.
    pub status: Status,
    /// Its column's id; `None` on tasks written before boards had their own
    /// columns, which sit in the default column of their status.
    #[autosurgeon(missing = "Default::default")]
    pub column: Option<String>,
    /// Order within its column; a move picks a value between its neighbours.
    pub position: f64,
    /// The first of `assignees`, kept so older readers still see a lead.
    pub assignee: Option<UserId>,
    /// Everyone on the task; read through `Task::assignees`.
    #[autosurgeon(missing = "Default::default")]
    pub assignees: Vec<UserId>,
    #[autosurgeon(missing = "Default::default")]
    pub start: Option<String>,
    pub due: Option<String>,
    #[autosurgeon(missing = "Default::default")]
    pub estimate_minutes: Option<u64>,
    /// A subtask's parent on the same board. One level: a subtask has none of its own.
    #[autosurgeon(missing = "Default::default")]
    pub parent: Option<String>,
    #[autosurgeon(missing = "Default::default")]
    pub checklist: Vec<checklist::ChecklistItem>,
    pub priority: Priority,
    pub labels: Vec<String>,
    /// Ids of the tasks that must be done before this one.
    pub depends_on: Vec<String>,
    pub comments: Vec<Comment>,
    pub time_logs: Vec<TimeLog>,
    pub created_by: UserId,
    pub created_at: Millis,
    pub updated_at: Millis,
}

impl Task {
    /// Everyone on the task, lead first, without repeats (two people adding the
    /// same person at once both land in the list).
    pub fn assignees(&self) -> Vec<UserId> {
        let mut all: Vec<UserId> = Vec::new();
        for id in self.assignees.iter().chain(self.assignee.iter()) {
            if !all.contains(id) {
                all.push(id.clone());
            }
        }
        all
    }

    fn set_assignees(&mut self, assignees: Vec<UserId>) {
        self.assignee = assignees.first().cloned();
        self.assignees = assignees;
    }

    /// Its column on a board with these columns (see `columns::place`).
    pub fn column_in<'c>(&self, columns: &'c [columns::Column]) -> Option<&'c columns::Column> {
        columns::place(columns, self.column.as_deref(), self.status)
    }
}

/// The board's fields other than its tasks.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardInfo {
    pub team_id: String,
    pub name: String,
    pub created_at: Millis,
}

#[derive(Reconcile)]
struct NewBoard<'a> {
    kind: &'a str,
    schema: u64,
    team_id: &'a str,
    name: &'a str,
    created_at: Millis,
    last_position: f64,
}

/// Writes a new, empty board into an empty document.
pub fn init(doc: &mut AutoCommit, team_id: &str, name: &str, now: Millis) -> Result<BoardInfo> {
    let name = validate_title("a board name", name)?;
    reconcile(
        doc,
        NewBoard {
            kind: DocKind::Board.as_str(),
            schema: SCHEMA_VERSION,
            team_id,
            name: &name,
            created_at: now,
            last_position: 0.0,
        },
    )?;
    doc.put_object(ROOT, "tasks", ObjType::Map)?;
    columns::write_defaults(doc)?;
    Ok(BoardInfo {
        team_id: team_id.to_string(),
        name,
        created_at: now,
    })
}

pub fn info(doc: &AutoCommit) -> Result<BoardInfo> {
    expect_kind(doc, DocKind::Board)?;
    Ok(BoardInfo {
        team_id: hydrate_prop(doc, ROOT, "team_id")?,
        name: hydrate_prop(doc, ROOT, "name")?,
        created_at: hydrate_prop(doc, ROOT, "created_at")?,
    })
}

pub fn rename(doc: &mut AutoCommit, name: &str) -> Result<BoardInfo> {
    expect_kind(doc, DocKind::Board)?;
    let name = validate_title("a board name", name)?;
    reconcile_prop(doc, ROOT, "name", name.as_str())?;
    info(doc)
}

fn tasks_obj(doc: &AutoCommit) -> Result<automerge::ObjId> {
    expect_kind(doc, DocKind::Board)?;
    match doc.get(ROOT, "tasks")? {
        Some((automerge::Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(ModelError::Corrupt("the board has no task map".into())),
    }
}

/// Every task on the board, in no particular order.
pub fn tasks(doc: &AutoCommit) -> Result<Vec<Task>> {
    expect_kind(doc, DocKind::Board)?;
    let map: HashMap<String, Task> = hydrate_prop(doc, ROOT, "tasks")?;
    Ok(map.into_values().collect())
}

pub fn task(doc: &AutoCommit, id: &str) -> Result<Task> {
    let obj = tasks_obj(doc)?;
    if doc.get(&obj, id)?.is_none() {
        return Err(ModelError::not_found("task", id));
    }
    Ok(hydrate_prop(doc, &obj, id)?)
}

fn put_task(doc: &mut AutoCommit, task: &Task) -> Result<()> {
    let obj = tasks_obj(doc)?;
    reconcile_prop(doc, &obj, task.id.as_str(), task)?;
    Ok(())
}

pub struct NewTask<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Where it starts: a column id (the default columns' ids are the status names).
    pub column: &'a str,
    /// Makes it a subtask of this task.
    pub parent: Option<&'a str>,
    pub created_by: &'a str,
}

impl<'a> NewTask<'a> {
    /// A plain task in the column `column`.
    pub fn titled(title: &'a str, column: &'a str, created_by: &'a str) -> Self {
        Self {
            title,
            description: "",
            column,
            parent: None,
            created_by,
        }
    }
}

pub fn create_task(doc: &mut AutoCommit, new: NewTask<'_>, now: Millis) -> Result<Task> {
    let title = validate_title("a task title", new.title)?;
    let description = validate_description(new.description)?;
    let column = columns::column(doc, new.column)?;
    if column.status == Status::InReview {
        return Err(needs_assignee());
    }
    let id = new_id();
    let parent = new
        .parent
        .map(|parent| check_parent(doc, &id, parent))
        .transpose()?;
    let position = next_position(doc)?;
    let task = Task {
        id,
        title,
        description: Text::with_value(description),
        status: column.status,
        column: Some(column.id),
        position,
        assignee: None,
        assignees: Vec::new(),
        start: None,
        due: None,
        estimate_minutes: None,
        parent,
        checklist: Vec::new(),
        priority: Priority::None,
        labels: Vec::new(),
        depends_on: Vec::new(),
        comments: Vec::new(),
        time_logs: Vec::new(),
        created_by: new.created_by.to_string(),
        created_at: now,
        updated_at: now,
    };
    put_task(doc, &task)?;
    Ok(task)
}

fn validate_description(raw: &str) -> Result<&str> {
    if raw.chars().count() > MAX_DESCRIPTION {
        return Err(ModelError::TooLong {
            what: "a description",
            max: MAX_DESCRIPTION,
        });
    }
    Ok(raw)
}

/// Field edits; a field left out stays as it is. `Some(None)` clears a nullable field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TaskPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub assignee: Option<Option<UserId>>,
    #[serde(default, deserialize_with = "present")]
    pub due: Option<Option<String>>,
    pub priority: Option<Priority>,
    pub labels: Option<Vec<String>>,
    /// Replaces the whole list; `assignee` sets it to one person or none.
    pub assignees: Option<Vec<UserId>>,
    #[serde(default, deserialize_with = "present")]
    pub start: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub estimate_minutes: Option<Option<u64>>,
    #[serde(default, deserialize_with = "present", rename = "parentId")]
    pub parent: Option<Option<String>>,
}

impl TaskPatch {
    /// The assignees this patch sets, if it sets them.
    pub fn new_assignees(&self) -> Option<Vec<UserId>> {
        match (&self.assignees, &self.assignee) {
            (Some(list), _) => Some(list.clone()),
            (None, Some(one)) => Some(one.iter().cloned().collect()),
            (None, None) => None,
        }
    }
}

/// Tells a field given as `null` (clear it) from a field left out (keep it).
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Applies a patch. Every field is checked before any is written, so a bad field
/// changes nothing. Checking that an assignee belongs to the team is the caller's
/// job: the board does not hold the member list.
pub fn update_task(doc: &mut AutoCommit, id: &str, patch: TaskPatch, now: Millis) -> Result<Task> {
    let mut task = task(doc, id)?;
    let title = patch
        .title
        .as_deref()
        .map(|t| validate_title("a task title", t))
        .transpose()?;
    let description = patch
        .description
        .as_deref()
        .map(validate_description)
        .transpose()?;
    let due = match &patch.due {
        Some(Some(date)) => Some(Some(validate_date(date)?)),
        Some(None) => Some(None),
        None => None,
    };
    let labels = patch.labels.as_deref().map(normalize_labels).transpose()?;
    let start = match &patch.start {
        Some(Some(date)) => Some(Some(validate_date(date)?)),
        Some(None) => Some(None),
        None => None,
    };
    let assignees = patch
        .new_assignees()
        .map(|list| normalize_assignees(&list))
        .transpose()?;
    if let Some(Some(minutes)) = patch.estimate_minutes {
        if minutes == 0 || minutes > MAX_ESTIMATE_MINUTES {
            return Err(ModelError::Invalid {
                what: "an estimate",
                reason: "it must be between one minute and 100,000 minutes",
            });
        }
    }
    let parent = match &patch.parent {
        Some(Some(parent)) => Some(Some(check_parent(doc, id, parent)?)),
        Some(None) => Some(None),
        None => None,
    };
    let (new_start, new_due) = (
        start.clone().unwrap_or_else(|| task.start.clone()),
        due.clone().unwrap_or_else(|| task.due.clone()),
    );
    if let (Some(start), Some(due)) = (&new_start, &new_due) {
        if start > due {
            return Err(ModelError::Invalid {
                what: "the dates",
                reason: "the start must be on or before the due date",
            });
        }
    }

    if let Some(title) = title {
        task.title = title;
    }
    if let Some(description) = description {
        task.description.update(description);
    }
    if let Some(assignees) = assignees {
        if assignees.is_empty() && task.status == Status::InReview {
            return Err(needs_assignee());
        }
        task.set_assignees(assignees);
    }
    if let Some(due) = due {
        task.due = due;
    }
    if let Some(start) = start {
        task.start = start;
    }
    if let Some(estimate) = patch.estimate_minutes {
        task.estimate_minutes = estimate;
    }
    if let Some(parent) = parent {
        task.parent = parent;
    }
    if let Some(priority) = patch.priority {
        task.priority = priority;
    }
    if let Some(labels) = labels {
        task.labels = labels;
    }
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}

fn normalize_assignees(raw: &[UserId]) -> Result<Vec<UserId>> {
    let mut list: Vec<UserId> = Vec::new();
    for id in raw {
        let id = id.trim();
        if id.is_empty() || list.iter().any(|a| a == id) {
            continue;
        }
        list.push(id.to_string());
    }
    if list.len() > MAX_ASSIGNEES {
        return Err(ModelError::TooLong {
            what: "the assignees",
            max: MAX_ASSIGNEES,
        });
    }
    Ok(list)
}

/// Checks that `parent` may hold `child` as a subtask: another task of this
/// board that is not itself a subtask, while `child` has no subtasks.
fn check_parent(doc: &AutoCommit, child: &str, parent: &str) -> Result<String> {
    let invalid = |reason| ModelError::Invalid {
        what: "the parent task",
        reason,
    };
    if parent == child {
        return Err(invalid("a task cannot be its own subtask"));
    }
    let obj = tasks_obj(doc)?;
    if doc.get(&obj, parent)?.is_none() {
        return Err(ModelError::not_found("task", parent));
    }
    let Family { parent: grand, .. } = hydrate_prop(doc, &obj, parent)?;
    if grand.is_some() {
        return Err(invalid("a subtask cannot have subtasks of its own"));
    }
    let all: HashMap<String, Family> = hydrate_prop(doc, ROOT, "tasks")?;
    if all.values().any(|t| t.parent.as_deref() == Some(child)) {
        return Err(invalid("this task has subtasks, so it cannot become one"));
    }
    Ok(parent.to_string())
}

#[derive(Debug, Clone, Hydrate)]
struct Family {
    #[autosurgeon(missing = "Default::default")]
    parent: Option<String>,
}

/// Review is of someone's work: a task in review always has an assignee.
fn needs_assignee() -> ModelError {
    ModelError::InvalidTransition {
        to: Status::InReview.label().into(),
        reason: "assign the task first, so someone's work can be reviewed",
    }
}

/// Where a moved task lands.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    /// The target column's id.
    pub column: &'a str,
    /// Place it just before this task of the target column; `None` puts it last.
    pub before: Option<&'a str>,
    /// Move to Done although unfinished dependencies block it (the user confirmed).
    pub force: bool,
}

pub fn move_task(doc: &mut AutoCommit, id: &str, to: Move<'_>, now: Millis) -> Result<Task> {
    let mut task = task(doc, id)?;
    let columns = columns::columns(doc)?;
    let target = columns
        .iter()
        .find(|c| c.id == to.column)
        .ok_or_else(|| ModelError::not_found("column", to.column))?;
    let status = target.status;
    if status == Status::InReview && task.assignees().is_empty() {
        return Err(needs_assignee());
    }
    if status == Status::Done && !to.force {
        let blockers = blockers_of(doc, &task.depends_on)?;
        if !blockers.is_empty() {
            return Err(ModelError::TaskBlocked(blockers));
        }
    }
    let position = match to.before {
        Some(before) => {
            let places: HashMap<String, Place> = hydrate_prop(doc, ROOT, "tasks")?;
            let in_target =
                |p: &Place| p.column_in(&columns).map(|c| c.id.as_str()) == Some(to.column);
            let anchor = places
                .get(before)
                .filter(|p| in_target(p) && before != id)
                .ok_or(ModelError::Invalid {
                    what: "the drop place",
                    reason: "it must be another task in the target column",
                })?;
            let previous = places
                .iter()
                .filter(|(other, t)| {
                    in_target(t) && other.as_str() != id && t.position < anchor.position
                })
                .map(|(_, t)| t.position)
                .fold(None, |acc: Option<f64>, p| {
                    Some(acc.map_or(p, |a| a.max(p)))
                });
            match previous {
                Some(p) => {
                    let middle = (p + anchor.position) / 2.0;
                    if p < middle && middle < anchor.position {
                        middle
                    } else {
                        // Halving has run out of precision in this gap: space the
                        // column out again, then place the task in the new gap.
                        respace_column(doc, &places, &columns, to.column, id)?;
                        return move_task(doc, id, to, now);
                    }
                }
                None => anchor.position - 1.0,
            }
        }
        None => next_position(doc)?,
    };
    task.status = status;
    task.column = Some(target.id.clone());
    task.position = position;
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}

/// A position after every task placed so far, from a counter at the board's root,
/// so placing a task costs the same on a board of ten tasks or ten thousand.
fn next_position(doc: &mut AutoCommit) -> Result<f64> {
    let last: f64 = match doc.get(ROOT, "last_position")? {
        Some(_) => hydrate_prop(doc, ROOT, "last_position")?,
        // A board written before the counter existed: start past its last task.
        None => {
            let places: HashMap<String, Place> = hydrate_prop(doc, ROOT, "tasks")?;
            places
                .values()
                .map(|p| p.position)
                .filter(|p| p.is_finite())
                .fold(0.0, f64::max)
        }
    };
    let last = if last.is_finite() { last } else { 0.0 };
    let position = last.floor() + 1.0;
    reconcile_prop(doc, ROOT, "last_position", position)?;
    Ok(position)
}

/// Gives the tasks of one column (but `moving`) whole-number positions in their order.
fn respace_column(
    doc: &mut AutoCommit,
    places: &HashMap<String, Place>,
    columns: &[columns::Column],
    column_id: &str,
    moving: &str,
) -> Result<()> {
    let mut column: Vec<(&String, f64)> = places
        .iter()
        .filter(|(id, p)| {
            p.column_in(columns).map(|c| c.id.as_str()) == Some(column_id) && id.as_str() != moving
        })
        .map(|(id, p)| (id, p.position))
        .collect();
    column.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(b.0)));
    for (id, _) in column {
        let position = next_position(doc)?;
        let obj = tasks_obj(doc)?;
        let key = automerge::Prop::Map(id.clone());
        if let Some((_, task_obj)) = doc.get(&obj, key)? {
            reconcile_prop(doc, &task_obj, "position", position)?;
        }
    }
    Ok(())
}

/// Where a task sits; all a placement needs of the other tasks.
#[derive(Debug, Clone, Hydrate)]
pub(crate) struct Place {
    pub status: Status,
    #[autosurgeon(missing = "Default::default")]
    pub column: Option<String>,
    pub position: f64,
}

impl Place {
    /// As `Task::column_in`.
    pub fn column_in<'c>(&self, columns: &'c [columns::Column]) -> Option<&'c columns::Column> {
        columns::place(columns, self.column.as_deref(), self.status)
    }
}

/// What the dependency rules need of a task; cheaper to read than the whole task.
#[derive(Debug, Clone, Hydrate)]
struct Glance {
    title: String,
    status: Status,
    depends_on: Vec<String>,
}

fn glance(doc: &AutoCommit, id: &str) -> Result<Option<Glance>> {
    let obj = tasks_obj(doc)?;
    if doc.get(&obj, id)?.is_none() {
        return Ok(None);
    }
    Ok(Some(hydrate_prop(doc, &obj, id)?))
}

/// Titles of the unfinished tasks among `depends_on`.
fn blockers_of(doc: &AutoCommit, depends_on: &[String]) -> Result<Vec<String>> {
    let mut titles = Vec::new();
    for dep in depends_on {
        if let Some(dep) = glance(doc, dep)?.filter(|d| d.status != Status::Done) {
            titles.push(dep.title);
        }
    }
    Ok(titles)
}

#[derive(Debug, Clone, Hydrate)]
struct Dependencies {
    depends_on: Vec<String>,
    #[autosurgeon(missing = "Default::default")]
    parent: Option<String>,
}

/// Deletes a task, drops it from every other task's dependencies, and makes its
/// subtasks tasks of their own.
pub fn delete_task(doc: &mut AutoCommit, id: &str, now: Millis) -> Result<()> {
    let obj = tasks_obj(doc)?;
    task(doc, id)?;
    let all: HashMap<String, Dependencies> = hydrate_prop(doc, ROOT, "tasks")?;
    let linked: Vec<String> = all
        .into_iter()
        .filter(|(_, t)| t.depends_on.iter().any(|d| d == id) || t.parent.as_deref() == Some(id))
        .map(|(other, _)| other)
        .collect();
    for other in linked {
        let mut other = task(doc, &other)?;
        other.depends_on.retain(|d| d != id);
        if other.parent.as_deref() == Some(id) {
            other.parent = None;
        }
        other.updated_at = now;
        put_task(doc, &other)?;
    }
    doc.delete(&obj, id)?;
    Ok(())
}

/// Puts tasks back exactly as they were (an undo): every field, the same ids.
/// Dependencies on tasks that exist neither now nor among them are dropped.
pub fn restore_tasks(doc: &mut AutoCommit, earlier: Vec<Task>) -> Result<()> {
    let mut known: HashSet<String> = tasks(doc)?.into_iter().map(|t| t.id).collect();
    known.extend(earlier.iter().map(|t| t.id.clone()));
    for mut task in earlier {
        let id = task.id.clone();
        task.depends_on.retain(|d| known.contains(d) && *d != id);
        // A text read earlier is tied to the heads it was read at: write its words.
        task.description = Text::with_value(task.description.as_str());
        put_task(doc, &task)?;
    }
    Ok(())
}

/// Makes `id` depend on `depends_on`, refusing self-dependencies and cycles.
pub fn add_dependency(
    doc: &mut AutoCommit,
    id: &str,
    depends_on: &str,
    now: Millis,
) -> Result<Task> {
    if id == depends_on {
        return Err(ModelError::SelfDependency);
    }
    let task = task(doc, id)?;
    if glance(doc, depends_on)?.is_none() {
        return Err(ModelError::not_found("task", depends_on));
    }
    if let Some(path) = path_between(doc, depends_on, id)? {
        let mut titles = vec![task.title];
        for step in &path {
            titles.extend(glance(doc, step)?.map(|t| t.title));
        }
        return Err(ModelError::DependencyCycle(titles));
    }
    add_external_dependency(doc, id, depends_on, now)
}

/// A chain of dependencies leading from `from` to `to`, both included, if one
/// exists. Reads only the tasks reachable from `from`.
fn path_between(doc: &AutoCommit, from: &str, to: &str) -> Result<Option<Vec<String>>> {
    dependency_path(from, to, |id| {
        Ok(glance(doc, id)?.map(|t| t.depends_on).unwrap_or_default())
    })
}

/// A chain of dependencies from `from` to `to`, both included, if one exists,
/// with `depends_on` telling what a task depends on. The board asks its own
/// tasks; the client asks its index, which sees every board of a team.
pub fn dependency_path<E>(
    from: &str,
    to: &str,
    mut depends_on: impl FnMut(&str) -> std::result::Result<Vec<String>, E>,
) -> std::result::Result<Option<Vec<String>>, E> {
    let mut seen = HashSet::new();
    let mut stack = vec![vec![from.to_string()]];
    while let Some(path) = stack.pop() {
        let Some(last) = path.last().cloned() else {
            continue;
        };
        if last == to {
            return Ok(Some(path));
        }
        if !seen.insert(last.clone()) {
            continue;
        }
        for next in depends_on(&last)? {
            let mut longer = path.clone();
            longer.push(next);
            stack.push(longer);
        }
    }
    Ok(None)
}

pub fn remove_dependency(
    doc: &mut AutoCommit,
    id: &str,
    depends_on: &str,
    now: Millis,
) -> Result<Task> {
    let mut task = task(doc, id)?;
    if !task.depends_on.iter().any(|d| d == depends_on) {
        return Ok(task);
    }
    task.depends_on.retain(|d| d != depends_on);
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(task)
}

pub fn add_comment(
    doc: &mut AutoCommit,
    id: &str,
    author: &str,
    body: &str,
    now: Millis,
) -> Result<Comment> {
    let body = validate_text("a comment", body, MAX_COMMENT)?;
    let mut task = task(doc, id)?;
    let comment = Comment {
        id: new_id(),
        author: author.to_string(),
        body,
        created_at: now,
    };
    task.comments.push(comment.clone());
    task.updated_at = now;
    put_task(doc, &task)?;
    Ok(comment)
}

/// Makes `id` depend on a task of another board of the same team. The board
/// cannot see that task: the caller checked that it exists and closes no cycle.
pub fn add_external_dependency(
    doc: &mut AutoCommit,
    id: &str,
    depends_on: &str,
    now: Millis,
) -> Result<Task> {
    if id == depends_on {
        return Err(ModelError::SelfDependency);
    }
    let mut task = task(doc, id)?;
    if !task.depends_on.iter().any(|d| d == depends_on) {
        task.depends_on.push(depends_on.to_string());
        task.updated_at = now;
        put_task(doc, &task)?;
    }
    Ok(task)
}

pub mod checklist;
pub mod columns;
pub mod history;
pub mod time;
pub mod views;

#[cfg(test)]
mod tests;
