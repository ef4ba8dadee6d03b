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

/// Ann's published team "Cli Crew" on a relay in this process, an invitation code
/// for it, and Ben signed up but not yet in it; `None` when this call started the
/// test again inside a D-Bus session (the caller returns).
struct Crew {
    runtime: tokio::runtime::Runtime,
    relay: teamstead_relay::RunningRelay,
    url: String,
    ann: tempfile::TempDir,
    ben: tempfile::TempDir,
    team: String,
    code: String,
    _dirs: [tempfile::TempDir; 2],
}

fn crew(test: &str) -> Option<Crew> {
    let keyrings = tempfile::tempdir().expect("tempdir");
    if !teamstead_tests::in_keyring_session(test, keyrings.path()) {
        return None;
    }
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let relay_dir = tempfile::tempdir().expect("tempdir");
    let relay = runtime.block_on(start_relay(relay_dir.path()));
    let url = relay.http_url();
    let (ann, ben) = (
        tempfile::tempdir().expect("a"),
        tempfile::tempdir().expect("b"),
    );
    sign_up(ann.path(), &url, "Ann");
    let team = ok(ann.path(), &["team", "create", "Cli Crew"])["id"]
        .as_str()
        .expect("id")
        .to_string();
    ok(ann.path(), &["team", "publish", &team]);
    let invite = ok(ann.path(), &["team", "invite", &team, "--role", "member"]);
    let code = invite["code"].as_str().expect("code").to_string();
    ok(ann.path(), &["sync"]);
    sign_up(ben.path(), &url, "Ben");
    Some(Crew {
        runtime,
        relay,
        url,
        ann,
        ben,
        team,
        code,
        _dirs: [keyrings, relay_dir],
    })
}

#[test]
fn two_people_share_a_board_from_the_command_line() {
    let Some(Crew {
        runtime,
        relay,
        url,
        ann,
        ben,
        team,
        code,
        _dirs,
    }) = crew("two_people_share_a_board_from_the_command_line")
    else {
        return;
    };
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

fn sign_up(dir: &Path, url: &str, name: &str) {
    let email = format!("{}@example.test", name.to_lowercase());
    let (success, signed) = teamstead(
        dir,
        &["signup", "--relay", url, "--email", &email, "--name", name],
        &format!("{PASSWORD}\n"),
    );
    assert!(success, "{signed}");
}

#[test]
fn an_assessment_and_a_pulse_survey_from_the_command_line() {
    let Some(Crew {
        runtime,
        relay,
        ann,
        ben,
        team,
        code,
        _dirs,
        ..
    }) = crew("an_assessment_and_a_pulse_survey_from_the_command_line")
    else {
        return;
    };
    ok(ben.path(), &["team", "join", &code]);
    ok(ben.path(), &["sync"]);
    ok(ann.path(), &["sync"]);
    let members = ok(ann.path(), &["team", "members", &team]);
    let ben_id = members
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["name"] == "Ben")
        .expect("ben")["userId"]
        .as_str()
        .expect("id")
        .to_string();

    let templates = ok(ann.path(), &["assessment", "templates", &team]);
    assert!(templates.as_array().is_some_and(|t| t.len() >= 3));
    let id = ok(
        ann.path(),
        &[
            "assessment",
            "create",
            &team,
            "--title",
            "Onboarding",
            "--template",
            "builtin:onboarding-30",
        ],
    )["id"]
        .as_str()
        .expect("id")
        .to_string();
    ok(
        ann.path(),
        &[
            "assessment",
            "assign",
            &id,
            "--member",
            &ben_id,
            "--due",
            "2030-01-10",
        ],
    );
    ok(ann.path(), &["sync"]);

    ok(ben.path(), &["sync"]);
    let inbox = ok(ben.path(), &["assessment", "inbox"]);
    assert_eq!(inbox[0]["progress"], "not_started");
    for (question, value) in [
        ("access", "yes"),
        ("buddy", "4"),
        ("known", "Ship a change, Ask for review"),
    ] {
        ok(ben.path(), &["assessment", "answer", &id, question, value]);
    }
    let (success, error) = teamstead(
        ben.path(),
        &["assessment", "answer", &id, "buddy", "many"],
        "",
    );
    assert!(!success);
    assert_eq!(error["error"]["code"], "invalid_input");
    ok(ben.path(), &["assessment", "submit", &id]);
    ok(ben.path(), &["sync"]);

    ok(ann.path(), &["sync"]);
    let shown = ok(ann.path(), &["assessment", "show", &id]);
    assert_eq!(shown["assignments"][0]["progress"], "submitted");
    ok(
        ann.path(),
        &["assessment", "review", &id, &ben_id, "--approve"],
    );
    let results = ok(ann.path(), &["assessment", "results", &id]);
    assert_eq!(results["approved"], 1);
    let score = results["members"][0]["score"].as_f64().expect("score");
    assert!(score > 0.0 && score <= 100.0, "{score}");
    let csv_path = ann.path().join("results.csv");
    let out = csv_path.to_str().expect("path");
    let (success, _) = teamstead(
        ann.path(),
        &["assessment", "export", &id, "--format", "csv", "--out", out],
        "",
    );
    assert!(success);
    let csv = std::fs::read_to_string(&csv_path).expect("the export");
    assert!(
        csv.starts_with("member,department,status,due,score"),
        "{csv}"
    );
    assert!(csv.contains("Ben,,approved,2030-01-10,"), "{csv}");

    // A pulse with a threshold of 3 and two people: nothing to see.
    ok(ann.path(), &["pulse", "threshold", &team, "3"]);
    let pulse = ok(
        ann.path(),
        &[
            "pulse",
            "create",
            &team,
            "--title",
            "Pulse",
            "--question",
            "I am heard.",
        ],
    )["id"]
        .as_str()
        .expect("pulse id")
        .to_string();
    ok(ann.path(), &["sync"]);
    ok(ben.path(), &["sync"]);
    ok(ben.path(), &["pulse", "answer", &team, &pulse, "4"]);
    ok(ben.path(), &["sync"]);
    ok(ann.path(), &["pulse", "answer", &team, &pulse, "5"]);
    ok(ann.path(), &["sync"]);
    ok(ann.path(), &["sync"]);
    let results = ok(ann.path(), &["pulse", "results", &team, &pulse]);
    assert_eq!(results["threshold"], 3);
    assert_eq!(results["periods"][0]["received"], 2);
    assert_eq!(results["periods"][0]["published"], 0);
    runtime.block_on(relay.shutdown()).expect("shutdown");
}

/// A team made on this machine only (no relay, no keyring): its folder, id and
/// first board.
fn local_team(name: &str) -> (tempfile::TempDir, String, String) {
    let temp = tempfile::tempdir().expect("tempdir");
    let team = ok(temp.path(), &["team", "create", name]);
    let id = team["id"].as_str().expect("team id").to_string();
    let board = team["boards"][0]["id"]
        .as_str()
        .expect("board id")
        .to_string();
    (temp, id, board)
}

/// What `teamstead` prints for `args` without --json (CSV, for one).
fn printed(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = std::process::Command::new(teamstead_tests::workspace_binary("teamstead"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("teamstead runs");
    assert!(out.status.success(), "teamstead {args:?} failed");
    out.stdout
}

#[test]
fn time_tracking_from_the_command_line() {
    let (temp, team_id, board) = local_team("Timekeepers");
    let (dir, team_id, board) = (temp.path(), team_id.as_str(), board.as_str());
    let task = ok(dir, &["task", "add", board, "Write the report"]);
    let task = task["id"].as_str().expect("task id");

    let started = ok(dir, &["task", "timer", "start", board, task]);
    let status = ok(dir, &["task", "timer", "status"]);
    assert_eq!(status["id"], started["id"]);
    assert!(status["endedAt"].is_null());
    let stopped = ok(dir, &["task", "timer", "stop"]);
    assert!(stopped["endedAt"].is_i64());
    assert!(ok(dir, &["task", "timer", "status"]).is_null());

    let args = [
        "task",
        "time",
        "add",
        board,
        task,
        "--from",
        "2026-11-23 09:00",
        "--to",
        "2026-11-23 10:30",
        "--note",
        "first draft",
    ];
    assert_eq!(ok(dir, &args)["durationMs"], 90 * 60_000);
    let (success, error) = teamstead(
        dir,
        &[
            "task",
            "time",
            "add",
            board,
            task,
            "--from",
            "2026-11-23 10:00",
            "--to",
            "soon",
        ],
        "",
    );
    assert!(!success);
    assert_eq!(error["error"]["code"], "invalid_input");
    let totals = ok(
        dir,
        &[
            "task",
            "time",
            "totals",
            team_id,
            "--from",
            "2026-11-23",
            "--to",
            "2026-11-23",
        ],
    );
    assert_eq!(totals["byTask"][0][2], 90 * 60_000);

    let args = [
        "task",
        "timesheet",
        team_id,
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-23",
    ];
    let csv = String::from_utf8(printed(dir, &args)).expect("utf-8");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("date,person,task,started,ended,hours,note")
    );
    let row = lines.next().expect("a row");
    assert!(
        row.starts_with("2026-11-23,")
            && row
                .ends_with(",Write the report,2026-11-23 09:00,2026-11-23 10:30,1.50,first draft"),
        "{row}"
    );
}

#[test]
fn a_board_exported_and_imported_from_the_command_line() {
    let (temp, team_id, board) = local_team("Exporters");
    let (dir, team_id, board) = (temp.path(), team_id.as_str(), board.as_str());
    ok(dir, &["task", "add", board, "First, with a comma"]);
    ok(dir, &["task", "add", board, "Second", "--status", "done"]);
    let file = dir.join("board.csv");
    std::fs::write(&file, printed(dir, &["task", "export", board])).expect("write");
    let copy = ok(dir, &["board", "create", team_id, "Copy"]);
    let copy = copy["id"].as_str().expect("board id");
    let file = file.to_str().expect("path");
    let preview = ok(dir, &["task", "import", copy, file, "--preview"]);
    assert_eq!(preview["tasks"].as_array().map(Vec::len), Some(2));
    assert_eq!(preview["applied"], false);
    assert_eq!(ok(dir, &["task", "import", copy, file])["applied"], true);
    let tasks = ok(dir, &["task", "list", copy]);
    assert_eq!(tasks.as_array().map(Vec::len), Some(2));

    // A bad row: nothing imported, the report says which line, the command fails.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "title,status\nFine,todo\nBroken,sleeping\n").expect("write");
    let (success, _) = teamstead(
        dir,
        &["task", "import", copy, bad.to_str().expect("path")],
        "",
    );
    assert!(!success);
    assert_eq!(
        ok(dir, &["task", "list", copy]).as_array().map(Vec::len),
        Some(2)
    );
    let report = ok(
        dir,
        &[
            "task",
            "import",
            copy,
            bad.to_str().expect("path"),
            "--accept-partial",
        ],
    );
    assert_eq!(report["problems"][0]["line"], 3);
    assert_eq!(
        ok(dir, &["task", "list", copy]).as_array().map(Vec::len),
        Some(3)
    );
}

#[test]
fn boards_in_depth_from_the_command_line() {
    let (temp, team_id, board) = local_team("Deep Boards");
    let (dir, board) = (temp.path(), board.as_str());
    let id = |v: serde_json::Value| v["id"].as_str().expect("id").to_string();

    // A column of our own, with a WIP limit; a task moved into it by its id.
    let columns = ok(
        dir,
        &[
            "task",
            "column",
            "add",
            board,
            "QA",
            "--status",
            "in_review",
            "--wip",
            "2",
        ],
    );
    let qa = columns["columns"][4]["id"]
        .as_str()
        .expect("qa")
        .to_string();
    assert_eq!(columns["columns"][4]["wipLimit"], 2);
    let spec = id(ok(dir, &["task", "add", board, "Write the spec"]));
    let me = ok(dir, &["team", "members", &team_id])[0]["userId"]
        .as_str()
        .expect("my id")
        .to_string();
    let edited = ok(
        dir,
        &[
            "task",
            "edit",
            board,
            &spec,
            "--assignees",
            &me,
            "--start",
            "2026-12-01",
            "--due",
            "2026-12-03",
            "--estimate",
            "120",
            "--priority",
            "high",
            "--labels",
            "docs",
        ],
    );
    assert_eq!(edited["estimateMinutes"], 120);
    let moved = ok(dir, &["task", "move", board, &spec, "--to", &qa]);
    assert_eq!(
        (moved["column"].as_str(), moved["status"].as_str()),
        (Some(qa.as_str()), Some("in_review"))
    );

    // Checklist, subtask, a dependency on another board, and a cycle refused.
    let item = ok(dir, &["task", "check", "add", board, &spec, "Proofread"])["checklist"][0]["id"]
        .as_str()
        .expect("item")
        .to_string();
    let ticked = ok(dir, &["task", "check", "done", board, &spec, &item]);
    assert_eq!(ticked["checklistDone"], 1);
    let sub = ok(dir, &["task", "add", board, "Diagrams", "--parent", &spec]);
    assert_eq!(sub["parentId"].as_str(), Some(spec.as_str()));
    let other = ok(dir, &["board", "create", &team_id, "Marketing"]);
    let other = other["id"].as_str().expect("board").to_string();
    let post = id(ok(dir, &["task", "add", &other, "Blog post"]));
    ok(dir, &["task", "depend", &other, &post, &spec]);
    let (succeeded, error) = teamstead(dir, &["task", "depend", board, &spec, &post], "");
    assert!(!succeeded, "a loop through two boards is refused");
    assert_eq!(error["error"]["code"], "dependency_cycle", "{error}");

    // Filters and a saved view.
    let found = ok(dir, &["task", "find", "--board", board, "--label", "docs"]);
    assert_eq!(found.as_array().map(Vec::len), Some(1));
    let blocked = ok(dir, &["task", "find", "--blocked"]);
    assert_eq!(blocked[0]["title"], "Blog post");
    let views = ok(
        dir,
        &["task", "view", "save", board, "Docs", "--label", "docs"],
    );
    assert_eq!(views[0]["query"]["label"], "docs");

    // History and restoring a description.
    ok(
        dir,
        &["task", "edit", board, &spec, "--description", "Version one"],
    );
    ok(
        dir,
        &["task", "edit", board, &spec, "--description", "Version two"],
    );
    let history = ok(dir, &["task", "history", board, &spec]);
    let first = history
        .as_array()
        .expect("entries")
        .iter()
        .rev()
        .find(|e| {
            e["fields"]
                .as_array()
                .is_some_and(|f| f.iter().any(|x| x == "description"))
        })
        .expect("the first description edit")["hash"]
        .as_str()
        .expect("hash")
        .to_string();
    let restored = ok(dir, &["task", "restore", board, &spec, &first]);
    assert_eq!(restored["description"], "Version one");

    // Bulk: both tasks of the board to Done in one step (a subtask does not
    // block its parent; only dependencies do).
    let sub_id = sub["id"].as_str().expect("sub");
    let bulk = ok(
        dir,
        &[
            "task",
            "bulk",
            board,
            "--tasks",
            &format!("{spec},{sub_id}"),
            "move",
            "--to",
            "done",
        ],
    );
    assert_eq!(bulk["changed"], 2);
    let done = ok(dir, &["task", "find", "--board", board, "--column", "done"]);
    assert_eq!(done.as_array().map(Vec::len), Some(2));
}
