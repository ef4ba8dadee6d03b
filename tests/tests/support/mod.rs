//! What the sync tests share: a relay in this process, people with their own
//! workspaces, and a bare protocol peer for sending what no honest client would.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use teamstead_client::sync::{MemoryTokens, TokenStore};
use teamstead_client::Client;
use teamstead_protocol::{DocumentId, Message, PeerMetadata};
use teamstead_relay::{Config, RunningRelay};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as Frame;

pub const PASSWORD: &str = "correct horse battery";
pub const SYNC_TIMEOUT: Duration = Duration::from_secs(30);

pub async fn start_relay(dir: &std::path::Path) -> RunningRelay {
    teamstead_relay::start(Config::local(dir.to_path_buf()))
        .await
        .expect("relay starts")
}

/// One person on one device: a workspace of their own, tokens in memory.
pub struct Person {
    pub client: Arc<Client>,
    pub tokens: Arc<MemoryTokens>,
    pub user_id: String,
    pub relay: String,
    _dir: tempfile::TempDir,
}

impl Person {
    pub async fn sign_up(relay: &RunningRelay, name: &str) -> Self {
        Self::sign_up_at(&relay.http_url(), name).await
    }

    /// Signs up at a relay given by URL (one running in another process).
    pub async fn sign_up_at(relay_url: &str, name: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let client = Arc::new(Client::open(Some(dir.path().to_path_buf())).expect("open"));
        client.set_name(name).expect("name");
        let tokens = Arc::new(MemoryTokens::default());
        let email = format!("{}@example.test", name.to_lowercase());
        let account = client
            .sign_up(tokens.as_ref(), relay_url, &email, PASSWORD)
            .await
            .expect("sign up");
        Self {
            client,
            tokens,
            user_id: account.user_id,
            relay: relay_url.to_string(),
            _dir: dir,
        }
    }

    /// The same person on a second device: a fresh workspace, signed in.
    pub async fn new_device(&self, name: &str) -> Self {
        Self::log_in_at(&self.relay, name).await
    }

    /// Signs in, on a fresh workspace, to an account made earlier.
    pub async fn log_in_at(relay_url: &str, name: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let client = Arc::new(Client::open(Some(dir.path().to_path_buf())).expect("open"));
        let tokens = Arc::new(MemoryTokens::default());
        let email = format!("{}@example.test", name.to_lowercase());
        let account = client
            .log_in(tokens.as_ref(), relay_url, &email, PASSWORD)
            .await
            .expect("log in");
        Self {
            client,
            tokens,
            user_id: account.user_id,
            relay: relay_url.to_string(),
            _dir: dir,
        }
    }

    pub fn token(&self) -> String {
        let (_, token) = self
            .client
            .signed_in(self.tokens.as_ref())
            .expect("signed in");
        token
    }

    pub async fn sync(&self) {
        teamstead_client::sync::sync_once(&self.client, self.tokens.as_ref(), SYNC_TIMEOUT)
            .await
            .expect("sync");
    }

    pub fn store(&self) -> &dyn TokenStore {
        self.tokens.as_ref()
    }

    /// Creates a team here and publishes it on the relay; returns its id.
    pub async fn publish_new_team(&self, name: &str) -> String {
        let team = self.client.create_team(name).expect("team").id;
        self.client
            .publish_team(self.store(), &team)
            .await
            .expect("publish");
        team
    }

    /// Brings a new person into `team` with `role`: they sign up, redeem an
    /// invitation from this person, and sync.
    pub async fn invite(&self, team: &str, role: teamstead_client::Role, name: &str) -> Person {
        let invite = self
            .client
            .create_invitation(self.store(), team, role, None, None)
            .await
            .expect("invite");
        let person = Person::sign_up_at(&self.relay, name).await;
        person
            .client
            .join_team(person.store(), &invite.code)
            .await
            .expect("join");
        person.sync().await;
        person
    }
}

/// A protocol peer with no client behind it: it sends exactly what a test says.
pub struct RawPeer {
    socket: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
    pub peer_id: String,
}

pub async fn raw_connect(relay: &RunningRelay, token: &str) -> Result<RawPeer, (u16, String)> {
    raw_connect_at(&relay.sync_url(), token).await
}

/// Connects to a sync URL (`ws://…/v1/sync`) with a token in the header.
pub async fn raw_connect_at(sync_url: &str, token: &str) -> Result<RawPeer, (u16, String)> {
    let mut request = sync_url.into_client_request().expect("request");
    request.headers_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("header"),
    );
    match tokio_tungstenite::connect_async(request).await {
        Ok((socket, _)) => Ok(RawPeer {
            socket,
            peer_id: format!("raw-{}", uuid_like()),
        }),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            let body = response.body().clone().unwrap_or_default();
            Err((
                response.status().as_u16(),
                String::from_utf8_lossy(&body).into_owned(),
            ))
        }
        Err(e) => panic!("connect failed: {e}"),
    }
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos()
    )
}

impl RawPeer {
    pub async fn joined(relay: &RunningRelay, token: &str) -> Self {
        Self::joined_at(&relay.http_url(), token).await
    }

    /// Joins the relay at an HTTP base URL (one running in another process).
    pub async fn joined_at(relay_url: &str, token: &str) -> Self {
        let sync_url = format!("{}/v1/sync", relay_url.replacen("http://", "ws://", 1));
        let mut peer = raw_connect_at(&sync_url, token).await.expect("connect");
        peer.send(&Message::Join {
            sender_id: peer.peer_id.clone(),
            peer_metadata: Some(PeerMetadata {
                storage_id: None,
                is_ephemeral: Some(true),
            }),
            supported_protocol_versions: vec!["1".into()],
        })
        .await;
        match peer.recv().await {
            Some(Message::Peer { .. }) => peer,
            other => panic!("expected peer, got {other:?}"),
        }
    }

    pub async fn send(&mut self, message: &Message) {
        self.send_bytes(message.encode()).await;
    }

    pub async fn send_bytes(&mut self, bytes: Vec<u8>) {
        self.socket
            .send(Frame::Binary(bytes.into()))
            .await
            .expect("send");
    }

    /// The next message, or `None` if the connection closed or nothing came in 10 s.
    pub async fn recv(&mut self) -> Option<Message> {
        self.recv_within(Duration::from_secs(10)).await
    }

    pub async fn recv_within(&mut self, wait: Duration) -> Option<Message> {
        loop {
            let frame = tokio::time::timeout(wait, self.socket.next())
                .await
                .ok()??;
            match frame.ok()? {
                Frame::Binary(bytes) => return Message::decode(&bytes, usize::MAX).ok(),
                Frame::Close(_) => return None,
                _ => continue,
            }
        }
    }

    /// Asks for a document the way a fresh automerge-repo peer does.
    pub async fn request(&mut self, id: DocumentId) -> Option<Message> {
        let mut state = automerge::sync::State::new();
        self.send_request(id, &mut automerge::AutoCommit::new(), &mut state)
            .await;
        self.recv().await
    }

    /// Sends `request` with the first sync message of `doc` (empty: asking for all).
    async fn send_request(
        &mut self,
        id: DocumentId,
        doc: &mut automerge::AutoCommit,
        state: &mut automerge::sync::State,
    ) {
        use automerge::sync::SyncDoc;
        let data = doc
            .sync()
            .generate_sync_message(state)
            .map(|m| m.encode())
            .unwrap_or_default();
        self.send(&Message::Request {
            sender_id: self.peer_id.clone(),
            target_id: "relay".into(),
            document_id: id,
            data,
        })
        .await;
    }

    /// Fetches a whole document over the protocol, with the sync state to edit it.
    pub async fn fetch(
        &mut self,
        id: DocumentId,
    ) -> (automerge::AutoCommit, automerge::sync::State) {
        use automerge::sync::SyncDoc;
        let mut doc = automerge::AutoCommit::new();
        let mut state = automerge::sync::State::new();
        self.send_request(id, &mut doc, &mut state).await;
        loop {
            match self.recv().await {
                Some(Message::Sync { data, .. }) => {
                    let message = automerge::sync::Message::decode(&data).expect("sync message");
                    doc.sync()
                        .receive_sync_message(&mut state, message)
                        .expect("apply");
                    if !doc.get_heads().is_empty() {
                        if let Some(reply) = doc.sync().generate_sync_message(&mut state) {
                            self.sync_bytes(id, reply.encode()).await;
                        }
                        return (doc, state);
                    }
                    if let Some(reply) = doc.sync().generate_sync_message(&mut state) {
                        self.sync_bytes(id, reply.encode()).await;
                    }
                }
                other => panic!("expected the document, got {other:?}"),
            }
        }
    }

    pub async fn sync_bytes(&mut self, id: DocumentId, data: Vec<u8>) {
        self.send(&Message::Sync {
            sender_id: self.peer_id.clone(),
            target_id: "relay".into(),
            document_id: id,
            data,
        })
        .await;
    }

    /// Sends the local edits of `doc`, carrying on the sync exchange as long as the
    /// relay asks for more (a new document takes a few rounds), and returns the
    /// relay's first answer that is not a sync message, or `None` if only sync
    /// messages came within a few seconds.
    pub async fn push(
        &mut self,
        id: DocumentId,
        doc: &mut automerge::AutoCommit,
        state: &mut automerge::sync::State,
    ) -> Option<Message> {
        use automerge::sync::SyncDoc;
        if let Some(message) = doc.sync().generate_sync_message(state) {
            self.sync_bytes(id, message.encode()).await;
        }
        loop {
            match self.recv_within(Duration::from_secs(3)).await? {
                Message::Sync {
                    document_id, data, ..
                } if document_id == id => {
                    let message = automerge::sync::Message::decode(&data).expect("sync message");
                    doc.sync()
                        .receive_sync_message(state, message)
                        .expect("apply");
                    if let Some(reply) = doc.sync().generate_sync_message(state) {
                        self.sync_bytes(id, reply.encode()).await;
                    }
                }
                Message::Sync { .. } => continue,
                other => return Some(other),
            }
        }
    }
}

/// Polls `done` until it holds, failing after a minute (the reconnect backoff
/// alone may wait several seconds).
pub async fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..600 {
        if done() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("gave up waiting until {what}");
}

pub fn board_id(person: &Person, team: &str) -> String {
    person.client.list_boards(team).expect("boards")[0]
        .id
        .clone()
}
