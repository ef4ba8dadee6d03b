//! A database made at schema version 1 (before task search existed) opens under the
//! current code: it is migrated forward, its data is kept, and search covers it.

use automerge::AutoCommit;
use rusqlite::{params, Connection};
use teamstead_client::{migrations, Client, Place};
use teamstead_model::board::{self, NewTask};
use teamstead_model::team::{self, Member, Role};
use teamstead_model::DocumentId;

const USER: &str = "7d3f8f0e-1111-4222-8333-944455556666";

/// Writes a team and a board with one task the way version 1 stored them.
fn make_version_1_database(path: &std::path::Path) -> (String, String) {
    let mut conn = Connection::open(path).expect("db");
    migrations::migrate_to(&mut conn, 1).expect("schema v1");
    conn.execute(
        "INSERT INTO local_state (key, value) VALUES ('user_id', ?1)",
        [USER],
    )
    .expect("identity");

    let team_id = DocumentId::new().to_string();
    let board_id = DocumentId::new().to_string();
    let mut team_doc = AutoCommit::new();
    let owner = Member::new(USER.into(), "Old Timer", Role::Owner, 1).expect("member");
    team::init(&mut team_doc, "Legacy team", owner, 1).expect("team");
    team::add_board(&mut team_doc, USER, &board_id).expect("board listed");
    let mut board_doc = AutoCommit::new();
    board::init(&mut board_doc, &team_id, "Legacy board", 1).expect("board");
    let new = NewTask {
        description: "Move the scanned invoices",
        ..NewTask::titled("Migrate the archive", "todo", USER)
    };
    let task = board::create_task(&mut board_doc, new, 2).expect("task");

    for (id, kind, team, doc) in [
        (&team_id, "team", None, &mut team_doc),
        (&board_id, "board", Some(&team_id), &mut board_doc),
    ] {
        conn.execute(
            "INSERT INTO documents (id, kind, team_id, created_at) VALUES (?1, ?2, ?3, 1)",
            params![id, kind, team],
        )
        .expect("document");
        conn.execute(
            "INSERT INTO doc_chunks (doc_id, kind, data, created_at) VALUES (?1, 'snapshot', ?2, 1)",
            params![id, doc.save()],
        )
        .expect("chunk");
    }
    conn.execute(
        "INSERT INTO idx_teams VALUES (?1, 'Legacy team', 1)",
        [&team_id],
    )
    .expect("idx");
    conn.execute(
        "INSERT INTO idx_members VALUES (?1, ?2, 'Old Timer', 'owner')",
        params![team_id, USER],
    )
    .expect("idx");
    conn.execute(
        "INSERT INTO idx_boards VALUES (?1, ?2, 'Legacy board', 0, 1)",
        params![board_id, team_id],
    )
    .expect("idx");
    conn.execute(
        "INSERT INTO idx_tasks (id, board_id, team_id, title, description, status, position, assignee,
                                due, priority, labels, depends_on, comment_count, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'Migrate the archive', 'Move the scanned invoices', 'todo', 1.0, NULL,
                 NULL, 'none', '[]', '[]', 0, 2, 2)",
        params![task.id, board_id, team_id],
    )
    .expect("idx");
    (board_id, task.id)
}

#[test]
fn a_version_1_database_is_upgraded_and_keeps_its_data() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (board_id, task_id) = make_version_1_database(&dir.path().join("teamstead.db"));

    let client = Client::open(Some(dir.path().to_path_buf())).expect("open and migrate");
    let conn = Connection::open(dir.path().join("teamstead.db")).expect("db");
    assert_eq!(
        migrations::current_version(&conn).expect("version"),
        migrations::latest_version()
    );

    assert_eq!(client.identity().user_id, USER);
    let teams = client.list_teams().expect("teams");
    assert_eq!(teams[0].name, "Legacy team");
    assert_eq!(client.list_tasks(&board_id).expect("tasks")[0].id, task_id);
    let hits = client.search_tasks("invoices", None).expect("search");
    assert_eq!(
        hits.len(),
        1,
        "the migration indexed existing tasks for search"
    );
    // New writes work on the upgraded database.
    client
        .create_task(&board_id, "After the upgrade", Place::default(), None)
        .expect("write");
    assert_eq!(
        client.search_tasks("upgrade", None).expect("search").len(),
        1
    );
}
