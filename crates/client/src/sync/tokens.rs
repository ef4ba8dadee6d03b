//! Where sign-in tokens live: the OS keyring (Secret Service on Linux), never the
//! database or a file. Tests that run without a keyring pass tokens in memory.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::{ClientError, Result};

/// The keyring service name our entries sit under.
const SERVICE: &str = "teamstead";

pub trait TokenStore: Send + Sync {
    fn get(&self, account: &str) -> Result<Option<String>>;
    fn set(&self, account: &str, token: &str) -> Result<()>;
    fn delete(&self, account: &str) -> Result<()>;
}

/// The key of one sign-in: the person at the relay.
pub fn account_key(relay_url: &str, email: &str) -> String {
    format!("{email} at {relay_url}")
}

pub struct KeyringTokens;

fn keyring_error(e: keyring::Error) -> ClientError {
    ClientError::Keyring(e.to_string())
}

impl TokenStore for KeyringTokens {
    fn get(&self, account: &str) -> Result<Option<String>> {
        let entry = keyring::Entry::new(SERVICE, account).map_err(keyring_error)?;
        match entry.get_password() {
            Ok(token) => Ok(Some(token)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keyring_error(e)),
        }
    }

    fn set(&self, account: &str, token: &str) -> Result<()> {
        let entry = keyring::Entry::new(SERVICE, account).map_err(keyring_error)?;
        entry.set_password(token).map_err(keyring_error)
    }

    fn delete(&self, account: &str) -> Result<()> {
        let entry = keyring::Entry::new(SERVICE, account).map_err(keyring_error)?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keyring_error(e)),
        }
    }
}

/// Tokens held in memory only, for in-process tests and one-off scripts.
#[derive(Default)]
pub struct MemoryTokens(Mutex<HashMap<String, String>>);

impl TokenStore for MemoryTokens {
    fn get(&self, account: &str) -> Result<Option<String>> {
        Ok(self
            .0
            .lock()
            .map(|m| m.get(account).cloned())
            .unwrap_or(None))
    }

    fn set(&self, account: &str, token: &str) -> Result<()> {
        if let Ok(mut m) = self.0.lock() {
            m.insert(account.into(), token.into());
        }
        Ok(())
    }

    fn delete(&self, account: &str) -> Result<()> {
        if let Ok(mut m) = self.0.lock() {
            m.remove(account);
        }
        Ok(())
    }
}
