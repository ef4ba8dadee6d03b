//! Time tracking through the client on a real workspace: one running timer per
//! person across boards, entries by hand, totals and the timesheet.

use teamstead_client::{Client, Place};

#[test]
fn one_timer_runs_at_a_time_and_totals_add_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let client = Client::open(Some(dir.path().to_path_buf())).expect("open");
    client.set_name("Ann").expect("name");
    let team = client.create_team("Studio").expect("team");
    let first = team.boards[0].id.clone();
    let second = client.create_board(&team.id, "Other").expect("board").id;
    let a = client
        .create_task(&first, "Draft", Place::default(), None)
        .expect("task")
        .summary
        .id;
    let b = client
        .create_task(&second, "Review", Place::default(), None)
        .expect("task")
        .summary
        .id;

    let on_a = client.start_timer(&first, &a).expect("start on a");
    assert_eq!(
        client.running_timer().expect("read").expect("running").id,
        on_a.id
    );
    // Starting on another board stops the first timer.
    let on_b = client.start_timer(&second, &b).expect("start on b");
    let running = client.running_timer().expect("read").expect("running");
    assert_eq!(
        (running.id.as_str(), running.task_title.as_str()),
        (on_b.id.as_str(), "Review")
    );
    let entries = client.time_entries(&team.id, 0, i64::MAX).expect("entries");
    let stopped = entries.iter().find(|e| e.id == on_a.id).expect("a's entry");
    assert!(stopped.ended_at.is_some(), "the first timer stopped");
    client.stop_timer().expect("stop").expect("stopped");
    assert!(
        client.stop_timer().expect("stop").is_none(),
        "nothing runs now"
    );

    // Two hours by hand on Monday 2026-11-23 (UTC), one on Sunday the 22nd.
    let monday = 1_795_392_000_000_i64;
    let hour = 3_600_000;
    let manual = client
        .add_time_entry(
            &first,
            &a,
            monday,
            monday + 2 * hour,
            Some("=cmd, \"quoted\""),
        )
        .expect("add");
    client
        .add_time_entry(&second, &b, monday - hour * 24, monday - hour * 23, None)
        .expect("add");
    let bad = client.add_time_entry(&first, &a, monday, monday - 1, None);
    assert_eq!(bad.map_err(|e| e.code()).err(), Some("invalid_input"));
    let edited = client
        .edit_time_entry(&manual.id, monday, monday + 3 * hour, None)
        .expect("edit");
    assert_eq!(edited.duration_ms, 3 * hour);

    let totals = client
        .time_totals(&team.id, monday - 2 * 24 * hour, monday + 24 * hour)
        .expect("totals");
    assert_eq!(
        totals.by_task[0],
        (a.clone(), "Draft".to_string(), 3 * hour)
    );
    assert_eq!(totals.by_person[0].1, 4 * hour);
    assert_eq!(
        totals.by_week,
        [
            ("2026-W47".to_string(), hour),
            ("2026-W48".to_string(), 3 * hour)
        ]
    );
    let csv = client
        .timesheet_csv(&team.id, monday - 2 * 24 * hour, monday + 24 * hour)
        .expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "date,person,task,started,ended,hours,note");
    assert_eq!(
        lines[1],
        "2026-11-22,Ann,Review,2026-11-22 00:00,2026-11-22 01:00,1.00,"
    );
    assert_eq!(
        lines[2],
        "2026-11-23,Ann,Draft,2026-11-23 00:00,2026-11-23 03:00,3.00,"
    );
    client.delete_time_entry(&manual.id).expect("delete");
    assert_eq!(
        client
            .time_totals(&team.id, monday, monday + 24 * hour)
            .expect("totals")
            .by_task
            .len(),
        0
    );
}
