//! The one connection a device keeps to its relay: join, sync every document of
//! the person's teams, send local changes as they are saved, apply what arrives,
//! and reconnect with jittered backoff when the network or the relay goes away.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use automerge::sync::{self, SyncDoc};
use automerge::AutoCommit;
use futures_util::{SinkExt, StreamExt};
use rand::Rng;
use teamstead_model::{user, DocKind};
use teamstead_protocol::{
    DocumentId, Message, PeerMetadata, Signal, DEFAULT_MAX_MESSAGE_BYTES, PROTOCOL_VERSION,
};
use tokio::sync::{broadcast, watch};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as Frame;

use super::account::Account;
use super::api::sync_url;
use super::state::Connection;
use super::tokens::TokenStore;
use crate::chat::signals::Outgoing;
use crate::{clock, Client, ClientError, Result};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

const MAX_BACKOFF: Duration = Duration::from_secs(30);
const FIRST_BACKOFF: Duration = Duration::from_millis(500);
const JOIN_TIMEOUT: Duration = Duration::from_secs(10);

/// Keeps this device in sync until `stop` turns true: reconnects after failures,
/// and stops only when the relay refuses the token (the person must sign in again).
pub async fn run(
    client: Arc<Client>,
    tokens: Arc<dyn TokenStore>,
    mut stop: watch::Receiver<bool>,
) -> Result<()> {
    let mut failures: u32 = 0;
    loop {
        if *stop.borrow() {
            return Ok(());
        }
        let outcome = connect_and_sync(&client, tokens.as_ref(), &mut stop, None).await;
        client.persist_last_heard();
        match outcome {
            Ok(()) => {
                client.update_sync_state(|s| s.connection = Connection::Offline);
                return Ok(());
            }
            Err(e @ (ClientError::NotSignedIn | ClientError::Relay { .. })) if signs_out(&e) => {
                client.update_sync_state(|s| {
                    s.connection = Connection::Offline;
                    s.last_error = Some(e.to_string());
                });
                return Err(e);
            }
            Err(e) => {
                client.update_sync_state(|s| {
                    s.connection = Connection::Offline;
                    s.last_error = Some(e.to_string());
                });
                failures = failures.saturating_add(1);
                let wait = backoff(failures);
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    _ = stop.changed() => return Ok(()),
                }
            }
        }
    }
}

/// Errors after which trying again cannot help.
fn signs_out(e: &ClientError) -> bool {
    matches!(
        e,
        ClientError::NotSignedIn
            | ClientError::Relay {
                code: "invalid_token" | "expired_token" | "revoked_token" | "missing_token",
                ..
            }
    )
}

/// Exponential backoff with full jitter, so many desktops do not return at once.
fn backoff(failures: u32) -> Duration {
    let exp = FIRST_BACKOFF.saturating_mul(1u32 << failures.min(6));
    let cap = exp.min(MAX_BACKOFF);
    let factor: f64 = rand::thread_rng().gen_range(0.5..1.0);
    cap.mul_f64(factor)
}

/// Connects once, syncs until every document matches the relay's, and disconnects.
pub async fn sync_once(client: &Client, tokens: &dyn TokenStore, timeout: Duration) -> Result<()> {
    let (_keep, mut stop) = watch::channel(false);
    let result = match tokio::time::timeout(
        timeout,
        connect_and_sync(client, tokens, &mut stop, Some(())),
    )
    .await
    {
        Ok(result) => result,
        Err(_) => Err(ClientError::Sync(format!(
            "the relay did not finish syncing within {} s",
            timeout.as_secs()
        ))),
    };
    // The connection is closed now, whatever the outcome.
    client.persist_last_heard();
    client.update_sync_state(|s| {
        s.connection = Connection::Offline;
        if let Err(e) = &result {
            s.last_error = Some(e.to_string());
        }
    });
    result
}

async fn connect_and_sync(
    client: &Client,
    tokens: &dyn TokenStore,
    stop: &mut watch::Receiver<bool>,
    once: Option<()>,
) -> Result<()> {
    let (account, token) = client.signed_in(tokens)?;
    // The relay is the authority on which teams this person is in; offline, the
    // last list is used.
    let account = match client.refresh_teams(tokens).await {
        Ok(_) => client.account()?.unwrap_or(account),
        Err(e) if signs_out(&e) => return Err(e),
        Err(_) => account,
    };
    let socket = open_socket(&sync_url(&account.relay_url), Some(&token)).await?;
    client.update_sync_state(|s| {
        s.connection = Connection::Syncing;
        s.last_error = None;
    });
    let mut session = Session::new(client, account, socket);
    session.join().await?;
    session.start().await?;
    session.run(stop, once.is_some()).await
}

/// Syncs the documents of `teams`, once, with any automerge-repo sync server at
/// `ws_url`, with no account: how Teamstead talks to a plain reference server.
pub async fn sync_teams_with(
    client: &Client,
    ws_url: &str,
    teams: Vec<String>,
    timeout: Duration,
) -> Result<()> {
    let account = Account {
        relay_url: ws_url.to_string(),
        email: String::new(),
        user_id: client.identity().user_id,
        teams,
    };
    let work = async {
        let socket = open_socket(ws_url, None).await?;
        let mut session = Session::new(client, account, socket);
        session.join().await?;
        session.start().await?;
        let (_keep, mut stop) = watch::channel(false);
        session.run(&mut stop, true).await
    };
    tokio::time::timeout(timeout, work).await.map_err(|_| {
        ClientError::Sync(format!(
            "syncing with {ws_url} did not finish within {} s",
            timeout.as_secs()
        ))
    })?
}

async fn open_socket(url: &str, token: Option<&str>) -> Result<Socket> {
    let offline = |reason: String| ClientError::Offline {
        url: url.to_string(),
        reason,
    };
    let mut request = url
        .into_client_request()
        .map_err(|e| offline(e.to_string()))?;
    if let Some(token) = token {
        let header = format!("Bearer {token}")
            .parse()
            .map_err(|_| ClientError::NotSignedIn)?;
        request.headers_mut().insert("authorization", header);
    }
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(socket),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            let body = response.body().as_deref().unwrap_or_default();
            let parsed: Option<serde_json::Value> = serde_json::from_slice(body).ok();
            let field = |name: &str| {
                parsed
                    .as_ref()
                    .and_then(|v| v.get(name))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            Err(ClientError::Relay {
                code: crate::error::relay_code(&field("code").unwrap_or_default()),
                message: field("message")
                    .unwrap_or_else(|| format!("the relay answered {}", response.status())),
            })
        }
        Err(e) => Err(offline(e.to_string())),
    }
}

enum Incoming {
    Message(Message),
    Skip,
    Closed,
}

/// One connection's worth of sync state.
struct Session<'a> {
    client: &'a Client,
    account: Account,
    socket: Socket,
    peer_id: String,
    relay_peer: String,
    /// Documents both sides have, with their automerge sync state.
    states: HashMap<DocumentId, sync::State>,
    /// Documents asked for that have not arrived whole yet.
    requested: HashMap<DocumentId, (AutoCommit, sync::State)>,
    unavailable: HashSet<DocumentId>,
    events: broadcast::Receiver<crate::DocChanged>,
    /// Signals to send and documents to fetch, from the chat.
    chat: broadcast::Receiver<Outgoing>,
    /// Ephemeral messages sent in this session, as automerge-repo counts them.
    sent_signals: u64,
}

impl<'a> Session<'a> {
    fn new(client: &'a Client, account: Account, socket: Socket) -> Self {
        Self {
            client,
            peer_id: format!("teamstead-{}", uuid::Uuid::new_v4()),
            relay_peer: String::new(),
            account,
            socket,
            states: HashMap::new(),
            requested: HashMap::new(),
            unavailable: HashSet::new(),
            events: client.subscribe(),
            chat: client.signals.subscribe_outgoing(),
            sent_signals: 0,
        }
    }

    async fn send(&mut self, message: Message) -> Result<()> {
        self.socket
            .send(Frame::Binary(message.encode().into()))
            .await
            .map_err(|e| self.lost(e))
    }

    fn lost(&self, e: impl std::fmt::Display) -> ClientError {
        ClientError::Offline {
            url: self.account.relay_url.clone(),
            reason: e.to_string(),
        }
    }

    async fn join(&mut self) -> Result<()> {
        self.send(Message::Join {
            sender_id: self.peer_id.clone(),
            peer_metadata: Some(PeerMetadata {
                storage_id: None,
                is_ephemeral: Some(false),
            }),
            supported_protocol_versions: vec![PROTOCOL_VERSION.into()],
        })
        .await?;
        let reply = tokio::time::timeout(JOIN_TIMEOUT, self.next_message())
            .await
            .map_err(|_| self.lost("the relay did not answer the join"))??;
        match reply {
            Some(Message::Peer { sender_id, .. }) => {
                self.relay_peer = sender_id;
                Ok(())
            }
            Some(Message::Error { message, .. }) => Err(ClientError::Sync(message)),
            Some(other) => Err(ClientError::Sync(format!(
                "the relay answered the join with `{}`",
                other.message_type()
            ))),
            None => Err(self.lost("the relay closed the connection")),
        }
    }

    /// The next protocol message, or `None` when the connection closed.
    async fn next_message(&mut self) -> Result<Option<Message>> {
        loop {
            let frame = self.socket.next().await;
            match self.read_frame(frame)? {
                Incoming::Message(message) => return Ok(Some(message)),
                Incoming::Closed => return Ok(None),
                Incoming::Skip => continue,
            }
        }
    }

    fn read_frame(
        &self,
        frame: Option<std::result::Result<Frame, tokio_tungstenite::tungstenite::Error>>,
    ) -> Result<Incoming> {
        let Some(frame) = frame else {
            return Ok(Incoming::Closed);
        };
        match frame.map_err(|e| self.lost(e))? {
            Frame::Binary(bytes) => {
                self.client
                    .update_sync_state(|s| s.last_heard_from = Some(clock::now()));
                // A message this version cannot read is skipped, not fatal.
                Ok(Message::decode(&bytes, DEFAULT_MAX_MESSAGE_BYTES)
                    .map(Incoming::Message)
                    .unwrap_or(Incoming::Skip))
            }
            Frame::Close(frame) => {
                let reason = frame.map(|f| f.reason.to_string()).unwrap_or_default();
                if reason.contains("revoked") || reason.contains("expired") {
                    return Err(ClientError::Relay {
                        code: "revoked_token",
                        message: reason,
                    });
                }
                Ok(Incoming::Closed)
            }
            _ => Ok(Incoming::Skip),
        }
    }

    /// Offers every local document of the account's teams, and asks for the rest.
    async fn start(&mut self) -> Result<()> {
        for id in self.client.documents_of_teams(&self.account.teams)? {
            self.offer(id).await?;
        }
        for team in self.account.teams.clone() {
            if let Ok(id) = team.parse::<DocumentId>() {
                self.want(id).await?;
                // Boards the relay lacked last time may be there now.
                if self.client.has_document(&id)? {
                    self.want_listed(&id).await?;
                }
            }
        }
        // Responses submitted while this device was away.
        for id in self.client.local_documents(DocKind::Assessment)? {
            self.want_listed(&id).await?;
        }
        self.want(user::doc_id(&self.account.user_id)).await?;
        for (doc, signal) in self.client.opening_signals()? {
            self.send_signal(doc, signal).await?;
        }
        self.refresh_status()?;
        Ok(())
    }

    async fn send_signal(&mut self, document_id: DocumentId, signal: Signal) -> Result<()> {
        self.sent_signals += 1;
        self.send(Message::Ephemeral {
            sender_id: self.peer_id.clone(),
            target_id: self.relay_peer.clone(),
            document_id,
            count: self.sent_signals,
            session_id: self.peer_id.clone(),
            data: signal.encode(),
        })
        .await
    }

    async fn chat_request(
        &mut self,
        request: std::result::Result<Outgoing, broadcast::error::RecvError>,
    ) -> Result<()> {
        match request {
            Ok(Outgoing::Signal(doc, signal)) => self.send_signal(doc, signal).await,
            Ok(Outgoing::Want(doc)) => {
                // Asked again on purpose: it may exist by now.
                self.unavailable.remove(&doc);
                self.want(doc).await
            }
            Err(_) => Ok(()),
        }
    }

    /// Starts syncing a local document.
    async fn offer(&mut self, id: DocumentId) -> Result<()> {
        if self.states.contains_key(&id) {
            return Ok(());
        }
        self.states.insert(id, sync::State::new());
        self.push(id).await
    }

    /// Asks for a document unless it is here already.
    async fn want(&mut self, id: DocumentId) -> Result<()> {
        if self.states.contains_key(&id)
            || self.requested.contains_key(&id)
            || self.unavailable.contains(&id)
        {
            return Ok(());
        }
        if self.client.has_document(&id)? {
            return self.offer(id).await;
        }
        let mut doc = AutoCommit::new();
        let mut state = sync::State::new();
        let data = doc
            .sync()
            .generate_sync_message(&mut state)
            .map(|m| m.encode())
            .unwrap_or_default();
        self.requested.insert(id, (doc, state));
        self.send(Message::Request {
            sender_id: self.peer_id.clone(),
            target_id: self.relay_peer.clone(),
            document_id: id,
            data,
        })
        .await
    }

    /// Sends the relay whatever it lacks of a document.
    async fn push(&mut self, id: DocumentId) -> Result<()> {
        let Some(state) = self.states.get_mut(&id) else {
            return Ok(());
        };
        if let Some(message) = self.client.generate_sync(&id, state)? {
            self.send(Message::Sync {
                sender_id: self.peer_id.clone(),
                target_id: self.relay_peer.clone(),
                document_id: id,
                data: message.encode(),
            })
            .await?;
        }
        Ok(())
    }

    async fn run(&mut self, stop: &mut watch::Receiver<bool>, once: bool) -> Result<()> {
        loop {
            if once && self.settled()? {
                let _ = self.socket.close(None).await;
                return Ok(());
            }
            tokio::select! {
                frame = self.socket.next() => {
                    match self.read_frame(frame)? {
                        Incoming::Message(message) => self.receive(message).await?,
                        Incoming::Closed => return Err(self.lost("the relay closed the connection")),
                        Incoming::Skip => {}
                    }
                }
                event = self.events.recv() => self.local_change(event).await?,
                request = self.chat.recv() => self.chat_request(request).await?,
                _ = stop.changed() => {
                    let _ = self.socket.close(None).await;
                    return Ok(());
                }
            }
            self.refresh_status()?;
        }
    }

    async fn local_change(
        &mut self,
        event: std::result::Result<crate::DocChanged, broadcast::error::RecvError>,
    ) -> Result<()> {
        match event {
            Ok(changed) => {
                let Ok(id) = changed.doc_id.parse::<DocumentId>() else {
                    return Ok(());
                };
                if self.states.contains_key(&id) {
                    self.push(id).await?;
                } else {
                    // A document made here since the connection opened (a new board,
                    // a new month of a conversation, this person's user document).
                    let team = changed.team_id.unwrap_or_else(|| changed.doc_id.clone());
                    if self.account.teams.contains(&team)
                        || id == user::doc_id(&self.account.user_id)
                    {
                        self.offer(id).await?;
                    }
                }
                if matches!(changed.kind, DocKind::Team | DocKind::Assessment) {
                    self.want_listed(&id).await?;
                }
            }
            Err(broadcast::error::RecvError::Lagged(_)) => {
                let ids: Vec<DocumentId> = self.states.keys().copied().collect();
                for id in ids {
                    self.push(id).await?;
                }
            }
            Err(broadcast::error::RecvError::Closed) => {}
        }
        Ok(())
    }

    async fn receive(&mut self, message: Message) -> Result<()> {
        match message {
            Message::Sync {
                document_id, data, ..
            }
            | Message::Request {
                document_id, data, ..
            } => {
                let Ok(decoded) = sync::Message::decode(&data) else {
                    return Ok(());
                };
                // The relay sends a document it lacked when asked, once it exists.
                let announced = || (AutoCommit::new(), sync::State::new());
                let requested = self
                    .requested
                    .remove(&document_id)
                    .or_else(|| self.unavailable.remove(&document_id).then(announced));
                if let Some(state) = self.states.get_mut(&document_id) {
                    self.client.receive_sync(&document_id, state, decoded)?;
                    self.push(document_id).await?;
                    // What a team or assessment now lists is asked for before this
                    // sync can count as settled.
                    self.want_listed(&document_id).await?;
                } else if let Some((mut doc, mut state)) = requested {
                    doc.sync()
                        .receive_sync_message(&mut state, decoded)
                        .map_err(|e| ClientError::Sync(format!("document {document_id}: {e}")))?;
                    if self
                        .client
                        .adopt_remote(&document_id, doc.clone(), &state)?
                    {
                        self.states.insert(document_id, state);
                        self.push(document_id).await?;
                        if self.client.has_document(&document_id)? {
                            self.want_listed(&document_id).await?;
                        }
                    } else {
                        if let Some(reply) = doc.sync().generate_sync_message(&mut state) {
                            self.send(Message::Sync {
                                sender_id: self.peer_id.clone(),
                                target_id: self.relay_peer.clone(),
                                document_id,
                                data: reply.encode(),
                            })
                            .await?;
                        }
                        self.requested.insert(document_id, (doc, state));
                    }
                }
            }
            Message::DocUnavailable { document_id, .. } => {
                self.requested.remove(&document_id);
                self.unavailable.insert(document_id);
            }
            Message::Error { message, .. } => {
                self.client
                    .update_sync_state(|s| s.last_error = Some(message));
            }
            Message::Ephemeral {
                document_id, data, ..
            } => {
                if let Some(signal) = Signal::decode(&data) {
                    // A signal about something not here (yet) is dropped.
                    let _ = self.client.receive_signal(&document_id, signal);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Asks for what a team or an assessment lists that is not here yet.
    async fn want_listed(&mut self, team: &DocumentId) -> Result<()> {
        let listed = match self.client.listed_documents(team) {
            Ok(listed) => listed,
            // Not a team, or not readable yet: nothing listed.
            Err(_) => return Ok(()),
        };
        for id in listed {
            self.want(id).await?;
        }
        Ok(())
    }

    /// True when the relay has everything here and this device everything there.
    fn settled(&mut self) -> Result<bool> {
        if !self.requested.is_empty() {
            return Ok(false);
        }
        for (id, state) in &self.states {
            if !self.client.in_sync_with(id, state)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn refresh_status(&mut self) -> Result<()> {
        let ids: Vec<DocumentId> = self.states.keys().copied().collect();
        let pending = self.client.pending_changes(&ids)?;
        let settled = self.settled()?;
        self.client.update_sync_state(|s| {
            s.pending_changes = pending;
            s.connection = if settled {
                Connection::Synced
            } else {
                Connection::Syncing
            };
        });
        Ok(())
    }
}
