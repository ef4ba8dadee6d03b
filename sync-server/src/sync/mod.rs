//! The sync WebSocket: automerge-repo's v1 protocol, with the relay as authority.

mod ack;
pub mod connection;
pub mod hub;

pub use hub::Hub;
