//! Chat attachments: blobs addressed by the SHA-256 of their bytes, 25 MB at most.
//! A team's members upload them and read them back; a blob is stored once however
//! many teams share it, and a team reads only those uploaded to it.

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use sha2::{Digest, Sha256};
use teamstead_model::channel::MAX_ATTACHMENT_BYTES;

use super::{AppState, AuthSession};
use crate::error::{ApiError, ApiResult};
use crate::storage::NewBlob;
use crate::{blocking, clock};

#[derive(Serialize)]
pub struct Stored {
    sha256: String,
    size: u64,
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "attachment_too_large",
        format!(
            "attachments are limited to {} MB",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ),
    )
}

fn checked_hash(raw: &str) -> ApiResult<String> {
    let hash = raw.to_ascii_lowercase();
    if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hash)
    } else {
        Err(ApiError::invalid(
            "a blob is named by 64 hex digits of SHA-256",
        ))
    }
}

/// The caller's role in the team; not_found when they are not in it.
fn member_role(
    state: &AppState,
    team_id: &str,
    user_id: &str,
) -> ApiResult<teamstead_model::team::Role> {
    state
        .hub
        .role(team_id, user_id)?
        .ok_or_else(|| ApiError::not_found("no such team"))
}

/// `PUT /v1/teams/{team}/blobs/{sha256}` with the file's bytes.
pub async fn upload(
    State(state): State<AppState>,
    session: AuthSession,
    Path((team_id, sha256)): Path<(String, String)>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<(StatusCode, Json<Stored>)> {
    let sha256 = checked_hash(&sha256)?;
    if !member_role(&state, &team_id, &session.user_id)?.writes_content() {
        return Err(ApiError::forbidden("viewers cannot upload attachments"));
    }
    // Refuse a declared oversize at once, before reading a byte of it.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_ATTACHMENT_BYTES) {
        return Err(too_large());
    }
    let limit = usize::try_from(MAX_ATTACHMENT_BYTES).unwrap_or(usize::MAX);
    let bytes: Bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large())?;
    if hex::encode(Sha256::digest(&bytes)) != sha256 {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "hash_mismatch",
            "the bytes do not hash to the blob's name; the upload was damaged",
        ));
    }
    let size = bytes.len() as u64;
    let storage = state.hub.storage();
    let (team, user, hash) = (team_id.clone(), session.user_id.clone(), sha256.clone());
    let existed = blocking(move || -> crate::storage::Result<bool> {
        let existed = storage.has_blob(&team, &hash)?;
        storage.put_blob(NewBlob {
            sha256: &hash,
            team_id: &team,
            user_id: &user,
            data: &bytes,
            now: clock::now(),
        })?;
        Ok(existed)
    })
    .await??;
    let status = if existed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(Stored { sha256, size })))
}

/// `GET /v1/teams/{team}/blobs/{sha256}`.
pub async fn download(
    State(state): State<AppState>,
    session: AuthSession,
    Path((team_id, sha256)): Path<(String, String)>,
) -> ApiResult<Response> {
    let sha256 = checked_hash(&sha256)?;
    member_role(&state, &team_id, &session.user_id)?;
    let storage = state.hub.storage();
    let bytes = blocking(move || storage.blob(&team_id, &sha256))
        .await??
        .ok_or_else(|| ApiError::not_found("no such attachment in this team"))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (header::CONTENT_LENGTH, bytes.len().to_string()),
        ],
        bytes,
    )
        .into_response())
}
