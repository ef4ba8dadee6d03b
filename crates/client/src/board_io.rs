//! A board to and from files: CSV and JSON export, and CSV import with a preview
//! and a row-by-row report. An import is one batch: every row or none, unless the
//! person accepts leaving out the rows that cannot be read.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::json;
use teamstead_model::board::{self, NewTask, Priority, Status, Task, TaskPatch};
use teamstead_model::{normalize_labels, validate_date, validate_title, ModelError};

use crate::client::doc_id;
use crate::csv::csv_row;
use crate::{Client, ClientError, Result};

/// The CSV columns, in the order an export writes them. An import reads them
/// by name; `assignee` (one person) is read too, for files from elsewhere.
const COLUMNS: [&str; 13] = [
    "id",
    "title",
    "status",
    "column",
    "assignees",
    "start",
    "due",
    "estimate_minutes",
    "priority",
    "labels",
    "depends_on",
    "parent",
    "description",
];
const READ_ALSO: [&str; 1] = ["assignee"];

/// A row that cannot be imported, and why (lines count from 1, the header
/// included, as a spreadsheet numbers them).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowProblem {
    pub line: u64,
    pub message: String,
}

/// What an import would do, or did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Titles of the rows that can be imported, in file order.
    pub tasks: Vec<String>,
    pub problems: Vec<RowProblem>,
    /// Whether anything was written: false for a preview, and for a file with
    /// problems the person has not accepted.
    pub applied: bool,
}

/// One readable row.
struct Row {
    line: u64,
    /// The id it had where it was exported, for dependencies within the file.
    id: Option<String>,
    title: String,
    status: Status,
    /// A column of the board, by name or id; else the first of its status.
    column: Option<String>,
    patch: TaskPatch,
    depends_on: Vec<String>,
    /// The parent's id: a row of the file or a task of the board.
    parent: Option<String>,
}

impl Client {
    /// The board as CSV: one row per task, in board order.
    pub fn export_board_csv(&self, board_id: &str) -> Result<String> {
        let mut out = csv_row(&COLUMNS.map(String::from));
        let columns = self.read_doc(&doc_id("board", board_id)?, board::columns::columns)?;
        for task in self.board_tasks(board_id)? {
            let column = task.column_in(&columns).map(|c| c.name.clone());
            out.push_str(&csv_row(&[
                task.id.clone(),
                task.title.clone(),
                task.status.as_str().into(),
                column.unwrap_or_default(),
                task.assignees().join(";"),
                task.start.clone().unwrap_or_default(),
                task.due.clone().unwrap_or_default(),
                task.estimate_minutes
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                task.priority.as_str().into(),
                task.labels.join(";"),
                task.depends_on.join(";"),
                task.parent.clone().unwrap_or_default(),
                task.description.as_str().to_string(),
            ]));
        }
        Ok(out)
    }

    /// The board as JSON: its name and its tasks with every field.
    pub fn export_board_json(&self, board_id: &str) -> Result<serde_json::Value> {
        let (info, columns) = self.read_doc(&doc_id("board", board_id)?, |doc| {
            Ok((board::info(doc)?, board::columns::columns(doc)?))
        })?;
        let tasks: Vec<serde_json::Value> = self
            .board_tasks(board_id)?
            .iter()
            .map(|t| {
                json!({
                    "id": t.id, "title": t.title, "status": t.status.as_str(),
                    "column": t.column_in(&columns).map(|c| c.id.clone()),
                    "assignees": t.assignees(), "start": t.start, "due": t.due,
                    "estimateMinutes": t.estimate_minutes, "priority": t.priority.as_str(),
                    "labels": t.labels, "dependsOn": t.depends_on, "parentId": t.parent,
                    "checklist": t.checklist,
                    "description": t.description.as_str(),
                    "comments": t.comments.iter().map(|c| json!({
                        "author": c.author, "body": c.body, "createdAt": c.created_at
                    })).collect::<Vec<_>>(),
                    "createdAt": t.created_at, "updatedAt": t.updated_at,
                })
            })
            .collect();
        Ok(json!({ "board": info.name, "columns": columns, "tasks": tasks }))
    }

    /// What importing `csv` would do, writing nothing.
    pub fn preview_board_csv(&self, board_id: &str, csv: &str) -> Result<ImportReport> {
        let (rows, problems) = self.read_rows(board_id, csv)?;
        Ok(ImportReport {
            tasks: rows.into_iter().map(|r| r.title).collect(),
            problems,
            applied: false,
        })
    }

    /// Imports `csv` into the board as new tasks, in one batch. With problems,
    /// nothing is written unless `accept_partial`; then the readable rows are.
    pub fn import_board_csv(
        &self,
        board_id: &str,
        csv: &str,
        accept_partial: bool,
    ) -> Result<ImportReport> {
        let (rows, problems) = self.read_rows(board_id, csv)?;
        let tasks: Vec<String> = rows.iter().map(|r| r.title.clone()).collect();
        if (!problems.is_empty() && !accept_partial) || rows.is_empty() {
            return Ok(ImportReport {
                tasks,
                problems,
                applied: false,
            });
        }
        let me = self.identity().user_id;
        self.require_board_writer(board_id)?;
        self.write_doc(&doc_id("board", board_id)?, |doc, now| {
            let mut new_ids: HashMap<String, String> = HashMap::new();
            let mut created = Vec::new();
            let columns = board::columns::columns(doc)?;
            for row in &rows {
                let named = row.column.as_deref().and_then(|wanted| {
                    columns
                        .iter()
                        .find(|c| c.id == wanted || c.name.to_lowercase() == wanted.to_lowercase())
                });
                let column = match named {
                    Some(column) => column.id.clone(),
                    None => board::columns::column_for(doc, row.status)?.id,
                };
                let new = NewTask::titled(&row.title, &column, &me);
                let task = board::create_task(doc, new, now)?;
                board::update_task(doc, &task.id, row.patch.clone(), now)?;
                if let Some(old) = &row.id {
                    new_ids.insert(old.clone(), task.id.clone());
                }
                created.push(task.id);
            }
            for (row, id) in rows.iter().zip(&created) {
                for dep in &row.depends_on {
                    let target = new_ids.get(dep).unwrap_or(dep);
                    board::add_dependency(doc, id, target, now)?;
                }
                if let Some(parent) = &row.parent {
                    let patch = TaskPatch {
                        parent: Some(Some(new_ids.get(parent).unwrap_or(parent).clone())),
                        ..TaskPatch::default()
                    };
                    board::update_task(doc, id, patch, now)?;
                }
            }
            Ok::<_, ModelError>(())
        })?;
        Ok(ImportReport {
            tasks,
            problems,
            applied: true,
        })
    }

    fn board_tasks(&self, board_id: &str) -> Result<Vec<Task>> {
        let mut tasks = self.read_doc(&doc_id("board", board_id)?, board::tasks)?;
        tasks.sort_by(|a, b| {
            (a.status as u8, a.position)
                .partial_cmp(&(b.status as u8, b.position))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        Ok(tasks)
    }

    /// The readable rows and the problems of the others.
    fn read_rows(&self, board_id: &str, csv: &str) -> Result<(Vec<Row>, Vec<RowProblem>)> {
        let board = self.board(board_id)?;
        let members: HashMap<String, String> = self
            .members(&board.team_id)?
            .into_iter()
            .flat_map(|m| {
                [
                    (m.user_id.clone(), m.user_id.clone()),
                    (m.name.to_lowercase(), m.user_id),
                ]
            })
            .collect();
        // The board's task ids, from the index: no need to read every task.
        let existing: HashSet<String> = self
            .list_tasks(board_id)?
            .into_iter()
            .map(|t| t.id)
            .collect();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader
            .headers()
            .map_err(|e| {
                ClientError::InvalidInput(format!("the file's first line cannot be read: {e}"))
            })?
            .iter()
            .map(|h| h.to_lowercase())
            .collect();
        let column = |name: &str| header.iter().position(|h| h == name);
        if column("title").is_none() {
            return Err(ClientError::InvalidInput(
                "the file's first line must name a `title` column".into(),
            ));
        };
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let line = record
                .as_ref()
                .ok()
                .and_then(|r| r.position())
                .map_or(u64::try_from(i).unwrap_or(0) + 2, |p| p.line());
            let record = match record {
                Ok(record) => record,
                Err(e) => {
                    problems.push(RowProblem {
                        line,
                        message: format!("unreadable: {e}"),
                    });
                    continue;
                }
            };
            let fields: HashMap<&str, String> = COLUMNS
                .iter()
                .chain(READ_ALSO.iter())
                .filter_map(|name| {
                    let at = column(name)?;
                    Some((*name, record.get(at).unwrap_or("").to_string()))
                })
                .collect();
            match read_row(&fields, &members) {
                Ok((title, status, patch, depends_on)) => rows.push(Row {
                    line,
                    id: fields.get("id").cloned().filter(|id| !id.is_empty()),
                    title,
                    status,
                    column: fields.get("column").cloned().filter(|c| !c.is_empty()),
                    patch,
                    depends_on,
                    parent: fields.get("parent").cloned().filter(|p| !p.is_empty()),
                }),
                Err(message) => problems.push(RowProblem { line, message }),
            }
        }
        // Dependencies must point at a row of the file or a task of the board.
        let in_file: HashSet<String> = rows.iter().filter_map(|r| r.id.clone()).collect();
        let known = |id: &String| in_file.contains(id) || existing.contains(id);
        let (good, bad): (Vec<Row>, Vec<Row>) = rows
            .into_iter()
            .partition(|r| r.depends_on.iter().all(known) && r.parent.iter().all(known));
        for row in bad {
            problems.push(RowProblem {
                line: row.line,
                message: "depends on, or is a subtask of, a task that is neither in the file nor on the board".into(),
            });
        }
        problems.sort_by_key(|p| p.line);
        Ok((good, problems))
    }
}

type ReadRow = (String, Status, TaskPatch, Vec<String>);

fn read_row(
    fields: &HashMap<&str, String>,
    members: &HashMap<String, String>,
) -> std::result::Result<ReadRow, String> {
    let field = |name: &str| fields.get(name).map_or("", String::as_str);
    // Our export defuses formulas with a leading quote mark; take it off.
    let undefused = |s: &str| match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => s.to_string(),
    };
    let title =
        validate_title("a task title", &undefused(field("title"))).map_err(|e| e.to_string())?;
    let status = match field("status") {
        "" => Status::Todo,
        s => parse_status(s).ok_or(format!(
            "`{s}` is not a status (todo, in_progress, in_review, done)"
        ))?,
    };
    let priority = match field("priority") {
        "" => Priority::None,
        p => Priority::parse(&p.to_lowercase()).ok_or(format!("`{p}` is not a priority"))?,
    };
    let split = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(String::from)
            .collect()
    };
    let member = |a: &str| {
        members
            .get(a)
            .or_else(|| members.get(&a.to_lowercase()))
            .cloned()
            .ok_or(format!("`{a}` is not a member of this team"))
    };
    let mut people = split(field("assignees"));
    if people.is_empty() {
        people = split(field("assignee"));
    }
    let assignees = people
        .iter()
        .map(|a| member(a))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let date = |name: &str| match field(name) {
        "" => Ok(None),
        d => validate_date(d).map(Some).map_err(|e| e.to_string()),
    };
    let (start, due) = (date("start")?, date("due")?);
    if let (Some(start), Some(due)) = (&start, &due) {
        if start > due {
            return Err(format!("it starts ({start}) after it is due ({due})"));
        }
    }
    let estimate = match field("estimate_minutes") {
        "" => None,
        m => match m.parse::<u64>() {
            Ok(minutes @ 1..=board::MAX_ESTIMATE_MINUTES) => Some(minutes),
            _ => return Err(format!("`{m}` is not an estimate in minutes (1 to 100000)")),
        },
    };
    let labels = normalize_labels(&split(field("labels"))).map_err(|e| e.to_string())?;
    let description = undefused(field("description"));
    let patch = TaskPatch {
        description: Some(description).filter(|d| !d.is_empty()),
        assignees: Some(assignees),
        start: Some(start),
        due: Some(due),
        estimate_minutes: Some(estimate),
        priority: Some(priority),
        labels: Some(labels),
        ..TaskPatch::default()
    };
    Ok((title, status, patch, split(field("depends_on"))))
}

/// A status as we write it (`in_progress`) or as people read it (`In progress`).
fn parse_status(s: &str) -> Option<Status> {
    let s = s.trim().to_lowercase().replace(' ', "_");
    Status::parse(&s)
}
