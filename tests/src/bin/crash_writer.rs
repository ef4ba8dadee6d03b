//! Writes tasks into a workspace as fast as it can and prints `saved N` after each
//! write the client reported as saved. The crash test kills it with SIGKILL.
//!
//! Usage: crash-writer <data-dir> <first-task-number> [timer]
//! With `timer`, it first starts a timer on a new task and prints
//! `timer <task-id> <started-at-ms>` once that is saved.

use std::io::Write;

use teamstead_client::{Client, Place};

fn main() {
    if let Err(e) = run() {
        eprintln!("crash-writer: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("missing data dir")?;
    let first: u64 = args.next().ok_or("missing first task number")?.parse()?;
    let client = Client::open(Some(dir.into()))?;
    let team = match client.list_teams()?.into_iter().next() {
        Some(team) => team,
        None => client.create_team("Crash test")?,
    };
    let board = team.boards.first().ok_or("team has no board")?.id.clone();
    let mut out = std::io::stdout().lock();
    writeln!(out, "board {board}")?;
    out.flush()?;
    if args.next().as_deref() == Some("timer") {
        let task = client.create_task(&board, "Timed task", Place::default(), None)?;
        let entry = client.start_timer(&board, &task.summary.id)?;
        writeln!(out, "timer {} {}", task.summary.id, entry.started_at)?;
        out.flush()?;
    }
    for n in first.. {
        client.create_task(&board, &format!("task-{n}"), Place::default(), None)?;
        writeln!(out, "saved {n}")?;
        out.flush()?;
    }
    Ok(())
}
