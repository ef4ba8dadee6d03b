//! Several document writes saved in one SQLite transaction: all of them or none.
//! A team and its first board, say, never exist one without the other.

use std::collections::HashMap;

use automerge::transaction::CommitOptions;
use automerge::{ActorId, AutoCommit};
use teamstead_model::{DocKind, ModelError};
use teamstead_protocol::DocumentId;

use crate::index::{self, Scope};
use crate::store::{self, LiveDoc};
use crate::{ClientError, DocChanged, Result};

pub(crate) struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
    docs: &'a mut HashMap<DocumentId, LiveDoc>,
    actor: &'a ActorId,
    /// The user id every change names as its author (its message): a task's
    /// history reads who did what from it.
    author: &'a str,
    now: i64,
    created: Vec<(DocumentId, LiveDoc)>,
    written: Vec<DocumentId>,
}

impl<'a> Batch<'a> {
    pub fn new(
        tx: rusqlite::Transaction<'a>,
        docs: &'a mut HashMap<DocumentId, LiveDoc>,
        actor: &'a ActorId,
        author: &'a str,
        now: i64,
    ) -> Self {
        Self {
            tx,
            docs,
            actor,
            author,
            now,
            created: Vec::new(),
            written: Vec::new(),
        }
    }

    pub fn now(&self) -> i64 {
        self.now
    }

    /// Creates a document of `kind` and lets `init` write its first state.
    pub fn create<T>(
        &mut self,
        kind: DocKind,
        team_id: Option<&str>,
        init: impl FnOnce(&mut AutoCommit) -> Result<T, ModelError>,
    ) -> Result<(DocumentId, T)> {
        let id = DocumentId::new();
        let mut live = LiveDoc::new(kind, team_id.map(str::to_string), self.actor);
        let value = init(&mut live.doc)?;
        commit(&mut live.doc, self.author, self.now);
        store::insert_document(&self.tx, &id, &live, self.now)?;
        store::save_changes(&self.tx, &id, &mut live, self.now)?;
        index::update(&self.tx, &id, &mut live, Scope::Whole)?;
        self.created.push((id, live));
        Ok((id, value))
    }

    /// Writes to a document whose id and first change follow from what it is (a
    /// channel's month, a user document), starting it from `genesis` if this device
    /// does not have it yet.
    pub fn write_derived<T>(
        &mut self,
        id: &DocumentId,
        kind: DocKind,
        team_id: Option<&str>,
        genesis: impl FnOnce() -> Result<AutoCommit, ModelError>,
        edit: impl FnOnce(&mut AutoCommit) -> Result<T, ModelError>,
    ) -> Result<T> {
        let here = self.created.iter().any(|(created, _)| created == id)
            || self.docs.contains_key(id)
            || store::exists(&self.tx, id)?;
        if !here {
            let mut doc = genesis()?;
            doc.set_actor(self.actor.clone());
            let mut live = LiveDoc::from_remote(doc, kind, team_id.map(str::to_string));
            store::insert_document(&self.tx, id, &live, self.now)?;
            store::save_changes(&self.tx, id, &mut live, self.now)?;
            index::update(&self.tx, id, &mut live, Scope::Whole)?;
            self.created.push((*id, live));
        }
        self.write(id, edit)
    }

    /// Applies `edit` to a document; if it fails, its operations are rolled back.
    pub fn write<T>(
        &mut self,
        id: &DocumentId,
        edit: impl FnOnce(&mut AutoCommit) -> Result<T, ModelError>,
    ) -> Result<T> {
        let live = match self.created.iter_mut().find(|(created, _)| created == id) {
            Some((_, live)) => live,
            None => loaded(&self.tx, self.docs, id, self.actor)?,
        };
        let value = match edit(&mut live.doc) {
            Ok(value) => value,
            Err(e) => {
                live.doc.rollback();
                return Err(e.into());
            }
        };
        commit(&mut live.doc, self.author, self.now);
        if store::save_changes(&self.tx, id, live, self.now)? {
            index::update(&self.tx, id, live, Scope::Changes)?;
            if !self.written.contains(id) {
                self.written.push(*id);
            }
        }
        Ok(value)
    }

    /// Commits, or on `result`'s error drops everything; returns the documents to
    /// announce and compact.
    pub fn finish<T>(self, result: Result<T>) -> Result<(T, Vec<DocumentId>, Vec<DocChanged>)> {
        let Batch {
            tx,
            docs,
            created,
            written,
            ..
        } = self;
        let committed = result.and_then(|value| {
            tx.commit()?;
            Ok(value)
        });
        let value = match committed {
            Ok(value) => value,
            Err(e) => {
                // Their changes are in memory only: forget them, so memory matches disk.
                for id in &written {
                    docs.remove(id);
                }
                return Err(e);
            }
        };
        let mut events = Vec::new();
        for (id, mut live) in created {
            store::mark_saved(&mut live);
            events.push(changed(&id, &live));
            docs.insert(id, live);
        }
        for id in &written {
            if let Some(live) = docs.get_mut(id) {
                store::mark_saved(live);
                events.push(changed(id, live));
            }
        }
        Ok((value, written, events))
    }
}

fn commit(doc: &mut AutoCommit, author: &str, now: i64) {
    doc.commit_with(
        CommitOptions::default()
            .with_message(author.to_string())
            .with_time(now / 1000),
    );
}

fn changed(id: &DocumentId, live: &LiveDoc) -> DocChanged {
    DocChanged {
        doc_id: id.to_string(),
        kind: live.kind,
        team_id: live.team_id.clone(),
    }
}

/// The document from memory, loading it from disk the first time.
pub(crate) fn loaded<'d>(
    conn: &rusqlite::Connection,
    docs: &'d mut HashMap<DocumentId, LiveDoc>,
    id: &DocumentId,
    actor: &ActorId,
) -> Result<&'d mut LiveDoc> {
    if !docs.contains_key(id) {
        let live =
            store::load(conn, id, actor)?.ok_or_else(|| ClientError::not_found("document", id))?;
        docs.insert(*id, live);
    }
    docs.get_mut(id)
        .ok_or_else(|| ClientError::not_found("document", id))
}

#[cfg(test)]
mod tests {
    use teamstead_model::{board, DocKind, ModelError};

    use crate::Client;

    #[test]
    fn a_failing_step_undoes_the_whole_batch() {
        let dir = tempfile::tempdir().expect("tempdir");
        let client = Client::open(Some(dir.path().to_path_buf())).expect("open");
        let team = client.create_team("Acme").expect("team");
        let board_doc = team.boards[0].id.parse().expect("board id");
        let before = client.list_tasks(&team.boards[0].id).expect("tasks");

        let result: crate::Result<()> = client.batch(|batch| {
            batch.create(DocKind::Board, Some(&team.id), |doc| {
                board::init(doc, &team.id, "Orphan", 1)
            })?;
            batch.write(&board_doc, |doc| {
                let new = board::NewTask::titled("Half made", "todo", "me");
                board::create_task(doc, new, 1)
            })?;
            Err(ModelError::Forbidden("finish this").into())
        });
        assert_eq!(result.map_err(|e| e.code()), Err("forbidden"));

        let documents: i64 = client
            .lock()
            .conn
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .expect("count");
        assert_eq!(documents, 2, "only the team and its first board");
        assert_eq!(
            client.list_tasks(&team.boards[0].id).expect("tasks"),
            before
        );
        // The board in memory was reloaded from disk, so the next write is clean.
        client
            .create_task(&team.boards[0].id, "Whole", crate::Place::default(), None)
            .expect("write after");
        assert_eq!(
            client.list_tasks(&team.boards[0].id).expect("tasks").len(),
            1
        );
    }
}
