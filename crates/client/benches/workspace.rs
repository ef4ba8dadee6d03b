//! Figures for the local engine on a real SQLite file: write latency, opening a
//! workspace and answering the first board query, search, index rebuild,
//! compaction, resident memory. Prints a table; asserts nothing.
//!
//!     cargo bench -p teamstead-client --bench workspace
//!     TEAMSTEAD_BENCH_TASKS=10000 TEAMSTEAD_BENCH_MESSAGES=100000 \
//!         cargo bench -p teamstead-client --bench workspace

use std::time::{Duration, Instant};

use teamstead_client::{Client, Place, Status, TaskPatch};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "| {name} | {} | {:.2} | {:.2} | {:.2} |",
        samples.len(),
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.99).as_secs_f64() * 1e3,
        samples.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// This process's resident memory in MiB, from /proc (Linux).
fn resident_mib() -> f64 {
    let pages: f64 = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1).and_then(|p| p.parse().ok()))
        .unwrap_or(0.0);
    pages * 4096.0 / (1024.0 * 1024.0)
}

fn count_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if let Some(path) = std::env::var_os(OPEN_ONLY) {
        let board = std::env::var("TEAMSTEAD_BENCH_BOARD").unwrap_or_default();
        return reopen(path.into(), &board);
    }
    let tasks = count_from_env("TEAMSTEAD_BENCH_TASKS", 2_000);
    let messages = count_from_env("TEAMSTEAD_BENCH_MESSAGES", 2_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    println!(
        "## Client: {tasks} tasks on one board, {messages} messages in one channel\n\n\
         The local engine alone (SQLite WAL, synchronous=FULL), generated through its own API; \
         the reopening figures come from a fresh process.\n"
    );
    println!("| operation | samples | p50 ms | p99 ms | max ms |");
    println!("| --- | --- | --- | --- | --- |");

    let board = {
        let client = Client::open(Some(path.clone())).expect("open");
        let team = client.create_team("Bench").expect("team");
        let board = team.boards[0].id.clone();
        let mut create = Vec::with_capacity(tasks);
        let mut ids = Vec::with_capacity(tasks);
        for i in 0..tasks {
            let (task, took) = timed(|| {
                client.create_task(
                    &board,
                    &format!("Task number {i} about widgets"),
                    Place::default(),
                    None,
                )
            });
            ids.push(task.expect("create").summary.id);
            create.push(took);
        }
        report("create task", create);

        let sample: Vec<&String> = ids.iter().step_by((tasks / 200).max(1)).collect();
        let mut edit = Vec::new();
        for (n, id) in sample.iter().enumerate() {
            let patch = TaskPatch {
                description: Some(format!("Edited description {n} with some words to index")),
                ..Default::default()
            };
            edit.push(timed(|| client.update_task(&board, id, patch).expect("edit")).1);
        }
        report("edit description", edit);

        let mut moves = Vec::new();
        for id in &sample {
            moves.push(
                timed(|| {
                    client
                        .move_task(&board, id, Place::Status(Status::InProgress), None, false)
                        .expect("move")
                })
                .1,
            );
        }
        report("move card", moves);

        let mut search = Vec::new();
        for n in 0..50 {
            let query = format!("number {}", n * 7);
            search.push(timed(|| client.search_tasks(&query, None).expect("search")).1);
        }
        report("search", search);

        let mut list = Vec::new();
        for _ in 0..20 {
            list.push(timed(|| client.list_tasks(&board).expect("list")).1);
        }
        report("list board (index)", list);

        let general = client.list_conversations(&team.id).expect("conversations")[0]
            .id
            .clone();
        let mut send = Vec::with_capacity(messages);
        for i in 0..messages {
            let body = format!("Message {i} about the launch plan and its widgets");
            send.push(
                timed(|| {
                    client
                        .send_message(&general, &body, None, Vec::new())
                        .expect("send")
                })
                .1,
            );
        }
        report("send message", send);

        report(
            "rebuild index",
            vec![timed(|| client.rebuild_index().expect("rebuild")).1],
        );
        report(
            "compact all documents",
            vec![timed(|| client.compact_all().expect("compact")).1],
        );
        board
    };

    // A fresh process opens it, as a person launching the app would: its resident
    // memory is the app's, not this generator's.
    let child = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .env(OPEN_ONLY, &path)
        .env("TEAMSTEAD_BENCH_BOARD", &board)
        .output()
        .expect("the reopening process");
    print!("{}", String::from_utf8_lossy(&child.stdout));

    let db = std::fs::metadata(path.join("teamstead.db"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "\ndatabase size after compaction: {:.1} MiB",
        db as f64 / (1024.0 * 1024.0)
    );
}

/// Set to a data directory: only open it and answer the first queries, then report.
const OPEN_ONLY: &str = "TEAMSTEAD_BENCH_OPEN_ONLY";

fn reopen(path: std::path::PathBuf, board: &str) {
    let (mut open, mut first_query, mut first_write) = (Vec::new(), Vec::new(), Vec::new());
    let mut first_page = Vec::new();
    let mut resident = 0.0_f64;
    for _ in 0..5 {
        let (client, took) = timed(|| Client::open(Some(path.clone())).expect("open"));
        open.push(took);
        first_query.push(
            timed(|| {
                let teams = client.list_teams().expect("teams");
                client
                    .list_tasks(&teams[0].boards[0].id)
                    .expect("list")
                    .len()
            })
            .1,
        );
        let teams = client.list_teams().expect("teams");
        let general = client
            .list_conversations(&teams[0].id)
            .expect("conversations")[0]
            .id
            .clone();
        first_page.push(
            timed(|| {
                client
                    .list_messages(&general, None, Some(50))
                    .expect("page")
                    .messages
                    .len()
            })
            .1,
        );
        resident = resident.max(resident_mib());
        // The first write after opening loads the whole board document.
        first_write.push(
            timed(|| {
                client
                    .create_task(board, "after reopen", Place::default(), None)
                    .expect("write")
            })
            .1,
        );
    }
    report("open workspace (fresh process)", open);
    report("first board query after open", first_query);
    report("first chat page after open", first_page);
    report("first write after open (loads the board)", first_write);
    println!(
        "\nresident memory of the reopening process after its first queries: {resident:.1} MiB"
    );
}
