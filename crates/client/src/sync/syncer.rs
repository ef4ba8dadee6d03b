//! Starts and stops the background sync connection of an app (desktop, `sync
//! --watch`): at most one at a time, restarted after each sign-in.

use std::sync::{Arc, Mutex};

use tokio::sync::watch;

use super::tokens::TokenStore;
use crate::Client;

pub struct Syncer {
    client: Arc<Client>,
    tokens: Arc<dyn TokenStore>,
    running: Mutex<Option<watch::Sender<bool>>>,
}

impl Syncer {
    pub fn new(client: Arc<Client>, tokens: Arc<dyn TokenStore>) -> Self {
        Self {
            client,
            tokens,
            running: Mutex::new(None),
        }
    }

    pub fn client(&self) -> &Arc<Client> {
        &self.client
    }

    pub fn tokens(&self) -> &dyn TokenStore {
        self.tokens.as_ref()
    }

    /// (Re)starts the connection if this device is signed in. Call from inside a
    /// tokio runtime.
    pub fn restart(&self) {
        self.stop();
        if self.client.signed_in(self.tokens.as_ref()).is_err() {
            return;
        }
        let (stop, stopped) = watch::channel(false);
        let client = self.client.clone();
        let tokens = self.tokens.clone();
        tokio::spawn(async move {
            if let Err(e) = super::run(client, tokens, stopped).await {
                eprintln!("teamstead: sync stopped: {e}");
            }
        });
        if let Ok(mut running) = self.running.lock() {
            *running = Some(stop);
        }
    }

    pub fn stop(&self) {
        if let Ok(mut running) = self.running.lock() {
            if let Some(stop) = running.take() {
                let _ = stop.send(true);
            }
        }
    }
}
