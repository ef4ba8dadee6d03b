//! The documents the relay holds in memory, the peers syncing them, and the one
//! path every change takes: decode, apply, validate, store, then forward.
//!
//! A change is judged before anything else sees it. If it is refused, the in-memory
//! document is reloaded from the database, so nothing of it remains or is sent on.
//! Only after the database committed it does any peer, the sender included, hear of
//! it: the sender's next sync message from the relay is its acknowledgement.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use automerge::sync::{self, SyncDoc};
use automerge::{ActorId, AutoCommit, ChangeHash};
use teamstead_model::assessment::review;
use teamstead_model::billing::Billing;
use teamstead_model::conversation::ConversationKind;
use teamstead_model::policy::{self, Access, Actor, AssignmentState, Context, DocMeta};
use teamstead_model::team::{self, Role};
use teamstead_model::{assessment, channel, pulse, response, user};
use teamstead_model::{DocKind, ModelError};
use teamstead_protocol::{DocumentId, Message, PresenceState, Signal};

use super::outbox::{Outbox, Outgoing};
use crate::config::BillingConfig;
use crate::error::{ApiError, ApiResult};
use crate::metrics::Metrics;
use crate::storage::{ActorBinding, DocWrite, PulseAnswerRow, Storage, StorageError};
use crate::{blocking, clock};

mod billing;

pub type ConnId = u64;

/// Chunks a document may gather on the relay before they are folded into one.
const COMPACT_AFTER: usize = 256;
/// The device the relay's own changes are bound to.
const RELAY_DEVICE: &str = "relay";
const RELAY_ACTOR_KEY: &str = "relay_actor";

/// One joined connection.
pub struct Peer {
    pub conn: ConnId,
    pub user_id: String,
    pub device_id: String,
    /// The peer id it announced in `join`.
    pub peer_id: String,
    tx: Arc<Outbox>,
    /// Documents this connection has a sync state in, to clean up when it leaves.
    docs: Mutex<HashSet<DocumentId>>,
}

struct DocEntry {
    doc: AutoCommit,
    meta: DocMeta,
    syncs: HashMap<ConnId, sync::State>,
    pacing: Pacing,
    /// Readers sent changes they have not acknowledged yet, and since when.
    unacked: HashMap<ConnId, Instant>,
}

/// How soon after a change its readers hear of it. A change is applied and
/// stored at once; telling the readers is one task per document, which takes
/// every change that arrived while it waited for the document. After a quiet
/// spell it runs at once; changes arriving faster than `BROADCAST_WINDOW` go
/// out together, one sync message per reader. Generating a message costs in
/// proportion to what the reader lacks, so one message per change per reader
/// under a burst would leave the relay ever further behind (automerge-repo
/// paces its sync too). Acknowledgements that arrive meanwhile get no answer of
/// their own: the broadcast covers them.
#[derive(Default)]
struct Pacing {
    last_broadcast: Option<Instant>,
    flush_pending: bool,
    /// A broadcast passed a reader by: another is due once its patience runs out.
    retry_pending: bool,
}

const BROADCAST_WINDOW: std::time::Duration = std::time::Duration::from_millis(2);

/// How long a reader sent changes may take to acknowledge them before the next
/// broadcast goes to it anyway (a lost message must not stall it for good).
const ACK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(1);

/// A document a peer sent that the relay does not have (or will not admit having):
/// it lives apart until its first changes arrive and may be created.
struct Scratch {
    doc: AutoCommit,
    state: sync::State,
}

pub struct Hub {
    storage: Arc<dyn Storage>,
    docs: Mutex<HashMap<DocumentId, Arc<tokio::sync::Mutex<DocEntry>>>>,
    scratch: Mutex<HashMap<(ConnId, DocumentId), Scratch>>,
    peers: RwLock<HashMap<ConnId, Arc<Peer>>>,
    /// Team id → who is in it and who reads its private conversations, from the
    /// stored team documents.
    teams: RwLock<HashMap<String, TeamAccess>>,
    /// Documents peers asked for that did not exist (or were hidden from them):
    /// if one is created and they may read it, they get it then.
    waiting: Mutex<HashMap<DocumentId, HashSet<ConnId>>>,
    /// The latest sticky signal (presence, read receipt) per document and person,
    /// replayed to whoever starts syncing the document.
    sticky: Mutex<HashMap<DocumentId, StickySignals>>,
    /// Actor → device, as bound so far.
    actors: RwLock<HashMap<ActorId, String>>,
    relay_actor: ActorId,
    pub relay_peer_id: String,
    pub metrics: Metrics,
    next_conn: AtomicU64,
    pub max_message_bytes: usize,
    /// The plans, when this relay bills teams; `None`: no limits apply.
    billing: Option<BillingConfig>,
    /// Team id → its billing document as last read or written.
    billing_docs: Mutex<HashMap<String, Billing>>,
    /// This hub, for the paced broadcasts it schedules (set by `into_shared`).
    me: std::sync::OnceLock<std::sync::Weak<Hub>>,
}

/// Why a sync message was not taken: sent to the peer as a protocol error.
struct Refusal(String);

/// Whether a sync message is one the peer sent, or several merged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Batch {
    Single,
    Merged,
}

/// A team's members and the readers of its private conversations.
#[derive(Default)]
struct TeamAccess {
    roles: HashMap<String, Role>,
    private: HashMap<String, HashSet<String>>,
}

/// (person, signal kind) → their latest such signal on one document.
type StickySignals = HashMap<(String, &'static str), StickySignal>;

struct StickySignal {
    conn: ConnId,
    peer_id: String,
    data: Vec<u8>,
}

impl Hub {
    pub fn new(storage: Arc<dyn Storage>, max_message_bytes: usize) -> Result<Self, StorageError> {
        let relay_actor = match storage.relay_value(RELAY_ACTOR_KEY)? {
            Some(hex) => hex
                .parse::<ActorId>()
                .map_err(|e| StorageError::Corrupt(format!("the relay's actor id: {e}")))?,
            None => {
                let actor = ActorId::random();
                storage.set_relay_value(RELAY_ACTOR_KEY, &actor.to_hex_string())?;
                actor
            }
        };
        let mut actors = HashMap::new();
        actors.insert(relay_actor.clone(), RELAY_DEVICE.to_string());
        Ok(Self {
            storage,
            docs: Mutex::default(),
            scratch: Mutex::default(),
            peers: RwLock::default(),
            teams: RwLock::default(),
            waiting: Mutex::default(),
            sticky: Mutex::default(),
            actors: RwLock::new(actors),
            relay_actor,
            relay_peer_id: format!("teamstead-relay-{}", uuid::Uuid::new_v4()),
            metrics: Metrics::default(),
            next_conn: AtomicU64::new(1),
            max_message_bytes,
            billing: None,
            billing_docs: Mutex::default(),
            me: std::sync::OnceLock::new(),
        })
    }

    /// The hub, shared; paced broadcasts need a handle on it.
    pub fn into_shared(self) -> Arc<Self> {
        let hub = Arc::new(self);
        let _ = hub.me.set(Arc::downgrade(&hub));
        hub
    }

    pub fn storage(&self) -> Arc<dyn Storage> {
        self.storage.clone()
    }

    pub fn loaded_documents(&self) -> usize {
        lock(&self.docs).len()
    }

    pub fn next_conn_id(&self) -> ConnId {
        self.next_conn.fetch_add(1, Ordering::Relaxed)
    }

    pub fn join(
        &self,
        conn: ConnId,
        user_id: &str,
        device_id: &str,
        peer_id: &str,
        tx: Arc<Outbox>,
    ) -> Arc<Peer> {
        let peer = Arc::new(Peer {
            conn,
            user_id: user_id.into(),
            device_id: device_id.into(),
            peer_id: peer_id.into(),
            tx,
            docs: Mutex::default(),
        });
        write_lock(&self.peers).insert(conn, peer.clone());
        peer
    }

    /// Forgets a connection and every sync state it had.
    pub async fn leave(&self, conn: ConnId) {
        let Some(peer) = write_lock(&self.peers).remove(&conn) else {
            return;
        };
        lock(&self.scratch).retain(|(c, _), _| *c != conn);
        lock(&self.waiting).retain(|_, conns| {
            conns.remove(&conn);
            !conns.is_empty()
        });
        self.forget_signals(&peer).await;
        let docs: Vec<DocumentId> = lock(&peer.docs).drain().collect();
        for id in docs {
            let entry = lock(&self.docs).get(&id).cloned();
            if let Some(entry) = entry {
                let mut entry = entry.lock().await;
                entry.syncs.remove(&conn);
                entry.unacked.remove(&conn);
                drop(entry);
                self.evict_if_idle(&id);
            }
        }
    }

    /// Drops a document from memory once no connection syncs it.
    fn evict_if_idle(&self, id: &DocumentId) {
        let mut docs = lock(&self.docs);
        let idle = docs.get(id).is_some_and(|entry| {
            Arc::strong_count(entry) == 1
                && entry
                    .try_lock()
                    .map(|e| e.syncs.is_empty())
                    .unwrap_or(false)
        });
        if idle {
            docs.remove(id);
        }
    }

    /// Sends one message to a connection.
    pub fn send(&self, peer: &Peer, message: &Message) {
        Metrics::inc(&self.metrics.messages_out);
        peer.tx.send(Outgoing::Frame(message.encode()));
    }

    /// Sends a connection an automerge sync message about one document.
    fn send_sync(&self, peer: &Peer, id: DocumentId, message: sync::Message) {
        self.send_sync_bytes(peer, id, message.encode());
    }

    /// Sends a connection an encoded automerge sync message about one document.
    fn send_sync_bytes(&self, peer: &Peer, id: DocumentId, data: Vec<u8>) {
        self.send(
            peer,
            &Message::Sync {
                sender_id: self.relay_peer_id.clone(),
                target_id: peer.peer_id.clone(),
                document_id: id,
                data,
            },
        );
    }

    pub fn send_error(&self, peer: &Peer, message: impl Into<String>) {
        self.send(
            peer,
            &Message::Error {
                sender_id: self.relay_peer_id.clone(),
                target_id: Some(peer.peer_id.clone()),
                message: message.into(),
            },
        );
    }

    /// A member's role in a team, from memory or the database.
    pub fn role(&self, team_id: &str, user_id: &str) -> Result<Option<Role>, StorageError> {
        self.with_team(team_id, |team| team.roles.get(user_id).copied())
    }

    fn with_team<T>(
        &self,
        team_id: &str,
        read: impl FnOnce(&TeamAccess) -> T,
    ) -> Result<T, StorageError> {
        if let Some(team) = read_lock(&self.teams).get(team_id) {
            return Ok(read(team));
        }
        let mut team = TeamAccess {
            roles: self.storage.team_members(team_id)?.into_iter().collect(),
            private: HashMap::new(),
        };
        for (conversation, user) in self.storage.conversation_members(team_id)? {
            team.private.entry(conversation).or_default().insert(user);
        }
        let value = read(&team);
        write_lock(&self.teams).insert(team_id.to_string(), team);
        Ok(value)
    }

    /// A person's role as far as one document goes: their team role, unless the
    /// document belongs to a private conversation they are not in.
    fn doc_role(&self, meta: &DocMeta, user_id: &str) -> Result<Option<Role>, StorageError> {
        self.with_team(&meta.team_id, |team| {
            let role = team.roles.get(user_id).copied()?;
            if meta.kind == DocKind::Channel {
                let conversation = meta.subject.as_deref().unwrap_or_default();
                if let Some(readers) = team.private.get(conversation) {
                    if !readers.contains(user_id) {
                        return None;
                    }
                }
            }
            Some(role)
        })
    }

    fn access(&self, meta: &DocMeta, user_id: &str) -> Result<Access, StorageError> {
        let role = self.doc_role(meta, user_id)?;
        Ok(policy::access(meta, Actor { user_id, role }))
    }

    /// The document, from memory or loaded from the database; `None` if it does not exist.
    async fn entry(
        &self,
        id: &DocumentId,
    ) -> Result<Option<Arc<tokio::sync::Mutex<DocEntry>>>, StorageError> {
        if let Some(entry) = lock(&self.docs).get(id).cloned() {
            return Ok(Some(entry));
        }
        let storage = self.storage.clone();
        let key = id.to_string();
        let loaded = blocking(move || -> Result<_, StorageError> {
            let Some(meta) = storage.doc_meta(&key)? else {
                return Ok(None);
            };
            let chunks = storage.doc_chunks(&key)?;
            Ok(Some((meta, chunks)))
        })
        .await??;
        let Some((meta, chunks)) = loaded else {
            return Ok(None);
        };
        let doc = self.assemble(id, &chunks)?;
        let entry = Arc::new(tokio::sync::Mutex::new(DocEntry {
            doc,
            meta,
            syncs: HashMap::new(),
            pacing: Pacing::default(),
            unacked: HashMap::new(),
        }));
        // Another task may have loaded it meanwhile: keep the first.
        Ok(Some(lock(&self.docs).entry(*id).or_insert(entry).clone()))
    }

    fn assemble(&self, id: &DocumentId, chunks: &[Vec<u8>]) -> Result<AutoCommit, StorageError> {
        let mut doc = AutoCommit::new();
        for chunk in chunks {
            doc.load_incremental(chunk)
                .map_err(|e| StorageError::Corrupt(format!("document {id}: {e}")))?;
        }
        doc.set_actor(self.relay_actor.clone());
        Ok(doc)
    }

    async fn reload(&self, id: &DocumentId, entry: &mut DocEntry) {
        let storage = self.storage.clone();
        let key = id.to_string();
        match blocking(move || storage.doc_chunks(&key)).await {
            Ok(Ok(chunks)) => match self.assemble(id, &chunks) {
                Ok(doc) => entry.doc = doc,
                Err(e) => tracing::error!(doc = %id, error = %e, "reloading a document failed"),
            },
            Ok(Err(e)) => tracing::error!(doc = %id, error = %e, "reloading a document failed"),
            Err(e) => tracing::error!(doc = %id, error = %e, "reloading a document failed"),
        }
    }

    /// A `request` or `sync` message from a joined peer.
    pub async fn receive_sync(&self, peer: &Peer, id: DocumentId, data: &[u8], is_request: bool) {
        self.take_sync(peer, id, data, is_request, Batch::Single)
            .await;
    }

    /// Sync messages for one document that queued up from one peer
    /// (coalesce.rs): taken as one if they merge and pass together, else one
    /// by one, so a refused change takes no other message's changes with it.
    pub async fn receive_sync_batch(&self, peer: &Peer, id: DocumentId, batch: Vec<Vec<u8>>) {
        if batch.len() > 1 {
            if let Some(merged) = super::coalesce::merge(&batch) {
                if self
                    .take_sync(peer, id, &merged, false, Batch::Merged)
                    .await
                {
                    return;
                }
            }
        }
        for data in &batch {
            self.receive_sync(peer, id, data, false).await;
        }
    }

    /// Takes one sync message; returns whether it was. A merged batch that
    /// cannot be taken whole changes nothing and says so, without an error to
    /// the peer: its messages are then taken one by one.
    async fn take_sync(
        &self,
        peer: &Peer,
        id: DocumentId,
        data: &[u8],
        is_request: bool,
        batch: Batch,
    ) -> bool {
        let merged = batch == Batch::Merged;
        let started = Instant::now();
        let entry = match self.entry(&id).await {
            Ok(entry) => entry,
            Err(_) if merged => return false,
            Err(e) => {
                tracing::error!(doc = %id, error = %e, "loading a document failed");
                self.send_error(
                    peer,
                    format!("document {id} could not be loaded; try again"),
                );
                return true;
            }
        };
        let Some(entry) = entry else {
            if !merged {
                self.receive_unknown(peer, id, data, is_request).await;
            }
            return !merged;
        };
        let mut guard = entry.lock().await;
        let e = &mut *guard;
        match self.access(&e.meta, &peer.user_id) {
            Ok(Access::Read | Access::Write) => {}
            _ if merged => return false,
            Ok(Access::None) => {
                drop(guard);
                self.receive_unknown(peer, id, data, is_request).await;
                return true;
            }
            Err(err) => {
                tracing::error!(doc = %id, error = %err, "reading team roles failed");
                self.send_error(peer, "the relay could not check your access; try again");
                return true;
            }
        }
        let message = match sync::Message::decode(data) {
            Ok(m) => m,
            Err(_) if merged => return false,
            Err(err) => {
                self.send_error(
                    peer,
                    format!("malformed sync message for document {id}: {err}"),
                );
                return true;
            }
        };
        if lock(&peer.docs).insert(id) {
            self.replay_signals(peer, id);
        }
        let awaited = e.unacked.remove(&peer.conn);
        let state = e.syncs.entry(peer.conn).or_default();
        // What to put back if a merged batch cannot be taken whole.
        let state_before = merged.then(|| state.clone());
        let before = e.doc.get_heads();
        let ack = message.changes.is_empty() && message.need.is_empty();
        // An acknowledgement that they have everything we have, to a peer we
        // already answered once: nothing to send back.
        let caught_up = state.have_responded && ack && message.heads == before;
        let diffing = !message.changes.is_empty();
        if diffing {
            // The policy's diff of what arrives then reads automerge's patch
            // log, in proportion to the changes, instead of scanning the whole
            // document (perf: 14% of the relay under a 1,000/s fan-out).
            e.doc.update_diff_cursor();
        }
        let applied = super::ack::receive(&mut e.doc, state, message);
        let outcome = match applied {
            Err(err) => Err(format!(
                "sync message for document {id} could not be applied: {err}"
            )),
            Ok(()) => {
                let after = e.doc.get_heads();
                if before == after {
                    Ok(after)
                } else {
                    match self.accept(peer, &id, e, &before, &after).await {
                        Ok(()) => Ok(after),
                        Err(Refusal(why)) if merged => Err(why),
                        Err(Refusal(why)) => {
                            Metrics::inc(&self.metrics.rejected_changes);
                            tracing::info!(doc = %id, user = %peer.user_id, reason = %why, "refused a change");
                            Err(format!("change to document {id} refused: {why}"))
                        }
                    }
                }
            }
        };
        let after = match outcome {
            Ok(after) => after,
            Err(why) => {
                self.reload(&id, e).await;
                if let Some(state) = state_before {
                    // Back as it was: its messages come one by one next.
                    e.syncs.insert(peer.conn, state);
                    if let Some(since) = awaited {
                        e.unacked.insert(peer.conn, since);
                    }
                    return false;
                }
                e.syncs.insert(peer.conn, sync::State::new());
                self.send_error(peer, why);
                return true;
            }
        };
        if diffing {
            e.doc.reset_diff_cursor();
        }
        if before == after {
            // Nothing new: only the sender may need an answer, and not one that
            // has just told us it has all we have. A reader acknowledging a
            // broadcast while more changes came in joins the next broadcast, with
            // the others that acknowledge meanwhile: they share one message.
            if !caught_up && !e.pacing.flush_pending {
                if awaited.is_some() && ack {
                    self.broadcast_paced(&id, &entry, e);
                } else {
                    self.answer(peer, &id, e);
                }
            }
        } else {
            self.broadcast_paced(&id, &entry, e);
            self.metrics.observe_sync(started.elapsed());
        }
        true
    }

    /// Schedules the document's broadcast, unless one is already waiting to run.
    fn broadcast_paced(
        &self,
        id: &DocumentId,
        entry: &Arc<tokio::sync::Mutex<DocEntry>>,
        e: &mut DocEntry,
    ) {
        if e.pacing.flush_pending {
            return;
        }
        let Some(hub) = self.me.get().and_then(std::sync::Weak::upgrade) else {
            // A hub not shared (as tests may build it): tell everyone now.
            return self.broadcast(id, e);
        };
        e.pacing.flush_pending = true;
        let wait = e
            .pacing
            .last_broadcast
            .map_or(std::time::Duration::ZERO, |at| {
                BROADCAST_WINDOW.saturating_sub(at.elapsed())
            });
        let (id, entry) = (*id, entry.clone());
        tokio::spawn(async move {
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let mut guard = entry.lock().await;
            guard.pacing.flush_pending = false;
            guard.pacing.last_broadcast = Some(Instant::now());
            hub.broadcast(&id, &mut guard);
        });
    }

    /// Sends one connection what it lacks of a document, if anything.
    fn answer(&self, peer: &Peer, id: &DocumentId, e: &mut DocEntry) {
        let Some(state) = e.syncs.get_mut(&peer.conn) else {
            return;
        };
        if let Some(message) = e.doc.sync().generate_sync_message(state) {
            if !message.changes.is_empty() {
                e.unacked.insert(peer.conn, Instant::now());
            }
            self.send_sync(peer, *id, message);
        }
    }

    /// Validates and stores the changes between `before` and `after`.
    async fn accept(
        &self,
        peer: &Peer,
        id: &DocumentId,
        e: &mut DocEntry,
        before: &[ChangeHash],
        after: &[ChangeHash],
    ) -> Result<(), Refusal> {
        let role = self
            .doc_role(&e.meta, &peer.user_id)
            .map_err(|_| Refusal("the relay could not check your role; try again".into()))?;
        let actors = self.check_actors(peer, &mut e.doc, before, None)?;
        let who = Actor {
            user_id: &peer.user_id,
            role,
        };
        let context = self.write_context(&e.meta, &e.doc).await?;
        policy::check_write(&mut e.doc, &e.meta, who, context, before, after)
            .map_err(|err| Refusal(err.to_string()))?;
        let (members, conversations) = if e.meta.kind == DocKind::Team {
            let (members, conversations) =
                team_access(&e.doc).map_err(|err| Refusal(err.to_string()))?;
            (Some(members), Some(conversations))
        } else {
            (None, None)
        };
        let headcount = match &members {
            Some(after) => {
                let before = self
                    .with_team(&e.meta.team_id, |team| team.roles.len())
                    .map_err(|_| Refusal("the relay could not check the team; try again".into()))?;
                Some((before, after.len()))
            }
            None => None,
        };
        self.check_plan(&e.meta, headcount, false).await?;
        let write = DocWrite {
            doc_id: id.to_string(),
            create: None,
            chunk: e.doc.save_after(before),
            actors,
            members,
            conversations,
            pulse_answer: pulse_answer_row(&e.meta, &e.doc),
            now: clock::now(),
        };
        self.store(id, e, write).await?;
        self.after_store(&e.meta, &e.doc).await;
        Ok(())
    }

    /// What other documents say about a write to this one: a response is judged
    /// against its assignee's assignment as the assessment now stands.
    async fn write_context(&self, meta: &DocMeta, doc: &AutoCommit) -> Result<Context, Refusal> {
        if meta.kind == DocKind::PulseAnswer {
            return self.pulse_context(meta, doc).await;
        }
        if meta.kind != DocKind::Response {
            return Ok(Context::default());
        }
        let unreadable = || Refusal("the relay could not read this response's assessment".into());
        let response = response::read(doc).map_err(|e| Refusal(e.to_string()))?;
        let assessment_id: DocumentId = response.assessment_id.parse().map_err(|_| unreadable())?;
        let Some(entry) = self.entry(&assessment_id).await.map_err(|_| unreadable())? else {
            return Ok(Context::default());
        };
        let assessment = assessment::read(&entry.lock().await.doc).map_err(|_| unreadable())?;
        let review_id = review::doc_id(&response.assessment_id, &response.assignee);
        let standing = match self.entry(&review_id).await.map_err(|_| unreadable())? {
            Some(entry) => Some(review::read(&entry.lock().await.doc).map_err(|_| unreadable())?),
            None => None,
        };
        Ok(Context {
            assignment: AssignmentState::of(&assessment, &response.assignee, standing.as_ref()),
            ..Context::default()
        })
    }

    /// A review document starts only from the assessment's owner, for someone it
    /// is assigned to.
    async fn check_new_review(&self, doc: &AutoCommit, creator: &str) -> Result<(), Refusal> {
        let unreadable = || Refusal("the relay could not read this review's assessment".into());
        let r = review::read(doc).map_err(|e| Refusal(e.to_string()))?;
        let assessment_id: DocumentId = r.assessment_id.parse().map_err(|_| unreadable())?;
        let entry = self
            .entry(&assessment_id)
            .await
            .map_err(|_| unreadable())?
            .ok_or_else(unreadable)?;
        let assessment = assessment::read(&entry.lock().await.doc).map_err(|_| unreadable())?;
        let forbidden = |what| Refusal(ModelError::Forbidden(what).to_string());
        if assessment.owner != r.owner || r.owner != creator || assessment.team_id != r.team_id {
            return Err(forbidden("review an assessment you do not own"));
        }
        if !assessment.assignments.contains_key(&r.assignee) {
            return Err(forbidden(
                "review someone the assessment is not assigned to",
            ));
        }
        Ok(())
    }

    /// The survey a pulse answer answers, as its team defines it now.
    async fn pulse_context(&self, meta: &DocMeta, doc: &AutoCommit) -> Result<Context, Refusal> {
        let unreadable = || Refusal("the relay could not read this answer's survey".into());
        let answer = pulse::read_answer(doc).map_err(|e| Refusal(e.to_string()))?;
        let team_id: DocumentId = meta.team_id.parse().map_err(|_| unreadable())?;
        let Some(entry) = self.entry(&team_id).await.map_err(|_| unreadable())? else {
            return Ok(Context::default());
        };
        let team = team::read(&entry.lock().await.doc).map_err(|_| unreadable())?;
        // UTC+14 is the first place a day begins.
        const AHEAD_MS: i64 = 14 * 3_600_000;
        let latest =
            teamstead_model::date_from_days((clock::now() + AHEAD_MS).div_euclid(86_400_000));
        Ok(Context {
            assignment: None,
            pulse: team.pulses.get(&answer.pulse_id).cloned(),
            latest_date: Some(latest),
        })
    }

    /// Checks that every change since `before` carries an actor of this device;
    /// returns the actors seen for the first time, to bind.
    /// `exempt` is a change no device owns: a channel month's canonical first change.
    fn check_actors(
        &self,
        peer: &Peer,
        doc: &mut AutoCommit,
        before: &[ChangeHash],
        exempt: Option<ChangeHash>,
    ) -> Result<Vec<ActorBinding>, Refusal> {
        let mut fresh: Vec<ActorBinding> = Vec::new();
        let mut seen = HashSet::new();
        // Only who made each change is needed: its metadata, read from the
        // change graph, not the change rebuilt from the document's ops (perf:
        // a fifth of the relay's time creating documents).
        for change in doc.get_changes_meta(before) {
            if Some(change.hash) == exempt {
                continue;
            }
            let actor = change.actor.into_owned();
            if !seen.insert(actor.clone()) {
                continue;
            }
            let known = read_lock(&self.actors).get(&actor).cloned();
            let device = match known {
                Some(device) => Some(device),
                None => self
                    .storage
                    .actor_device(&actor.to_hex_string())
                    .map_err(|_| {
                        Refusal("the relay could not check the change's author; try again".into())
                    })?,
            };
            match device {
                Some(device) if device == peer.device_id => {}
                Some(_) => {
                    return Err(Refusal(format!(
                    "actor {} belongs to another device; a device may only send its own changes",
                    actor.to_hex_string()
                )))
                }
                None => fresh.push(ActorBinding {
                    actor_id: actor.to_hex_string(),
                    device_id: peer.device_id.clone(),
                    user_id: peer.user_id.clone(),
                }),
            }
        }
        Ok(fresh)
    }

    /// Commits a write, then updates what memory derives from it.
    async fn store(
        &self,
        id: &DocumentId,
        e: &mut DocEntry,
        write: DocWrite,
    ) -> Result<(), Refusal> {
        let storage = self.storage.clone();
        let bindings: Vec<(ActorId, String)> = write
            .actors
            .iter()
            .filter_map(|a| Some((a.actor_id.parse().ok()?, a.device_id.clone())))
            .collect();
        let members = write.members.clone();
        let conversations = write.conversations.clone();
        let chunks = match blocking(move || storage.write_doc(&write)).await {
            Ok(Ok(chunks)) => chunks,
            Ok(Err(StorageError::Conflict(_))) => {
                return Err(Refusal("you may not create this document".into()))
            }
            Ok(Err(err)) => {
                tracing::error!(doc = %id, error = %err, "storing a change failed");
                return Err(Refusal(
                    "the relay could not store it; it will be sent again".into(),
                ));
            }
            Err(err) => {
                tracing::error!(doc = %id, error = %err, "storing a change failed");
                return Err(Refusal(
                    "the relay could not store it; it will be sent again".into(),
                ));
            }
        };
        Metrics::inc(&self.metrics.changes_stored);
        write_lock(&self.actors).extend(bindings);
        if let Some(members) = members {
            let mut team = TeamAccess {
                roles: members.into_iter().collect(),
                private: HashMap::new(),
            };
            for (conversation, user) in conversations.unwrap_or_default() {
                team.private.entry(conversation).or_default().insert(user);
            }
            write_lock(&self.teams).insert(id.to_string(), team);
        }
        if chunks > COMPACT_AFTER {
            let snapshot = e.doc.save();
            let storage = self.storage.clone();
            let key = id.to_string();
            if let Ok(Err(err)) = blocking(move || storage.compact_doc(&key, &snapshot)).await {
                tracing::warn!(doc = %id, error = %err, "compacting a document failed");
            }
        }
        Ok(())
    }

    /// Sends each connection syncing the document what it lacks, if it may still read it.
    fn broadcast(&self, id: &DocumentId, e: &mut DocEntry) {
        let peers = read_lock(&self.peers);
        let mut gone = Vec::new();
        let mut passed_by = false;
        let mut messages = super::shared::Messages::default();
        for (conn, state) in e.syncs.iter_mut() {
            let Some(peer) = peers.get(conn) else {
                gone.push(*conn);
                continue;
            };
            if !matches!(
                self.access(&e.meta, &peer.user_id),
                Ok(Access::Read | Access::Write)
            ) {
                gone.push(*conn);
                continue;
            }
            // One batch of changes in flight per reader: its acknowledgement
            // brings the rest (`answer`), all at once.
            if e.unacked
                .get(conn)
                .is_some_and(|since| since.elapsed() < ACK_PATIENCE)
            {
                passed_by = true;
                continue;
            }
            if let Some(message) = messages.next(&mut e.doc, state) {
                if message.has_changes {
                    e.unacked.insert(*conn, Instant::now());
                }
                self.send_sync_bytes(peer, *id, message.bytes);
            }
        }
        for conn in gone {
            e.syncs.remove(&conn);
            e.unacked.remove(&conn);
        }
        drop(peers);
        if passed_by {
            self.retry_broadcast(id, e);
        }
    }

    /// A reader passed by may never acknowledge (a message lost, or a client
    /// that does not answer): broadcast again once its patience has run out,
    /// whether or not anything else changes meanwhile.
    fn retry_broadcast(&self, id: &DocumentId, e: &mut DocEntry) {
        if e.pacing.retry_pending {
            return;
        }
        let hub = self.me.get().and_then(std::sync::Weak::upgrade);
        let entry = lock(&self.docs).get(id).cloned();
        let (Some(hub), Some(entry)) = (hub, entry) else {
            return;
        };
        e.pacing.retry_pending = true;
        let id = *id;
        tokio::spawn(async move {
            tokio::time::sleep(ACK_PATIENCE).await;
            let mut guard = entry.lock().await;
            guard.pacing.retry_pending = false;
            hub.broadcast(&id, &mut guard);
        });
    }

    /// A document the relay has not got, or that this peer may not see: both look
    /// the same from outside. New changes in it may create it.
    async fn receive_unknown(&self, peer: &Peer, id: DocumentId, data: &[u8], is_request: bool) {
        if is_request {
            lock(&self.scratch).remove(&(peer.conn, id));
            lock(&self.waiting).entry(id).or_default().insert(peer.conn);
            return self.send(
                peer,
                &Message::DocUnavailable {
                    sender_id: self.relay_peer_id.clone(),
                    target_id: peer.peer_id.clone(),
                    document_id: id,
                },
            );
        }
        let message = match sync::Message::decode(data) {
            Ok(m) => m,
            Err(err) => {
                return self.send_error(
                    peer,
                    format!("malformed sync message for document {id}: {err}"),
                )
            }
        };
        let mut scratch = lock(&self.scratch)
            .remove(&(peer.conn, id))
            .unwrap_or_else(|| Scratch {
                doc: AutoCommit::new(),
                state: sync::State::new(),
            });
        if let Err(err) = scratch
            .doc
            .sync()
            .receive_sync_message(&mut scratch.state, message)
        {
            return self.send_error(
                peer,
                format!("sync message for document {id} could not be applied: {err}"),
            );
        }
        if scratch.doc.get_heads().is_empty() {
            // Nothing yet: ask for everything, as an empty document would.
            if let Some(reply) = scratch.doc.sync().generate_sync_message(&mut scratch.state) {
                self.send_sync(peer, id, reply);
            }
            lock(&self.scratch).insert((peer.conn, id), scratch);
            return;
        }
        if let Err(Refusal(why)) = self.create(peer, id, scratch).await {
            Metrics::inc(&self.metrics.rejected_changes);
            tracing::info!(doc = %id, user = %peer.user_id, reason = %why, "refused a new document");
            self.send_error(peer, format!("change to document {id} refused: {why}"));
        }
    }

    /// Stores a document a peer created, then syncs it like any other.
    async fn create(
        &self,
        peer: &Peer,
        id: DocumentId,
        mut scratch: Scratch,
    ) -> Result<(), Refusal> {
        let mut meta =
            policy::describe(&scratch.doc, &id.to_string()).map_err(|e| Refusal(e.to_string()))?;
        if meta.kind == DocKind::Response {
            // A response belongs to its assessment's team.
            let assessment = self
                .storage
                .doc_meta(&meta.team_id)
                .map_err(|_| Refusal("the relay could not check this response; try again".into()))?
                .filter(|m| m.kind == DocKind::Assessment)
                .ok_or_else(|| {
                    Refusal(ModelError::Forbidden("create this document").to_string())
                })?;
            meta.team_id = assessment.team_id;
        }
        let role = self
            .doc_role(&meta, &peer.user_id)
            .map_err(|_| Refusal("the relay could not check your role; try again".into()))?;
        let genesis = canonical_start(&mut scratch.doc, &id, &meta)?;
        policy::check_create(
            &meta,
            Actor {
                user_id: &peer.user_id,
                role,
            },
        )
        .map_err(|e| Refusal(e.to_string()))?;
        if meta.kind == DocKind::Response
            && self
                .write_context(&meta, &scratch.doc)
                .await?
                .assignment
                .is_none()
        {
            return Err(Refusal(
                ModelError::Forbidden("answer an assessment not assigned to you").to_string(),
            ));
        }
        if meta.kind == DocKind::Review {
            self.check_new_review(&scratch.doc, &peer.user_id).await?;
        }
        if meta.kind == DocKind::PulseAnswer {
            // Judged as a write from its canonical start: whole, in range, for a
            // survey the team runs.
            let context = self.write_context(&meta, &scratch.doc).await?;
            let who = Actor {
                user_id: &peer.user_id,
                role,
            };
            let start: Vec<ChangeHash> = genesis.into_iter().collect();
            let heads = scratch.doc.get_heads();
            policy::check_write(&mut scratch.doc, &meta, who, context, &start, &heads)
                .map_err(|e| Refusal(e.to_string()))?;
        }
        self.check_plan(&meta, None, meta.kind == DocKind::Board)
            .await?;
        let actors = self.check_actors(peer, &mut scratch.doc, &[], genesis)?;
        let write = DocWrite {
            doc_id: id.to_string(),
            create: Some(meta.clone()),
            chunk: scratch.doc.save(),
            actors,
            members: None,
            conversations: None,
            pulse_answer: pulse_answer_row(&meta, &scratch.doc),
            now: clock::now(),
        };
        scratch.doc.set_actor(self.relay_actor.clone());
        let mut entry = DocEntry {
            doc: scratch.doc,
            meta,
            syncs: HashMap::new(),
            pacing: Pacing::default(),
            unacked: HashMap::new(),
        };
        self.store(&id, &mut entry, write).await?;
        self.after_store(&entry.meta, &entry.doc).await;
        entry.syncs.insert(peer.conn, scratch.state);
        lock(&peer.docs).insert(id);
        self.admit_waiting(&id, &mut entry, Some(peer.conn));
        let entry = Arc::new(tokio::sync::Mutex::new(entry));
        let entry = lock(&self.docs).entry(id).or_insert(entry).clone();
        let mut guard = entry.lock().await;
        self.broadcast(&id, &mut guard);
        Ok(())
    }

    /// Those who asked for a document before it existed get it now, if they may
    /// read it (all but `except`, who has it already).
    fn admit_waiting(&self, id: &DocumentId, entry: &mut DocEntry, except: Option<u64>) {
        let waiting = lock(&self.waiting).remove(id).unwrap_or_default();
        let peers = read_lock(&self.peers);
        let readers = waiting
            .iter()
            .filter(|conn| Some(**conn) != except)
            .filter_map(|conn| {
                peers.get(conn).filter(|other| {
                    matches!(
                        self.access(&entry.meta, &other.user_id),
                        Ok(Access::Read | Access::Write)
                    )
                })
            });
        for other in readers {
            entry.syncs.insert(other.conn, sync::State::new());
            lock(&other.docs).insert(*id);
        }
    }

    /// What follows from a stored change beyond forwarding it: a pulse answer
    /// updates its survey's results.
    async fn after_store(&self, meta: &DocMeta, doc: &AutoCommit) {
        if meta.kind != DocKind::PulseAnswer {
            return;
        }
        let Ok(answer) = pulse::read_answer(doc) else {
            return;
        };
        if let Err(e) = self
            .publish_pulse(&answer.team_id, &answer.pulse_id, &answer.period)
            .await
        {
            tracing::error!(team = %answer.team_id, pulse = %answer.pulse_id, error = %e.0, "updating survey results failed");
        }
    }

    /// Recomputes one period of a survey from the answers only the relay keeps, and
    /// writes what may be published into the survey's results document (pulse.rs
    /// has the rules).
    async fn publish_pulse(
        &self,
        team_id: &str,
        pulse_id: &str,
        period: &str,
    ) -> Result<(), Refusal> {
        let failed = |what: &str| Refusal(format!("could not {what}"));
        let storage = self.storage.clone();
        let (t, p, d) = (
            team_id.to_string(),
            pulse_id.to_string(),
            period.to_string(),
        );
        let rows = blocking(move || storage.pulse_answers(&t, &p, &d))
            .await
            .map_err(|_| failed("read the answers"))?
            .map_err(|_| failed("read the answers"))?;
        let team_doc: DocumentId = team_id.parse().map_err(|_| failed("find the team"))?;
        let team_entry = self
            .entry(&team_doc)
            .await
            .map_err(|_| failed("load the team"))?
            .ok_or_else(|| failed("find the team"))?;
        let team = team::read(&team_entry.lock().await.doc).map_err(|_| failed("read the team"))?;
        let survey = team
            .pulses
            .get(pulse_id)
            .ok_or_else(|| failed("find the survey"))?;
        let submitted: Vec<pulse::Submitted> = rows
            .into_iter()
            .map(|row| pulse::Submitted {
                department: team
                    .members
                    .get(&row.user_id)
                    .and_then(|m| m.department.clone()),
                answers: row.answers,
                comment: row.comment,
            })
            .collect();
        let id = pulse::results_doc_id(team_id, pulse_id);
        let threshold = team.pulse_threshold();
        self.write_relay_doc(
            id,
            team_id,
            |doc| pulse::init_results(doc, team_id, pulse_id).map(|_| ()),
            |doc| {
                let mut results = pulse::read_results(doc)?;
                let previous = results.periods.get(period);
                let next = pulse::aggregate(&submitted, &survey.questions, threshold, previous);
                if previous == Some(&next) {
                    return Ok(false);
                }
                results.periods.insert(period.to_string(), next);
                pulse::write_results(doc, &results)?;
                Ok(true)
            },
        )
        .await
    }

    /// Changes a document only the relay writes (a survey's results, a team's
    /// billing), creating it with `init` if it does not exist yet; `update` says
    /// whether it changed anything. Stored, then forwarded, like any change.
    async fn write_relay_doc(
        &self,
        id: DocumentId,
        team_id: &str,
        init: impl FnOnce(&mut AutoCommit) -> Result<(), ModelError>,
        update: impl FnOnce(&mut AutoCommit) -> Result<bool, ModelError>,
    ) -> Result<(), Refusal> {
        let failed = |what: &str| Refusal(format!("could not {what}"));
        let entry = match self
            .entry(&id)
            .await
            .map_err(|_| failed("load the document"))?
        {
            Some(entry) => entry,
            None => self.create_relay_doc(id, team_id, init).await?,
        };
        let mut guard = entry.lock().await;
        let e = &mut *guard;
        let before = e.doc.get_heads();
        match update(&mut e.doc) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(err) => {
                e.doc.rollback();
                return Err(Refusal(err.to_string()));
            }
        }
        e.doc.commit();
        let write = DocWrite {
            doc_id: id.to_string(),
            create: None,
            chunk: e.doc.save_after(&before),
            actors: Vec::new(),
            members: None,
            conversations: None,
            pulse_answer: None,
            now: clock::now(),
        };
        if let Err(refusal) = self.store(&id, e, write).await {
            self.reload(&id, e).await;
            return Err(refusal);
        }
        self.broadcast(&id, e);
        Ok(())
    }

    /// Creates a document only the relay writes (a survey's results), stores it,
    /// and hands it to those who asked for it already.
    async fn create_relay_doc(
        &self,
        id: DocumentId,
        team_id: &str,
        init: impl FnOnce(&mut AutoCommit) -> Result<(), ModelError>,
    ) -> Result<Arc<tokio::sync::Mutex<DocEntry>>, Refusal> {
        let mut doc = AutoCommit::new().with_actor(self.relay_actor.clone());
        init(&mut doc).map_err(|e| Refusal(e.to_string()))?;
        doc.commit();
        let meta = policy::describe(&doc, &id.to_string()).map_err(|e| Refusal(e.to_string()))?;
        debug_assert_eq!(meta.team_id, team_id);
        let write = DocWrite {
            doc_id: id.to_string(),
            create: Some(meta.clone()),
            chunk: doc.save(),
            actors: Vec::new(),
            members: None,
            conversations: None,
            pulse_answer: None,
            now: clock::now(),
        };
        let mut entry = DocEntry {
            doc,
            meta,
            syncs: HashMap::new(),
            pacing: Pacing::default(),
            unacked: HashMap::new(),
        };
        self.store(&id, &mut entry, write).await?;
        self.admit_waiting(&id, &mut entry, None);
        let entry = Arc::new(tokio::sync::Mutex::new(entry));
        Ok(lock(&self.docs).entry(id).or_insert(entry).clone())
    }

    /// Passes an ephemeral message to the other peers syncing the document that may
    /// read it. Our own signals (teamstead_protocol::signal) are checked first: they
    /// speak for the sender only, and belong to the document they are sent on.
    pub async fn receive_ephemeral(&self, peer: &Peer, message: Message) {
        let Message::Ephemeral {
            document_id,
            count,
            session_id,
            mut data,
            ..
        } = message
        else {
            return;
        };
        let Ok(Some(entry)) = self.entry(&document_id).await else {
            return;
        };
        let e = entry.lock().await;
        if !matches!(
            self.access(&e.meta, &peer.user_id),
            Ok(Access::Read | Access::Write)
        ) {
            return;
        }
        if let Some(signal) = Signal::decode(&data) {
            let belongs = match &signal {
                Signal::Presence { .. } => e.meta.kind == DocKind::Team,
                Signal::Typing {
                    conversation_id, ..
                }
                | Signal::Read {
                    conversation_id, ..
                } => {
                    e.meta.kind == DocKind::Channel
                        && e.meta.subject.as_deref() == Some(conversation_id.as_str())
                }
            };
            if !belongs {
                return;
            }
            let signal = signal.from_user(&peer.user_id);
            data = signal.encode();
            if signal.is_sticky() {
                let kind = match signal {
                    Signal::Presence { .. } => "presence",
                    _ => "read",
                };
                lock(&self.sticky).entry(document_id).or_default().insert(
                    (peer.user_id.clone(), kind),
                    StickySignal {
                        conn: peer.conn,
                        peer_id: peer.peer_id.clone(),
                        data: data.clone(),
                    },
                );
            }
        }
        self.fan_out_ephemeral(peer, document_id, &e, count, &session_id, &data);
    }

    /// Sends ephemeral `data` from `from` to every other connection syncing the
    /// document that may read it.
    fn fan_out_ephemeral(
        &self,
        from: &Peer,
        id: DocumentId,
        e: &DocEntry,
        count: u64,
        session_id: &str,
        data: &[u8],
    ) {
        let peers = read_lock(&self.peers);
        for conn in e.syncs.keys().filter(|c| **c != from.conn) {
            let Some(other) = peers.get(conn) else {
                continue;
            };
            if matches!(
                self.access(&e.meta, &other.user_id),
                Ok(Access::Read | Access::Write)
            ) {
                self.send(
                    other,
                    &Message::Ephemeral {
                        sender_id: from.peer_id.clone(),
                        target_id: other.peer_id.clone(),
                        document_id: id,
                        count,
                        session_id: session_id.to_string(),
                        data: data.to_vec(),
                    },
                );
            }
        }
    }

    /// Sends a peer that just started syncing a document the signals others left on it.
    fn replay_signals(&self, peer: &Peer, id: DocumentId) {
        let sticky = lock(&self.sticky);
        let Some(signals) = sticky.get(&id) else {
            return;
        };
        for signal in signals.values().filter(|s| s.conn != peer.conn) {
            self.send(
                peer,
                &Message::Ephemeral {
                    sender_id: signal.peer_id.clone(),
                    target_id: peer.peer_id.clone(),
                    document_id: id,
                    count: 0,
                    session_id: String::new(),
                    data: signal.data.clone(),
                },
            );
        }
    }

    /// A connection closed: its presence goes, and if it was its person's last
    /// connection, the teams it was present in hear that they are offline.
    async fn forget_signals(&self, peer: &Peer) {
        let mut left = Vec::new();
        {
            let mut sticky = lock(&self.sticky);
            let key = (peer.user_id.clone(), "presence");
            for (doc, signals) in sticky.iter_mut() {
                if signals.get(&key).is_some_and(|s| s.conn == peer.conn) {
                    signals.remove(&key);
                    left.push(*doc);
                }
            }
            sticky.retain(|_, signals| !signals.is_empty());
        }
        let still_online = read_lock(&self.peers)
            .values()
            .any(|p| p.user_id == peer.user_id);
        if still_online {
            return;
        }
        let offline = Signal::Presence {
            user_id: peer.user_id.clone(),
            state: PresenceState::Offline,
        }
        .encode();
        for doc in left {
            let Some(entry) = lock(&self.docs).get(&doc).cloned() else {
                continue;
            };
            let e = entry.lock().await;
            self.fan_out_ephemeral(peer, doc, &e, 0, "", &offline);
        }
    }

    /// Stores a team document a user made offline, with them as its only owner.
    pub async fn publish_team(
        &self,
        user_id: &str,
        device_id: &str,
        id: DocumentId,
        bytes: &[u8],
    ) -> ApiResult<bool> {
        if let Some(existing) = self.storage.doc_meta(&id.to_string())? {
            let mine = existing.kind == DocKind::Team
                && self.role(&id.to_string(), user_id)? == Some(Role::Owner);
            return if mine {
                Ok(false)
            } else {
                Err(ApiError::forbidden("this team cannot be published here"))
            };
        }
        let mut doc = AutoCommit::load(bytes)
            .map_err(|e| ApiError::invalid(format!("not an Automerge document: {e}")))?;
        let meta = policy::describe(&doc, &id.to_string())?;
        if meta.kind != DocKind::Team {
            return Err(ApiError::invalid("this is not a team document"));
        }
        let (members, conversations) = team_access(&doc)?;
        if members != [(user_id.to_string(), Role::Owner)] {
            return Err(ApiError::forbidden(
                "a team is published by its only member, its owner",
            ));
        }
        let fake_peer = Peer {
            conn: 0,
            user_id: user_id.into(),
            device_id: device_id.into(),
            peer_id: String::new(),
            tx: Arc::default(),
            docs: Mutex::default(),
        };
        let actors = self
            .check_actors(&fake_peer, &mut doc, &[], None)
            .map_err(|Refusal(why)| ApiError::forbidden(why))?;
        let write = DocWrite {
            doc_id: id.to_string(),
            create: Some(meta.clone()),
            chunk: doc.save(),
            actors,
            members: Some(members),
            conversations: Some(conversations),
            pulse_answer: None,
            now: clock::now(),
        };
        doc.set_actor(self.relay_actor.clone());
        let mut entry = DocEntry {
            doc,
            meta,
            syncs: HashMap::new(),
            pacing: Pacing::default(),
            unacked: HashMap::new(),
        };
        self.store(&id, &mut entry, write)
            .await
            .map_err(|Refusal(why)| {
                ApiError::new(axum::http::StatusCode::CONFLICT, "conflict", why)
            })?;
        Ok(true)
    }

    /// Changes a team document as the relay (redeeming an invitation, changing a
    /// role), then stores and forwards it like any change.
    pub async fn write_team<T>(
        &self,
        team_id: &str,
        edit: impl FnOnce(&mut AutoCommit) -> Result<T, ModelError>,
    ) -> ApiResult<T> {
        let id: DocumentId = team_id
            .parse()
            .map_err(|_| ApiError::not_found("no such team"))?;
        let entry = self
            .entry(&id)
            .await?
            .ok_or_else(|| ApiError::not_found("no such team"))?;
        let mut guard = entry.lock().await;
        let e = &mut *guard;
        if e.meta.kind != DocKind::Team {
            return Err(ApiError::not_found("no such team"));
        }
        let before = e.doc.get_heads();
        let value = match edit(&mut e.doc) {
            Ok(value) => value,
            Err(err) => {
                e.doc.rollback();
                return Err(err.into());
            }
        };
        e.doc.commit();
        let (members, conversations) = team_access(&e.doc)?;
        let write = DocWrite {
            doc_id: id.to_string(),
            create: None,
            chunk: e.doc.save_after(&before),
            actors: Vec::new(),
            members: Some(members),
            conversations: Some(conversations),
            pulse_answer: None,
            now: clock::now(),
        };
        if let Err(Refusal(why)) = self.store(&id, e, write).await {
            self.reload(&id, e).await;
            return Err(ApiError::internal(why));
        }
        self.broadcast(&id, e);
        Ok(value)
    }

    /// Closes every open connection of a user (their tokens were revoked).
    pub fn disconnect_user(&self, user_id: &str, reason: &str) {
        for peer in read_lock(&self.peers)
            .values()
            .filter(|p| p.user_id == user_id)
        {
            peer.tx.send(Outgoing::Close(4401, reason.into()));
        }
    }
}

/// A team document's members with their roles, and the readers of each of its
/// private conversations.
#[allow(clippy::type_complexity)]
fn team_access(
    doc: &AutoCommit,
) -> Result<(Vec<(String, Role)>, Vec<(String, String)>), ModelError> {
    let team = team::read(doc)?;
    let mut members: Vec<(String, Role)> = team
        .members
        .iter()
        .map(|(id, m)| (id.clone(), m.role))
        .collect();
    members.sort_by(|a, b| a.0.cmp(&b.0));
    let mut private = Vec::new();
    for (id, conversation) in &team.conversations {
        if conversation.kind != ConversationKind::Channel {
            for user in &conversation.members {
                private.push((id.clone(), user.clone()));
            }
        }
    }
    Ok((members, private))
}

/// Checks that a new document whose id and first change follow from its content
/// (a channel's month, a user document: see teamstead_model::channel) is what it
/// claims to be. Returns that first change, which no device owns; `None` for the
/// kinds with random ids.
fn canonical_start(
    doc: &mut AutoCommit,
    id: &DocumentId,
    meta: &DocMeta,
) -> Result<Option<ChangeHash>, Refusal> {
    let refuse = |why: &str| {
        Refusal(format!(
            "not a valid {} document: {why}",
            meta.kind.as_str()
        ))
    };
    let (expected_id, first) = match meta.kind {
        DocKind::Channel => {
            let (team_id, conversation_id, kind, period) =
                channel::key_of(doc).map_err(|e| refuse(&e.to_string()))?;
            let key = channel::PeriodKey {
                team_id: &team_id,
                conversation_id: &conversation_id,
                kind,
                period: &period,
            };
            (channel::period_doc_id(key), channel::genesis_hash(key))
        }
        DocKind::User => {
            let user_id = meta.subject.as_deref().unwrap_or_default();
            (user::doc_id(user_id), user::genesis_hash(user_id))
        }
        DocKind::PulseAnswer => {
            let a = pulse::read_answer(doc).map_err(|e| refuse(&e.to_string()))?;
            let key = pulse::AnswerKey {
                team_id: &a.team_id,
                pulse_id: &a.pulse_id,
                period: &a.period,
                user_id: &a.user_id,
            };
            (pulse::answer_doc_id(key), pulse::answer_genesis_hash(key))
        }
        DocKind::Review => {
            let r = review::read(doc).map_err(|e| refuse(&e.to_string()))?;
            let key = review::ReviewKey {
                team_id: &r.team_id,
                assessment_id: &r.assessment_id,
                assignee: &r.assignee,
                owner: &r.owner,
            };
            (
                review::doc_id(&r.assessment_id, &r.assignee),
                review::genesis_hash(key),
            )
        }
        DocKind::Response => {
            let r = response::read(doc).map_err(|e| refuse(&e.to_string()))?;
            (
                response::doc_id(&r.assessment_id, &r.assignee),
                response::genesis_hash(&r.assessment_id, &r.assignee),
            )
        }
        _ => return Ok(None),
    };
    let first = first.map_err(|e| refuse(&e.to_string()))?;
    if expected_id != *id {
        return Err(refuse("its id does not match what it holds"));
    }
    if doc.get_change_by_hash(&first).is_none() {
        return Err(refuse("it does not start with its canonical first change"));
    }
    Ok(Some(first))
}

/// A pulse answer's row for the relay's own table, once it is submitted.
fn pulse_answer_row(meta: &DocMeta, doc: &AutoCommit) -> Option<PulseAnswerRow> {
    if meta.kind != DocKind::PulseAnswer {
        return None;
    }
    let a = pulse::read_answer(doc).ok()?;
    (a.submitted_at > 0).then_some(PulseAnswerRow {
        team_id: a.team_id,
        pulse_id: a.pulse_id,
        period: a.period,
        user_id: a.user_id,
        answers: a.answers,
        comment: a.comment,
        submitted_at: a.submitted_at,
    })
}

/// Locks a std mutex; a panic elsewhere left the data usable, so carry on.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn read_lock<T>(l: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|p| p.into_inner())
}

fn write_lock<T>(l: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|p| p.into_inner())
}
