use super::*;

fn board() -> AutoCommit {
    let mut doc = AutoCommit::new();
    init(&mut doc, "team-1", "Launch", 1).expect("init");
    doc
}

fn add(doc: &mut AutoCommit, title: &str) -> String {
    let new = NewTask::titled(title, "todo", "alice");
    create_task(doc, new, 10).expect("create").id
}

fn to(status: Status) -> Move<'static> {
    Move {
        column: status.as_str(),
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
    let new = NewTask::titled("   ", "todo", "alice");
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
    let new = NewTask::titled("Straight to review", "in_review", "alice");
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

fn move_to(column: &str) -> Move<'_> {
    Move {
        column,
        before: None,
        force: false,
    }
}

#[test]
fn a_board_starts_with_the_four_default_columns() {
    let doc = board();
    let cols = columns::columns(&doc).expect("columns");
    let ids: Vec<&str> = cols.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["todo", "in_progress", "in_review", "done"]);
    assert_eq!(cols[3].name, "Done");
}

#[test]
fn a_board_written_before_columns_shows_the_defaults_and_writes_them_on_first_edit() {
    let mut doc = board();
    let id = add(&mut doc, "Old task");
    doc.delete(ROOT, "columns").expect("drop columns");
    assert_eq!(columns::columns(&doc).expect("defaults").len(), 4);
    let qa = columns::add_column(&mut doc, "QA", Status::InReview, Some(3)).expect("add");
    let cols = columns::columns(&doc).expect("columns");
    assert_eq!(cols.len(), 5);
    assert_eq!(cols[4].id, qa.id);
    assert_eq!(cols[4].wip_limit, Some(3));
    // The old task still sits in its status's default column.
    let task = task(&doc, &id).expect("task");
    assert_eq!(task.column_in(&cols).map(|c| c.id.as_str()), Some("todo"));
}

#[test]
fn moving_to_a_custom_column_takes_its_status() {
    let mut doc = board();
    let id = add(&mut doc, "Ship it");
    let shipped = columns::add_column(&mut doc, "Shipped", Status::Done, None).expect("add");
    let moved = move_task(&mut doc, &id, move_to(&shipped.id), 2).expect("move");
    assert_eq!(moved.status, Status::Done);
    assert_eq!(moved.column.as_deref(), Some(shipped.id.as_str()));
    assert_eq!(
        move_task(&mut doc, &id, move_to("nowhere"), 3).map(|t| t.id),
        Err(ModelError::not_found("column", "nowhere"))
    );
}

#[test]
fn columns_are_renamed_reordered_limited_and_deleted_with_their_tasks_moved() {
    let mut doc = board();
    let a = add(&mut doc, "A");
    let b = add(&mut doc, "B");
    let backlog = columns::add_column(&mut doc, "Backlog", Status::Todo, None).expect("add");
    for id in [&a, &b] {
        move_task(&mut doc, id, move_to(&backlog.id), 2).expect("move");
    }
    columns::move_column(&mut doc, &backlog.id, Some("todo")).expect("reorder");
    let patch = columns::ColumnPatch {
        name: Some("Icebox".into()),
        wip_limit: Some(Some(1)),
        ..Default::default()
    };
    columns::update_column(&mut doc, &backlog.id, patch, 3).expect("rename");
    let cols = columns::columns(&doc).expect("columns");
    assert_eq!(cols[0].name, "Icebox");
    assert_eq!(cols[0].wip_limit, Some(1));
    assert!(matches!(
        columns::update_column(
            &mut doc,
            &backlog.id,
            columns::ColumnPatch {
                wip_limit: Some(Some(0)),
                ..Default::default()
            },
            3
        ),
        Err(ModelError::Invalid { .. })
    ));

    columns::delete_column(&mut doc, &backlog.id, "in_progress", 4).expect("delete");
    let cols = columns::columns(&doc).expect("columns");
    assert!(cols.iter().all(|c| c.id != backlog.id));
    for id in [&a, &b] {
        let t = task(&doc, id).expect("task");
        assert_eq!(t.status, Status::InProgress);
        assert_eq!(t.column.as_deref(), Some("in_progress"));
    }
    // Their order is kept: A was above B.
    assert!(task(&doc, &a).expect("a").position < task(&doc, &b).expect("b").position);
}

#[test]
fn the_last_column_cannot_be_deleted_and_a_category_change_moves_its_tasks() {
    let mut doc = board();
    let id = add(&mut doc, "Task");
    for gone in ["in_progress", "in_review", "done"] {
        columns::delete_column(&mut doc, gone, "todo", 2).expect("delete");
    }
    let heads = doc.get_heads();
    assert!(matches!(
        columns::delete_column(&mut doc, "todo", "todo", 3),
        Err(ModelError::Invalid { .. })
    ));
    assert_eq!(doc.get_heads(), heads);
    let patch = columns::ColumnPatch {
        status: Some(Status::Done),
        ..Default::default()
    };
    columns::update_column(&mut doc, "todo", patch, 4).expect("recategorise");
    assert_eq!(task(&doc, &id).expect("task").status, Status::Done);
    // A review column needs assignees on every task it would hold.
    let review = columns::ColumnPatch {
        status: Some(Status::InReview),
        ..Default::default()
    };
    assert!(matches!(
        columns::update_column(&mut doc, "todo", review, 5),
        Err(ModelError::InvalidTransition { .. })
    ));
}

#[test]
fn concurrent_column_additions_both_survive_a_merge() {
    let mut left = board();
    let mut right = left.fork();
    columns::add_column(&mut left, "Design", Status::InProgress, None).expect("left");
    columns::add_column(&mut right, "Legal", Status::InReview, None).expect("right");
    left.merge(&mut right).expect("merge");
    let names: Vec<String> = columns::columns(&left)
        .expect("columns")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert!(names.contains(&"Design".to_string()) && names.contains(&"Legal".to_string()));
}

#[test]
fn saved_views_are_replaced_by_name_and_deleted() {
    let mut doc = board();
    let mine = views::save_view(&mut doc, "Mine", r#"{"assignee":"ann"}"#, 1).expect("save");
    let again = views::save_view(&mut doc, "mine", r#"{"assignee":"bob"}"#, 2).expect("again");
    assert_eq!(mine.id, again.id);
    let all = views::views(&doc).expect("views");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].query, r#"{"assignee":"bob"}"#);
    views::delete_view(&mut doc, &mine.id).expect("delete");
    assert!(views::views(&doc).expect("views").is_empty());
    assert!(matches!(
        views::delete_view(&mut doc, &mine.id),
        Err(ModelError::NotFound { .. })
    ));
}

#[test]
fn checklist_items_are_added_ticked_edited_and_removed() {
    let mut doc = board();
    let id = add(&mut doc, "Release");
    let t = checklist::add_item(&mut doc, &id, "Tag the build", 2).expect("add");
    let item = t.checklist[0].id.clone();
    checklist::add_item(&mut doc, &id, "Write notes", 2).expect("add");
    let t = checklist::update_item(&mut doc, &id, &item, None, Some(true), 3).expect("tick");
    assert!(t.checklist[0].done);
    let t = checklist::update_item(&mut doc, &id, &item, Some("Tag v1"), None, 4).expect("edit");
    assert_eq!(t.checklist[0].text, "Tag v1");
    assert!(matches!(
        checklist::add_item(&mut doc, &id, "  ", 5),
        Err(ModelError::Empty { .. })
    ));
    let t = checklist::delete_item(&mut doc, &id, &item, 6).expect("delete");
    assert_eq!(t.checklist.len(), 1);
}

#[test]
fn subtasks_are_one_level_deep_and_freed_when_their_parent_goes() {
    let mut doc = board();
    let parent = add(&mut doc, "Launch");
    let mut new = NewTask::titled("Press kit", "todo", "alice");
    new.parent = Some(&parent);
    let child = create_task(&mut doc, new, 2).expect("subtask").id;
    let other = add(&mut doc, "Other");
    let nest = TaskPatch {
        parent: Some(Some(child.clone())),
        ..Default::default()
    };
    assert!(matches!(
        update_task(&mut doc, &other, nest, 3),
        Err(ModelError::Invalid { .. })
    ));
    let adopt_parent = TaskPatch {
        parent: Some(Some(other.clone())),
        ..Default::default()
    };
    assert!(matches!(
        update_task(&mut doc, &parent, adopt_parent, 3),
        Err(ModelError::Invalid { .. })
    ));
    delete_task(&mut doc, &parent, 4).expect("delete");
    assert_eq!(task(&doc, &child).expect("child").parent, None);
}

#[test]
fn several_assignees_dates_and_estimates_are_checked_before_any_is_written() {
    let mut doc = board();
    let id = add(&mut doc, "Plan");
    let patch: TaskPatch = serde_json::from_str(
        r#"{"assignees":["ann","bob","ann"],"start":"2026-12-01","due":"2026-12-10","estimateMinutes":90}"#,
    )
    .expect("json");
    let t = update_task(&mut doc, &id, patch, 2).expect("update");
    assert_eq!(t.assignees(), ["ann", "bob"]);
    assert_eq!(t.assignee.as_deref(), Some("ann"));
    assert_eq!(t.start.as_deref(), Some("2026-12-01"));
    assert_eq!(t.estimate_minutes, Some(90));
    let heads = doc.get_heads();
    let backwards: TaskPatch =
        serde_json::from_str(r#"{"title":"New","start":"2026-12-20"}"#).expect("json");
    assert!(matches!(
        update_task(&mut doc, &id, backwards, 3),
        Err(ModelError::Invalid { .. })
    ));
    let zero: TaskPatch = serde_json::from_str(r#"{"estimateMinutes":0}"#).expect("json");
    assert!(matches!(
        update_task(&mut doc, &id, zero, 3),
        Err(ModelError::Invalid { .. })
    ));
    assert_eq!(doc.get_heads(), heads);
    assert_eq!(task(&doc, &id).expect("task").title, "Plan");
    // `assignee` alone sets the list to that one person.
    let one: TaskPatch = serde_json::from_str(r#"{"assignee":"bob"}"#).expect("json");
    assert_eq!(
        update_task(&mut doc, &id, one, 4).expect("one").assignees(),
        ["bob"]
    );
}

#[test]
fn concurrent_assignee_additions_both_survive() {
    let mut left = board();
    let id = add(&mut left, "Pair on it");
    let mut right = left.fork();
    let set = |list: &[&str]| TaskPatch {
        assignees: Some(list.iter().map(|s| s.to_string()).collect()),
        ..Default::default()
    };
    update_task(&mut left, &id, set(&["ann"]), 2).expect("left");
    update_task(&mut right, &id, set(&["bob"]), 2).expect("right");
    left.merge(&mut right).expect("merge");
    let mut all = task(&left, &id).expect("task").assignees();
    all.sort();
    assert_eq!(all, ["ann", "bob"]);
}

#[test]
fn history_names_who_touched_which_fields_and_gives_back_old_descriptions() {
    let mut doc = board();
    doc.commit_with(automerge::transaction::CommitOptions::default().with_message("alice"));
    let id = add(&mut doc, "Spec");
    doc.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message("alice")
            .with_time(100),
    );
    let edit = |text: &str| TaskPatch {
        description: Some(text.into()),
        ..Default::default()
    };
    update_task(&mut doc, &id, edit("First draft"), 2).expect("draft");
    doc.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message("bob")
            .with_time(200),
    );
    let other = add(&mut doc, "Unrelated");
    update_task(&mut doc, &other, edit("noise"), 3).expect("noise");
    doc.commit();
    update_task(&mut doc, &id, edit("Second draft, better"), 4).expect("second");
    move_task(&mut doc, &id, move_to("in_progress"), 4).expect("move");
    doc.commit_with(automerge::transaction::CommitOptions::default().with_message("carol"));

    let history = history::task_history(&mut doc, &id).expect("history");
    assert_eq!(history.len(), 3, "{history:?}");
    assert_eq!(history[0].fields, ["created"]);
    assert_eq!(history[0].author.as_deref(), Some("alice"));
    assert_eq!(history[0].at, 100_000);
    assert_eq!(history[1].fields, ["description"]);
    assert_eq!(history[1].author.as_deref(), Some("bob"));
    assert!(history[2].fields.contains(&"description"));
    assert!(history[2].fields.contains(&"column"));
    assert!(history[2].fields.contains(&"status"));
    let old = history::description_at(&mut doc, &id, history[1].hash).expect("old");
    assert_eq!(old, "First draft");
    let bogus = automerge::ChangeHash([7; 32]);
    assert!(matches!(
        history::description_at(&mut doc, &id, bogus),
        Err(ModelError::NotFound { .. })
    ));
}
