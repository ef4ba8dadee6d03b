//! `teamstead`: the workspace from a terminal. Every command is a call into
//! teamstead-client; output is for people, or JSON with `--json`.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

mod assessment;
mod board;
mod board_io;
mod chat;
mod time;

use clap::{Parser, Subcommand};
use serde::Serialize;
use teamstead_client::sync::{KeyringTokens, TokenStore};
use teamstead_client::{Client, ClientError, Place, Priority, Role, Status, TaskPatch};

#[derive(Parser)]
#[command(name = "teamstead", version, about = "Teamstead from the command line")]
struct Cli {
    /// The workspace's data directory (default: TEAMSTEAD_DATA_DIR, then the user's data folder).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Print results as JSON.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create an account on a relay (the password is read from stdin).
    Signup {
        #[arg(long)]
        relay: String,
        #[arg(long)]
        email: String,
        /// Your name as the team sees it.
        #[arg(long)]
        name: Option<String>,
    },
    /// Sign in to a relay (the password is read from stdin).
    Login {
        #[arg(long)]
        relay: String,
        #[arg(long)]
        email: String,
    },
    /// Sign out and forget the token.
    Logout,
    #[command(subcommand)]
    Team(TeamCommand),
    #[command(subcommand)]
    Board(BoardCommand),
    #[command(subcommand)]
    Task(TaskCommand),
    /// Conversations and messages.
    #[command(subcommand)]
    Chat(chat::ChatCommand),
    /// Delegated assessments: templates, delegation, answers, review, results.
    #[command(subcommand)]
    Assessment(assessment::AssessmentCommand),
    /// Anonymous pulse surveys.
    #[command(subcommand)]
    Pulse(assessment::PulseCommand),
    /// Sync with the relay until everything matches, or keep syncing with --watch.
    Sync {
        #[arg(long)]
        watch: bool,
        /// Give up after this many seconds (without --watch).
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
    /// The sync state: offline, syncing or synced, and unacknowledged changes.
    Status,
}

#[derive(Subcommand)]
enum TeamCommand {
    Create {
        name: String,
    },
    List,
    /// Put a team made on this device on the relay.
    Publish {
        team: String,
    },
    /// Create an invitation code.
    Invite {
        team: String,
        #[arg(long, default_value = "member")]
        role: String,
        #[arg(long)]
        hours: Option<u32>,
        #[arg(long)]
        max_uses: Option<u32>,
    },
    /// Join a team with an invitation code.
    Join {
        code: String,
    },
    Members {
        team: String,
    },
    /// Change a member's role.
    SetRole {
        team: String,
        user: String,
        role: String,
    },
    /// Remove a member; they lose access at once.
    Remove {
        team: String,
        user: String,
    },
}

#[derive(Subcommand)]
enum BoardCommand {
    Create { team: String, name: String },
    List { team: String },
}

#[derive(Subcommand)]
enum TaskCommand {
    Add {
        board: String,
        title: String,
        #[arg(long)]
        status: Option<String>,
        /// A column id (wins over --status).
        #[arg(long)]
        column: Option<String>,
        /// Make it a subtask of this task.
        #[arg(long)]
        parent: Option<String>,
    },
    List {
        board: String,
    },
    /// One task in full: assignees, dates, checklist, dependencies, subtasks.
    Show {
        board: String,
        task: String,
    },
    /// Tasks matching filters, across the boards of my teams.
    Find {
        #[command(flatten)]
        filter: board::Filter,
    },
    Move {
        board: String,
        task: String,
        /// A column id, or a status for the first column of that status.
        #[arg(long)]
        to: String,
        /// Move to Done even if it is blocked.
        #[arg(long)]
        force: bool,
    },
    /// Edit fields; `-` clears a date, an estimate or the parent.
    Edit {
        board: String,
        task: String,
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        description: Option<String>,
        /// Everyone on the task, comma-separated (`-` for nobody).
        #[arg(long)]
        assignees: Option<String>,
        #[arg(long)]
        start: Option<String>,
        #[arg(long)]
        due: Option<String>,
        /// Minutes.
        #[arg(long)]
        estimate: Option<String>,
        #[arg(long)]
        priority: Option<String>,
        /// Comma-separated.
        #[arg(long)]
        labels: Option<String>,
        #[arg(long)]
        parent: Option<String>,
    },
    /// The board's columns.
    #[command(subcommand)]
    Column(board::ColumnCommand),
    /// The board's saved views.
    #[command(subcommand)]
    View(board::ViewCommand),
    /// A task's checklist.
    #[command(subcommand)]
    Check(board::CheckCommand),
    /// Make a task depend on another (any board of the team), or stop it.
    Depend {
        board: String,
        task: String,
        on: String,
        #[arg(long)]
        remove: bool,
    },
    /// Who changed what on a task, newest first (hash, ms, who, fields).
    History {
        board: String,
        task: String,
    },
    /// Bring back the description as it was after a change of its history.
    Restore {
        board: String,
        task: String,
        hash: String,
    },
    /// One edit to many tasks, all or none.
    Bulk {
        board: String,
        /// Task ids, comma-separated.
        #[arg(long, value_delimiter = ',')]
        tasks: Vec<String>,
        #[command(subcommand)]
        action: board::BulkCommand,
    },
    /// My timer: start, stop, status.
    #[command(subcommand)]
    Timer(time::TimerCommand),
    /// Time entries: add, list, totals, delete.
    #[command(subcommand)]
    Time(time::TimeCommand),
    /// A board as CSV or JSON, on standard output.
    Export {
        board: String,
        #[arg(long, default_value = "csv")]
        format: String,
    },
    /// New tasks from a CSV file (columns by name: title, status, column,
    /// assignees, start, due, estimate_minutes, priority, labels, depends_on,
    /// parent, description, id).
    Import {
        board: String,
        file: PathBuf,
        /// Show what would be imported, and the rows that cannot be; write nothing.
        #[arg(long)]
        preview: bool,
        /// Import the readable rows even if others cannot be read.
        #[arg(long)]
        accept_partial: bool,
    },
    /// A team's timesheet as CSV.
    Timesheet {
        team: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
}

/// The keyring, unless TEAMSTEAD_TOKEN hands a token to a script directly.
struct CliTokens;

impl TokenStore for CliTokens {
    fn get(&self, account: &str) -> teamstead_client::Result<Option<String>> {
        match std::env::var("TEAMSTEAD_TOKEN") {
            Ok(token) if !token.is_empty() => Ok(Some(token)),
            _ => KeyringTokens.get(account),
        }
    }

    fn set(&self, account: &str, token: &str) -> teamstead_client::Result<()> {
        KeyringTokens.set(account, token)
    }

    fn delete(&self, account: &str) -> teamstead_client::Result<()> {
        KeyringTokens.delete(account)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let json = cli.json;
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("teamstead: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if json {
                let body =
                    serde_json::json!({ "error": { "code": e.code(), "message": e.to_string() } });
                println!("{body}");
            } else {
                eprintln!("teamstead: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn read_password() -> teamstead_client::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|source| ClientError::Io {
            context: "cannot read the password from stdin".into(),
            source,
        })?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn parse_role(s: &str) -> teamstead_client::Result<Role> {
    Role::parse(s).ok_or_else(|| {
        ClientError::InvalidInput(format!(
            "`{s}` is not a role: owner, manager, member or viewer"
        ))
    })
}

fn parse_status(s: &str) -> teamstead_client::Result<Status> {
    Status::parse(s).ok_or_else(|| {
        ClientError::InvalidInput(format!(
            "`{s}` is not a status: todo, in_progress, in_review or done"
        ))
    })
}

/// Prints `value` as JSON, or `text` for people.
fn show<T: Serialize>(json: bool, value: &T, text: impl FnOnce(&T) -> String) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(value).unwrap_or_default()
        );
    } else {
        let out = text(value);
        if !out.is_empty() {
            println!("{out}");
        }
    }
}

async fn run(cli: Cli) -> teamstead_client::Result<()> {
    let client = Arc::new(Client::open(cli.data_dir)?);
    let tokens: Arc<dyn TokenStore> = Arc::new(CliTokens);
    let json = cli.json;
    match cli.command {
        Command::Signup { relay, email, name } => {
            if let Some(name) = name {
                client.set_name(&name)?;
            }
            let password = read_password()?;
            let account = client
                .sign_up(tokens.as_ref(), &relay, &email, &password)
                .await?;
            show(json, &account, |a| {
                format!("signed up as {} ({})", a.email, a.user_id)
            });
        }
        Command::Login { relay, email } => {
            let password = read_password()?;
            let account = client
                .log_in(tokens.as_ref(), &relay, &email, &password)
                .await?;
            show(json, &account, |a| {
                format!("signed in as {} ({})", a.email, a.user_id)
            });
        }
        Command::Logout => {
            client.log_out(tokens.as_ref()).await?;
            show(json, &serde_json::json!({ "signedOut": true }), |_| {
                "signed out".into()
            });
        }
        Command::Team(command) => team(&client, tokens.as_ref(), json, command).await?,
        Command::Board(BoardCommand::Create { team, name }) => {
            let board = client.create_board(&team, &name)?;
            show(json, &board, |b| b.id.clone());
        }
        Command::Board(BoardCommand::List { team }) => {
            let boards = client.list_boards(&team)?;
            show(json, &boards, |bs| {
                bs.iter()
                    .map(|b| format!("{}\t{}\t{} tasks", b.id, b.name, b.task_count))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        Command::Task(command) => task(&client, json, command)?,
        Command::Chat(command) => chat::run(&client, json, command)?,
        Command::Assessment(command) => assessment::run(&client, json, command)?,
        Command::Pulse(command) => assessment::run_pulse(&client, json, command)?,
        Command::Sync { watch, timeout } => {
            if watch {
                let (stop_tx, stop) = tokio::sync::watch::channel(false);
                let runner = tokio::spawn(teamstead_client::sync::run(
                    client.clone(),
                    tokens.clone(),
                    stop,
                ));
                let _ = tokio::signal::ctrl_c().await;
                let _ = stop_tx.send(true);
                runner
                    .await
                    .map_err(|e| ClientError::Sync(e.to_string()))??;
            } else {
                teamstead_client::sync::sync_once(
                    &client,
                    tokens.as_ref(),
                    Duration::from_secs(timeout),
                )
                .await?;
                let status = client.sync_status()?;
                show(json, &status, |s| {
                    format!(
                        "{}; {} change(s) not acknowledged",
                        s.label, s.pending_changes
                    )
                });
            }
        }
        Command::Status => {
            let status = client.sync_status()?;
            show(json, &status, |s| {
                let mut line = format!(
                    "{}; {} change(s) not acknowledged",
                    s.label, s.pending_changes
                );
                if let Some(at) = s.last_heard_from {
                    line.push_str(&format!("; last heard from the relay at {at} ms"));
                }
                if let Some(e) = &s.last_error {
                    line.push_str(&format!("; last error: {e}"));
                }
                line
            });
        }
    }
    Ok(())
}

async fn team(
    client: &Client,
    tokens: &dyn TokenStore,
    json: bool,
    command: TeamCommand,
) -> teamstead_client::Result<()> {
    match command {
        TeamCommand::Create { name } => {
            let team = client.create_team(&name)?;
            show(json, &team, |t| t.id.clone());
        }
        TeamCommand::List => {
            let teams = client.list_teams()?;
            show(json, &teams, |ts| {
                ts.iter()
                    .map(|t| format!("{}\t{}\t{}", t.id, t.name, t.role.as_str()))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        TeamCommand::Publish { team } => {
            client.publish_team(tokens, &team).await?;
            show(json, &serde_json::json!({ "published": team }), |_| {
                format!("published {team}")
            });
        }
        TeamCommand::Invite {
            team,
            role,
            hours,
            max_uses,
        } => {
            let invite = client
                .create_invitation(tokens, &team, parse_role(&role)?, hours, max_uses)
                .await?;
            show(json, &invite, |i| i.code.clone());
        }
        TeamCommand::Join { code } => {
            let entry = client.join_team(tokens, &code).await?;
            show(json, &entry, |e| {
                format!("joined {} as {}", e.team_id, e.role.as_str())
            });
        }
        TeamCommand::Members { team } => {
            let members = client.members(&team)?;
            show(json, &members, |ms| {
                ms.iter()
                    .map(|m| format!("{}\t{}\t{}", m.user_id, m.name, m.role.as_str()))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        TeamCommand::SetRole { team, user, role } => {
            client
                .set_member_role(tokens, &team, &user, parse_role(&role)?)
                .await?;
            show(
                json,
                &serde_json::json!({ "user": user, "role": role }),
                |_| format!("{user} is now {role}"),
            );
        }
        TeamCommand::Remove { team, user } => {
            client.remove_member(tokens, &team, &user).await?;
            show(json, &serde_json::json!({ "removed": user }), |_| {
                format!("removed {user}")
            });
        }
    }
    Ok(())
}

fn task(client: &Client, json: bool, command: TaskCommand) -> teamstead_client::Result<()> {
    let line = board::line;
    match command {
        TaskCommand::Add {
            board,
            title,
            status,
            column,
            parent,
        } => {
            let place = match (&column, status.as_deref().map(parse_status).transpose()?) {
                (Some(column), _) => Place::Column(column),
                (None, status) => Place::Status(status.unwrap_or(Status::Todo)),
            };
            let task = client.create_task(&board, &title, place, parent.as_deref())?;
            show(json, &task, |t| t.summary.id.clone());
        }
        TaskCommand::Show { board, task } => {
            let task = client.task(&board, &task)?;
            show(json, &task, board::detail_text);
        }
        TaskCommand::Find { filter } => board::find(client, json, filter)?,
        TaskCommand::Column(command) => board::column(client, json, command)?,
        TaskCommand::View(command) => board::view(client, json, command)?,
        TaskCommand::Check(command) => board::check(client, json, command)?,
        TaskCommand::Depend {
            board,
            task,
            on,
            remove,
        } => {
            let task = if remove {
                client.remove_dependency(&board, &task, &on)?
            } else {
                client.add_dependency(&board, &task, &on)?
            };
            show(json, &task, board::detail_text);
        }
        TaskCommand::History { board, task } => board::history(client, json, &board, &task)?,
        TaskCommand::Restore { board, task, hash } => {
            let task = client.restore_description(&board, &task, &hash)?;
            show(json, &task, board::detail_text);
        }
        TaskCommand::Bulk {
            board,
            tasks,
            action,
        } => board::bulk(client, json, &board, tasks, action)?,
        TaskCommand::List { board } => {
            let tasks = client.list_tasks(&board)?;
            show(json, &tasks, |ts| {
                ts.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        TaskCommand::Move {
            board,
            task,
            to,
            force,
        } => {
            let place = match Status::parse(&to) {
                Some(status) => Place::Status(status),
                None => Place::Column(&to),
            };
            let moved = client.move_task(&board, &task, place, None, force)?;
            show(json, &moved, |t| line(&t.summary));
        }
        TaskCommand::Edit {
            board,
            task,
            title,
            description,
            assignees,
            start,
            due,
            estimate,
            priority,
            labels,
            parent,
        } => {
            let list = |raw: String| -> Vec<String> {
                raw.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty() && *s != "-")
                    .map(str::to_string)
                    .collect()
            };
            let clearable = |raw: Option<String>| raw.map(|v| (v != "-").then_some(v));
            let estimate = match clearable(estimate) {
                Some(Some(minutes)) => Some(Some(minutes.parse::<u64>().map_err(|_| {
                    ClientError::InvalidInput(format!("`{minutes}` is not a number of minutes"))
                })?)),
                Some(None) => Some(None),
                None => None,
            };
            let priority = priority
                .map(|p| {
                    Priority::parse(&p).ok_or_else(|| {
                        ClientError::InvalidInput(format!(
                            "`{p}` is not a priority: none, low, medium, high or urgent"
                        ))
                    })
                })
                .transpose()?;
            let patch = TaskPatch {
                title,
                description,
                assignees: assignees.map(list),
                start: clearable(start),
                due: clearable(due),
                estimate_minutes: estimate,
                priority,
                labels: labels.map(list),
                parent: clearable(parent),
                ..TaskPatch::default()
            };
            let edited = client.update_task(&board, &task, patch)?;
            show(json, &edited, |t| line(&t.summary));
        }
        TaskCommand::Export { board, format } => board_io::export(client, &board, &format)?,
        TaskCommand::Import {
            board,
            file,
            preview,
            accept_partial,
        } => board_io::import(client, json, &board, file, preview, accept_partial)?,
        TaskCommand::Timer(command) => time::timer(client, json, command)?,
        TaskCommand::Time(command) => time::time(client, json, command)?,
        TaskCommand::Timesheet { team, from, to } => {
            time::timesheet(client, &team, from.as_deref(), to.as_deref())?
        }
    }
    Ok(())
}
