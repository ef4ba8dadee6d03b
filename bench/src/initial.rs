//! Scenario 1, initial sync: one client uploads a team's documents (boards with
//! tasks, channels with messages), then a fresh client downloads all of them.
//! Wall time of each half, and the server's CPU time over both.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use automerge::sync::{self, SyncDoc};
use automerge::{AutoCommit, ChangeHash};
use teamstead_model::conversation::ConversationKind;
use teamstead_model::{board, channel};
use teamstead_protocol::{DocumentId, Message};

use crate::follower::Follower;
use crate::peer::{self, BoxError, Reader, Writer};
use crate::targets::Target;

pub struct Outcome {
    pub upload: Duration,
    pub download: Duration,
    pub server_cpu_seconds: f64,
}

/// Tasks in each board and messages in each channel.
const ITEMS_PER_DOC: usize = 20;

pub async fn run(target: &Target, documents: usize) -> Result<Outcome, BoxError> {
    let team_id = target.writable_team().await?;
    let mut docs: HashMap<DocumentId, (AutoCommit, sync::State)> = HashMap::new();
    for n in 0..documents {
        let mut doc = AutoCommit::new();
        let mut id = DocumentId::new();
        if n % 2 == 0 {
            board::init(&mut doc, &team_id, &format!("Board {n}"), 0)?;
            for t in 0..ITEMS_PER_DOC {
                let title = format!("Task {t}");
                let task = board::NewTask {
                    description: "Something to do, described in a sentence or two.",
                    ..board::NewTask::titled(&title, "todo", target.user_id())
                };
                board::create_task(&mut doc, task, 0)?;
            }
        } else {
            // A conversation's month: its id and first change follow from it.
            let conversation = format!("channel-{n}");
            let key = channel::PeriodKey {
                team_id: &team_id,
                conversation_id: &conversation,
                kind: ConversationKind::Channel,
                period: "2026-11",
            };
            doc = channel::genesis(key)?;
            doc.set_actor(automerge::ActorId::random());
            id = channel::period_doc_id(key);
            for m in 0..ITEMS_PER_DOC {
                let body = format!("Message {m}: hello team");
                let message = channel::NewMessage {
                    author: target.user_id(),
                    body: &body,
                    ..channel::NewMessage::default()
                };
                channel::post(&mut doc, message, 0)?;
            }
        }
        doc.commit();
        docs.insert(id, (doc, sync::State::new()));
    }
    let expected: HashMap<DocumentId, Vec<ChangeHash>> = docs
        .iter_mut()
        .map(|(id, (doc, _))| (*id, sorted(doc.get_heads())))
        .collect();
    let cpu_before = target.cpu_seconds();

    let started = Instant::now();
    let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
    for (id, (doc, state)) in docs.iter_mut() {
        if let Some(message) = doc.sync().generate_sync_message(state) {
            w.sync(*id, message.encode()).await?;
        }
    }
    exchange(&mut w, &mut r, &mut docs, |id, doc, state| {
        let theirs = state.their_heads.clone().map(sorted);
        theirs.as_ref() == Some(&sorted(doc.get_heads())) && expected.contains_key(id)
    })
    .await?;
    let upload = started.elapsed();

    let started = Instant::now();
    download(target, &expected).await?;
    let download = started.elapsed();
    Ok(Outcome {
        upload,
        download,
        server_cpu_seconds: target.cpu_seconds() - cpu_before,
    })
}

/// A fresh client asks for every document and takes them in as followers (see
/// follower.rs: as full documents, applying them in this process would time
/// the client more than the server); done when each has the expected heads.
async fn download(
    target: &Target,
    expected: &HashMap<DocumentId, Vec<ChangeHash>>,
) -> Result<(), BoxError> {
    let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
    let mut fresh: HashMap<DocumentId, Follower> = HashMap::new();
    for id in expected.keys() {
        let follower = Follower::default();
        w.request(*id, follower.ack().encode()).await?;
        fresh.insert(*id, follower);
    }
    let mut pending = expected.len();
    while pending > 0 {
        let (id, data) = next_sync(&mut r, pending).await?;
        let (Some(follower), Some(want)) = (fresh.get_mut(&id), expected.get(&id)) else {
            continue;
        };
        let had = follower.heads() == want.as_slice();
        let message = sync::Message::decode(&data)?;
        follower.take(&message)?;
        if !message.changes.is_empty() {
            w.sync(id, follower.ack().encode()).await?;
        }
        if !had && follower.heads() == want.as_slice() {
            pending -= 1;
        }
    }
    Ok(())
}

/// The server's next sync message, as its document and data; other messages
/// are skipped, and a refusal, a document it lacks, a closed connection or a
/// minute of quiet (with `left` documents to go) end the run.
async fn next_sync(r: &mut Reader, left: usize) -> Result<(DocumentId, Vec<u8>), BoxError> {
    loop {
        let message = tokio::time::timeout(Duration::from_secs(60), r.next())
            .await
            .map_err(|_| format!("the server went quiet with {left} documents left"))??;
        match message {
            Some(Message::Sync {
                document_id, data, ..
            }) => return Ok((document_id, data)),
            Some(Message::Error { message, .. }) => {
                return Err(format!("the server refused: {message}").into())
            }
            Some(Message::DocUnavailable { document_id, .. }) => {
                return Err(format!("the server does not have {document_id}").into())
            }
            Some(_) => continue,
            None => return Err("the server closed the connection".into()),
        }
    }
}

fn sorted(mut heads: Vec<ChangeHash>) -> Vec<ChangeHash> {
    heads.sort();
    heads
}

/// Routes sync messages to their documents and answers them until `done` holds
/// for every document.
async fn exchange(
    w: &mut Writer,
    r: &mut Reader,
    docs: &mut HashMap<DocumentId, (AutoCommit, sync::State)>,
    done: impl Fn(&DocumentId, &mut AutoCommit, &sync::State) -> bool,
) -> Result<(), BoxError> {
    let mut pending: std::collections::HashSet<DocumentId> = docs.keys().copied().collect();
    while !pending.is_empty() {
        let (id, data) = next_sync(r, pending.len()).await?;
        let Some((doc, state)) = docs.get_mut(&id) else {
            continue;
        };
        doc.sync()
            .receive_sync_message(state, sync::Message::decode(&data)?)?;
        if let Some(reply) = doc.sync().generate_sync_message(state) {
            w.sync(id, reply.encode()).await?;
        }
        if done(&id, doc, state) {
            pending.remove(&id);
        }
    }
    Ok(())
}
