//! Accounts and sign-ins.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};

use super::{AppState, AuthSession, JsonBody};
use crate::error::{ApiError, ApiResult};
use crate::storage::{NewSession, User};
use crate::{auth, blocking, clock};

const MIN_PASSWORD_CHARS: usize = 8;
const MAX_PASSWORD_CHARS: usize = 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    email: String,
    password: String,
    name: String,
    /// The id this person already uses offline, so their local teams stay theirs.
    user_id: Option<String>,
    device_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    email: String,
    password: String,
    device_name: String,
}

#[derive(Serialize)]
pub struct Signed {
    user_id: String,
    name: String,
    token: String,
    expires_at: i64,
}

fn normalize_email(email: &str) -> ApiResult<String> {
    let email = email.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
        });
    if !valid {
        return Err(ApiError::invalid("enter a valid email address"));
    }
    Ok(email)
}

pub async fn create_account(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<NewAccount>,
) -> ApiResult<(StatusCode, Json<Signed>)> {
    let email = normalize_email(&body.email)?;
    let name = teamstead_model::validate_title("your name", &body.name)?;
    let chars = body.password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(ApiError::invalid(format!(
            "the password needs at least {MIN_PASSWORD_CHARS} characters"
        )));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(ApiError::invalid("the password is too long"));
    }
    let user_id = match body.user_id {
        Some(id) => uuid::Uuid::parse_str(&id)
            .map_err(|_| ApiError::invalid("user_id must be a UUID"))?
            .to_string(),
        None => uuid::Uuid::new_v4().to_string(),
    };
    let password = body.password;
    let password_hash = blocking(move || auth::hash_password(&password))
        .await?
        .map_err(ApiError::internal)?;
    let user = User {
        id: user_id,
        email,
        name,
        password_hash,
        created_at: clock::now(),
    };
    let storage = state.hub.storage();
    let stored = user.clone();
    blocking(move || storage.create_user(&stored))
        .await?
        .map_err(|e| match e {
            crate::storage::StorageError::Conflict(_) => ApiError::new(
                StatusCode::CONFLICT,
                "account_exists",
                "an account with this email already exists",
            ),
            other => other.into(),
        })?;
    let device = body.device_name.unwrap_or_else(|| "first device".into());
    let signed = open_session(&state, &user, &device).await?;
    Ok((StatusCode::CREATED, Json(signed)))
}

pub async fn create_session(
    State(state): State<AppState>,
    JsonBody(body): JsonBody<SignIn>,
) -> ApiResult<Json<Signed>> {
    let wrong = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "wrong_credentials",
            "the email or password is wrong",
        )
    };
    let email = normalize_email(&body.email).map_err(|_| wrong())?;
    let device = teamstead_model::validate_title("the device name", &body.device_name)?;
    let storage = state.hub.storage();
    let user = blocking(move || storage.user_by_email(&email)).await??;
    let password = body.password;
    // Verify against a throwaway hash for unknown emails, so timing does not tell
    // which addresses have accounts.
    let (user, hash) = match user {
        Some(user) => {
            let hash = user.password_hash.clone();
            (Some(user), hash)
        }
        None => (None, DUMMY_HASH.to_string()),
    };
    let ok = blocking(move || auth::verify_password(&password, &hash)).await?;
    let user = user.filter(|_| ok).ok_or_else(wrong)?;
    Ok(Json(open_session(&state, &user, &device).await?))
}

/// An argon2id hash of a random password, never matched.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Q3iTRbnxWnJRWs/9gPCfNA5hpx0qv2W4DQjBxyW6bA8";

async fn open_session(state: &AppState, user: &User, device_name: &str) -> ApiResult<Signed> {
    let token = auth::new_secret();
    let token_hash = auth::hash_secret(&token);
    let now = clock::now();
    let expires_at = now + i64::from(state.config.token_ttl_days) * 24 * 3600 * 1000;
    let storage = state.hub.storage();
    let user_id = user.id.clone();
    let device_name = device_name.to_string();
    blocking(move || {
        storage.create_session(NewSession {
            token_hash: &token_hash,
            user_id: &user_id,
            device_id: &uuid::Uuid::new_v4().to_string(),
            device_name: &device_name,
            now,
            expires_at,
        })
    })
    .await??;
    Ok(Signed {
        user_id: user.id.clone(),
        name: user.name.clone(),
        token,
        expires_at,
    })
}

pub async fn delete_session(
    State(state): State<AppState>,
    session: AuthSession,
) -> ApiResult<StatusCode> {
    let storage = state.hub.storage();
    blocking(move || storage.revoke_session(&session.token_hash, clock::now())).await??;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize)]
pub struct Me {
    user_id: String,
    email: String,
    name: String,
    device_id: String,
}

pub async fn me(State(state): State<AppState>, session: AuthSession) -> ApiResult<Json<Me>> {
    let storage = state.hub.storage();
    let id = session.user_id.clone();
    let user = blocking(move || storage.user_by_id(&id))
        .await??
        .ok_or_else(|| ApiError::not_found("this account no longer exists"))?;
    Ok(Json(Me {
        user_id: user.id,
        email: user.email,
        name: user.name,
        device_id: session.device_id,
    }))
}
