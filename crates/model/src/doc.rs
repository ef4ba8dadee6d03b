//! What every document shares: a `kind` tag and a schema version at its root.

use automerge::ReadDoc;
use serde::{Deserialize, Serialize};

/// The schema version written into new documents.
pub const SCHEMA_VERSION: u64 = 1;

/// The kinds of document in DESIGN.md; each has one clear set of writers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Team,
    Board,
    Assessment,
    Response,
    Channel,
    User,
    Billing,
    /// One person's answer to one period of a pulse survey (pulse.rs).
    PulseAnswer,
    /// A pulse survey's aggregates, written by the relay.
    PulseResults,
    /// Where one assignee stands with one assessment (assessment/review.rs).
    Review,
}

impl DocKind {
    pub const ALL: [DocKind; 10] = [
        Self::Team,
        Self::Board,
        Self::Assessment,
        Self::Response,
        Self::Channel,
        Self::User,
        Self::Billing,
        Self::PulseAnswer,
        Self::PulseResults,
        Self::Review,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Team => "team",
            Self::Board => "board",
            Self::Assessment => "assessment",
            Self::Response => "response",
            Self::Channel => "channel",
            Self::User => "user",
            Self::Billing => "billing",
            Self::PulseAnswer => "pulse_answer",
            Self::PulseResults => "pulse_results",
            Self::Review => "review",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The kind a document says it is, if it says one we know.
pub fn read_kind(doc: &impl ReadDoc) -> Option<DocKind> {
    match doc.get(automerge::ROOT, "kind").ok()?? {
        (automerge::Value::Scalar(s), _) => match s.as_ref() {
            automerge::ScalarValue::Str(s) => DocKind::parse(s),
            _ => None,
        },
        _ => None,
    }
}

/// Checks a document's kind before it is read as that kind.
pub(crate) fn expect_kind(doc: &impl ReadDoc, expected: DocKind) -> crate::Result<()> {
    if read_kind(doc) == Some(expected) {
        Ok(())
    } else {
        Err(crate::ModelError::WrongKind {
            expected: expected.as_str(),
        })
    }
}

/// A fresh id for an entity inside a document (task, comment, message…).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// SHA-256 over a domain tag and parts, each set apart by a NUL: the root of ids
/// and actors that follow from content (direct messages, channel months, user
/// documents), so every device computes the same ones.
pub(crate) fn derived(domain: &str, parts: &[&str]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(domain.as_bytes());
    for part in parts {
        hash.update(b"\0");
        hash.update(part.as_bytes());
    }
    hash.finalize().into()
}

/// A document id from a derived digest.
pub(crate) fn derived_doc_id(digest: &[u8; 32]) -> crate::DocumentId {
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    crate::DocumentId::from_bytes(bytes)
}

/// Commits a document's first change with a fixed time, so the same content
/// under the same actor gives the same change everywhere.
pub(crate) fn commit_genesis(
    doc: &mut automerge::AutoCommit,
) -> crate::Result<automerge::ChangeHash> {
    doc.commit_with(automerge::transaction::CommitOptions::default().with_time(0));
    doc.get_heads()
        .first()
        .copied()
        .ok_or_else(|| crate::ModelError::Corrupt("a document's first change is empty".into()))
}
