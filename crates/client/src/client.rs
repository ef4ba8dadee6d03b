use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use automerge::{ActorId, AutoCommit};
use rusqlite::Connection;
use teamstead_model::{DocKind, ModelError};
use teamstead_protocol::DocumentId;
use tokio::sync::broadcast;

use crate::batch::{loaded, Batch};
use crate::index::{self, Scope};
use crate::store::{self, LiveDoc};
use crate::{clock, data_dir, ClientError, DocChanged, Identity, Result};

const USER_ID_KEY: &str = "user_id";
const USER_NAME_KEY: &str = "user_name";
const ACTOR_KEY: &str = "actor_id";

/// One user's local workspace: a data directory with its database. Cheap to share
/// across threads; calls are serialized on one connection.
pub struct Client {
    inner: Mutex<Inner>,
    pub(crate) events: broadcast::Sender<DocChanged>,
    /// What the sync connection last reported, for the status badge.
    pub(crate) sync_state: Mutex<crate::sync::SyncState>,
    /// Presence, typing and read receipts: live, never in a document.
    pub signals: crate::chat::LiveSignals,
    /// What the last bulk edits changed, so they can be undone (bulk.rs).
    pub(crate) undo: Mutex<crate::bulk::UndoLog>,
    data_dir: PathBuf,
    /// Held while this client is open, so no second process works on the same
    /// documents from a stale copy in memory.
    _lock: std::fs::File,
}

pub(crate) struct Inner {
    pub conn: Connection,
    /// Documents loaded so far; the rest stay on disk until needed.
    pub(crate) docs: HashMap<DocumentId, LiveDoc>,
    pub identity: Identity,
    /// This device's Automerge actor: every change made here carries it.
    pub(crate) actor: ActorId,
}

impl Client {
    /// Opens the workspace in `dir` (or the default data directory), creating and
    /// migrating its database as needed.
    pub fn open(dir: Option<PathBuf>) -> Result<Self> {
        let data_dir = data_dir::resolve(dir)?;
        std::fs::create_dir_all(&data_dir).map_err(|source| ClientError::Io {
            context: format!("cannot create the data directory {}", data_dir.display()),
            source,
        })?;
        let lock = data_dir::lock(&data_dir)?;
        let conn = store::open(&data_dir::database_path(&data_dir))?;
        let identity = load_identity(&conn)?;
        let actor = load_actor(&conn)?;
        let signals = crate::chat::LiveSignals::default();
        // Desktop notifications are for what arrives from now on.
        *signals.desktop_mark() =
            conn.query_row("SELECT COALESCE(MAX(seq), 0) FROM idx_messages", [], |r| {
                r.get(0)
            })?;
        let (events, _) = broadcast::channel(256);
        Ok(Self {
            inner: Mutex::new(Inner {
                conn,
                docs: HashMap::new(),
                identity,
                actor,
            }),
            events,
            sync_state: Mutex::default(),
            signals,
            undo: Mutex::default(),
            data_dir,
            _lock: lock,
        })
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Document changes, as they are saved.
    pub fn subscribe(&self) -> broadcast::Receiver<DocChanged> {
        self.events.subscribe()
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock may have left unsaved edits in memory:
        // drop the cached documents so the next call reloads what is on disk.
        self.inner.lock().unwrap_or_else(|poisoned| {
            let mut inner = poisoned.into_inner();
            inner.docs.clear();
            self.inner.clear_poison();
            inner
        })
    }

    pub fn identity(&self) -> Identity {
        self.lock().identity.clone()
    }

    pub fn set_name(&self, name: &str) -> Result<Identity> {
        let name = teamstead_model::validate_title("your name", name)?;
        let mut inner = self.lock();
        store::set_local(&inner.conn, USER_NAME_KEY, &name)?;
        inner.identity.name = name;
        Ok(inner.identity.clone())
    }

    /// Runs `work` as one batch of document writes, saved in one transaction with
    /// their index rows: if any part fails, nothing of it remains.
    pub(crate) fn batch<T>(&self, work: impl FnOnce(&mut Batch<'_>) -> Result<T>) -> Result<T> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let now = clock::now();
        let tx = inner.conn.transaction()?;
        let mut batch = Batch::new(
            tx,
            &mut inner.docs,
            &inner.actor,
            &inner.identity.user_id,
            now,
        );
        let result = work(&mut batch);
        let (value, written, events) = batch.finish(result)?;
        for id in &written {
            if let Some(live) = inner.docs.get_mut(id) {
                // The writes are saved; a compaction that fails leaves the chunks as
                // they were and is tried again later, so it is not the caller's error.
                if let Err(e) = store::compact_if_long(&mut inner.conn, id, live, now) {
                    eprintln!("teamstead: compacting document {id} failed: {e}");
                }
            }
        }
        drop(guard);
        for event in events {
            let _ = self.events.send(event);
        }
        Ok(value)
    }

    /// Applies `edit` to one document and saves it (a batch of one). `edit` gets the
    /// batch's clock reading, the same one the change is committed with.
    pub(crate) fn write_doc<T>(
        &self,
        id: &DocumentId,
        edit: impl FnOnce(&mut AutoCommit, i64) -> Result<T, ModelError>,
    ) -> Result<T> {
        self.batch(|batch| {
            let now = batch.now();
            batch.write(id, |doc| edit(doc, now))
        })
    }

    /// Reads from a document, loading it if it is not in memory yet.
    pub(crate) fn read_doc<T>(
        &self,
        id: &DocumentId,
        read: impl FnOnce(&AutoCommit) -> Result<T, ModelError>,
    ) -> Result<T> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        Ok(read(&live.doc)?)
    }

    /// As `read_doc` for reads automerge only offers on a mutable document (the
    /// change history). `read` must not edit: nothing here is saved.
    pub(crate) fn read_history<T>(
        &self,
        id: &DocumentId,
        read: impl FnOnce(&mut AutoCommit) -> Result<T, ModelError>,
    ) -> Result<T> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        Ok(read(&mut live.doc)?)
    }

    /// As `read_doc`, or `None` if this device does not have the document (yet),
    /// under one lock.
    pub(crate) fn read_doc_if_here<T>(
        &self,
        id: &DocumentId,
        read: impl FnOnce(&AutoCommit) -> Result<T, ModelError>,
    ) -> Result<Option<T>> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        if !inner.docs.contains_key(id) && !store::exists(&inner.conn, id)? {
            return Ok(None);
        }
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        Ok(Some(read(&live.doc)?))
    }

    /// Recreates the whole query index from the documents.
    pub fn rebuild_index(&self) -> Result<usize> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let tx = inner.conn.transaction()?;
        index::clear(&tx)?;
        let mut count = 0;
        // Boards before teams: a team's index entry orders its boards.
        for kind in [
            DocKind::Board,
            DocKind::Team,
            DocKind::Channel,
            DocKind::Assessment,
            DocKind::Response,
            DocKind::Review,
        ] {
            for id in store::document_ids(&tx, kind)? {
                let live = loaded(&tx, &mut inner.docs, &id, &inner.actor)?;
                index::update(&tx, &id, live, Scope::Whole)?;
                count += 1;
            }
        }
        tx.commit()?;
        Ok(count)
    }

    /// Folds every document's chunks into a single snapshot.
    pub fn compact_all(&self) -> Result<usize> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let mut count = 0;
        for kind in DocKind::ALL {
            for id in store::document_ids(&inner.conn, kind)? {
                let live = loaded(&inner.conn, &mut inner.docs, &id, &inner.actor)?;
                store::compact(&mut inner.conn, &id, live, clock::now())?;
                count += 1;
            }
        }
        Ok(count)
    }
}

impl Client {
    /// Takes on the user id of the account this device signed in to. Teams made
    /// here under the old id move to the new one, so they stay this person's.
    pub(crate) fn adopt_user_id(&self, user_id: &str) -> Result<()> {
        let old = self.identity().user_id;
        let teams: Vec<String> = {
            let inner = self.lock();
            let mut stmt = inner
                .conn
                .prepare("SELECT team_id FROM idx_members WHERE user_id = ?1")?;
            let rows = stmt.query_map([&old], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for team in teams {
            let id = doc_id("team", &team)?;
            self.write_doc(&id, |doc, _| {
                teamstead_model::team::rekey_member(doc, &old, user_id)
            })?;
        }
        let mut inner = self.lock();
        store::set_local(&inner.conn, USER_ID_KEY, user_id)?;
        inner.identity.user_id = user_id.to_string();
        Ok(())
    }
}

fn load_identity(conn: &Connection) -> Result<Identity> {
    let user_id = match store::get_local(conn, USER_ID_KEY)? {
        Some(id) => id,
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            store::set_local(conn, USER_ID_KEY, &id)?;
            id
        }
    };
    let name = match store::get_local(conn, USER_NAME_KEY)? {
        Some(name) => name,
        None => {
            let name = default_name();
            store::set_local(conn, USER_NAME_KEY, &name)?;
            name
        }
    };
    Ok(Identity { user_id, name })
}

/// The login name, capitalised, until the user picks a name.
fn default_name() -> String {
    let login = std::env::var("USER").unwrap_or_default();
    let mut chars = login.trim().chars();
    match chars.next() {
        Some(first) if login.trim() != "root" => first.to_uppercase().chain(chars).collect(),
        _ => "Me".into(),
    }
}

fn load_actor(conn: &Connection) -> Result<ActorId> {
    if let Some(hex) = store::get_local(conn, ACTOR_KEY)? {
        if let Ok(actor) = hex.parse::<ActorId>() {
            return Ok(actor);
        }
    }
    let actor = ActorId::random();
    store::set_local(conn, ACTOR_KEY, &actor.to_hex_string())?;
    Ok(actor)
}

/// Parses a document id given by a caller; a malformed id is simply one that does not exist.
pub(crate) fn doc_id(what: &'static str, raw: &str) -> Result<DocumentId> {
    raw.parse().map_err(|_| ClientError::not_found(what, raw))
}
