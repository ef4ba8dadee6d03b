//! Sync with a relay: the account and its token, the relay's HTTP API, and the
//! WebSocket connection that keeps documents converged.

pub mod account;
pub mod api;
pub mod connection;
mod docs;
pub mod state;
mod syncer;
pub mod tokens;

pub use account::Account;
pub use connection::{run, sync_once, sync_teams_with};
pub(crate) use docs::decode_heads;
pub use state::{Connection, SyncState};
pub use syncer::Syncer;
pub use tokens::{KeyringTokens, MemoryTokens, TokenStore};
