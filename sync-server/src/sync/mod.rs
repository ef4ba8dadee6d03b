//! The sync WebSocket: automerge-repo's v1 protocol, with the relay as authority.

mod ack;
mod coalesce;
pub mod connection;
#[cfg(test)]
mod diff_cursor_tests;
pub mod hub;
mod outbox;
mod shared;

pub use hub::Hub;
