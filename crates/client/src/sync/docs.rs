//! Documents meeting the sync protocol: generating what the relay lacks, applying
//! what it sends (saved and indexed in one transaction, like a local write), and
//! counting the local changes it has not acknowledged.

use automerge::sync::{self, SyncDoc};
use automerge::{AutoCommit, ChangeHash, ReadDoc};
use rusqlite::{params, OptionalExtension};
use teamstead_model::assessment::review;
use teamstead_model::{assessment, channel, pulse, read_kind, response, DocKind};
use teamstead_protocol::DocumentId;

use crate::batch::loaded;
use crate::index::{self, Scope};
use crate::store::{self, LiveDoc};
use crate::{clock, Client, ClientError, DocChanged, Result};

impl Client {
    /// Every local document that belongs to one of `teams` (the teams themselves included).
    pub(crate) fn documents_of_teams(&self, teams: &[String]) -> Result<Vec<DocumentId>> {
        let inner = self.lock();
        let mut stmt = inner
            .conn
            .prepare("SELECT id, COALESCE(team_id, id) FROM documents ORDER BY created_at")?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(rows
            .into_iter()
            .filter(|(_, team)| teams.contains(team))
            .filter_map(|(id, _)| id.parse().ok())
            .collect())
    }

    pub(crate) fn local_documents(&self, kind: DocKind) -> Result<Vec<DocumentId>> {
        store::document_ids(&self.lock().conn, kind)
    }

    pub(crate) fn has_document(&self, id: &DocumentId) -> Result<bool> {
        store::exists(&self.lock().conn, id)
    }

    /// The documents a document lists. A team: its boards, assessments and billing
    /// document, and this
    /// month's and last month's documents of each conversation this person reads
    /// (older months are fetched as they scroll up to them). An assessment: the
    /// responses and review documents this person may read (all of them for its
    /// owner, else their own).
    pub(crate) fn listed_documents(&self, id: &DocumentId) -> Result<Vec<DocumentId>> {
        let me = self.identity().user_id;
        let key = id.to_string();
        let now = clock::now();
        self.read_doc(id, |doc| match read_kind(doc) {
            Some(DocKind::Assessment) => {
                let a = assessment::read(doc)?;
                Ok(a.assignments
                    .keys()
                    .filter(|user| a.owner == me || **user == me)
                    .flat_map(|user| [response::doc_id(&key, user), review::doc_id(&key, user)])
                    .collect())
            }
            Some(DocKind::Team) => {
                let team = teamstead_model::team::read(doc)?;
                let mut listed: Vec<DocumentId> = team
                    .boards
                    .iter()
                    .chain(&team.assessments)
                    .filter_map(|id| id.parse().ok())
                    .collect();
                let Some(role) = team.role_of(&me) else {
                    return Ok(listed);
                };
                // The plan (a relay that does not bill answers it is unavailable).
                listed.push(teamstead_model::billing::doc_id(&key));
                let today = crate::assessments::today();
                for survey in team.pulses.values() {
                    if role.manages_team() {
                        listed.push(pulse::results_doc_id(&key, &survey.id));
                    }
                    // Whether I answered this period, as another of my devices did.
                    if let Some(period) = pulse::period_of(survey, &today) {
                        listed.push(pulse::answer_doc_id(pulse::AnswerKey {
                            team_id: &key,
                            pulse_id: &survey.id,
                            period: &period,
                            user_id: &me,
                        }));
                    }
                }
                let this_month = channel::period_of(now);
                for c in team.conversations.values().filter(|c| c.admits(&me)) {
                    let first = channel::period_of(c.created_at);
                    let mut months = vec![this_month.clone()];
                    if let Some(last) = channel::previous_period(&this_month) {
                        if last >= first {
                            months.push(last);
                        }
                    }
                    for period in &months {
                        listed.push(channel::period_doc_id(channel::PeriodKey {
                            team_id: &key,
                            conversation_id: &c.id,
                            kind: c.kind,
                            period,
                        }));
                    }
                }
                Ok(listed)
            }
            _ => Ok(Vec::new()),
        })
    }

    /// The next message for the relay about a local document, if it needs one.
    pub(crate) fn generate_sync(
        &self,
        id: &DocumentId,
        state: &mut sync::State,
    ) -> Result<Option<sync::Message>> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        let message = live.doc.sync().generate_sync_message(state);
        Ok(message)
    }

    /// Applies a message from the relay to a local document and saves what it brought.
    pub(crate) fn receive_sync(
        &self,
        id: &DocumentId,
        state: &mut sync::State,
        message: sync::Message,
    ) -> Result<()> {
        let event = {
            let mut guard = self.lock();
            let inner = &mut *guard;
            let now = clock::now();
            let tx = inner.conn.transaction()?;
            let live = loaded(&tx, &mut inner.docs, id, &inner.actor)?;
            let before = live.doc.get_heads();
            let applied = live.doc.sync().receive_sync_message(state, message);
            if let Err(e) = applied {
                inner.docs.remove(id);
                return Err(ClientError::Sync(format!("document {id}: {e}")));
            }
            let changed = live.doc.get_heads() != before;
            if changed {
                store::save_changes(&tx, id, live, now)?;
                index::update(&tx, id, live, Scope::Changes)?;
            }
            save_relay_heads(&tx, id, state, now)?;
            if let Err(e) = tx.commit() {
                inner.docs.remove(id);
                return Err(e.into());
            }
            match inner.docs.get_mut(id) {
                Some(live) if changed => {
                    store::mark_saved(live);
                    Some(changed_event(id, live))
                }
                _ => None,
            }
        };
        if let Some(event) = event {
            let _ = self.events.send(event);
        }
        Ok(())
    }

    /// Stores a document first received from the relay. Returns false (and stores
    /// nothing) while it is still too incomplete to say what kind it is.
    pub(crate) fn adopt_remote(
        &self,
        id: &DocumentId,
        mut doc: AutoCommit,
        state: &sync::State,
    ) -> Result<bool> {
        let Some(kind) = read_kind(&doc) else {
            return Ok(false);
        };
        let team_id = match kind {
            DocKind::Team | DocKind::User => None,
            // A response belongs to its assessment's team.
            DocKind::Response => {
                let assessment_id = root_str(&doc, "assessment_id");
                let inner = self.lock();
                inner
                    .conn
                    .query_row(
                        "SELECT team_id FROM documents WHERE id = ?1",
                        [assessment_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten()
            }
            _ => root_str(&doc, "team_id"),
        };
        let event = {
            let mut guard = self.lock();
            let inner = &mut *guard;
            let now = clock::now();
            doc.set_actor(inner.actor.clone());
            doc.update_diff_cursor();
            let mut live = LiveDoc::from_remote(doc, kind, team_id);
            let tx = inner.conn.transaction()?;
            store::insert_document(&tx, id, &live, now)?;
            store::save_changes(&tx, id, &mut live, now)?;
            index::update(&tx, id, &mut live, Scope::Whole)?;
            save_relay_heads(&tx, id, state, now)?;
            tx.commit()?;
            store::mark_saved(&mut live);
            let event = changed_event(id, &live);
            inner.docs.insert(*id, live);
            event
        };
        // Like a local write: the window and the connection hear of the new document.
        let _ = self.events.send(event);
        Ok(true)
    }

    /// Local changes the relay has not acknowledged, over all of `ids`.
    pub(crate) fn pending_changes(&self, ids: &[DocumentId]) -> Result<u64> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let mut total = 0u64;
        for id in ids {
            let relay_heads: Option<Vec<u8>> = inner
                .conn
                .query_row(
                    "SELECT relay_heads FROM sync_heads WHERE doc_id = ?1",
                    [id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
            let relay: Vec<ChangeHash> = relay_heads
                .map(|bytes| decode_heads(&bytes))
                .unwrap_or_default()
                .into_iter()
                .filter(|h| live.doc.get_change_by_hash(h).is_some())
                .collect();
            if live.doc.get_heads() == relay {
                continue;
            }
            let actor = live.doc.get_actor().clone();
            let mine = live
                .doc
                .get_changes(&relay)
                .iter()
                .filter(|c| *c.actor_id() == actor)
                .count();
            total += u64::try_from(mine).unwrap_or(u64::MAX);
        }
        Ok(total)
    }

    /// Whether the relay's last word on a document matches what is here.
    pub(crate) fn in_sync_with(&self, id: &DocumentId, state: &sync::State) -> Result<bool> {
        let Some(theirs) = &state.their_heads else {
            return Ok(false);
        };
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        let mut ours = live.doc.get_heads();
        let mut theirs = theirs.clone();
        ours.sort();
        theirs.sort();
        Ok(ours == theirs)
    }

    /// The document's current heads (for tests and status).
    pub fn document_heads(&self, id: &str) -> Result<Vec<String>> {
        let id = crate::client::doc_id("document", id)?;
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, &id, &inner.actor)?;
        Ok(live.doc.get_heads().iter().map(|h| h.to_string()).collect())
    }

    /// A document's full saved form, for publishing it.
    pub(crate) fn document_bytes(&self, id: &DocumentId) -> Result<Vec<u8>> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let live = loaded(&inner.conn, &mut inner.docs, id, &inner.actor)?;
        Ok(live.doc.save())
    }
}

fn changed_event(id: &DocumentId, live: &LiveDoc) -> DocChanged {
    DocChanged {
        doc_id: id.to_string(),
        kind: live.kind,
        team_id: live.team_id.clone(),
    }
}

fn save_relay_heads(
    conn: &rusqlite::Connection,
    id: &DocumentId,
    state: &sync::State,
    now: i64,
) -> Result<()> {
    if let Some(heads) = &state.their_heads {
        let bytes: Vec<u8> = heads.iter().flat_map(|h| h.0).collect();
        conn.execute(
            "INSERT INTO sync_heads (doc_id, relay_heads, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (doc_id) DO UPDATE SET relay_heads = excluded.relay_heads, updated_at = excluded.updated_at",
            params![id.to_string(), bytes, now],
        )?;
    }
    Ok(())
}

fn root_str(doc: &AutoCommit, key: &str) -> Option<String> {
    match doc.get(automerge::ROOT, key).ok().flatten() {
        Some((automerge::Value::Scalar(s), _)) => s.as_str().map(str::to_string),
        _ => None,
    }
}

pub(crate) fn decode_heads(bytes: &[u8]) -> Vec<ChangeHash> {
    bytes
        .chunks_exact(32)
        .filter_map(|c| <[u8; 32]>::try_from(c).ok().map(ChangeHash))
        .collect()
}
