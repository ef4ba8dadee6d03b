use super::*;

fn board() -> AutoCommit {
    let mut doc = AutoCommit::new();
    init(&mut doc, "team-1", "Launch", 1).expect("init");
    doc
}

fn add(doc: &mut AutoCommit, title: &str) -> String {
    let new = NewTask {
        title,
        description: "",
        status: Status::Todo,
        created_by: "alice",
    };
    create_task(doc, new, 10).expect("create").id
}

fn to(status: Status) -> Move<'static> {
    Move {
        status,
        before: None,
        force: false,
    }
}

#[test]
fn a_task_round_trips_through_save_and_load() {
    let mut doc = board();
    let id = add(&mut doc, "Write the launch post");
    let loaded = AutoCommit::load(&doc.save()).expect("load");
    let task = task(&loaded, &id).expect("task");
    assert_eq!(task.title, "Write the launch post");
    assert_eq!(task.status, Status::Todo);
    assert_eq!(info(&loaded).expect("info").name, "Launch");
}

#[test]
fn blank_titles_are_refused_and_change_nothing() {
    let mut doc = board();
    let heads = doc.get_heads();
    let new = NewTask {
        title: "   ",
        description: "",
        status: Status::Todo,
        created_by: "alice",
    };
    assert_eq!(
        create_task(&mut doc, new, 1).map(|t| t.id),
        Err(ModelError::Empty {
            what: "a task title"
        })
    );
    assert_eq!(doc.get_heads(), heads);
    assert!(tasks(&doc).expect("tasks").is_empty());
}

#[test]
fn a_bad_field_in_a_patch_changes_no_field() {
    let mut doc = board();
    let id = add(&mut doc, "Task");
    let patch = TaskPatch {
        title: Some("New title".into()),
        due: Some(Some("2024-02-30".into())),
        ..Default::default()
    };
    assert!(matches!(
        update_task(&mut doc, &id, patch, 2),
        Err(ModelError::InvalidDate(_))
    ));
    assert_eq!(task(&doc, &id).expect("task").title, "Task");
}

#[test]
fn patch_sets_and_clears_fields() {
    let mut doc = board();
    let id = add(&mut doc, "Task");
    let patch: TaskPatch = serde_json::from_str(
        r#"{"description":"Hello","assignee":"bob","due":"2030-01-31","priority":"high","labels":["UI","ui","bug"]}"#,
    )
    .expect("json");
    let task = update_task(&mut doc, &id, patch, 2).expect("update");
    assert_eq!(task.description.as_str(), "Hello");
    assert_eq!(task.assignee.as_deref(), Some("bob"));
    assert_eq!(task.due.as_deref(), Some("2030-01-31"));
    assert_eq!(task.priority, Priority::High);
    assert_eq!(task.labels, vec!["ui", "bug"]);

    let clear: TaskPatch = serde_json::from_str(r#"{"assignee":null,"due":null}"#).expect("json");
    let task = update_task(&mut doc, &id, clear, 3).expect("update");
    assert_eq!(task.assignee, None);
    assert_eq!(task.due, None);
    assert_eq!(task.priority, Priority::High, "fields left out stay");
}

#[test]
fn review_needs_an_assignee() {
    let mut doc = board();
    let id = add(&mut doc, "Task");
    assert!(matches!(
        move_task(&mut doc, &id, to(Status::InReview), 2),
        Err(ModelError::InvalidTransition { .. })
    ));
    let patch = TaskPatch {
        assignee: Some(Some("bob".into())),
        ..Default::default()
    };
    update_task(&mut doc, &id, patch, 3).expect("assign");
    let moved = move_task(&mut doc, &id, to(Status::InReview), 4).expect("move");
    assert_eq!(moved.status, Status::InReview);
}

#[test]
fn blocked_tasks_reach_done_only_when_forced() {
    let mut doc = board();
    let design = add(&mut doc, "Design");
    let build = add(&mut doc, "Build");
    add_dependency(&mut doc, &build, &design, 2).expect("dep");
    assert_eq!(
        move_task(&mut doc, &build, to(Status::Done), 3).map(|t| t.status),
        Err(ModelError::TaskBlocked(vec!["Design".into()]))
    );
    let forced = Move {
        force: true,
        ..to(Status::Done)
    };
    assert_eq!(
        move_task(&mut doc, &build, forced, 4)
            .expect("forced")
            .status,
        Status::Done
    );

    move_task(&mut doc, &build, to(Status::Todo), 5).expect("reopen");
    move_task(&mut doc, &design, to(Status::Done), 6).expect("design done");
    move_task(&mut doc, &build, to(Status::Done), 7).expect("no longer blocked");
}

#[test]
fn cycles_and_self_dependencies_are_refused() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    let b = add(&mut doc, "B");
    let c = add(&mut doc, "C");
    add_dependency(&mut doc, &b, &a, 2).expect("b after a");
    add_dependency(&mut doc, &c, &b, 2).expect("c after b");
    let heads = doc.get_heads();
    assert_eq!(
        add_dependency(&mut doc, &a, &c, 3).map(|t| t.id),
        Err(ModelError::DependencyCycle(vec![
            "A".into(),
            "C".into(),
            "B".into(),
            "A".into()
        ]))
    );
    assert_eq!(
        add_dependency(&mut doc, &a, &a, 3).map(|t| t.id),
        Err(ModelError::SelfDependency)
    );
    assert!(matches!(
        add_dependency(&mut doc, &a, "missing", 3),
        Err(ModelError::NotFound { .. })
    ));
    assert_eq!(doc.get_heads(), heads, "refused edits write nothing");
}

#[test]
fn moves_place_tasks_between_neighbours() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    let b = add(&mut doc, "B");
    let c = add(&mut doc, "C");
    let before_b = Move {
        before: Some(&b),
        ..to(Status::Todo)
    };
    move_task(&mut doc, &c, before_b, 2).expect("move");
    let mut all = tasks(&doc).expect("tasks");
    all.sort_by(|x, y| x.position.total_cmp(&y.position));
    let order: Vec<&str> = all.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(order, ["A", "C", "B"]);

    // No anchor: to the end of the column, also within the same column.
    move_task(&mut doc, &a, to(Status::Todo), 3).expect("to the end");
    let mut all = tasks(&doc).expect("tasks");
    all.sort_by(|x, y| x.position.total_cmp(&y.position));
    let order: Vec<&str> = all.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(order, ["C", "B", "A"]);
}

#[test]
fn new_tasks_cannot_start_in_review() {
    let mut doc = board();
    let new = NewTask {
        title: "Straight to review",
        description: "",
        status: Status::InReview,
        created_by: "alice",
    };
    assert!(matches!(
        create_task(&mut doc, new, 1),
        Err(ModelError::InvalidTransition { .. })
    ));
}

#[test]
fn deleting_a_task_drops_it_from_dependencies() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    let b = add(&mut doc, "B");
    add_dependency(&mut doc, &b, &a, 2).expect("dep");
    delete_task(&mut doc, &a, 3).expect("delete");
    assert!(task(&doc, &b).expect("b").depends_on.is_empty());
    let again = delete_task(&mut doc, &a, 4);
    assert!(
        matches!(again, Err(ModelError::NotFound { .. })),
        "{again:?}"
    );
}

#[test]
fn comments_need_a_body() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    assert_eq!(
        add_comment(&mut doc, &a, "bob", " ", 2).map(|c| c.id),
        Err(ModelError::Empty { what: "a comment" })
    );
    add_comment(&mut doc, &a, "bob", "Looks good", 3).expect("comment");
    assert_eq!(task(&doc, &a).expect("task").comments[0].body, "Looks good");
}

#[test]
fn concurrent_description_edits_both_survive() {
    let mut doc = board();
    let id = add(&mut doc, "A");
    let patch = TaskPatch {
        description: Some("The plan".into()),
        ..Default::default()
    };
    update_task(&mut doc, &id, patch, 2).expect("seed");
    let mut other = doc.fork();
    let edit = |text: &str| TaskPatch {
        description: Some(text.into()),
        ..Default::default()
    };
    update_task(&mut doc, &id, edit("Our plan"), 3).expect("left");
    update_task(&mut other, &id, edit("The plan, v2"), 3).expect("right");
    doc.merge(&mut other).expect("merge");
    assert_eq!(
        task(&doc, &id).expect("task").description.as_str(),
        "Our plan, v2"
    );
}

#[test]
fn descriptions_with_non_ascii_text_update_in_place() {
    let mut doc = board();
    let id = add(&mut doc, "A");
    for text in [
        "Café ☕ for the team",
        "Café ☕ for the whole team 🎉",
        "naïve",
    ] {
        let patch = TaskPatch {
            description: Some(text.into()),
            ..Default::default()
        };
        update_task(&mut doc, &id, patch, 2).expect("update");
        let loaded = AutoCommit::load(&doc.save()).expect("load");
        assert_eq!(task(&loaded, &id).expect("task").description.as_str(), text);
    }
}

#[test]
fn many_drops_into_one_gap_keep_the_order() {
    let mut doc = board();
    let first = add(&mut doc, "First");
    let last = add(&mut doc, "Last");
    // Each new task goes just before `last`, halving the same gap each time.
    let mut expected = vec!["First".to_string()];
    for i in 0..80 {
        let title = format!("T{i}");
        let id = add(&mut doc, &title);
        let before_last = Move {
            before: Some(&last),
            ..to(Status::Todo)
        };
        move_task(&mut doc, &id, before_last, 2).expect("drop");
        expected.push(title);
    }
    expected.push("Last".into());
    let mut all = tasks(&doc).expect("tasks");
    all.sort_by(|x, y| x.position.total_cmp(&y.position));
    let order: Vec<String> = all.iter().map(|t| t.title.clone()).collect();
    assert_eq!(order, expected);
    let positions: Vec<f64> = all.iter().map(|t| t.position).collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "positions stay distinct"
    );
    let _ = first;
}

#[test]
fn a_drop_anchor_outside_the_column_is_invalid_input() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    let b = add(&mut doc, "B");
    let wrong_column = Move {
        before: Some(&b),
        ..to(Status::Done)
    };
    let result = move_task(&mut doc, &a, wrong_column, 2);
    assert_eq!(
        result.map(|t| t.id).map_err(|e| e.code()),
        Err("invalid_input")
    );
}
