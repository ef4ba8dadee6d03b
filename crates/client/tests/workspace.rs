//! The client API against a real SQLite file in a temporary directory.

use teamstead_client::{Client, ClientError, Place, Priority, Role, Status, TaskPatch};

fn open(dir: &tempfile::TempDir) -> Client {
    Client::open(Some(dir.path().to_path_buf())).expect("open workspace")
}

fn code(result: Result<impl std::fmt::Debug, ClientError>) -> &'static str {
    match result {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.code(),
    }
}

#[test]
fn a_new_team_has_an_owner_and_a_first_board() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    assert_eq!(team.name, "Acme");
    assert_eq!(team.role, Role::Owner);
    assert_eq!(team.member_count, 1);
    assert_eq!(team.boards.len(), 1);
    assert_eq!(team.boards[0].name, "Tasks");
    let renamed = client.rename_team(&team.id, "Acme Inc").expect("rename");
    assert_eq!(renamed.name, "Acme Inc");
    let board = client.create_board(&team.id, "Roadmap").expect("board");
    let names: Vec<String> = client
        .list_boards(&team.id)
        .expect("boards")
        .into_iter()
        .map(|b| b.name)
        .collect();
    assert_eq!(names, ["Tasks", "Roadmap"]);
    assert_eq!(board.task_count, 0);
}

#[test]
fn tasks_live_through_a_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (board_id, task_id) = {
        let client = open(&dir);
        let team = client.create_team("Acme").expect("team");
        let board = &team.boards[0].id;
        let bob = client
            .add_member(&team.id, "Bob", Role::Member)
            .expect("member");
        let task = client
            .create_task(board, "Ship the beta", Place::default(), None)
            .expect("task");
        let patch = TaskPatch {
            description: Some("Everything in the beta milestone".into()),
            assignee: Some(Some(bob.user_id.clone())),
            due: Some(Some("2030-05-01".into())),
            priority: Some(Priority::High),
            labels: Some(vec!["Release".into()]),
            ..Default::default()
        };
        client
            .update_task(board, &task.summary.id, patch)
            .expect("update");
        client
            .move_task(
                board,
                &task.summary.id,
                Place::Status(Status::InReview),
                None,
                false,
            )
            .expect("move");
        client
            .add_comment(board, &task.summary.id, "Ready when you are")
            .expect("comment");
        (board.clone(), task.summary.id)
    };
    let client = open(&dir);
    let task = client.task(&board_id, &task_id).expect("task after reopen");
    assert_eq!(task.summary.title, "Ship the beta");
    assert_eq!(task.summary.status, Status::InReview);
    assert_eq!(task.summary.labels, ["release"]);
    assert_eq!(task.description, "Everything in the beta milestone");
    assert_eq!(task.comments[0].author_name, client.identity().name);
    let listed = client.list_tasks(&board_id).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].status, Status::InReview);
    assert_eq!(listed[0].due.as_deref(), Some("2030-05-01"));
}

#[test]
fn bad_input_gets_a_code_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    let board = team.boards[0].id.clone();
    let a = client
        .create_task(&board, "A", Place::default(), None)
        .expect("a")
        .summary
        .id;
    let b = client
        .create_task(&board, "B", Place::default(), None)
        .expect("b")
        .summary
        .id;
    client.add_dependency(&board, &b, &a).expect("b after a");
    let before = client.list_tasks(&board).expect("list");

    assert_eq!(
        code(client.create_task(&board, "  ", Place::default(), None)),
        "empty"
    );
    assert_eq!(
        code(client.add_dependency(&board, &a, &b)),
        "dependency_cycle"
    );
    assert_eq!(
        code(client.add_dependency(&board, &a, &a)),
        "self_dependency"
    );
    assert_eq!(
        code(client.move_task(&board, &b, Place::Status(Status::Done), None, false)),
        "task_blocked"
    );
    assert_eq!(
        code(client.move_task(&board, &a, Place::Status(Status::InReview), None, false)),
        "invalid_transition"
    );
    let bad_due = TaskPatch {
        title: Some("Renamed".into()),
        due: Some(Some("2030-02-30".into())),
        ..Default::default()
    };
    assert_eq!(
        code(client.update_task(&board, &a, bad_due)),
        "invalid_date"
    );
    let stranger = TaskPatch {
        assignee: Some(Some("nobody".into())),
        ..Default::default()
    };
    assert_eq!(code(client.update_task(&board, &a, stranger)), "not_found");
    assert_eq!(code(client.task(&board, "no-such-task")), "not_found");
    assert_eq!(code(client.list_tasks("not-a-board")), "not_found");
    assert_eq!(
        code(client.create_task("3vQB7B6MrGQZaxCuFg4oh", "X", Place::default(), None)),
        "not_found"
    );
    // A team is not a board.
    assert_eq!(
        code(client.create_task(&team.id, "X", Place::default(), None)),
        "not_found"
    );
    assert_eq!(code(client.create_team("")), "empty");

    assert_eq!(client.list_tasks(&board).expect("list"), before);
    assert_eq!(client.list_teams().expect("teams").len(), 1);
    let forced = client
        .move_task(&board, &b, Place::Status(Status::Done), None, true)
        .expect("forced");
    assert_eq!(forced.summary.status, Status::Done);
}

#[test]
fn search_finds_words_in_titles_and_descriptions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    let board = team.boards[0].id.clone();
    let task = client
        .create_task(&board, "Quarterly planning", Place::default(), None)
        .expect("task");
    let patch = TaskPatch {
        description: Some("Agree the roadmap with the café owners".into()),
        ..Default::default()
    };
    client
        .update_task(&board, &task.summary.id, patch)
        .expect("update");
    client
        .create_task(&board, "Unrelated", Place::default(), None)
        .expect("other");

    let hits = client
        .search_tasks("roadm", Some(&team.id))
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].task_id, task.summary.id);
    assert!(
        hits[0].snippet.contains("\u{2}roadmap\u{3}"),
        "{}",
        hits[0].snippet
    );
    assert_eq!(
        client.search_tasks("cafe", None).expect("diacritics").len(),
        1
    );
    assert_eq!(
        client.search_tasks("quarterly", None).expect("title").len(),
        1
    );
    assert!(client
        .search_tasks("\"(*", None)
        .expect("syntax")
        .is_empty());

    client
        .delete_task(&board, &task.summary.id)
        .expect("delete");
    assert!(client
        .search_tasks("roadmap", None)
        .expect("after delete")
        .is_empty());
}

#[test]
fn the_index_rebuilt_from_documents_matches_the_live_index() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    client.seed_demo_if_empty().expect("demo");
    let team = &client.list_teams().expect("teams")[0];
    let board = &team.boards[0].id;
    let before = client.list_tasks(board).expect("before");
    assert_eq!(before.len(), 8, "the demo board is full");
    assert!(before.iter().any(|t| t.status == Status::InReview));
    let teams_before = client.list_teams().expect("teams");
    client.rebuild_index().expect("rebuild");
    assert_eq!(client.list_tasks(board).expect("after"), before);
    assert_eq!(client.list_teams().expect("teams"), teams_before);
    assert!(
        client.seed_demo_if_empty().expect("second seed").is_none(),
        "seeds once"
    );
}

#[test]
fn compaction_keeps_every_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let board = {
        let client = open(&dir);
        let team = client.create_team("Acme").expect("team");
        let board = team.boards[0].id.clone();
        // Enough writes to pass the compaction threshold more than once.
        for i in 0..150 {
            client
                .create_task(&board, &format!("Task {i}"), Place::default(), None)
                .expect("task");
        }
        client.compact_all().expect("compact");
        client
            .create_task(&board, "After compaction", Place::default(), None)
            .expect("task");
        board
    };
    let client = open(&dir);
    let tasks = client.list_tasks(&board).expect("list");
    assert_eq!(tasks.len(), 151);
    client
        .rebuild_index()
        .expect("rebuild from compacted documents");
    assert_eq!(client.list_tasks(&board).expect("list").len(), 151);
    let chunks: i64 = rusqlite::Connection::open(dir.path().join("teamstead.db"))
        .expect("db")
        .query_row("SELECT COUNT(*) FROM doc_chunks", [], |r| r.get(0))
        .expect("count");
    assert!(chunks < 10, "compacted to few chunks, found {chunks}");
}

#[test]
fn a_broken_document_is_reported_not_hidden() {
    let dir = tempfile::tempdir().expect("tempdir");
    let board = {
        let client = open(&dir);
        let team = client.create_team("Acme").expect("team");
        team.boards[0].id.clone()
    };
    let conn = rusqlite::Connection::open(dir.path().join("teamstead.db")).expect("db");
    conn.execute(
        "UPDATE doc_chunks SET data = x'00ff00ff' WHERE doc_id = ?1",
        [&board],
    )
    .expect("corrupt");
    let client = open(&dir);
    assert_eq!(
        code(client.create_task(&board, "X", Place::default(), None)),
        "corrupt_document"
    );
    // The rest of the workspace keeps working.
    assert_eq!(client.list_teams().expect("teams").len(), 1);
}

#[test]
fn every_write_announces_its_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    let mut events = client.subscribe();
    let board = team.boards[0].id.clone();
    client
        .create_task(&board, "Hello", Place::default(), None)
        .expect("task");
    let event = events.try_recv().expect("an event");
    assert_eq!(event.doc_id, board);
    assert_eq!(event.team_id.as_deref(), Some(team.id.as_str()));
    let _ = client.create_task(&board, "", Place::default(), None);
    assert!(
        events.try_recv().is_err(),
        "a refused write announces nothing"
    );
}

#[test]
fn the_index_answers_queries_by_assignee_status_and_due_date() {
    use teamstead_client::TaskQuery;
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    let board = team.boards[0].id.clone();
    let bob = client
        .add_member(&team.id, "Bob", Role::Member)
        .expect("bob")
        .user_id;
    let other_board = client.create_board(&team.id, "Ops").expect("board").id;
    for (board, title, assignee, due) in [
        (&board, "Soon, Bob", Some(&bob), Some("2030-01-10")),
        (&board, "Later, Bob", Some(&bob), Some("2030-06-01")),
        (&other_board, "Soon, nobody", None, Some("2030-01-05")),
        (&other_board, "Whenever, Bob", Some(&bob), None),
    ] {
        let id = client
            .create_task(board, title, Place::default(), None)
            .expect("task")
            .summary
            .id;
        let patch = TaskPatch {
            assignee: Some(assignee.cloned()),
            due: Some(due.map(str::to_string)),
            ..Default::default()
        };
        client.update_task(board, &id, patch).expect("update");
    }
    let titles = |query: TaskQuery| -> Vec<String> {
        let mut t: Vec<String> = client
            .find_tasks(&query)
            .expect("query")
            .into_iter()
            .map(|t| t.title)
            .collect();
        t.sort();
        t
    };
    assert_eq!(
        titles(TaskQuery {
            assignee: Some(bob.clone()),
            ..Default::default()
        }),
        ["Later, Bob", "Soon, Bob", "Whenever, Bob"]
    );
    assert_eq!(
        titles(TaskQuery {
            due_before: Some("2030-01-31".into()),
            ..Default::default()
        }),
        ["Soon, Bob", "Soon, nobody"]
    );
    assert_eq!(
        titles(TaskQuery {
            assignee: Some(bob),
            due_before: Some("2030-01-31".into()),
            board_id: Some(board),
            status: Some(Status::Todo),
            ..Default::default()
        }),
        ["Soon, Bob"]
    );
    assert_eq!(
        code(client.find_tasks(&TaskQuery {
            due_before: Some("tomorrow".into()),
            ..Default::default()
        })),
        "invalid_date"
    );
}

#[test]
fn one_process_at_a_time_holds_a_workspace() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = open(&dir);
    let second = Client::open(Some(dir.path().to_path_buf()));
    assert_eq!(second.err().map(|e| e.code()), Some("already_open"));
    drop(first);
    open(&dir);
}

#[test]
fn viewers_and_outsiders_cannot_write_a_board() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = open(&dir);
    let team = client.create_team("Acme").expect("team");
    let board = team.boards[0].id.clone();
    let task = client
        .create_task(&board, "Mine", Place::default(), None)
        .expect("task")
        .summary
        .id;
    // Make this user a viewer by editing the index as a synced team document would.
    let conn = rusqlite::Connection::open(dir.path().join("teamstead.db")).expect("db");
    conn.execute("UPDATE idx_members SET role = 'viewer'", [])
        .expect("viewer");
    assert_eq!(
        code(client.create_task(&board, "Nope", Place::default(), None)),
        "forbidden"
    );
    assert_eq!(code(client.delete_task(&board, &task)), "forbidden");
    assert_eq!(code(client.add_comment(&board, &task, "hi")), "forbidden");
    assert_eq!(code(client.rename_board(&board, "Mine now")), "forbidden");
    assert_eq!(
        client.list_tasks(&board).expect("read still works").len(),
        1
    );
}
