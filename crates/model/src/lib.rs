//! Teamstead's documents: one Rust type per document kind (see DESIGN.md), read from
//! and written to Automerge with autosurgeon, and the rules that belong to the data.
//!
//! Everything here is pure: functions take an in-memory `AutoCommit` and a clock
//! reading (`now`, milliseconds since the epoch) and never touch disk or network.

pub mod assessment;
pub mod billing;
pub mod board;
pub mod channel;
pub mod conversation;
mod doc;
mod error;
pub mod policy;
pub mod pulse;
pub mod response;
pub mod team;
pub mod user;
mod validate;

pub use doc::{new_id, read_kind, DocKind, SCHEMA_VERSION};
pub use error::ModelError;
pub use teamstead_protocol::DocumentId;
pub use validate::{date_from_days, normalize_labels, validate_date, validate_title};

/// Milliseconds since the Unix epoch; passed in so the model stays pure.
pub type Millis = i64;
/// A person's stable id (a UUID string), the same on every device.
pub type UserId = String;

pub type Result<T, E = ModelError> = std::result::Result<T, E>;
