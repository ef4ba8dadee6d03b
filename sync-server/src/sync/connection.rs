//! One sync connection: the join handshake, then messages routed to the hub until
//! the peer leaves, its token stops being valid, or the relay shuts down.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message as Frame, WebSocket};
use futures_util::stream::SplitStream;
use futures_util::{FutureExt, SinkExt, StreamExt};
use teamstead_protocol::{DecodeError, DocumentId, Message, PROTOCOL_VERSION};
use tokio::sync::watch;

use super::coalesce;
use super::hub::{Hub, Peer};
use super::outbox::{Outbox, Outgoing};
use crate::metrics::Metrics;
use crate::AuthSession;

/// WebSocket close codes beyond the standard ones.
const CLOSE_POLICY: u16 = 1008;
const CLOSE_TOO_BIG: u16 = 1009;
const CLOSE_GOING_AWAY: u16 = 1001;
const CLOSE_UNAUTHORIZED: u16 = 4401;

pub async fn serve(
    socket: WebSocket,
    hub: Arc<Hub>,
    session: AuthSession,
    mut shutdown: watch::Receiver<bool>,
    recheck: std::time::Duration,
) {
    let conn = hub.next_conn_id();
    let (mut sink, mut stream) = socket.split();
    let tx = Arc::new(Outbox::default());
    let outbox = tx.clone();
    let writer = tokio::spawn(async move {
        while let Some(out) = outbox.recv().await {
            let result = match out {
                Outgoing::Frame(bytes) => sink.send(Frame::Binary(bytes.into())).await,
                Outgoing::Close(code, reason) => {
                    let frame = CloseFrame {
                        code,
                        reason: reason.into(),
                    };
                    let _ = sink.send(Frame::Close(Some(frame))).await;
                    break;
                }
            };
            if result.is_err() {
                break;
            }
        }
        // Nothing more will be written: later frames are dropped, not kept.
        outbox.close();
    });
    Metrics::inc(&hub.metrics.connections);
    tracing::info!(conn, user = %session.user_id, "sync connection opened");

    let mut peer: Option<Arc<Peer>> = None;
    let mut ticker = tokio::time::interval(recheck);
    ticker.tick().await;
    let close = |tx: &Outbox, code: u16, reason: &str| {
        tx.send(Outgoing::Close(code, reason.into()));
    };
    // A frame read ahead while gathering sync messages, handled next.
    let mut read_ahead: Option<Option<Result<Frame, axum::Error>>> = None;
    loop {
        let frame = match read_ahead.take() {
            Some(frame) => frame,
            None => tokio::select! {
            frame = stream.next() => frame,
            _ = shutdown.changed() => {
                close(&tx, CLOSE_GOING_AWAY, "the relay is shutting down");
                break;
            }
            _ = ticker.tick() => {
                if !Box::pin(session_still_valid(&hub, &session)).await {
                    close(&tx, CLOSE_UNAUTHORIZED, "your sign-in was revoked or expired");
                    break;
                }
                continue;
            }
            },
        };
        let bytes = match frame {
            Some(Ok(Frame::Binary(bytes))) => bytes,
            Some(Ok(Frame::Text(_))) => {
                send_error(
                    &hub,
                    &tx,
                    peer.as_deref(),
                    "messages must be binary CBOR frames",
                );
                continue;
            }
            Some(Ok(Frame::Close(_))) | None => break,
            Some(Ok(_)) => continue,
            Some(Err(err)) => {
                tracing::info!(conn, error = %err, "sync connection failed");
                break;
            }
        };
        Metrics::inc(&hub.metrics.messages_in);
        let message = match Message::decode(&bytes, hub.max_message_bytes) {
            Ok(message) => message,
            Err(err @ DecodeError::TooLarge { .. }) => {
                send_error(&hub, &tx, peer.as_deref(), &err.to_string());
                close(&tx, CLOSE_TOO_BIG, "message too large");
                break;
            }
            Err(err) => {
                send_error(
                    &hub,
                    &tx,
                    peer.as_deref(),
                    &format!("malformed message ({}): {err}", err.code()),
                );
                continue;
            }
        };
        let Some(joined) = peer.clone() else {
            match message {
                Message::Join {
                    sender_id,
                    supported_protocol_versions,
                    ..
                } => {
                    if !supported_protocol_versions
                        .iter()
                        .any(|v| v == PROTOCOL_VERSION)
                    {
                        send_error(&hub, &tx, None, "this relay speaks protocol version 1 only");
                        close(&tx, CLOSE_POLICY, "unsupported protocol version");
                        break;
                    }
                    let joined = hub.join(
                        conn,
                        &session.user_id,
                        &session.device_id,
                        &sender_id,
                        tx.clone(),
                    );
                    hub.send(
                        &joined,
                        &Message::Peer {
                            sender_id: hub.relay_peer_id.clone(),
                            target_id: sender_id,
                            peer_metadata: Some(teamstead_protocol::PeerMetadata {
                                storage_id: None,
                                is_ephemeral: Some(false),
                            }),
                            selected_protocol_version: PROTOCOL_VERSION.into(),
                        },
                    );
                    peer = Some(joined);
                }
                _ => {
                    send_error(&hub, &tx, None, "send a join message first");
                    close(&tx, CLOSE_POLICY, "join first");
                    break;
                }
            }
            continue;
        };
        // The hub's futures are boxed: held inline, the largest of them would
        // sit in every connection's task for as long as it is open, idle or not
        // (about 30 KiB each, heaptrack showed).
        match message {
            Message::Request {
                document_id, data, ..
            } => Box::pin(hub.receive_sync(&joined, document_id, &data, true)).await,
            Message::Sync {
                document_id, data, ..
            } => {
                let (batch, next) = gather(&hub, &mut stream, document_id, data);
                read_ahead = next;
                Box::pin(hub.receive_sync_batch(&joined, document_id, batch)).await;
            }
            ephemeral @ Message::Ephemeral { .. } => {
                Box::pin(hub.receive_ephemeral(&joined, ephemeral)).await
            }
            Message::Leave { .. } => break,
            // Subscriptions and remote heads are for relays that gossip; this one
            // answers each peer directly, so like the reference it ignores them.
            _ => {}
        }
    }
    Box::pin(hub.leave(conn)).await;
    tx.close();
    let _ = writer.await;
    hub.metrics
        .connections
        .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    tracing::info!(conn, "sync connection closed");
}

/// What `gather` read: the sync messages for one document, in order, and the
/// frame after them that is not one (to handle next), if it read one.
type Gathered = (Vec<Vec<u8>>, Option<Option<Result<Frame, axum::Error>>>);

/// Takes the sync messages for the same document already waiting in the socket
/// with `first`, without waiting for more, for the hub to take together
/// (coalesce.rs says why).
fn gather(
    hub: &Hub,
    stream: &mut SplitStream<WebSocket>,
    id: DocumentId,
    first: Vec<u8>,
) -> Gathered {
    let mut total = first.len();
    let mut messages = vec![first];
    let mut next = None;
    while messages.len() < coalesce::MAX_MESSAGES && total < hub.max_message_bytes {
        let Some(frame) = stream.next().now_or_never() else {
            break;
        };
        if let Some(Ok(Frame::Binary(bytes))) = &frame {
            if let Ok(Message::Sync {
                document_id, data, ..
            }) = Message::decode(bytes, hub.max_message_bytes)
            {
                if document_id == id {
                    Metrics::inc(&hub.metrics.messages_in);
                    total += data.len();
                    messages.push(data);
                    continue;
                }
            }
        }
        next = Some(frame);
        break;
    }
    (messages, next)
}

fn send_error(hub: &Hub, tx: &Outbox, peer: Option<&Peer>, message: &str) {
    match peer {
        Some(peer) => hub.send_error(peer, message),
        None => {
            let error = Message::Error {
                sender_id: hub.relay_peer_id.clone(),
                target_id: None,
                message: message.into(),
            };
            Metrics::inc(&hub.metrics.messages_out);
            tx.send(Outgoing::Frame(error.encode()));
        }
    }
}

async fn session_still_valid(hub: &Hub, session: &AuthSession) -> bool {
    let storage = hub.storage();
    let hash = session.token_hash.clone();
    match crate::blocking(move || storage.session(&hash)).await {
        Ok(Ok(Some(s))) => !s.revoked && s.expires_at > crate::clock::now(),
        Ok(Ok(None)) => false,
        // A database hiccup is not a reason to drop a working connection.
        _ => true,
    }
}
