//! Teamstead's live signals: the `data` of an automerge-repo `ephemeral` message,
//! as CBOR. Nothing here is written into a document.
//!
//! - presence: sent on the team document when a person comes online, goes idle or
//!   leaves; the relay sends `offline` itself when their last connection closes.
//! - typing: sent on a conversation's month document while someone types; it
//!   expires by itself (`TYPING_TTL_MS`).
//! - read: a read receipt, sent on a conversation's month document when someone
//!   reads up to a time. The relay remembers the latest per person and document and
//!   replays it to whoever starts syncing that document.
//!
//! The relay fills in `user_id` from the connection, so no one speaks for another.

use serde::{Deserialize, Serialize};

/// How long a typing signal lasts without another.
pub const TYPING_TTL_MS: i64 = 6_000;
/// How often a typing person re-sends it, at most.
pub const TYPING_EVERY_MS: i64 = 3_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Signal {
    Presence {
        #[serde(default)]
        user_id: String,
        state: PresenceState,
    },
    Typing {
        #[serde(default)]
        user_id: String,
        conversation_id: String,
    },
    Read {
        #[serde(default)]
        user_id: String,
        conversation_id: String,
        at: i64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresenceState {
    Online,
    Idle,
    Offline,
}

impl Signal {
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        // Writing into a Vec cannot fail for these plain values.
        let _ = ciborium::into_writer(self, &mut bytes);
        bytes
    }

    /// `None` for anything that is not one of ours (other apps' ephemeral data).
    pub fn decode(bytes: &[u8]) -> Option<Self> {
        ciborium::from_reader(bytes).ok()
    }

    pub fn user_id(&self) -> &str {
        match self {
            Self::Presence { user_id, .. }
            | Self::Typing { user_id, .. }
            | Self::Read { user_id, .. } => user_id,
        }
    }

    /// The same signal, said by `user`.
    pub fn from_user(mut self, user: &str) -> Self {
        match &mut self {
            Self::Presence { user_id, .. }
            | Self::Typing { user_id, .. }
            | Self::Read { user_id, .. } => *user_id = user.to_string(),
        }
        self
    }

    /// Signals the relay keeps (the latest per person and document) for later peers.
    pub fn is_sticky(&self) -> bool {
        matches!(self, Self::Presence { .. } | Self::Read { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_round_trip_and_foreign_data_is_not_ours() {
        let read = Signal::Read {
            user_id: String::new(),
            conversation_id: "c".into(),
            at: 42,
        };
        let bytes = read.encode();
        assert_eq!(Signal::decode(&bytes), Some(read.clone()));
        assert_eq!(read.from_user("bob").user_id(), "bob");
        assert_eq!(Signal::decode(b"\xa1\x61x\x01"), None);
        assert_eq!(Signal::decode(&[0xff, 0x00]), None);
    }
}
