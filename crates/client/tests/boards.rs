//! Boards in depth through the client on a real workspace: columns and their
//! WIP limits, filters and saved views, checklists, subtasks, several
//! assignees, dependencies across boards, and a task's history.

mod common;

use common::workspace;
use teamstead_client::{
    BulkAction, Client, ColumnPatch, Place, Priority, Role, Status, TaskPatch, TaskQuery,
};

fn add(client: &Client, board: &str, title: &str) -> String {
    client
        .create_task(board, title, Place::default(), None)
        .expect("task")
        .summary
        .id
}

fn code<T: std::fmt::Debug>(result: teamstead_client::Result<T>) -> &'static str {
    result.expect_err("refused").code()
}

#[test]
fn custom_columns_hold_tasks_and_their_category_decides_done() {
    let (_dir, client, _team, board) = workspace();
    let a = add(&client, &board, "Design the logo");
    let detail = client
        .add_column(&board, "Design", Status::InProgress, Some(1))
        .expect("column");
    let design = detail.columns.last().expect("added").clone();
    assert_eq!(
        (design.name.as_str(), design.wip_limit),
        ("Design", Some(1))
    );
    let moved = client
        .move_task(&board, &a, Place::Column(&design.id), None, false)
        .expect("move");
    assert_eq!(
        (moved.summary.column.as_str(), moved.summary.status),
        (design.id.as_str(), Status::InProgress)
    );
    // The index follows: the task is found in its column.
    let query = TaskQuery {
        board_id: Some(board.clone()),
        column: Some(design.id.clone()),
        ..TaskQuery::default()
    };
    assert_eq!(client.find_tasks(&query).expect("find").len(), 1);

    // Recategorising the column moves its tasks with it.
    let patch = ColumnPatch {
        status: Some(Status::Done),
        ..ColumnPatch::default()
    };
    client
        .update_column(&board, &design.id, patch)
        .expect("recategorise");
    assert_eq!(
        client.task(&board, &a).expect("task").summary.status,
        Status::Done
    );
    // Deleting it sends its tasks elsewhere, and the index follows.
    client
        .delete_column(&board, &design.id, "todo")
        .expect("delete");
    let task = client.task(&board, &a).expect("task");
    assert_eq!(
        (task.summary.column.as_str(), task.summary.status),
        ("todo", Status::Todo)
    );
    assert_eq!(
        code(client.move_task(&board, &a, Place::Column(&design.id), None, false)),
        "not_found"
    );
    assert_eq!(
        code(client.add_column(&board, "  ", Status::Todo, None)),
        "empty"
    );
    // Bulk moves take a column too.
    let b = add(&client, &board, "Pick colours");
    let review = client
        .add_column(&board, "Ready", Status::InReview, None)
        .expect("column")
        .columns
        .last()
        .expect("added")
        .id
        .clone();
    // In review needs someone's work: refused for all, nothing moved.
    let action = BulkAction::Move {
        column: review.clone(),
        force: false,
    };
    assert_eq!(
        code(client.bulk_edit(&board, &[a.clone(), b.clone()], action)),
        "invalid_transition"
    );
    let me = client.identity().user_id;
    for id in [&a, &b] {
        let patch = TaskPatch {
            assignees: Some(vec![me.clone()]),
            ..TaskPatch::default()
        };
        client.update_task(&board, id, patch).expect("assign");
    }
    let action = BulkAction::Move {
        column: review.clone(),
        force: false,
    };
    client
        .bulk_edit(&board, &[a.clone(), b.clone()], action)
        .expect("bulk move");
    let in_review = client
        .find_tasks(&TaskQuery {
            column: Some(review),
            ..TaskQuery::default()
        })
        .expect("find");
    assert_eq!(in_review.len(), 2);
}

#[test]
fn filters_and_saved_views_find_the_right_tasks() {
    let (_dir, client, team, board) = workspace();
    let me = client.identity().user_id;
    let bob = client
        .add_member(&team, "Bob", Role::Member)
        .expect("bob")
        .user_id;
    let shared = add(&client, &board, "Pair on the API");
    let late = add(&client, &board, "Overdue invoice");
    let urgent = add(&client, &board, "Fix the outage");
    let patch = |f: &dyn Fn(&mut TaskPatch)| {
        let mut p = TaskPatch::default();
        f(&mut p);
        p
    };
    client
        .update_task(
            &board,
            &shared,
            patch(&|p| p.assignees = Some(vec![bob.clone(), me.clone()])),
        )
        .expect("shared");
    client
        .update_task(
            &board,
            &late,
            patch(&|p| {
                p.due = Some(Some("2020-01-31".into()));
                p.labels = Some(vec!["Finance".into()]);
            }),
        )
        .expect("late");
    client
        .update_task(
            &board,
            &urgent,
            patch(&|p| p.priority = Some(Priority::Urgent)),
        )
        .expect("urgent");
    client
        .add_dependency(&board, &urgent, &late)
        .expect("depends");

    let find = |q: TaskQuery| -> Vec<String> {
        let mut titles: Vec<String> = client
            .find_tasks(&TaskQuery {
                board_id: Some(board.clone()),
                ..q
            })
            .expect("find")
            .into_iter()
            .map(|t| t.title)
            .collect();
        titles.sort();
        titles
    };
    // Anyone among the assignees, not only the first.
    for who in [&me, &bob] {
        let q = TaskQuery {
            assignee: Some(who.clone()),
            ..TaskQuery::default()
        };
        assert_eq!(find(q), ["Pair on the API"]);
    }
    let q = TaskQuery {
        label: Some("finance".into()),
        ..TaskQuery::default()
    };
    assert_eq!(find(q), ["Overdue invoice"]);
    let q = TaskQuery {
        overdue: Some(true),
        ..TaskQuery::default()
    };
    assert_eq!(find(q), ["Overdue invoice"]);
    let q = TaskQuery {
        priority: Some(Priority::Urgent),
        ..TaskQuery::default()
    };
    assert_eq!(find(q), ["Fix the outage"]);
    let blocked = TaskQuery {
        blocked: Some(true),
        ..TaskQuery::default()
    };
    assert_eq!(find(blocked.clone()), ["Fix the outage"]);
    let q = TaskQuery {
        blocked: Some(false),
        ..TaskQuery::default()
    };
    assert_eq!(find(q), ["Overdue invoice", "Pair on the API"]);

    // A saved view keeps its filter for the whole team, and reads back the same.
    let detail = client
        .save_view(&board, "Blocked work", &blocked)
        .expect("save");
    assert_eq!(detail.views.len(), 1);
    assert_eq!(detail.views[0].query, blocked);
    let reread = client.board_detail(&board).expect("board");
    assert_eq!(reread.views, detail.views);
    let view_id = reread.views[0].id.clone();
    assert!(client
        .delete_view(&board, &view_id)
        .expect("delete")
        .views
        .is_empty());
}

#[test]
fn checklists_subtasks_dates_and_estimates_show_on_the_board() {
    let (_dir, client, _team, board) = workspace();
    let parent = add(&client, &board, "Launch");
    let child = client
        .create_task(&board, "Press kit", Place::default(), Some(&parent))
        .expect("subtask");
    assert_eq!(child.summary.parent_id.as_deref(), Some(parent.as_str()));
    let with_item = client
        .add_checklist_item(&board, &parent, "Book the venue")
        .expect("item");
    let item = with_item.checklist[0].id.clone();
    client
        .add_checklist_item(&board, &parent, "Print badges")
        .expect("item");
    client
        .update_checklist_item(&board, &parent, &item, None, Some(true))
        .expect("tick");
    let patch: TaskPatch =
        serde_json::from_str(r#"{"start":"2026-12-01","due":"2026-12-04","estimateMinutes":240}"#)
            .expect("patch");
    client.update_task(&board, &parent, patch).expect("dates");

    let summary = client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .find(|t| t.id == parent)
        .expect("parent listed");
    assert_eq!(
        (
            summary.checklist_done,
            summary.checklist_total,
            summary.subtask_count
        ),
        (1, 2, 1)
    );
    assert_eq!(summary.start.as_deref(), Some("2026-12-01"));
    assert_eq!(summary.estimate_minutes, Some(240));
    let detail = client.task(&board, &parent).expect("detail");
    assert_eq!(detail.subtasks.len(), 1);
    assert_eq!(detail.subtasks[0].title, "Press kit");
    let subtasks = client
        .find_tasks(&TaskQuery {
            parent_id: Some(parent.clone()),
            ..TaskQuery::default()
        })
        .expect("find");
    assert_eq!(subtasks.len(), 1);
    let backwards: TaskPatch = serde_json::from_str(r#"{"due":"2026-11-01"}"#).expect("patch");
    assert_eq!(
        code(client.update_task(&board, &parent, backwards)),
        "invalid_input"
    );
}

#[test]
fn dependencies_cross_boards_and_cycles_through_any_board_are_refused() {
    let (_dir, client, team, first) = workspace();
    let second = client.create_board(&team, "Marketing").expect("board").id;
    let api = add(&client, &first, "Ship the API");
    let post = add(&client, &second, "Announce the API");
    let docs = add(&client, &first, "Write the docs");

    let detail = client
        .add_dependency(&second, &post, &api)
        .expect("across boards");
    assert_eq!(detail.summary.blocked_by, std::slice::from_ref(&api));
    assert_eq!(detail.dependencies[0].board_name, "Tasks");
    let api_detail = client.task(&first, &api).expect("api");
    assert_eq!(api_detail.dependents[0].title, "Announce the API");

    // docs → post → api; api → docs would close the loop through the other board.
    client
        .add_dependency(&first, &docs, &post)
        .expect("docs after the post");
    let err = client
        .add_dependency(&first, &api, &docs)
        .expect_err("a loop");
    assert_eq!(err.code(), "dependency_cycle");
    assert!(err.to_string().contains("Announce the API"), "{err}");

    // A blocker on another board asks before Done, and Done frees the dependent.
    assert_eq!(
        code(client.move_task(&second, &post, Place::Status(Status::Done), None, false)),
        "task_blocked"
    );
    client
        .move_task(&first, &api, Place::Status(Status::Done), None, false)
        .expect("api done");
    assert!(client
        .task(&second, &post)
        .expect("post")
        .summary
        .blocked_by
        .is_empty());
    assert_eq!(
        code(client.add_dependency(&first, &api, "no-such-task")),
        "not_found"
    );
}

#[test]
fn history_names_the_author_of_each_change_and_restores_a_description() {
    let (_dir, client, _team, board) = workspace();
    let id = add(&client, &board, "Spec");
    let describe = |text: &str| TaskPatch {
        description: Some(text.into()),
        ..TaskPatch::default()
    };
    client
        .update_task(&board, &id, describe("The first idea"))
        .expect("first");
    client
        .update_task(&board, &id, describe("A worse idea"))
        .expect("second");
    client
        .move_task(&board, &id, Place::Status(Status::InProgress), None, false)
        .expect("move");

    let history = client.task_history(&board, &id).expect("history");
    let fields: Vec<Vec<&str>> = history.iter().map(|e| e.fields.clone()).collect();
    assert_eq!(
        fields,
        [
            vec!["column", "status"],
            vec!["description"],
            vec!["description"],
            vec!["created"],
        ]
    );
    assert!(history.iter().all(|e| e.name == "Ann"));
    let first_edit = &history[2].hash;
    assert_eq!(
        client
            .description_at(&board, &id, first_edit)
            .expect("old text"),
        "The first idea"
    );
    let restored = client
        .restore_description(&board, &id, first_edit)
        .expect("restore");
    assert_eq!(restored.description, "The first idea");
    assert_eq!(
        client.task_history(&board, &id).expect("history").len(),
        5,
        "a restore is a new change; the history keeps both"
    );
    assert_eq!(
        code(client.description_at(&board, &id, "not-a-hash")),
        "invalid_input"
    );
    assert_eq!(
        code(client.description_at(&board, &id, &"ab".repeat(32))),
        "not_found"
    );
}
