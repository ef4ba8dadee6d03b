//! `teamstead task column|view|find|show|check|depend|history|restore|bulk`:
//! boards in depth for scripts: columns and saved views, filtered queries,
//! checklists, dependencies across boards, a task's history, and bulk edits.

use clap::Subcommand;
use teamstead_client::{
    BoardDetail, BulkAction, Client, ClientError, ColumnPatch, Priority, Result, Status,
    TaskDetail, TaskQuery, TaskSummary,
};

use crate::{parse_status, show};

#[derive(Subcommand)]
pub enum ColumnCommand {
    /// The board's columns in order: id, category, WIP limit, name.
    List { board: String },
    /// Add a column at the end.
    Add {
        board: String,
        name: String,
        /// Its category: todo, in_progress, in_review or done.
        #[arg(long, default_value = "in_progress")]
        status: String,
        #[arg(long)]
        wip: Option<u64>,
    },
    /// Rename a column, change its category, or set its WIP limit (0 removes it).
    Edit {
        board: String,
        column: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        status: Option<String>,
        #[arg(long)]
        wip: Option<u64>,
    },
    /// Place a column before another (or last).
    Move {
        board: String,
        column: String,
        #[arg(long)]
        before: Option<String>,
    },
    /// Delete a column; its tasks go to another.
    Delete {
        board: String,
        column: String,
        #[arg(long)]
        move_to: String,
    },
}

#[derive(Subcommand)]
pub enum ViewCommand {
    /// The board's saved views.
    List {
        board: String,
    },
    /// Save a filter (the same options as `task find`) under a name.
    Save {
        #[arg(value_name = "BOARD")]
        on_board: String,
        name: String,
        #[command(flatten)]
        filter: Filter,
    },
    Delete {
        board: String,
        view: String,
    },
}

#[derive(Subcommand)]
pub enum CheckCommand {
    Add {
        board: String,
        task: String,
        text: String,
    },
    /// Tick an item.
    Done {
        board: String,
        task: String,
        item: String,
    },
    /// Untick an item.
    Undo {
        board: String,
        task: String,
        item: String,
    },
    Remove {
        board: String,
        task: String,
        item: String,
    },
}

#[derive(Subcommand)]
pub enum BulkCommand {
    /// Move the tasks to the end of a column (id or status).
    Move {
        #[arg(long)]
        to: String,
        /// Move blocked tasks to Done too.
        #[arg(long)]
        force: bool,
    },
    /// Assign the tasks to a member (`none` unassigns).
    Assign {
        #[arg(long)]
        to: String,
    },
    Label {
        label: String,
    },
    Delete,
}

/// Task filters; every one given narrows the result.
#[derive(clap::Args)]
pub struct Filter {
    #[arg(long)]
    pub team: Option<String>,
    #[arg(long)]
    pub board: Option<String>,
    #[arg(long)]
    pub column: Option<String>,
    #[arg(long)]
    pub assignee: Option<String>,
    #[arg(long)]
    pub label: Option<String>,
    #[arg(long)]
    pub priority: Option<String>,
    /// Due on or before this date (YYYY-MM-DD).
    #[arg(long)]
    pub due_before: Option<String>,
    #[arg(long)]
    pub overdue: bool,
    /// Only blocked tasks.
    #[arg(long)]
    pub blocked: bool,
    /// A task's subtasks.
    #[arg(long)]
    pub parent: Option<String>,
}

impl Filter {
    pub fn query(self) -> Result<TaskQuery> {
        let priority = self
            .priority
            .map(|p| {
                Priority::parse(&p).ok_or_else(|| {
                    ClientError::InvalidInput(format!(
                        "`{p}` is not a priority: none, low, medium, high or urgent"
                    ))
                })
            })
            .transpose()?;
        Ok(TaskQuery {
            team_id: self.team,
            board_id: self.board,
            column: self.column,
            assignee: self.assignee,
            label: self.label,
            priority,
            due_before: self.due_before,
            overdue: self.overdue.then_some(true),
            blocked: self.blocked.then_some(true),
            parent_id: self.parent,
            ..TaskQuery::default()
        })
    }
}

pub fn line(t: &TaskSummary) -> String {
    format!("{}\t{}\t{}", t.id, t.status.label(), t.title)
}

fn columns_text(board: &BoardDetail) -> String {
    board
        .columns
        .iter()
        .map(|c| {
            let wip = c.wip_limit.map_or("-".to_string(), |w| w.to_string());
            format!("{}\t{}\t{}\t{}", c.id, c.status.as_str(), wip, c.name)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn column(client: &Client, json: bool, command: ColumnCommand) -> Result<()> {
    let board = match command {
        ColumnCommand::List { board } => client.board_detail(&board)?,
        ColumnCommand::Add {
            board,
            name,
            status,
            wip,
        } => client.add_column(&board, &name, parse_status(&status)?, wip)?,
        ColumnCommand::Edit {
            board,
            column,
            name,
            status,
            wip,
        } => {
            let patch = ColumnPatch {
                name,
                status: status.as_deref().map(parse_status).transpose()?,
                wip_limit: wip.map(|w| (w > 0).then_some(w)),
            };
            client.update_column(&board, &column, patch)?
        }
        ColumnCommand::Move {
            board,
            column,
            before,
        } => client.move_column(&board, &column, before.as_deref())?,
        ColumnCommand::Delete {
            board,
            column,
            move_to,
        } => client.delete_column(&board, &column, &move_to)?,
    };
    show(json, &board, columns_text);
    Ok(())
}

pub fn view(client: &Client, json: bool, command: ViewCommand) -> Result<()> {
    let board = match command {
        ViewCommand::List { board } => client.board_detail(&board)?,
        ViewCommand::Save {
            on_board,
            name,
            filter,
        } => client.save_view(&on_board, &name, &filter.query()?)?,
        ViewCommand::Delete { board, view } => client.delete_view(&board, &view)?,
    };
    show(json, &board.views, |views| {
        views
            .iter()
            .map(|v| {
                let query = serde_json::to_string(&v.query).unwrap_or_default();
                format!("{}\t{}\t{}", v.id, v.name, query)
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    Ok(())
}

pub fn find(client: &Client, json: bool, filter: Filter) -> Result<()> {
    let tasks = client.find_tasks(&filter.query()?)?;
    show(json, &tasks, |ts| {
        ts.iter().map(line).collect::<Vec<_>>().join("\n")
    });
    Ok(())
}

pub fn detail_text(t: &TaskDetail) -> String {
    let mut out = vec![line(&t.summary)];
    if !t.summary.assignees.is_empty() {
        out.push(format!("assignees: {}", t.summary.assignees.join(", ")));
    }
    if t.summary.start.is_some() || t.summary.due.is_some() {
        out.push(format!(
            "dates: {} to {}",
            t.summary.start.as_deref().unwrap_or("-"),
            t.summary.due.as_deref().unwrap_or("-")
        ));
    }
    if let Some(minutes) = t.summary.estimate_minutes {
        out.push(format!("estimate: {minutes} min"));
    }
    for item in &t.checklist {
        let mark = if item.done { "x" } else { " " };
        out.push(format!("[{mark}] {}\t{}", item.id, item.text));
    }
    for dep in &t.dependencies {
        out.push(format!(
            "depends on: {} ({}, {})",
            dep.title, dep.board_name, dep.task_id
        ));
    }
    for sub in &t.subtasks {
        out.push(format!("subtask: {} ({})", sub.title, sub.task_id));
    }
    out.join("\n")
}

pub fn check(client: &Client, json: bool, command: CheckCommand) -> Result<()> {
    let task = match command {
        CheckCommand::Add { board, task, text } => {
            client.add_checklist_item(&board, &task, &text)?
        }
        CheckCommand::Done { board, task, item } => {
            client.update_checklist_item(&board, &task, &item, None, Some(true))?
        }
        CheckCommand::Undo { board, task, item } => {
            client.update_checklist_item(&board, &task, &item, None, Some(false))?
        }
        CheckCommand::Remove { board, task, item } => {
            client.delete_checklist_item(&board, &task, &item)?
        }
    };
    show(json, &task, detail_text);
    Ok(())
}

pub fn history(client: &Client, json: bool, board: &str, task: &str) -> Result<()> {
    let entries = client.task_history(board, task)?;
    show(json, &entries, |es| {
        es.iter()
            .map(|e| format!("{}\t{}\t{}\t{}", e.hash, e.at, e.name, e.fields.join(",")))
            .collect::<Vec<_>>()
            .join("\n")
    });
    Ok(())
}

pub fn bulk(
    client: &Client,
    json: bool,
    board: &str,
    tasks: Vec<String>,
    command: BulkCommand,
) -> Result<()> {
    let action = match command {
        BulkCommand::Move { to, force } => {
            let column = match Status::parse(&to) {
                Some(status) => client
                    .board_detail(board)?
                    .columns
                    .into_iter()
                    .find(|c| c.status == status)
                    .map_or(to, |c| c.id),
                None => to,
            };
            BulkAction::Move { column, force }
        }
        BulkCommand::Assign { to } => BulkAction::Assign {
            assignee: (to != "none").then_some(to),
        },
        BulkCommand::Label { label } => BulkAction::Label { label },
        BulkCommand::Delete => BulkAction::Delete,
    };
    let result = client.bulk_edit(board, &tasks, action)?;
    show(json, &result, |r| format!("{} tasks changed", r.changed));
    Ok(())
}
