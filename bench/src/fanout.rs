//! Scenario 2, live fan-out: receivers subscribed to one document, one sender
//! writing at a steady rate. Each write (a number appended to a list, or a chat
//! message in a channel's month document) is a change whose message is its
//! sequence number; a receiver (a `Follower`) notes the time each number
//! reaches it. Latency is sender→receiver on one clock (one process); lost is
//! what never arrived.

use std::sync::Arc;
use std::time::{Duration, Instant};

use automerge::sync::{self, SyncDoc};
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{AutoCommit, ObjType, ReadDoc, ScalarValue, ROOT};
use teamstead_model::channel;
use teamstead_model::conversation::ConversationKind;
use teamstead_protocol::{DocumentId, Message};
use tokio::sync::Mutex;

use crate::follower::Follower;
use crate::peer::{self, BoxError, Reader, Writer};
use crate::stats::Latencies;
use crate::targets::{Kind, Target};

pub struct Outcome {
    pub latencies: Latencies,
    pub sent: u64,
    pub lost: u64,
}

/// A number not delivered this long after the last one was sent counts as lost,
/// so an overloaded server cannot stall the whole run.
const GIVE_UP_AFTER: Duration = Duration::from_secs(30);

/// Microseconds since `origin` at which each sequence number was sent.
type SentAt = Arc<Vec<std::sync::atomic::AtomicU64>>;

/// What each write is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// A number appended to a list in a board: the bare cost of a change.
    Counter,
    /// A chat message posted to a channel's month document, as the desktop sends it.
    Chat,
}

impl Workload {
    /// The document the sender starts with, and its id.
    async fn start(self, target: &Target) -> Result<(DocumentId, AutoCommit), BoxError> {
        match self {
            Self::Counter => {
                let (id, mut doc) = target.writable_doc().await?;
                doc.put_object(ROOT, "bench_seq", ObjType::List)?;
                doc.commit();
                Ok((id, doc))
            }
            Self::Chat => {
                let team_id = target.writable_team().await?;
                let key = channel::PeriodKey {
                    team_id: &team_id,
                    conversation_id: "bench",
                    kind: ConversationKind::Channel,
                    period: "2026-11",
                };
                let mut doc = channel::genesis(key)?;
                doc.set_actor(automerge::ActorId::random());
                Ok((channel::period_doc_id(key), doc))
            }
        }
    }

    fn write(self, doc: &mut AutoCommit, author: &str, seq: u64) -> Result<(), BoxError> {
        match self {
            Self::Counter => {
                let Some((_, list)) = doc.get(ROOT, "bench_seq")? else {
                    return Err("no list".into());
                };
                let len = doc.length(&list);
                doc.insert(&list, len, ScalarValue::Uint(seq))?;
            }
            Self::Chat => {
                let body = seq.to_string();
                let message = channel::NewMessage {
                    author,
                    body: &body,
                    ..channel::NewMessage::default()
                };
                channel::post(doc, message, 0)?;
            }
        }
        doc.commit_with(CommitOptions::default().with_message(seq.to_string()));
        Ok(())
    }
}

pub async fn run(
    target: &Target,
    workload: Workload,
    receivers: usize,
    rate: u32,
    duration: Duration,
) -> Result<Outcome, BoxError> {
    let total = (u64::from(rate) * duration.as_millis() as u64 / 1000).max(1);
    let sent_at: SentAt = Arc::new(
        (0..total)
            .map(|_| std::sync::atomic::AtomicU64::new(0))
            .collect(),
    );
    let origin = Instant::now();
    if target.kind == Kind::Floor {
        return run_floor(target, receivers, rate, total, sent_at, origin).await;
    }

    // The sender makes the document and hands it to the server.
    let (id, mut doc) = workload.start(target).await?;
    let (mut writer, mut reader) = peer::connect(&target.url, target.token()).await?;
    let mut state = sync::State::new();
    settle(&mut writer, &mut reader, id, &mut doc, &mut state).await?;

    let mut tasks = Vec::new();
    for _ in 0..receivers {
        let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
        let mut follower = Follower::default();
        w.request(id, follower.ack().encode()).await?;
        // Wait until the document is here, so every number after is a live one.
        while !follower.has_any() {
            follow_next(&mut w, &mut r, id, &mut follower).await?;
        }
        let sent_at = sent_at.clone();
        let deadline = Instant::now() + duration + GIVE_UP_AFTER;
        tasks.push(tokio::spawn(async move {
            let stream = Stream {
                id,
                sent_at,
                origin,
                total,
                deadline,
            };
            receive_until(w, r, follower, stream).await
        }));
    }

    // Send at the rate, one change per number; sync messages carry what has
    // accumulated whenever the server has answered the previous one.
    let pacing = Duration::from_secs_f64(1.0 / f64::from(rate));
    let start = Instant::now();
    let author = target.user_id().to_string();
    let writer = Arc::new(Mutex::new(writer));
    let shared = Arc::new(Mutex::new((doc, state)));
    let acker = {
        let (writer, shared) = (writer.clone(), shared.clone());
        tokio::spawn(async move {
            while let Ok(Some(message)) = reader.next().await {
                if let Message::Sync { data, .. } = message {
                    let Ok(decoded) = sync::Message::decode(&data) else {
                        continue;
                    };
                    let mut guard = shared.lock().await;
                    let (doc, state) = &mut *guard;
                    let _ = doc.sync().receive_sync_message(state, decoded);
                    let reply = doc.sync().generate_sync_message(state);
                    if let Some(reply) = reply {
                        let _ = writer.lock().await.sync(id, reply.encode()).await;
                    }
                }
            }
        })
    };
    for seq in 0..total {
        let due = start + pacing.mul_f64(seq as f64);
        tokio::time::sleep_until(due.into()).await;
        let mut guard = shared.lock().await;
        let (doc, state) = &mut *guard;
        workload.write(doc, &author, seq)?;
        sent_at[seq as usize].store(
            origin.elapsed().as_micros() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        let message = doc.sync().generate_sync_message(state);
        drop(guard);
        if let Some(message) = message {
            writer.lock().await.sync(id, message.encode()).await?;
        }
    }
    let mut latencies = Latencies::default();
    let mut received = 0u64;
    for task in tasks {
        if let Ok(Ok(mine)) = task.await {
            received += mine.len() as u64;
            latencies.extend(mine);
        }
    }
    acker.abort();
    Ok(Outcome {
        latencies,
        sent: total,
        lost: total * receivers as u64 - received,
    })
}

/// Exchanges sync messages until the server holds what `doc` holds.
pub(crate) async fn settle(
    writer: &mut Writer,
    reader: &mut Reader,
    id: DocumentId,
    doc: &mut AutoCommit,
    state: &mut sync::State,
) -> Result<(), BoxError> {
    if let Some(message) = doc.sync().generate_sync_message(state) {
        writer.sync(id, message.encode()).await?;
    }
    loop {
        let mut ours = doc.get_heads();
        ours.sort();
        let mut theirs = state.their_heads.clone().unwrap_or_default();
        theirs.sort();
        if ours == theirs {
            return Ok(());
        }
        apply_next(writer, reader, id, doc, state).await?;
    }
}

/// Applies the server's next sync message and answers it.
pub(crate) async fn apply_next(
    writer: &mut Writer,
    reader: &mut Reader,
    id: DocumentId,
    doc: &mut AutoCommit,
    state: &mut sync::State,
) -> Result<(), BoxError> {
    let message = tokio::time::timeout(Duration::from_secs(30), reader.next())
        .await
        .map_err(|_| "the server went quiet")??;
    match message {
        Some(Message::Sync { data, .. }) => {
            doc.sync()
                .receive_sync_message(state, sync::Message::decode(&data)?)?;
            if let Some(reply) = doc.sync().generate_sync_message(state) {
                writer.sync(id, reply.encode()).await?;
            }
            Ok(())
        }
        Some(Message::Error { message, .. }) => {
            Err(format!("the server refused: {message}").into())
        }
        Some(Message::DocUnavailable { .. }) => Err("the server has no such document".into()),
        Some(_) => Ok(()),
        None => Err("the server closed the connection".into()),
    }
}

/// What a receiver watches for.
struct Stream {
    id: DocumentId,
    sent_at: SentAt,
    origin: Instant,
    total: u64,
    deadline: Instant,
}

async fn receive_until(
    mut writer: Writer,
    mut reader: Reader,
    mut follower: Follower,
    stream: Stream,
) -> Result<Vec<u64>, BoxError> {
    let mut arrived = vec![false; stream.total as usize];
    let mut latencies = Vec::new();
    // Whatever has not arrived a few seconds after the last message is lost.
    while (latencies.len() as u64) < stream.total && Instant::now() < stream.deadline {
        let Ok(result) = tokio::time::timeout(
            Duration::from_secs(5),
            follow_next(&mut writer, &mut reader, stream.id, &mut follower),
        )
        .await
        else {
            break;
        };
        let numbers = result?;
        let now = stream.origin.elapsed().as_micros() as u64;
        for seq in numbers.iter().filter_map(|m| m.parse::<usize>().ok()) {
            let (Some(sent), Some(seen)) = (stream.sent_at.get(seq), arrived.get_mut(seq)) else {
                continue;
            };
            if std::mem::replace(seen, true) {
                continue;
            }
            let at = sent.load(std::sync::atomic::Ordering::Relaxed);
            latencies.push(now.saturating_sub(at));
        }
    }
    Ok(latencies)
}

/// Takes the server's next sync message into a follower and acknowledges it;
/// returns the messages of the changes it brought.
async fn follow_next(
    writer: &mut Writer,
    reader: &mut Reader,
    id: DocumentId,
    follower: &mut Follower,
) -> Result<Vec<String>, BoxError> {
    let message = tokio::time::timeout(Duration::from_secs(30), reader.next())
        .await
        .map_err(|_| "the server went quiet")??;
    match message {
        Some(Message::Sync { data, .. }) => {
            let message = sync::Message::decode(&data)?;
            let messages = follower.take(&message)?;
            if !message.changes.is_empty() {
                writer.sync(id, follower.ack().encode()).await?;
            }
            Ok(messages)
        }
        Some(Message::Error { message, .. }) => {
            Err(format!("the server refused: {message}").into())
        }
        Some(Message::DocUnavailable { .. }) => Err("the server has no such document".into()),
        Some(_) => Ok(Vec::new()),
        None => Err("the server closed the connection".into()),
    }
}

async fn run_floor(
    target: &Target,
    receivers: usize,
    rate: u32,
    total: u64,
    sent_at: SentAt,
    origin: Instant,
) -> Result<Outcome, BoxError> {
    let mut tasks = Vec::new();
    for _ in 0..receivers {
        let (_w, mut r) = peer::connect_raw(&target.url, None).await?;
        let sent_at = sent_at.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            while (latencies.len() as u64) < total {
                let Ok(Ok(Some(frame))) =
                    tokio::time::timeout(Duration::from_secs(5), r.next_raw()).await
                else {
                    break;
                };
                let Ok(bytes) = <[u8; 8]>::try_from(frame.as_slice()) else {
                    continue;
                };
                let seq = u64::from_le_bytes(bytes) as usize;
                let now = origin.elapsed().as_micros() as u64;
                let at = sent_at[seq].load(std::sync::atomic::Ordering::Relaxed);
                latencies.push(now.saturating_sub(at));
            }
            let _keep = _w;
            latencies
        }));
    }
    // Let the server register every receiver before the first frame.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (mut writer, _reader) = peer::connect_raw(&target.url, None).await?;
    let pacing = Duration::from_secs_f64(1.0 / f64::from(rate));
    let start = Instant::now();
    for seq in 0..total {
        tokio::time::sleep_until((start + pacing.mul_f64(seq as f64)).into()).await;
        sent_at[seq as usize].store(
            origin.elapsed().as_micros() as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        writer.send_raw(seq.to_le_bytes().to_vec()).await?;
    }
    let mut latencies = Latencies::default();
    let mut received = 0u64;
    for task in tasks {
        if let Ok(mine) = task.await {
            received += mine.len() as u64;
            latencies.extend(mine);
        }
    }
    Ok(Outcome {
        latencies,
        sent: total,
        lost: total * receivers as u64 - received,
    })
}
