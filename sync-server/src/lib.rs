//! Teamstead's relay: accounts and teams over HTTP, and an automerge-repo sync
//! server that checks who may read and write each document, validates every change
//! before it stores or forwards it, and acknowledges only what it committed.
//!
//! `start` runs a relay in-process (tests, the demo); `main.rs` is the binary.

mod auth;
mod billing;
pub mod clock;
mod config;
mod error;
mod http;
mod market;
mod metrics;
pub mod storage;
mod sync;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

pub use config::{BillingConfig, Config, ConfigArgs, MarketConfig, Plan};
pub use http::AuthSession;
pub use sync::Hub;
use tokio::sync::watch;

use crate::storage::{SqliteStorage, Storage, StorageError};

/// Runs blocking work (the database, password hashing) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    tokio::task::spawn_blocking(work).await
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot use the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("another relay is already running on the data directory {0}")]
    Locked(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Holds the data directory so no second relay (and no restore) touches it.
pub fn lock_data_dir(dir: &Path) -> Result<std::fs::File, StartError> {
    let data_dir_error = |source| StartError::DataDir {
        path: dir.display().to_string(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(data_dir_error)?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("relay.lock"))
        .map_err(data_dir_error)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            Err(StartError::Locked(dir.display().to_string()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(data_dir_error(e)),
    }
}

/// A relay running in this process.
pub struct RunningRelay {
    pub addr: SocketAddr,
    pub hub: Arc<Hub>,
    shutdown: watch::Sender<bool>,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    _lock: std::fs::File,
}

impl RunningRelay {
    pub fn http_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn sync_url(&self) -> String {
        format!("ws://{}/v1/sync", self.addr)
    }

    /// Stops taking requests, closes every sync connection, and waits for them.
    pub async fn shutdown(self) -> std::io::Result<()> {
        let _ = self.shutdown.send(true);
        match self.server.await {
            Ok(result) => result,
            Err(e) => Err(std::io::Error::other(e)),
        }
    }
}

pub async fn start(config: Config) -> Result<RunningRelay, StartError> {
    let lock = lock_data_dir(&config.data_dir)?;
    let storage: Arc<dyn Storage> = Arc::new(SqliteStorage::open(&config.database_path())?);
    let mut hub = Hub::new(storage, config.max_message_bytes)?;
    if let Some(billing) = &config.billing {
        hub.enable_billing(billing.clone());
    }
    let hub = hub.into_shared();
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Listen {
            addr: config.listen,
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Listen {
        addr: config.listen,
        source,
    })?;
    let (shutdown, shutdown_rx) = watch::channel(false);
    let public_url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let billing = config
        .billing
        .clone()
        .map(|billing| Arc::new(billing::BillingService::new(billing, &public_url)));
    let market = Arc::new(market::MarketProxy::new(config.market.clone()));
    let state = http::AppState {
        hub: hub.clone(),
        market,
        config: Arc::new(config),
        shutdown: shutdown_rx.clone(),
        billing,
    };
    let app = http::router(state);
    let mut stop = shutdown_rx;
    let server = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|stopping| *stopping).await;
            })
            .await
    });
    tracing::info!(%addr, "relay listening");
    Ok(RunningRelay {
        addr,
        hub,
        shutdown,
        server,
        _lock: lock,
    })
}
