//! Documents on disk: each document is a run of Automerge chunks in SQLite, a
//! snapshot followed by incremental changes. A write appends one chunk in the same
//! transaction as the index rows it changes; compaction folds the run into one
//! snapshot once it grows long.

use std::path::Path;

use automerge::{ActorId, AutoCommit, ChangeHash};
use rusqlite::{params, Connection, OptionalExtension};
use teamstead_model::DocKind;
use teamstead_protocol::DocumentId;

use crate::{migrations, ClientError, Result};

/// Incremental chunks a document may gather before it is compacted.
const COMPACT_AFTER: i64 = 64;
/// However large the snapshot, loading this many changes is slow enough.
const COMPACT_ALWAYS_AFTER: i64 = 4096;

/// A document held in memory, with what of it is already on disk.
pub struct LiveDoc {
    pub doc: AutoCommit,
    pub kind: DocKind,
    pub team_id: Option<String>,
    /// The heads the stored chunks cover; changes after these are not yet saved.
    saved_heads: Vec<ChangeHash>,
}

impl LiveDoc {
    pub fn new(kind: DocKind, team_id: Option<String>, actor: &ActorId) -> Self {
        let mut doc = AutoCommit::new();
        doc.set_actor(actor.clone());
        Self {
            doc,
            kind,
            team_id,
            saved_heads: Vec::new(),
        }
    }

    /// A document that arrived from the relay, none of it saved here yet.
    pub fn from_remote(doc: AutoCommit, kind: DocKind, team_id: Option<String>) -> Self {
        Self {
            doc,
            kind,
            team_id,
            saved_heads: Vec::new(),
        }
    }
}

/// Opens (creating if needed) the database, tuned for durability, and migrates it.
pub fn open(path: &Path) -> Result<Connection> {
    let mut conn = Connection::open(path)?;
    // WAL with FULL sync: a committed write survives a crash or power loss.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA busy_timeout = 5000;",
    )?;
    migrations::migrate_to(&mut conn, migrations::latest_version())?;
    Ok(conn)
}

pub fn insert_document(conn: &Connection, id: &DocumentId, live: &LiveDoc, now: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO documents (id, kind, team_id, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![id.to_string(), live.kind.as_str(), live.team_id, now],
    )?;
    Ok(())
}

/// Appends what changed since the last save. Returns whether anything was written.
pub fn save_changes(
    conn: &Connection,
    id: &DocumentId,
    live: &mut LiveDoc,
    now: i64,
) -> Result<bool> {
    let bytes = live.doc.save_after(&live.saved_heads);
    if bytes.is_empty() {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO doc_chunks (doc_id, kind, data, created_at) VALUES (?1, 'incremental', ?2, ?3)",
        params![id.to_string(), bytes, now],
    )?;
    Ok(true)
}

pub fn exists(conn: &Connection, id: &DocumentId) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM documents WHERE id = ?1",
            [id.to_string()],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Marks everything in memory as saved; call once the transaction has committed.
pub fn mark_saved(live: &mut LiveDoc) {
    live.saved_heads = live.doc.get_heads();
}

/// Loads a document, or `None` if this device does not have it.
pub fn load(conn: &Connection, id: &DocumentId, actor: &ActorId) -> Result<Option<LiveDoc>> {
    let meta: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT kind, team_id FROM documents WHERE id = ?1",
            [id.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((kind, team_id)) = meta else {
        return Ok(None);
    };
    let corrupt = |reason: String| ClientError::CorruptDocument {
        id: id.to_string(),
        reason,
    };
    let kind = DocKind::parse(&kind).ok_or_else(|| corrupt(format!("unknown kind `{kind}`")))?;
    let mut live = LiveDoc::new(kind, team_id, actor);
    let mut stmt =
        conn.prepare_cached("SELECT data FROM doc_chunks WHERE doc_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([id.to_string()])?;
    while let Some(row) = rows.next()? {
        let data: Vec<u8> = row.get(0)?;
        live.doc
            .load_incremental(&data)
            .map_err(|e| corrupt(e.to_string()))?;
    }
    mark_saved(&mut live);
    // From here on automerge records patches, so re-indexing a change is cheap.
    live.doc.update_diff_cursor();
    Ok(Some(live))
}

/// Folds a document's chunks into one snapshot once it has gathered many and
/// they weigh at least half its snapshot (or there are very many). Compacting
/// rewrites the whole document, so a small one compacts often and a month of
/// busy chat rarely: every write would otherwise pay for the whole month now and
/// then.
pub fn compact_if_long(
    conn: &mut Connection,
    id: &DocumentId,
    live: &mut LiveDoc,
    now: i64,
) -> Result<bool> {
    // length() of a blob reads its size, not its bytes.
    let (count, snapshot, increments): (i64, i64, i64) = conn.query_row(
        "SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN kind = 'snapshot' THEN length(data) END), 0),
                COALESCE(SUM(CASE WHEN kind = 'snapshot' THEN 0 ELSE length(data) END), 0)
         FROM doc_chunks WHERE doc_id = ?1",
        [id.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if count <= COMPACT_AFTER || (increments * 2 < snapshot && count <= COMPACT_ALWAYS_AFTER) {
        return Ok(false);
    }
    compact(conn, id, live, now)?;
    Ok(true)
}

/// Replaces every chunk of the document with one snapshot, atomically.
pub fn compact(conn: &mut Connection, id: &DocumentId, live: &mut LiveDoc, now: i64) -> Result<()> {
    let snapshot = live.doc.save();
    let tx = conn.transaction()?;
    tx.execute("DELETE FROM doc_chunks WHERE doc_id = ?1", [id.to_string()])?;
    tx.execute(
        "INSERT INTO doc_chunks (doc_id, kind, data, created_at) VALUES (?1, 'snapshot', ?2, ?3)",
        params![id.to_string(), snapshot, now],
    )?;
    tx.commit()?;
    mark_saved(live);
    Ok(())
}

/// Every stored document id of one kind.
pub fn document_ids(conn: &Connection, kind: DocKind) -> Result<Vec<DocumentId>> {
    let mut stmt = conn.prepare("SELECT id FROM documents WHERE kind = ?1 ORDER BY created_at")?;
    let ids = stmt
        .query_map([kind.as_str()], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    ids.iter()
        .map(|s| {
            s.parse().map_err(|e: teamstead_protocol::DocumentIdError| {
                ClientError::CorruptDocument {
                    id: s.clone(),
                    reason: e.to_string(),
                }
            })
        })
        .collect()
}

pub fn get_local(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM local_state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_local(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO local_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
