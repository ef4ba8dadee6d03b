//! A simulated client: one WebSocket speaking automerge-repo v1, joined, with its
//! reading and writing halves apart so a sender and a reader can run at once.

use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use teamstead_protocol::{DocumentId, Message, PeerMetadata};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message as Frame;

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

pub struct Writer {
    sink: SplitSink<Socket, Frame>,
    pub peer_id: String,
    /// The server's peer id from its `peer` message: servers route by target.
    server_id: String,
}

pub struct Reader {
    stream: SplitStream<Socket>,
}

/// Opens the socket only: the floor server speaks no protocol.
pub async fn connect_raw(url: &str, token: Option<&str>) -> Result<(Writer, Reader), BoxError> {
    let mut request = url.into_client_request()?;
    if let Some(token) = token {
        request
            .headers_mut()
            .insert("authorization", format!("Bearer {token}").parse()?);
    }
    let (socket, _) = tokio_tungstenite::connect_async(request).await?;
    let (sink, stream) = socket.split();
    let writer = Writer {
        sink,
        peer_id: format!("bench-{}", uuid::Uuid::new_v4()),
        server_id: String::new(),
    };
    Ok((writer, Reader { stream }))
}

/// Connects (with a bearer token when the target wants one) and completes `join`.
pub async fn connect(url: &str, token: Option<&str>) -> Result<(Writer, Reader), BoxError> {
    let (mut writer, mut reader) = connect_raw(url, token).await?;
    writer
        .send(&Message::Join {
            sender_id: writer.peer_id.clone(),
            peer_metadata: Some(PeerMetadata {
                storage_id: None,
                is_ephemeral: Some(false),
            }),
            supported_protocol_versions: vec!["1".into()],
        })
        .await?;
    match reader.next().await? {
        Some(Message::Peer { sender_id, .. }) => {
            writer.server_id = sender_id;
            Ok((writer, reader))
        }
        other => Err(format!("expected peer, got {other:?}").into()),
    }
}

impl Writer {
    pub async fn send(&mut self, message: &Message) -> Result<(), BoxError> {
        self.sink
            .send(Frame::Binary(message.encode().into()))
            .await?;
        Ok(())
    }

    pub async fn send_raw(&mut self, bytes: Vec<u8>) -> Result<(), BoxError> {
        self.sink.send(Frame::Binary(bytes.into())).await?;
        Ok(())
    }

    pub async fn sync(&mut self, id: DocumentId, data: Vec<u8>) -> Result<(), BoxError> {
        let message = Message::Sync {
            sender_id: self.peer_id.clone(),
            target_id: self.server_id.clone(),
            document_id: id,
            data,
        };
        self.send(&message).await
    }

    pub async fn request(&mut self, id: DocumentId, data: Vec<u8>) -> Result<(), BoxError> {
        let message = Message::Request {
            sender_id: self.peer_id.clone(),
            target_id: self.server_id.clone(),
            document_id: id,
            data,
        };
        self.send(&message).await
    }
}

impl Reader {
    /// The next protocol message; `None` when the connection closed.
    pub async fn next(&mut self) -> Result<Option<Message>, BoxError> {
        while let Some(frame) = self.stream.next().await {
            if let Frame::Binary(bytes) = frame? {
                return Ok(Some(Message::decode(&bytes, usize::MAX)?));
            }
        }
        Ok(None)
    }

    /// The next binary frame as it came, for the floor server.
    pub async fn next_raw(&mut self) -> Result<Option<Vec<u8>>, BoxError> {
        while let Some(frame) = self.stream.next().await {
            if let Frame::Binary(bytes) = frame? {
                return Ok(Some(bytes.to_vec()));
            }
        }
        Ok(None)
    }
}
