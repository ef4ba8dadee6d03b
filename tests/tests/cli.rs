//! The `teamstead` command line end to end: two people, two data directories, one
//! relay, tokens in a real Secret Service.

mod support;

use std::path::Path;

use support::{start_relay, PASSWORD};
use teamstead_tests::teamstead_cli as teamstead;

fn ok(dir: &Path, args: &[&str]) -> serde_json::Value {
    let (success, json) = teamstead(dir, args, "");
    assert!(success, "teamstead {args:?} failed: {json}");
    json
}

#[test]
fn two_people_share_a_board_from_the_command_line() {
    let keyrings = tempfile::tempdir().expect("tempdir");
    if !teamstead_tests::in_keyring_session(
        "two_people_share_a_board_from_the_command_line",
        keyrings.path(),
    ) {
        return;
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let relay_dir = tempfile::tempdir().expect("tempdir");
    let relay = runtime.block_on(start_relay(relay_dir.path()));
    let url = relay.http_url();
    let (ann, ben) = (
        tempfile::tempdir().expect("a"),
        tempfile::tempdir().expect("b"),
    );
    let password = format!("{PASSWORD}\n");

    let (success, signed) = teamstead(
        ann.path(),
        &[
            "signup",
            "--relay",
            &url,
            "--email",
            "ann@example.test",
            "--name",
            "Ann",
        ],
        &password,
    );
    assert!(success, "{signed}");
    let team = ok(ann.path(), &["team", "create", "Cli Crew"])["id"]
        .as_str()
        .expect("id")
        .to_string();
    ok(ann.path(), &["team", "publish", &team]);
    let invite = ok(ann.path(), &["team", "invite", &team, "--role", "member"]);
    let code = invite["code"].as_str().expect("code").to_string();
    ok(ann.path(), &["sync"]);

    let (success, _) = teamstead(
        ben.path(),
        &[
            "signup",
            "--relay",
            &url,
            "--email",
            "ben@example.test",
            "--name",
            "Ben",
        ],
        &password,
    );
    assert!(success);
    assert_eq!(ok(ben.path(), &["team", "join", &code])["role"], "member");
    ok(ben.path(), &["sync"]);
    let boards = ok(ben.path(), &["board", "list", &team]);
    let board = boards[0]["id"].as_str().expect("board").to_string();
    let task = ok(ben.path(), &["task", "add", &board, "Written by Ben"])["id"]
        .as_str()
        .expect("task")
        .to_string();
    ok(
        ben.path(),
        &["task", "move", &board, &task, "--to", "in_progress"],
    );
    ok(ben.path(), &["sync"]);

    ok(ann.path(), &["sync"]);
    let tasks = ok(ann.path(), &["task", "list", &board]);
    assert_eq!(tasks[0]["title"], "Written by Ben");
    assert_eq!(tasks[0]["status"], "in_progress");
    let status = ok(ann.path(), &["status"]);
    assert_eq!(status["pendingChanges"], 0);
    assert!(status["lastHeardFrom"].is_number());

    // Errors are typed, in JSON, with a failing exit status.
    let (success, error) = teamstead(ann.path(), &["task", "add", "no-such-board", "X"], "");
    assert!(!success);
    assert_eq!(error["error"]["code"], "not_found");
    let (success, error) = teamstead(
        ben.path(),
        &["login", "--relay", &url, "--email", "ben@example.test"],
        "wrong password\n",
    );
    assert!(!success);
    assert_eq!(error["error"]["code"], "wrong_credentials");

    ok(ann.path(), &["logout"]);
    let (success, error) = teamstead(ann.path(), &["sync"], "");
    assert!(!success);
    assert_eq!(error["error"]["code"], "not_signed_in");
    runtime.block_on(relay.shutdown()).expect("shutdown");
}
