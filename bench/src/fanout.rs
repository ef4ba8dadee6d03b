//! Scenario 2, live fan-out: receivers subscribed to one document, one sender
//! writing at a steady rate. Each write carries its sequence number (appended to a
//! list, or as the text of a chat message in a channel's month document); a
//! receiver notes the time each number reaches it. Latency is sender→receiver on
//! one clock (one process); lost is what never arrived.

use std::sync::Arc;
use std::time::{Duration, Instant};

use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ScalarValue, Value, ROOT};
use teamstead_model::channel;
use teamstead_model::conversation::ConversationKind;
use teamstead_protocol::{DocumentId, Message};
use tokio::sync::Mutex;

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

    /// Whether a receiver's copy has what writes go into yet.
    fn ready(self, doc: &AutoCommit) -> Result<bool, BoxError> {
        let key = match self {
            Self::Counter => "bench_seq",
            Self::Chat => "messages",
        };
        Ok(doc.get(ROOT, key)?.is_some())
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
        doc.commit();
        Ok(())
    }

    /// The sequence numbers that reached `doc` since the last call.
    fn arrived(self, doc: &AutoCommit, seen: &mut Arrivals) -> Result<Vec<u64>, BoxError> {
        let key = match self {
            Self::Counter => "bench_seq",
            Self::Chat => "messages",
        };
        let Some((_, obj)) = doc.get(ROOT, key)? else {
            return Err("nothing to read".into());
        };
        let mut numbers = Vec::new();
        match self {
            Self::Counter => {
                let len = doc.length(&obj);
                for i in seen.count..len {
                    if let Some((Value::Scalar(v), _)) = doc.get(&obj, i)? {
                        if let ScalarValue::Uint(seq) = v.as_ref() {
                            numbers.push(*seq);
                        }
                    }
                }
                seen.count = len;
            }
            Self::Chat => {
                // Messages are a map: look only at keys not seen before, and read
                // just their text, so the harness stays cheap as the map grows.
                for id in doc.keys(&obj) {
                    if seen.ids.contains(&id) {
                        continue;
                    }
                    let body = match doc.get(&obj, &id)? {
                        Some((_, message)) => match doc.get(&message, "body")? {
                            Some((Value::Scalar(v), _)) => v.as_str().map(str::to_string),
                            _ => None,
                        },
                        None => None,
                    };
                    if let Some(seq) = body.and_then(|b| b.parse().ok()) {
                        numbers.push(seq);
                    }
                    seen.ids.insert(id);
                }
                seen.count = seen.ids.len();
            }
        }
        Ok(numbers)
    }
}

/// What a receiver has seen so far.
#[derive(Default)]
struct Arrivals {
    count: usize,
    ids: std::collections::HashSet<String>,
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
        let mut copy = AutoCommit::new();
        let mut copy_state = sync::State::new();
        let data = copy
            .sync()
            .generate_sync_message(&mut copy_state)
            .map(|m| m.encode())
            .unwrap_or_default();
        w.request(id, data).await?;
        // Wait until the document is here, so every number after is a live one.
        while !workload.ready(&copy)? {
            apply_next(&mut w, &mut r, id, &mut copy, &mut copy_state).await?;
        }
        let sent_at = sent_at.clone();
        let deadline = Instant::now() + duration + GIVE_UP_AFTER;
        tasks.push(tokio::spawn(async move {
            let stream = Stream {
                id,
                workload,
                sent_at,
                origin,
                total,
                deadline,
            };
            receive_until(w, r, copy, copy_state, stream).await
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
    workload: Workload,
    sent_at: SentAt,
    origin: Instant,
    total: u64,
    deadline: Instant,
}

async fn receive_until(
    mut writer: Writer,
    mut reader: Reader,
    mut doc: AutoCommit,
    mut state: sync::State,
    stream: Stream,
) -> Result<Vec<u64>, BoxError> {
    let mut seen = Arrivals::default();
    let mut latencies = Vec::new();
    // Whatever has not arrived a few seconds after the last message is lost.
    while (seen.count as u64) < stream.total && Instant::now() < stream.deadline {
        let Ok(result) = tokio::time::timeout(
            Duration::from_secs(5),
            apply_next(&mut writer, &mut reader, stream.id, &mut doc, &mut state),
        )
        .await
        else {
            break;
        };
        result?;
        let now = stream.origin.elapsed().as_micros() as u64;
        for seq in stream.workload.arrived(&doc, &mut seen)? {
            let Some(sent) = stream.sent_at.get(seq as usize) else {
                continue;
            };
            let at = sent.load(std::sync::atomic::Ordering::Relaxed);
            latencies.push(now.saturating_sub(at));
        }
    }
    Ok(latencies)
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
