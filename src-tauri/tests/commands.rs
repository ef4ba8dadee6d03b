//! The desktop commands through Tauri's mock runtime: real IPC requests, a real
//! workspace on disk, no window.

use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::{Listener, WebviewWindow};
use teamstead_client::Client;

struct Desktop {
    app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn desktop() -> Desktop {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = Client::open(Some(dir.path().to_path_buf())).expect("workspace");
    let mut app = teamstead_desktop::with_client(mock_builder(), client)
        .build(mock_context(noop_assets()))
        .expect("app");
    // One turn of the event loop runs the app's setup, as the real loop does at start.
    #[allow(deprecated)]
    app.run_iteration(|_, _| {});
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("window");
    Desktop {
        app,
        window,
        _dir: dir,
    }
}

impl Desktop {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("json body"))
    }

    fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|e| panic!("{cmd} failed: {e}"))
    }

    fn error_code(&self, cmd: &str, args: Value) -> String {
        let error = self.invoke(cmd, args).expect_err("an error");
        assert!(
            error["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{error}"
        );
        error["code"].as_str().expect("a code").to_string()
    }
}

#[test]
fn a_team_board_and_task_through_ipc() {
    let d = desktop();
    assert_eq!(d.ok("team_list", json!({})), json!([]));
    let team = d.ok("team_create", json!({ "name": "Acme" }));
    assert_eq!(team["name"], "Acme");
    assert_eq!(team["role"], "owner");
    let board_id = team["boards"][0]["id"]
        .as_str()
        .expect("board id")
        .to_string();

    let task = d.ok(
        "task_create",
        json!({ "boardId": board_id, "title": "Plan the offsite" }),
    );
    let task_id = task["id"].as_str().expect("task id").to_string();
    assert_eq!(task["status"], "todo");
    assert_eq!(task["description"], "");

    let patch = json!({ "description": "Two days", "priority": "high", "labels": ["Ops"], "due": "2031-03-01" });
    let updated = d.ok(
        "task_update",
        json!({ "boardId": board_id, "taskId": task_id, "patch": patch }),
    );
    assert_eq!(updated["priority"], "high");
    assert_eq!(updated["labels"], json!(["ops"]));

    let moved = d.ok(
        "task_move",
        json!({ "boardId": board_id, "taskId": task_id, "column": "in_progress" }),
    );
    assert_eq!(moved["status"], "in_progress");

    let comment = d.ok(
        "comment_add",
        json!({ "boardId": board_id, "taskId": task_id, "body": "Booked" }),
    );
    assert_eq!(comment["body"], "Booked");

    let tasks = d.ok("task_list", json!({ "boardId": board_id }));
    assert_eq!(tasks[0]["commentCount"], 1);
    assert_eq!(tasks[0]["blockedBy"], json!([]));

    let due_soon = json!({ "query": { "dueBefore": "2031-03-31", "teamId": team["id"] } });
    assert_eq!(d.ok("task_query", due_soon)[0]["id"], task_id.as_str());

    let hits = d.ok("task_search", json!({ "query": "offsite", "teamId": null }));
    assert_eq!(hits[0]["taskId"], task_id);

    assert_eq!(d.ok("sync_status", json!({}))["label"], "Local only");
    d.ok(
        "task_delete",
        json!({ "boardId": board_id, "taskId": task_id }),
    );
    assert_eq!(d.ok("task_list", json!({ "boardId": board_id })), json!([]));
}

#[test]
fn errors_cross_as_code_and_message_and_change_nothing() {
    let d = desktop();
    let team = d.ok("team_create", json!({ "name": "Acme" }));
    let board_id = team["boards"][0]["id"].as_str().expect("board").to_string();
    let a = d.ok("task_create", json!({ "boardId": board_id, "title": "A" }))["id"].clone();
    let b = d.ok("task_create", json!({ "boardId": board_id, "title": "B" }))["id"].clone();
    d.ok(
        "task_add_dependency",
        json!({ "boardId": board_id, "taskId": b, "dependsOn": a }),
    );
    let before = d.ok("task_list", json!({ "boardId": board_id }));

    assert_eq!(
        d.error_code(
            "task_create",
            json!({ "boardId": board_id, "title": "   " })
        ),
        "empty"
    );
    assert_eq!(
        d.error_code(
            "task_add_dependency",
            json!({ "boardId": board_id, "taskId": a, "dependsOn": b })
        ),
        "dependency_cycle"
    );
    assert_eq!(
        d.error_code(
            "task_move",
            json!({ "boardId": board_id, "taskId": b, "column": "done" })
        ),
        "task_blocked"
    );
    assert_eq!(
        d.error_code("task_get", json!({ "boardId": board_id, "taskId": "nope" })),
        "not_found"
    );
    assert_eq!(
        d.error_code("task_list", json!({ "boardId": "nope" })),
        "not_found"
    );
    assert_eq!(d.ok("task_list", json!({ "boardId": board_id })), before);

    // Malformed arguments are refused by the IPC layer before any code runs.
    let bad = d.invoke(
        "task_move",
        json!({ "boardId": board_id, "taskId": a, "column": 42 }),
    );
    assert!(bad.is_err());
    let unknown_field = json!({ "boardId": board_id, "taskId": a, "patch": { "colour": "red" } });
    assert!(d.invoke("task_update", unknown_field).is_err());
    assert_eq!(d.ok("task_list", json!({ "boardId": board_id })), before);

    let forced = d.ok(
        "task_move",
        json!({ "boardId": board_id, "taskId": b, "column": "done", "force": true }),
    );
    assert_eq!(forced["status"], "done");

    // A column of the board's own: its WIP limit set, refused when not a number,
    // and cleared with null; a task moved into it takes its category.
    let board = d.ok(
        "column_add",
        json!({ "boardId": board_id, "name": "QA", "status": "in_review", "wipLimit": 2 }),
    );
    let qa = board["columns"][4]["id"].as_str().expect("qa").to_string();
    assert_eq!(board["columns"][4]["wipLimit"], 2);
    assert_eq!(
        d.error_code(
            "column_update",
            json!({ "boardId": board_id, "columnId": qa, "wipLimit": "many" })
        ),
        "invalid_input"
    );
    let cleared = d.ok(
        "column_update",
        json!({ "boardId": board_id, "columnId": qa, "wipLimit": null }),
    );
    assert!(cleared["columns"][4]["wipLimit"].is_null());
    assert_eq!(
        d.error_code(
            "task_move",
            json!({ "boardId": board_id, "taskId": a, "column": qa })
        ),
        "invalid_transition",
        "review needs someone's work"
    );
    let history = d.ok("task_history", json!({ "boardId": board_id, "taskId": b }));
    assert_eq!(history[0]["fields"], json!(["column", "status"]));
}

#[test]
fn the_window_hears_about_every_saved_change() {
    let d = desktop();
    let (tx, rx) = mpsc::channel::<String>();
    d.app.listen("doc-changed", move |event| {
        let _ = tx.send(event.payload().to_string());
    });
    let team = d.ok("team_create", json!({ "name": "Acme" }));
    let board_id = team["boards"][0]["id"].as_str().expect("board").to_string();
    d.ok(
        "task_create",
        json!({ "boardId": board_id, "title": "Hello" }),
    );
    let mut kinds = Vec::new();
    while let Ok(payload) = rx.recv_timeout(Duration::from_secs(10)) {
        let event: Value = serde_json::from_str(&payload).expect("json");
        let is_board_write = event["docId"] == board_id.as_str() && event["kind"] == "board";
        kinds.push(event["kind"].as_str().unwrap_or_default().to_string());
        if is_board_write && kinds.len() >= 4 {
            break;
        }
    }
    assert!(kinds.contains(&"team".to_string()), "{kinds:?}");
    assert_eq!(
        kinds.iter().filter(|k| *k == "board").count(),
        2,
        "board created, task written: {kinds:?}"
    );
}
