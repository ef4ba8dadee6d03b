//! A board to a file and back: CSV export, import with a preview and a row-by-row
//! report, JSON export.

mod common;

use common::workspace;
use teamstead_client::{Client, Place, Priority, Status, TaskPatch};

/// Every field of every task but the ids, which a new board renames (tasks named
/// by id, as dependencies and parents, are named by title instead).
fn fields_of(client: &Client, board: &str) -> Vec<String> {
    let csv = client.export_board_csv(board).expect("export");
    let titles: std::collections::HashMap<String, String> = client
        .list_tasks(board)
        .expect("tasks")
        .into_iter()
        .map(|t| (t.id, t.title))
        .collect();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            header
                .iter()
                .zip(r.iter())
                .filter(|(name, _)| *name != "id")
                .map(|(name, value)| match name.as_str() {
                    "depends_on" | "parent" => value
                        .split(';')
                        .filter(|d| !d.is_empty())
                        .map(|d| titles[d].as_str())
                        .collect::<Vec<_>>()
                        .join(";"),
                    _ => value.to_string(),
                })
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

#[test]
fn a_board_exported_as_csv_imports_back_the_same() {
    let (_dir, client, team, board) = workspace();
    let me = client.identity().user_id;
    let first = client
        .create_task(
            &board,
            "=SUM(A1) looks like a formula",
            Place::default(),
            None,
        )
        .expect("task")
        .summary
        .id;
    let second = client
        .create_task(
            &board,
            "Ship, then \"celebrate\"",
            Place::Status(Status::InProgress),
            None,
        )
        .expect("task")
        .summary
        .id;
    client
        .update_task(
            &board,
            &second,
            TaskPatch {
                description: Some("Line one\nline two, with a comma".into()),
                assignee: Some(Some(me.clone())),
                start: Some(Some("2026-11-20".into())),
                due: Some(Some("2026-12-01".into())),
                estimate_minutes: Some(Some(90)),
                priority: Some(Priority::High),
                labels: Some(vec!["launch".into(), "q4".into()]),
                ..TaskPatch::default()
            },
        )
        .expect("update");
    // A custom column, found by its name on a board that has one of that name.
    client
        .add_column(&board, "Polish", Status::InProgress, None)
        .expect("column");
    let polish = client.board_detail(&board).expect("board").columns[4]
        .id
        .clone();
    let third = client
        .create_task(
            &board,
            "Sand the edges",
            Place::Column(&polish),
            Some(&second),
        )
        .expect("subtask")
        .summary
        .id;
    client
        .add_checklist_item(&board, &third, "Fine grit")
        .expect("item");
    client
        .add_dependency(&board, &second, &first)
        .expect("depends");
    let csv = client.export_board_csv(&board).expect("export");

    let copy = client.create_board(&team, "Copy").expect("board").id;
    client
        .add_column(&copy, "Polish", Status::InProgress, None)
        .expect("column");
    let preview = client.preview_board_csv(&copy, &csv).expect("preview");
    assert_eq!(preview.tasks.len(), 3);
    assert!(preview.problems.is_empty() && !preview.applied);
    assert!(
        client.list_tasks(&copy).expect("tasks").is_empty(),
        "a preview writes nothing"
    );
    let report = client.import_board_csv(&copy, &csv, false).expect("import");
    assert!(report.applied && report.problems.is_empty());
    assert_eq!(fields_of(&client, &copy), fields_of(&client, &board));

    let moved = client
        .list_tasks(&copy)
        .expect("tasks")
        .into_iter()
        .find(|t| t.title == "Sand the edges")
        .expect("imported");
    assert_ne!(moved.column, "in_progress", "into the copy's own Polish");

    let json = client.export_board_json(&board).expect("json");
    assert_eq!(json["tasks"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["tasks"][1]["labels"][0], "launch");
    assert_eq!(json["tasks"][2]["checklist"][0]["text"], "Fine grit");
    assert_eq!(json["columns"][4]["name"], "Polish");
}

#[test]
fn a_malformed_file_gets_a_report_per_row_and_imports_nothing_unless_accepted() {
    let (_dir, client, _team, board) = workspace();
    let csv = "\u{feff}Title,Status,Due,Assignee,Priority,depends_on\n\
               Good one,In progress,2026-12-01,,high,\n\
               ,todo,,,,\n\
               Bad status,sleeping,,,,\n\
               Bad date,todo,2026-13-45,,,\n\
               Stranger,todo,,nobody,,\n\
               Orphan,todo,,,,no-such-task\n\
               \"Quoted, with a comma\",done,,Ann,low,\n";
    let report = client.import_board_csv(&board, csv, false).expect("report");
    assert!(!report.applied);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert!(
        report.problems[1].message.contains("sleeping"),
        "{:?}",
        report.problems[1]
    );
    assert!(
        client.list_tasks(&board).expect("tasks").is_empty(),
        "nothing partial"
    );

    let report = client
        .import_board_csv(&board, csv, true)
        .expect("accepted");
    assert!(report.applied);
    let mut titles: Vec<String> = client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    titles.sort();
    assert_eq!(titles, ["Good one", "Quoted, with a comma"]);

    let err = client
        .import_board_csv(&board, "name,status\nx,todo\n", false)
        .expect_err("no title");
    assert_eq!(err.code(), "invalid_input");
}
