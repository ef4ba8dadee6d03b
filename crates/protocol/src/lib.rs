//! Teamstead's wire protocol: automerge-repo v1 messages (CBOR over WebSocket) and
//! document ids as automerge-repo forms them, so standard peers interoperate with
//! ours. No I/O.

pub mod ids;
pub mod message;
pub mod signal;

pub use ids::{DocumentId, DocumentIdError};
pub use message::{
    DecodeError, HeadsAt, Message, PeerMetadata, DEFAULT_MAX_MESSAGE_BYTES, PROTOCOL_VERSION,
};
pub use signal::{PresenceState, Signal};
