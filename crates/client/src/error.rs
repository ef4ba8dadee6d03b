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
