//! No data loss: a writer killed with SIGKILL mid-stream loses nothing it had been
//! told was saved, and leaves a database that opens, checks clean, and keeps working.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use teamstead_client::Client;

/// Starts the writer, lets it report `writes` saved tasks, kills it, and returns
/// the board id and every task number it reported as saved.
fn write_then_kill(dir: &std::path::Path, first: u64, writes: usize) -> (String, Vec<u64>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(dir)
        .arg(first.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the writer");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut board = String::new();
    let mut saved = Vec::new();
    for line in lines.by_ref() {
        let line = line.expect("line");
        if let Some(id) = line.strip_prefix("board ") {
            board = id.to_string();
        } else if let Some(n) = line.strip_prefix("saved ") {
            saved.push(n.parse().expect("task number"));
            if saved.len() == writes {
                // SIGKILL while the writer is in the middle of its next write.
                child.kill().expect("kill -9");
                break;
            }
        }
    }
    // Lines already printed before the kill were also promised.
    for line in lines {
        let Ok(line) = line else { break };
        if let Some(n) = line.strip_prefix("saved ") {
            saved.push(n.parse().expect("task number"));
        }
    }
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the writer was killed, not finished");
    (board, saved)
}

#[test]
fn every_reported_write_survives_sigkill() {
    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().to_path_buf();
    let mut promised = BTreeSet::new();
    let mut next = 0;
    for round in 0..3 {
        let (board, saved) = write_then_kill(&dir, next, 150 + round * 40);
        next = saved.iter().max().map_or(next, |n| n + 1);
        promised.extend(saved);

        let client = Client::open(Some(dir.clone())).expect("reopen after kill");
        let titles: BTreeSet<String> = client
            .list_tasks(&board)
            .expect("tasks")
            .into_iter()
            .map(|t| t.title)
            .collect();
        for n in &promised {
            assert!(
                titles.contains(&format!("task-{n}")),
                "task-{n} was reported saved but is gone"
            );
        }
        // The index agrees with the documents it is derived from.
        client.rebuild_index().expect("documents load");
        assert_eq!(
            client.list_tasks(&board).expect("tasks").len(),
            titles.len()
        );
    }
    let conn = rusqlite::Connection::open(dir.join("teamstead.db")).expect("db");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity check");
    assert_eq!(check, "ok");
}

#[test]
fn a_running_timer_survives_sigkill_with_its_start_time() {
    let temp = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
        .arg(temp.path())
        .args(["0", "timer"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the writer");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let (task, started_at) = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| {
            let rest = line.strip_prefix("timer ")?.to_string();
            let (task, at) = rest.split_once(' ')?;
            Some((task.to_string(), at.parse::<i64>().ok()?))
        })
        .expect("the timer started");
    // Killed while it goes on writing, as a crash would.
    lines.by_ref().map_while(Result::ok).take(20).for_each(drop);
    child.kill().expect("kill -9");
    child.wait().expect("wait");

    let client = Client::open(Some(temp.path().to_path_buf())).expect("reopen after kill");
    let running = client
        .running_timer()
        .expect("read")
        .expect("still running");
    assert_eq!(
        (running.task_id.as_str(), running.started_at),
        (task.as_str(), started_at)
    );
    assert!(running.ended_at.is_none());
    let stopped = client.stop_timer().expect("stop").expect("it ran");
    assert_eq!(stopped.started_at, started_at, "its start time intact");
    assert!(client.running_timer().expect("read").is_none());
    // The index, rebuilt from the documents, says the same.
    client.rebuild_index().expect("rebuild");
    let entries = client
        .time_entries(&client.list_teams().expect("teams")[0].id, 0, i64::MAX)
        .expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].started_at, started_at);
}
