//! The automerge-repo v1 wire messages, CBOR-encoded as the reference
//! (@automerge/automerge-repo 2.x) encodes them: one CBOR map per WebSocket
//! message, text keys in camelCase, binary payloads as CBOR byte strings.
//!
//! | type | direction | what it says |
//! | --- | --- | --- |
//! | `join` | client → server | here is my peer id; these protocol versions I speak |
//! | `peer` | server → client | here is mine; this version we use |
//! | `leave` | either | I am going |
//! | `error` | either | why the sender is closing the connection |
//! | `request` | either | the first sync message for a document: do you have it? |
//! | `sync` | either | an Automerge sync message for a document |
//! | `doc-unavailable` | either | neither I nor my peers have that document |
//! | `ephemeral` | either | transient data about a document (presence, typing) |
//! | `remote-subscription-change` | either | storage ids whose heads I want to hear of |
//! | `remote-heads-changed` | either | a storage peer's heads for a document moved |
//!
//! Any other `type` decodes as [`Message::Unknown`], which a peer ignores, as the
//! reference does.

use std::collections::BTreeMap;

use ciborium::Value;

use crate::DocumentId;

/// The only protocol version there is.
pub const PROTOCOL_VERSION: &str = "1";

/// Largest message we decode by default: an Automerge sync message for a big
/// document fits; anything larger is refused before parsing.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeerMetadata {
    pub storage_id: Option<String>,
    pub is_ephemeral: Option<bool>,
}

/// A storage peer's heads for a document, and when it reported them (ms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadsAt {
    pub heads: Vec<String>,
    pub timestamp: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Join {
        sender_id: String,
        peer_metadata: Option<PeerMetadata>,
        supported_protocol_versions: Vec<String>,
    },
    Peer {
        sender_id: String,
        target_id: String,
        peer_metadata: Option<PeerMetadata>,
        selected_protocol_version: String,
    },
    Leave {
        sender_id: String,
    },
    Error {
        sender_id: String,
        target_id: Option<String>,
        message: String,
    },
    Request {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    Sync {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        data: Vec<u8>,
    },
    DocUnavailable {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
    },
    Ephemeral {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        count: u64,
        session_id: String,
        data: Vec<u8>,
    },
    RemoteSubscriptionChange {
        sender_id: String,
        target_id: String,
        add: Vec<String>,
        remove: Vec<String>,
    },
    RemoteHeadsChanged {
        sender_id: String,
        target_id: String,
        document_id: DocumentId,
        new_heads: BTreeMap<String, HeadsAt>,
    },
    /// A message type this version does not know; peers ignore it.
    Unknown {
        message_type: String,
    },
}

/// Why bytes are not a message. Every decode failure is one of these.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("message is {size} bytes, over the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("message is not valid CBOR: {0}")]
    Cbor(String),
    #[error("message is not a CBOR map")]
    NotAMap,
    #[error("message has no `{0}` field")]
    MissingField(&'static str),
    #[error("field `{field}` should be {expected}")]
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    #[error("field `documentId` is not a document id: {0}")]
    BadDocumentId(String),
}

impl DecodeError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "message_too_large",
            Self::Cbor(_) | Self::NotAMap => "malformed_message",
            Self::MissingField(_) | Self::WrongType { .. } | Self::BadDocumentId(_) => {
                "invalid_message"
            }
        }
    }
}

impl Message {
    pub fn message_type(&self) -> &str {
        match self {
            Self::Join { .. } => "join",
            Self::Peer { .. } => "peer",
            Self::Leave { .. } => "leave",
            Self::Error { .. } => "error",
            Self::Request { .. } => "request",
            Self::Sync { .. } => "sync",
            Self::DocUnavailable { .. } => "doc-unavailable",
            Self::Ephemeral { .. } => "ephemeral",
            Self::RemoteSubscriptionChange { .. } => "remote-subscription-change",
            Self::RemoteHeadsChanged { .. } => "remote-heads-changed",
            Self::Unknown { message_type } => message_type,
        }
    }

    /// The document a message is about, if any.
    pub fn document_id(&self) -> Option<&DocumentId> {
        match self {
            Self::Request { document_id, .. }
            | Self::Sync { document_id, .. }
            | Self::DocUnavailable { document_id, .. }
            | Self::Ephemeral { document_id, .. }
            | Self::RemoteHeadsChanged { document_id, .. } => Some(document_id),
            _ => None,
        }
    }

    /// Decodes one message, refusing anything over `limit` bytes before parsing.
    pub fn decode(bytes: &[u8], limit: usize) -> Result<Self, DecodeError> {
        if bytes.len() > limit {
            return Err(DecodeError::TooLarge {
                size: bytes.len(),
                limit,
            });
        }
        let value: Value =
            ciborium::de::from_reader(bytes).map_err(|e| DecodeError::Cbor(e.to_string()))?;
        let Value::Map(entries) = value else {
            return Err(DecodeError::NotAMap);
        };
        let fields = Fields(entries);
        let message_type = fields.text("type")?;
        Ok(match message_type.as_str() {
            "join" => Self::Join {
                sender_id: fields.text("senderId")?,
                peer_metadata: fields.metadata()?,
                supported_protocol_versions: fields.texts("supportedProtocolVersions")?,
            },
            "peer" => Self::Peer {
                sender_id: fields.text("senderId")?,
                target_id: fields.text("targetId")?,
                peer_metadata: fields.metadata()?,
                selected_protocol_version: fields.text("selectedProtocolVersion")?,
            },
            "leave" => Self::Leave {
                sender_id: fields.text("senderId")?,
            },
            "error" => Self::Error {
                sender_id: fields.text("senderId")?,
                target_id: fields.optional_text("targetId")?,
                message: fields.text("message")?,
            },
            "request" | "sync" => {
                let sender_id = fields.text("senderId")?;
                let target_id = fields.text("targetId")?;
                let document_id = fields.document_id()?;
                let data = fields.bytes("data")?;
                if message_type == "request" {
                    Self::Request {
                        sender_id,
                        target_id,
                        document_id,
                        data,
                    }
                } else {
                    Self::Sync {
                        sender_id,
                        target_id,
                        document_id,
                        data,
                    }
                }
            }
            "doc-unavailable" => Self::DocUnavailable {
                sender_id: fields.text("senderId")?,
                target_id: fields.text("targetId")?,
                document_id: fields.document_id()?,
            },
            "ephemeral" => Self::Ephemeral {
                sender_id: fields.text("senderId")?,
                target_id: fields.text("targetId")?,
                document_id: fields.document_id()?,
                count: fields.unsigned("count")?,
                session_id: fields.text("sessionId")?,
                data: fields.bytes("data")?,
            },
            "remote-subscription-change" => Self::RemoteSubscriptionChange {
                sender_id: fields.text("senderId")?,
                target_id: fields.text("targetId")?,
                add: fields.optional_texts("add")?,
                remove: fields.optional_texts("remove")?,
            },
            "remote-heads-changed" => Self::RemoteHeadsChanged {
                sender_id: fields.text("senderId")?,
                target_id: fields.text("targetId")?,
                document_id: fields.document_id()?,
                new_heads: fields.new_heads()?,
            },
            _ => Self::Unknown { message_type },
        })
    }

    /// Encodes a message as the reference does. `Unknown` encodes as just its type.
    pub fn encode(&self) -> Vec<u8> {
        let mut map = MapBuilder::default();
        map.text("type", self.message_type());
        match self {
            Self::Join {
                sender_id,
                peer_metadata,
                supported_protocol_versions,
            } => {
                map.text("senderId", sender_id);
                map.metadata(peer_metadata);
                map.texts("supportedProtocolVersions", supported_protocol_versions);
            }
            Self::Peer {
                sender_id,
                target_id,
                peer_metadata,
                selected_protocol_version,
            } => {
                map.text("senderId", sender_id);
                map.metadata(peer_metadata);
                map.text("selectedProtocolVersion", selected_protocol_version);
                map.text("targetId", target_id);
            }
            Self::Leave { sender_id } => map.text("senderId", sender_id),
            Self::Error {
                sender_id,
                target_id,
                message,
            } => {
                map.text("senderId", sender_id);
                map.text("message", message);
                if let Some(target_id) = target_id {
                    map.text("targetId", target_id);
                }
            }
            Self::Request {
                sender_id,
                target_id,
                document_id,
                data,
            }
            | Self::Sync {
                sender_id,
                target_id,
                document_id,
                data,
            } => {
                map.text("senderId", sender_id);
                map.text("targetId", target_id);
                map.text("documentId", &document_id.to_string());
                map.bytes("data", data);
            }
            Self::DocUnavailable {
                sender_id,
                target_id,
                document_id,
            } => {
                map.text("senderId", sender_id);
                map.text("targetId", target_id);
                map.text("documentId", &document_id.to_string());
            }
            Self::Ephemeral {
                sender_id,
                target_id,
                document_id,
                count,
                session_id,
                data,
            } => {
                map.text("senderId", sender_id);
                map.text("targetId", target_id);
                map.text("documentId", &document_id.to_string());
                map.put("count", Value::Integer((*count).into()));
                map.text("sessionId", session_id);
                map.bytes("data", data);
            }
            Self::RemoteSubscriptionChange {
                sender_id,
                target_id,
                add,
                remove,
            } => {
                map.text("senderId", sender_id);
                map.text("targetId", target_id);
                if !add.is_empty() {
                    map.texts("add", add);
                }
                if !remove.is_empty() {
                    map.texts("remove", remove);
                }
            }
            Self::RemoteHeadsChanged {
                sender_id,
                target_id,
                document_id,
                new_heads,
            } => {
                map.text("senderId", sender_id);
                map.text("targetId", target_id);
                map.text("documentId", &document_id.to_string());
                let heads = new_heads
                    .iter()
                    .map(|(storage, at)| {
                        let entry = Value::Map(vec![
                            (
                                Value::Text("heads".into()),
                                Value::Array(at.heads.iter().cloned().map(Value::Text).collect()),
                            ),
                            (
                                Value::Text("timestamp".into()),
                                Value::Integer(at.timestamp.into()),
                            ),
                        ]);
                        (Value::Text(storage.clone()), entry)
                    })
                    .collect();
                map.put("newHeads", Value::Map(heads));
            }
            Self::Unknown { .. } => {}
        }
        map.finish()
    }
}

/// A decoded CBOR map, read field by field with typed errors.
struct Fields(Vec<(Value, Value)>);

impl Fields {
    fn get(&self, name: &str) -> Option<&Value> {
        self.0
            .iter()
            .find(|(k, _)| matches!(k, Value::Text(k) if k == name))
            .map(|(_, v)| v)
    }

    fn required(&self, name: &'static str) -> Result<&Value, DecodeError> {
        self.get(name).ok_or(DecodeError::MissingField(name))
    }

    fn text(&self, name: &'static str) -> Result<String, DecodeError> {
        as_text(self.required(name)?, name)
    }

    fn optional_text(&self, name: &'static str) -> Result<Option<String>, DecodeError> {
        match self.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => as_text(v, name).map(Some),
        }
    }

    fn texts(&self, name: &'static str) -> Result<Vec<String>, DecodeError> {
        as_texts(self.required(name)?, name)
    }

    fn optional_texts(&self, name: &'static str) -> Result<Vec<String>, DecodeError> {
        match self.get(name) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(v) => as_texts(v, name),
        }
    }

    fn bytes(&self, name: &'static str) -> Result<Vec<u8>, DecodeError> {
        match self.required(name)? {
            Value::Bytes(b) => Ok(b.clone()),
            // A peer that tags its byte arrays (CBOR tag 64, Uint8Array) is understood too.
            Value::Tag(64, inner) => match inner.as_ref() {
                Value::Bytes(b) => Ok(b.clone()),
                _ => Err(wrong(name, "a byte string")),
            },
            _ => Err(wrong(name, "a byte string")),
        }
    }

    fn unsigned(&self, name: &'static str) -> Result<u64, DecodeError> {
        as_unsigned(self.required(name)?, name)
    }

    fn document_id(&self) -> Result<DocumentId, DecodeError> {
        let text = self.text("documentId")?;
        text.parse()
            .map_err(|e: crate::DocumentIdError| DecodeError::BadDocumentId(e.to_string()))
    }

    fn metadata(&self) -> Result<Option<PeerMetadata>, DecodeError> {
        const NAME: &str = "peerMetadata";
        let entries = match self.get(NAME) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Map(entries)) => Fields(entries.clone()),
            Some(_) => return Err(wrong(NAME, "a map")),
        };
        let is_ephemeral = match entries.get("isEphemeral") {
            None | Some(Value::Null) => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => return Err(wrong("isEphemeral", "a boolean")),
        };
        Ok(Some(PeerMetadata {
            storage_id: entries.optional_text("storageId")?,
            is_ephemeral,
        }))
    }

    fn new_heads(&self) -> Result<BTreeMap<String, HeadsAt>, DecodeError> {
        const NAME: &str = "newHeads";
        let Value::Map(entries) = self.required(NAME)? else {
            return Err(wrong(NAME, "a map"));
        };
        let mut heads = BTreeMap::new();
        for (storage, at) in entries {
            let storage = as_text(storage, NAME)?;
            let Value::Map(at) = at else {
                return Err(wrong(NAME, "a map of {heads, timestamp}"));
            };
            let at = Fields(at.clone());
            heads.insert(
                storage,
                HeadsAt {
                    heads: at.texts("heads")?,
                    timestamp: at.unsigned("timestamp")?,
                },
            );
        }
        Ok(heads)
    }
}

fn wrong(field: &'static str, expected: &'static str) -> DecodeError {
    DecodeError::WrongType { field, expected }
}

fn as_text(value: &Value, name: &'static str) -> Result<String, DecodeError> {
    match value {
        Value::Text(t) => Ok(t.clone()),
        _ => Err(wrong(name, "text")),
    }
}

fn as_texts(value: &Value, name: &'static str) -> Result<Vec<String>, DecodeError> {
    match value {
        Value::Array(items) => items.iter().map(|v| as_text(v, name)).collect(),
        _ => Err(wrong(name, "an array of text")),
    }
}

fn as_unsigned(value: &Value, name: &'static str) -> Result<u64, DecodeError> {
    match value {
        Value::Integer(i) => u64::try_from(*i).map_err(|_| wrong(name, "a non-negative integer")),
        // JavaScript numbers may arrive as floats; accept whole ones.
        Value::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= u64::MAX as f64 => Ok(*f as u64),
        _ => Err(wrong(name, "a non-negative integer")),
    }
}

/// Builds a CBOR map in insertion order.
#[derive(Default)]
struct MapBuilder(Vec<(Value, Value)>);

impl MapBuilder {
    fn put(&mut self, key: &str, value: Value) {
        self.0.push((Value::Text(key.to_string()), value));
    }

    fn text(&mut self, key: &str, value: &str) {
        self.put(key, Value::Text(value.to_string()));
    }

    fn texts(&mut self, key: &str, values: &[String]) {
        self.put(
            key,
            Value::Array(values.iter().cloned().map(Value::Text).collect()),
        );
    }

    fn bytes(&mut self, key: &str, value: &[u8]) {
        self.put(key, Value::Bytes(value.to_vec()));
    }

    fn metadata(&mut self, metadata: &Option<PeerMetadata>) {
        let Some(metadata) = metadata else { return };
        let mut inner = MapBuilder::default();
        if let Some(storage_id) = &metadata.storage_id {
            inner.text("storageId", storage_id);
        }
        if let Some(is_ephemeral) = metadata.is_ephemeral {
            inner.put("isEphemeral", Value::Bool(is_ephemeral));
        }
        self.put("peerMetadata", Value::Map(inner.0));
    }

    fn finish(self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = ciborium::ser::into_writer(&Value::Map(self.0), &mut out);
        out
    }
}

#[cfg(test)]
mod tests;
