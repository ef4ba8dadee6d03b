//! Interop with the reference implementation, both ways, under Node: the stock
//! automerge-repo client edits a board through our relay, and our client syncs
//! with a plain automerge-repo sync server (tests/interop holds both scripts).

mod support;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::{board_id, start_relay, Person};
use teamstead_client::{Client, Place, Role};
use teamstead_tests::ChildGuard;

fn interop_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("interop");
    assert!(
        dir.join("node_modules/@automerge/automerge-repo").exists(),
        "run `npm install` in {} (make test does)",
        dir.display()
    );
    dir
}

fn node(script: &str, args: &[&str]) -> ChildGuard {
    ChildGuard(spawn_node(script, args))
}

fn spawn_node(script: &str, args: &[&str]) -> Child {
    Command::new("node")
        .arg(interop_dir().join(script))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("node runs")
}

/// Reads JSON lines from a script until one has this `event`.
fn wait_for_event(
    lines: &mut impl Iterator<Item = std::io::Result<String>>,
    event: &str,
) -> serde_json::Value {
    for line in lines {
        let line = line.expect("read");
        let value: serde_json::Value =
            serde_json::from_str(&line).unwrap_or(serde_json::Value::Null);
        if value["event"] == event {
            return value;
        }
    }
    panic!("the script ended before {event}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stock_automerge_repo_client_edits_a_board_through_the_relay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.publish_new_team("Interop").await;
    let board = board_id(&alice, &team);
    let task = alice
        .client
        .create_task(&board, "Written in Rust", Place::default(), None)
        .expect("task")
        .summary
        .id;
    alice.sync().await;
    let bob = alice.invite(&team, Role::Member, "Bob").await;

    // Bob's token rides in the query string, as it must for a browser-style client.
    let url = format!("{}?token={}", relay.sync_url(), bob.token());
    let doc_url = format!("automerge:{board}");
    let mut js = spawn_node(
        "client.mjs",
        &[&url, &doc_url, &task, "Edited in JavaScript"],
    );
    let stdout = js.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let loaded = wait_for_event(&mut lines, "loaded");
    assert_eq!(loaded["titles"][&task], "Written in Rust");
    wait_for_event(&mut lines, "changed");

    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        alice.sync().await;
        let title = alice
            .client
            .task(&board, &task)
            .expect("task")
            .summary
            .title;
        if title == "Edited in JavaScript" {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the JavaScript edit never arrived: {title}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(js.stdin.take());
    assert!(js.wait().expect("exit").success());
    relay.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn our_client_syncs_with_a_plain_automerge_repo_server() {
    let storage = tempfile::tempdir().expect("tempdir");
    let mut server = node("server.mjs", &["0", &storage.path().to_string_lossy()]);
    let stdout = server.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = wait_for_event(&mut lines, "listening")["port"]
        .as_u64()
        .expect("port");
    let url = format!("ws://127.0.0.1:{port}");

    let here = tempfile::tempdir().expect("tempdir");
    let mine = Client::open(Some(here.path().to_path_buf())).expect("open");
    let team = mine.create_team("Plain server").expect("team");
    let board = team.boards[0].id.clone();
    let task = mine
        .create_task(&board, "Stored by the reference", Place::default(), None)
        .expect("task")
        .summary
        .id;
    let timeout = Duration::from_secs(30);
    teamstead_client::sync::sync_teams_with(&mine, &url, vec![team.id.clone()], timeout)
        .await
        .expect("sync up");

    // The stock client reads it back from the server…
    let mut fetch = spawn_node("fetch.mjs", &[&url, &format!("automerge:{board}")]);
    let fetched = BufReader::new(fetch.stdout.take().expect("stdout"));
    let loaded = wait_for_event(&mut fetched.lines(), "loaded");
    let titles: Vec<String> = loaded["doc"]["tasks"]
        .as_object()
        .expect("tasks")
        .values()
        .map(|t| t["title"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(titles, ["Stored by the reference"]);
    assert!(fetch.wait().expect("exit").success());

    // …and so does a second workspace of ours, starting from nothing.
    let there = tempfile::tempdir().expect("tempdir");
    let theirs = Client::open(Some(there.path().to_path_buf())).expect("open");
    teamstead_client::sync::sync_teams_with(&theirs, &url, vec![team.id.clone()], timeout)
        .await
        .expect("sync down");
    // Not a member, so no task lists; but the documents are the same, change for change.
    let task_title = theirs.task(&board, &task).expect("task").summary.title;
    assert_eq!(task_title, "Stored by the reference");
    assert_eq!(
        theirs.document_heads(&team.id).expect("heads"),
        mine.document_heads(&team.id).expect("heads")
    );
    assert_eq!(
        theirs.document_heads(&board).expect("heads"),
        mine.document_heads(&board).expect("heads")
    );

    drop(server);
}
