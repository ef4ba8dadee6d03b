//! Attachments: files stored on the relay by their SHA-256, uploaded before the
//! message that carries them is sent, downloaded once when someone opens them and
//! kept in `attachments/` in the data directory after.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use teamstead_model::channel::{Attachment, MAX_ATTACHMENT_BYTES};

use crate::sync::api::{Progress, RelayApi};
use crate::sync::TokenStore;
use crate::{Client, ClientError, Result};

impl Client {
    /// Uploads a file for a message in `conversation_id`. A file over the limit is
    /// refused before a byte is read or sent.
    pub async fn upload_attachment(
        &self,
        tokens: &dyn TokenStore,
        conversation_id: &str,
        path: &Path,
        progress: Progress,
    ) -> Result<Attachment> {
        let c = self.conversation(conversation_id)?;
        let io = |source| ClientError::Io {
            context: format!("cannot read {}", path.display()),
            source,
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .ok_or_else(|| {
                ClientError::InvalidInput(format!("{} is not a file", path.display()))
            })?;
        let size = tokio::fs::metadata(path).await.map_err(io)?.len();
        if size > MAX_ATTACHMENT_BYTES {
            return Err(ClientError::AttachmentTooLarge {
                name,
                size,
                max: MAX_ATTACHMENT_BYTES,
            });
        }
        let bytes = tokio::fs::read(path).await.map_err(io)?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let (account, token) = self.signed_in(tokens)?;
        // Kept here too: the sender opens their own files without a download.
        self.cache_attachment(&sha256, &name, &bytes).await?;
        RelayApi::new(&account.relay_url, Some(token))
            .upload_blob(&c.team_id, &sha256, bytes, progress)
            .await?;
        Ok(Attachment {
            mime: mime_of(&name).into(),
            sha256,
            name,
            size,
        })
    }

    /// A local path to an attachment of a message in `conversation_id`,
    /// downloading it the first time.
    pub async fn fetch_attachment(
        &self,
        tokens: &dyn TokenStore,
        conversation_id: &str,
        sha256: &str,
        name: &str,
        progress: Progress,
    ) -> Result<PathBuf> {
        let c = self.conversation(conversation_id)?;
        let carried = {
            let inner = self.lock();
            inner.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM idx_messages WHERE conversation_id = ?1
                                AND attachments LIKE '%' || ?2 || '%')",
                rusqlite::params![c.id, sha256],
                |r| r.get::<_, bool>(0),
            )?
        };
        if !carried || sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(ClientError::not_found("attachment", sha256));
        }
        let path = self.attachment_path(sha256, name);
        if tokio::fs::try_exists(&path).await.unwrap_or(false) {
            return Ok(path);
        }
        let (account, token) = self.signed_in(tokens)?;
        let bytes = RelayApi::new(&account.relay_url, Some(token))
            .download_blob(&c.team_id, sha256, progress)
            .await?;
        if hex::encode(Sha256::digest(&bytes)) != sha256.to_ascii_lowercase() {
            return Err(ClientError::Relay {
                code: "hash_mismatch",
                message: format!("{name} arrived damaged; try again"),
            });
        }
        self.cache_attachment(sha256, name, &bytes).await
    }

    /// `attachments/<sha256>/<name>`: the name kept for the person, made safe as
    /// a file name.
    fn attachment_path(&self, sha256: &str, name: &str) -> PathBuf {
        let safe: String = name
            .chars()
            .map(|c| {
                if c == '/' || c == '\\' || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        let safe = match safe.trim_start_matches('.') {
            "" => "attachment".to_string(),
            rest => rest.to_string(),
        };
        self.data_dir()
            .join("attachments")
            .join(sha256.to_ascii_lowercase())
            .join(safe)
    }

    /// Writes an attachment into the cache whole or not at all.
    async fn cache_attachment(&self, sha256: &str, name: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.attachment_path(sha256, name);
        let io = |source| ClientError::Io {
            context: format!("cannot save {}", path.display()),
            source,
        };
        if let Some(dir) = path.parent() {
            tokio::fs::create_dir_all(dir).await.map_err(io)?;
        }
        let partial = path.with_extension("partial");
        tokio::fs::write(&partial, bytes).await.map_err(io)?;
        tokio::fs::rename(&partial, &path).await.map_err(io)?;
        Ok(path)
    }
}

/// A MIME type from a file's extension, for the window's icons and previews.
fn mime_of(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        Some("pdf") => "application/pdf",
        Some("txt" | "md") => "text/plain",
        Some("csv") => "text/csv",
        Some("json") => "application/json",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
}
