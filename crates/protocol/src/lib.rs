//! Teamstead's wire protocol. For now it holds the document ids, which must match
//! automerge-repo's so that standard peers can name our documents; the message
//! types arrive with the relay.

pub mod ids;

pub use ids::{DocumentId, DocumentIdError};
