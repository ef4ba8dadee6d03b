//! The honest sync state behind the badge: offline, syncing or synced; how many
//! local changes the relay has not acknowledged; when it was last heard from.

use serde::Serialize;

use crate::{Client, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Connection {
    /// No relay account on this device.
    #[default]
    LocalOnly,
    Offline,
    Syncing,
    Synced,
}

/// What the connection task reports.
#[derive(Debug, Clone, Default)]
pub struct SyncState {
    pub connection: Connection,
    /// Milliseconds since the epoch of the last message from the relay.
    pub last_heard_from: Option<i64>,
    /// Why the last attempt failed or what the relay refused, for people.
    pub last_error: Option<String>,
    /// Local changes not acknowledged, as last counted.
    pub pending_changes: u64,
}

/// Where the last contact with the relay is kept between runs (the CLI's `status`).
const LAST_HEARD_KEY: &str = "relay_last_heard";

impl Client {
    /// Remembers when the relay was last heard from, for the next process.
    pub(crate) fn persist_last_heard(&self) {
        if let Some(at) = self.sync_state().last_heard_from {
            let _ = crate::store::set_local(&self.lock().conn, LAST_HEARD_KEY, &at.to_string());
        }
    }

    fn stored_last_heard(&self) -> Option<i64> {
        crate::store::get_local(&self.lock().conn, LAST_HEARD_KEY)
            .ok()
            .flatten()
            .and_then(|v| v.parse().ok())
    }

    pub(crate) fn update_sync_state(&self, update: impl FnOnce(&mut SyncState)) {
        if let Ok(mut state) = self.sync_state.lock() {
            update(&mut state);
        }
    }

    pub fn sync_state(&self) -> SyncState {
        self.sync_state
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    /// The badge's view: the connection's state, with the pending count recounted
    /// from the documents when no connection is counting.
    pub fn sync_status(&self) -> Result<crate::SyncStatus> {
        let state = self.sync_state();
        let account = self.account()?;
        let connection = match (&account, state.connection) {
            (None, _) => Connection::LocalOnly,
            (Some(_), Connection::LocalOnly) => Connection::Offline,
            (Some(_), c) => c,
        };
        let pending = match (&account, connection) {
            (Some(account), Connection::Offline) => {
                let ids = self.documents_of_teams(&account.teams)?;
                self.pending_changes(&ids)?
            }
            _ => state.pending_changes,
        };
        let label = match connection {
            Connection::LocalOnly => "Local only",
            Connection::Offline => "Offline",
            Connection::Syncing => "Syncing",
            Connection::Synced => "Synced",
        };
        Ok(crate::SyncStatus {
            state: connection,
            label,
            pending_changes: pending,
            last_heard_from: state.last_heard_from.or_else(|| self.stored_last_heard()),
            last_error: state.last_error,
            relay_url: account.as_ref().map(|a| a.relay_url.clone()),
            email: account.map(|a| a.email),
        })
    }
}
