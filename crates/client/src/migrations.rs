//! Schema migrations: SQL files in migrations/client, embedded at build time, applied
//! forward in order, each recorded in `schema_version` in the same transaction.

use rusqlite::{params, Connection};

use crate::Result;

/// (version, file name, SQL). Append only; a test checks this list against the folder.
pub const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "0001_documents_and_index.sql",
        include_str!("../../../migrations/client/0001_documents_and_index.sql"),
    ),
    (
        2,
        "0002_task_search.sql",
        include_str!("../../../migrations/client/0002_task_search.sql"),
    ),
    (
        3,
        "0003_sync.sql",
        include_str!("../../../migrations/client/0003_sync.sql"),
    ),
    (
        4,
        "0004_chat.sql",
        include_str!("../../../migrations/client/0004_chat.sql"),
    ),
    (
        5,
        "0005_assessments.sql",
        include_str!("../../../migrations/client/0005_assessments.sql"),
    ),
    (
        6,
        "0006_market_cache.sql",
        include_str!("../../../migrations/client/0006_market_cache.sql"),
    ),
    (
        7,
        "0007_time_entries.sql",
        include_str!("../../../migrations/client/0007_time_entries.sql"),
    ),
    (
        8,
        "0008_boards_in_depth.sql",
        include_str!("../../../migrations/client/0008_boards_in_depth.sql"),
    ),
];

pub fn latest_version() -> u32 {
    MIGRATIONS.last().map_or(0, |m| m.0)
}

pub fn current_version(conn: &Connection) -> Result<u32> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version INTEGER PRIMARY KEY,
             name TEXT NOT NULL,
             applied_at INTEGER NOT NULL
         );",
    )?;
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM schema_version",
        [],
        |r| r.get(0),
    )?)
}

/// Applies every migration above the database's version, up to `target`.
/// Returns the versions applied.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<Vec<u32>> {
    let current = current_version(conn)?;
    if current > latest_version() {
        return Err(crate::ClientError::NewerSchema {
            found: current,
            known: latest_version(),
        });
    }
    let mut applied = Vec::new();
    for (version, name, sql) in MIGRATIONS {
        if *version <= current || *version > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![version, name, crate::clock::now()],
        )?;
        tx.commit()?;
        applied.push(*version);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_the_folder_is_listed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/client");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("migrations folder")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<&str> = MIGRATIONS.iter().map(|m| m.1).collect();
        assert_eq!(files, listed);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.0 as usize, i + 1, "versions are consecutive");
        }
    }

    #[test]
    fn a_newer_database_is_refused() {
        let mut conn = Connection::open_in_memory().expect("db");
        migrate_to(&mut conn, latest_version()).expect("migrate");
        conn.execute(
            "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 0)",
            [],
        )
        .expect("future version");
        let err = migrate_to(&mut conn, latest_version()).expect_err("refused");
        assert_eq!(err.code(), "newer_schema");
    }

    #[test]
    fn migrating_twice_applies_nothing_the_second_time() {
        let mut conn = Connection::open_in_memory().expect("db");
        assert_eq!(
            migrate_to(&mut conn, latest_version()).expect("first"),
            (1..=latest_version()).collect::<Vec<_>>()
        );
        assert!(migrate_to(&mut conn, latest_version())
            .expect("second")
            .is_empty());
        assert_eq!(current_version(&conn).expect("version"), latest_version());
    }
}
