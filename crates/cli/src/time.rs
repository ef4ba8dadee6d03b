//! `teamstead task timer …`, `teamstead task time …` and `teamstead task
//! timesheet`: time tracking for scripts. Times are UTC, written
//! `YYYY-MM-DD HH:MM` (or RFC 3339); dates `YYYY-MM-DD`.

use clap::Subcommand;
use teamstead_client::{Client, ClientError, Result, TimeEntryView};

use crate::show;

#[derive(Subcommand)]
pub enum TimerCommand {
    /// Start my timer on a task (stopping the one running elsewhere).
    Start { board: String, task: String },
    /// Stop my running timer.
    Stop,
    /// My running timer, if any.
    Status,
}

#[derive(Subcommand)]
pub enum TimeCommand {
    /// Add an entry by hand.
    Add {
        board: String,
        task: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// A team's entries, optionally within dates (the end date included).
    List {
        team: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Totals per task, person and week.
    Totals {
        team: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
    /// Delete one of my entries.
    Delete { entry: String },
}

fn line(e: &TimeEntryView) -> String {
    let minutes = e.duration_ms / 60_000;
    let state = if e.ended_at.is_none() {
        "running"
    } else {
        "done"
    };
    format!(
        "{}\t{}\t{}\t{}h{:02}\t{}",
        e.id,
        e.task_title,
        state,
        minutes / 60,
        minutes % 60,
        e.user_id
    )
}

pub fn timer(client: &Client, json: bool, command: TimerCommand) -> Result<()> {
    match command {
        TimerCommand::Start { board, task } => {
            let entry = client.start_timer(&board, &task)?;
            show(json, &entry, line);
        }
        TimerCommand::Stop => {
            let entry = client.stop_timer()?;
            show(json, &entry, |e| {
                e.as_ref()
                    .map(line)
                    .unwrap_or_else(|| "no timer runs".into())
            });
        }
        TimerCommand::Status => {
            let entry = client.running_timer()?;
            show(json, &entry, |e| {
                e.as_ref()
                    .map(line)
                    .unwrap_or_else(|| "no timer runs".into())
            });
        }
    }
    Ok(())
}

pub fn time(client: &Client, json: bool, command: TimeCommand) -> Result<()> {
    match command {
        TimeCommand::Add {
            board,
            task,
            from,
            to,
            note,
        } => {
            let entry = client.add_time_entry(
                &board,
                &task,
                instant(&from)?,
                instant(&to)?,
                note.as_deref(),
            )?;
            show(json, &entry, line);
        }
        TimeCommand::List { team, from, to } => {
            let (from, to) = window(from.as_deref(), to.as_deref())?;
            let entries = client.time_entries(&team, from, to)?;
            show(json, &entries, |es| {
                es.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        TimeCommand::Totals { team, from, to } => {
            let (from, to) = window(from.as_deref(), to.as_deref())?;
            let totals = client.time_totals(&team, from, to)?;
            show(json, &totals, |t| {
                t.by_task
                    .iter()
                    .map(|(_, title, ms)| format!("{title}\t{:.2} h", *ms as f64 / 3_600_000.0))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        TimeCommand::Delete { entry } => {
            client.delete_time_entry(&entry)?;
            show(json, &serde_json::Value::Null, |_| String::new());
        }
    }
    Ok(())
}

/// The timesheet as CSV on standard output.
pub fn timesheet(client: &Client, team: &str, from: Option<&str>, to: Option<&str>) -> Result<()> {
    let (from, to) = window(from, to)?;
    print!("{}", client.timesheet_csv(team, from, to)?);
    Ok(())
}

/// [from, to + 1 day) in ms; everything when a bound is absent.
fn window(from: Option<&str>, to: Option<&str>) -> Result<(i64, i64)> {
    let day = |d: &str| -> Result<i64> {
        let date = date(d)?;
        Ok(date
            .and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc().timestamp_millis())
            .unwrap_or(0))
    };
    let from = from.map(day).transpose()?.unwrap_or(0);
    let to = to
        .map(day)
        .transpose()?
        .map_or(i64::MAX, |t| t + 86_400_000);
    Ok((from, to))
}

fn date(d: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
        .map_err(|_| ClientError::InvalidInput(format!("`{d}` is not a date (YYYY-MM-DD)")))
}

/// `YYYY-MM-DD HH:MM` (UTC) or RFC 3339, in ms.
fn instant(raw: &str) -> Result<i64> {
    let raw = raw.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Ok(t.timestamp_millis());
    }
    chrono::NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M")
        .map(|t| t.and_utc().timestamp_millis())
        .map_err(|_| {
            ClientError::InvalidInput(format!("`{raw}` is not a time (YYYY-MM-DD HH:MM, UTC)"))
        })
}
