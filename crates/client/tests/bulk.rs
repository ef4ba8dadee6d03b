//! Bulk edits on a real workspace: 1,000 tasks moved in one step and put back by
//! undo, deletes undone with their dependencies, and all-or-nothing refusals.

use std::collections::HashMap;

use teamstead_client::{BulkAction, Client, Place, Status};

#[test]
fn a_thousand_tasks_move_in_one_step_and_undo_puts_them_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = Client::open(Some(dir.path().to_path_buf())).expect("open");
    let board = client.create_team("Bulk").expect("team").boards[0]
        .id
        .clone();
    let ids: Vec<String> = (0..1000)
        .map(|i| {
            client
                .create_task(&board, &format!("Task {i}"), Place::default(), None)
                .expect("task")
                .summary
                .id
        })
        .collect();
    let where_before: HashMap<String, (Status, f64)> = client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| (t.id, (t.status, t.position)))
        .collect();

    let moved = client
        .bulk_edit(
            &board,
            &ids,
            BulkAction::Move {
                column: "in_progress".into(),
                force: false,
            },
        )
        .expect("bulk move");
    assert_eq!(moved.changed, 1000);
    let tasks = client.list_tasks(&board).expect("tasks");
    assert!(tasks.iter().all(|t| t.status == Status::InProgress));
    // The column keeps the order they were selected in.
    let order: Vec<&str> = tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(order, ids.iter().map(String::as_str).collect::<Vec<_>>());

    assert_eq!(client.undo_bulk_edit(&moved.undo_id).expect("undo"), 1000);
    let after_undo: HashMap<String, (Status, f64)> = client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| (t.id, (t.status, t.position)))
        .collect();
    assert_eq!(after_undo, where_before);
    assert_eq!(
        client
            .undo_bulk_edit(&moved.undo_id)
            .map_err(|e| e.code())
            .err(),
        Some("not_found"),
        "undone once"
    );

    // Delete with a dependency between two of them; undo brings both back, linked.
    client
        .add_dependency(&board, &ids[1], &ids[0])
        .expect("depends");
    let some: Vec<String> = ids[..10].to_vec();
    let deleted = client
        .bulk_edit(&board, &some, BulkAction::Delete)
        .expect("bulk delete");
    assert_eq!(client.list_tasks(&board).expect("tasks").len(), 990);
    client
        .undo_bulk_edit(&deleted.undo_id)
        .expect("undo delete");
    assert_eq!(client.list_tasks(&board).expect("tasks").len(), 1000);
    assert_eq!(
        client
            .task(&board, &ids[1])
            .expect("task")
            .summary
            .depends_on,
        [ids[0].clone()]
    );

    // One blocked task stops a move to Done for all of them, unless forced.
    // (Its blocker stays behind: moved along with it, it would not block.)
    let without_blocker: Vec<String> = ids[1..10].to_vec();
    let refused = client.bulk_edit(
        &board,
        &without_blocker,
        BulkAction::Move {
            column: "done".into(),
            force: false,
        },
    );
    assert_eq!(refused.map_err(|e| e.code()).err(), Some("task_blocked"));
    assert!(client
        .list_tasks(&board)
        .expect("tasks")
        .iter()
        .all(|t| t.status == Status::Todo));
    client
        .bulk_edit(
            &board,
            &without_blocker,
            BulkAction::Move {
                column: "done".into(),
                force: true,
            },
        )
        .expect("forced");

    let labelled = client
        .bulk_edit(&board, &some, BulkAction::Label { label: "Q4".into() })
        .expect("label");
    assert_eq!(labelled.changed, 10);
    assert_eq!(
        client.task(&board, &ids[3]).expect("task").summary.labels,
        ["q4"]
    );
    let me = client.identity().user_id;
    client
        .bulk_edit(
            &board,
            &some,
            BulkAction::Assign {
                assignee: Some(me.clone()),
            },
        )
        .expect("assign");
    assert_eq!(
        client.task(&board, &ids[3]).expect("task").summary.assignee,
        Some(me)
    );
    let stranger = client.bulk_edit(
        &board,
        &some,
        BulkAction::Assign {
            assignee: Some("nobody".into()),
        },
    );
    assert_eq!(stranger.map_err(|e| e.code()).err(), Some("not_found"));
}
