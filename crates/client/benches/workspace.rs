//! Figures for the local engine on a real SQLite file: write latency, opening a
//! workspace and answering the first board query, search, index rebuild,
//! compaction. Prints a table; asserts nothing.
//!
//!     cargo bench -p teamstead-client --bench workspace
//!     TEAMSTEAD_BENCH_TASKS=10000 cargo bench -p teamstead-client --bench workspace

use std::time::{Duration, Instant};

use teamstead_client::{Client, Status, TaskPatch};

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

fn main() {
    let tasks: usize = std::env::var("TEAMSTEAD_BENCH_TASKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    println!("Teamstead client, {tasks} tasks on one board, SQLite WAL + synchronous=FULL\n");
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
                client.create_task(&board, &format!("Task number {i} about widgets"), None)
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
                        .move_task(&board, id, Status::InProgress, None, false)
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

    let (mut open, mut first_query, mut first_write) = (Vec::new(), Vec::new(), Vec::new());
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
        // The first write after opening loads the whole board document.
        first_write.push(
            timed(|| {
                client
                    .create_task(&board, "after reopen", None)
                    .expect("write")
            })
            .1,
        );
    }
    report("open workspace", open);
    report("first board query after open", first_query);
    report("first write after open (loads the board)", first_write);

    let db = std::fs::metadata(path.join("teamstead.db"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "\ndatabase size after compaction: {:.1} MiB",
        db as f64 / (1024.0 * 1024.0)
    );
}
