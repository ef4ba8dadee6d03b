use serde::ser::SerializeStruct;
use teamstead_model::ModelError;

/// Every way a client call can fail. It crosses the IPC boundary as
/// `{ code, message }`: the UI matches on `code`, people read `message`.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error("{what} `{id}` does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error("the local database failed: {0}")]
    Storage(#[from] rusqlite::Error),
    #[error("document {id} could not be read: {reason}")]
    CorruptDocument { id: String, reason: String },
    #[error("the workspace in {} is open in another Teamstead window or process", .0.display())]
    AlreadyOpen(std::path::PathBuf),
    #[error("the workspace was written by a newer Teamstead (schema {found}, this one knows {known}); update Teamstead to open it")]
    NewerSchema { found: u32, known: u32 },
    #[error("syncing failed: {0}")]
    Sync(String),
    /// The relay answered with an error of its own; `code` is the relay's.
    #[error("{message}")]
    Relay { code: &'static str, message: String },
    #[error("cannot reach the relay at {url}: {reason}")]
    Offline { url: String, reason: String },
    #[error("not signed in to a relay; sign in or sign up first")]
    NotSignedIn,
    #[error("the system keyring failed: {0}")]
    Keyring(String),
    #[error("{name} is {size} bytes; attachments are limited to {max} bytes (25 MB)")]
    AttachmentTooLarge { name: String, size: u64, max: u64 },
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
}

impl ClientError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Model(e) => e.code(),
            Self::NotFound { .. } => "not_found",
            Self::InvalidInput(_) => "invalid_input",
            Self::Storage(_) => "storage",
            Self::CorruptDocument { .. } => "corrupt_document",
            Self::AlreadyOpen(_) => "already_open",
            Self::NewerSchema { .. } => "newer_schema",
            Self::Sync(_) => "sync",
            Self::Relay { code, .. } => code,
            Self::Offline { .. } => "offline",
            Self::NotSignedIn => "not_signed_in",
            Self::Keyring(_) => "keyring",
            Self::AttachmentTooLarge { .. } => "attachment_too_large",
            Self::Io { .. } => "io",
        }
    }

    /// Turns "no row" from a lookup by id into `not_found` for that id.
    pub(crate) fn or_not_found<'a>(
        what: &'static str,
        id: &'a str,
    ) -> impl FnOnce(rusqlite::Error) -> Self + 'a {
        move |e| match e {
            rusqlite::Error::QueryReturnedNoRows => Self::not_found(what, id),
            e => e.into(),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl ToString) -> Self {
        Self::NotFound {
            what,
            id: id.to_string(),
        }
    }
}

impl serde::Serialize for ClientError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ClientError", 2)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

pub type Result<T, E = ClientError> = std::result::Result<T, E>;

/// The relay's error codes this client knows; any other becomes `relay`.
pub(crate) fn relay_code(code: &str) -> &'static str {
    const KNOWN: [&str; 27] = [
        "wrong_credentials",
        "account_exists",
        "missing_token",
        "invalid_token",
        "expired_token",
        "revoked_token",
        "invalid_invitation",
        "expired_invitation",
        "used_invitation",
        "forbidden",
        "not_found",
        "invalid_input",
        "conflict",
        "too_large",
        "last_owner",
        "empty",
        "too_long",
        "attachment_too_large",
        "hash_mismatch",
        "plan_limit",
        "read_only",
        "billing_unavailable",
        "stripe_error",
        "rate_limited",
        "upstream_unavailable",
        "market_unavailable",
        "invalid_date",
    ];
    KNOWN.into_iter().find(|k| *k == code).unwrap_or("relay")
}
