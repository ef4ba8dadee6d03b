//! Where a client keeps its data: an explicit path, else `TEAMSTEAD_DATA_DIR`, else
//! the platform's data directory (XDG on Linux: ~/.local/share/teamstead).

use std::path::PathBuf;

use crate::{ClientError, Result};

pub const DATA_DIR_ENV: &str = "TEAMSTEAD_DATA_DIR";
const DATABASE_FILE: &str = "teamstead.db";
const LOCK_FILE: &str = "teamstead.lock";

pub fn resolve(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(dir) = explicit {
        return Ok(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "teamstead")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| ClientError::Io {
            context: "no home directory to keep data in; set TEAMSTEAD_DATA_DIR".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        })
}

pub fn database_path(dir: &std::path::Path) -> PathBuf {
    dir.join(DATABASE_FILE)
}

/// Takes the data directory for this process: one client at a time may hold it.
/// The OS drops the lock when the process ends, however it ends.
pub fn lock(dir: &std::path::Path) -> Result<std::fs::File> {
    let path = dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| ClientError::Io {
            context: format!("cannot open {}", path.display()),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(ClientError::AlreadyOpen(dir.to_path_buf())),
        Err(std::fs::TryLockError::Error(source)) => Err(ClientError::Io {
            context: format!("cannot lock {}", path.display()),
            source,
        }),
    }
}
