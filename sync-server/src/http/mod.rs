//! The relay's HTTP surface: accounts, teams, health and metrics, and the upgrade
//! to the sync WebSocket.

mod accounts;
mod billing;
mod blobs;
mod market;
mod teams;

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, Request, State, WebSocketUpgrade};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::Router;
use tokio::sync::watch;

use crate::error::ApiError;
use crate::{auth, blocking, clock, Config, Hub};

#[derive(Clone)]
pub struct AppState {
    pub hub: Arc<Hub>,
    pub config: Arc<Config>,
    pub shutdown: watch::Receiver<bool>,
    /// `None`: this relay does not bill (no limits apply).
    pub billing: Option<Arc<crate::billing::BillingService>>,
    pub market: Arc<crate::market::MarketProxy>,
}

/// Stripe's events are a few KiB; anything near this is not one.
const WEBHOOK_LIMIT: usize = 512 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics))
        .route("/v1/accounts", post(accounts::create_account))
        .route("/v1/sessions", post(accounts::create_session))
        .route("/v1/sessions/current", delete(accounts::delete_session))
        .route("/v1/me", get(accounts::me))
        .route("/v1/teams", get(teams::list))
        .route("/v1/teams/{team_id}", put(teams::publish))
        .route("/v1/teams/{team_id}/invitations", post(teams::invite))
        .route("/v1/invitations/redeem", post(teams::redeem))
        .route(
            "/v1/teams/{team_id}/members/{user_id}",
            put(teams::set_role).delete(teams::remove_member),
        )
        .route(
            "/v1/teams/{team_id}/blobs/{sha256}",
            put(blobs::upload)
                .get(blobs::download)
                .layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route("/v1/billing/plans", get(billing::plans))
        .route("/v1/billing/return", get(billing::returned))
        .route(
            "/v1/billing/webhook",
            post(billing::webhook).layer(axum::extract::DefaultBodyLimit::max(WEBHOOK_LIMIT)),
        )
        .route(
            "/v1/teams/{team_id}/billing/checkout",
            post(billing::checkout),
        )
        .route("/v1/teams/{team_id}/billing/portal", post(billing::portal))
        .route(
            "/v1/teams/{team_id}/billing/invoices",
            get(billing::invoices),
        )
        .route("/v1/market/quote", get(market::quote))
        .route("/v1/market/news", get(market::news))
        .route("/v1/news/headlines", get(market::headlines))
        .route("/v1/sync", get(sync))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// One log line a request, with the path only: the query may hold a token.
async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    tracing::info!(
        %method,
        %path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

async fn metrics(State(state): State<AppState>) -> Response {
    let storage = state.hub.storage();
    let documents = blocking(move || storage.count_docs())
        .await
        .ok()
        .and_then(Result::ok)
        .unwrap_or(0);
    let body = state
        .hub
        .metrics
        .render(documents, state.hub.loaded_documents());
    ([("content-type", "text/plain; version=0.0.4")], body).into_response()
}

async fn sync(
    State(state): State<AppState>,
    session: AuthSession,
    upgrade: WebSocketUpgrade,
) -> Response {
    let hub = state.hub.clone();
    let shutdown = state.shutdown.clone();
    let recheck = state.config.session_recheck;
    // Frames a little over the limit still arrive, so the peer gets a clear error
    // rather than a dropped connection; far larger ones are cut off by the socket.
    let frame_limit = state.config.max_message_bytes.saturating_add(1024 * 1024);
    // Small socket buffers: most connections sit idle, and tungstenite's default
    // 128 KiB each way would dominate the relay's memory per connection. The
    // read buffer is zero-filled on every read, so all of it stays resident: at
    // 4 KiB it was a third of an idle connection; 1 KiB reads did not slow the
    // initial-sync benchmark.
    upgrade
        .read_buffer_size(1024)
        .write_buffer_size(0)
        .max_message_size(frame_limit)
        .max_frame_size(frame_limit)
        .on_upgrade(move |socket| {
            crate::sync::connection::serve(socket, hub, session, shutdown, recheck)
        })
}

/// The signed-in device making a request.
#[derive(Debug, Clone)]
pub struct AuthSession {
    pub user_id: String,
    pub device_id: String,
    pub token_hash: String,
}

impl FromRequestParts<AppState> for AuthSession {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let unauthorized =
            |code, message: &str| ApiError::new(StatusCode::UNAUTHORIZED, code, message);
        let token = auth::bearer_token(&parts.headers, parts.uri.query())
            .ok_or_else(|| unauthorized("missing_token", "sign in first: this needs a token"))?;
        let token_hash = auth::hash_secret(&token);
        let storage = state.hub.storage();
        let lookup = token_hash.clone();
        let session = blocking(move || storage.session(&lookup))
            .await??
            .ok_or_else(|| {
                unauthorized("invalid_token", "this token is not valid; sign in again")
            })?;
        if session.revoked {
            return Err(unauthorized(
                "revoked_token",
                "this sign-in was revoked; sign in again",
            ));
        }
        if session.expires_at <= clock::now() {
            return Err(unauthorized(
                "expired_token",
                "this sign-in has expired; sign in again",
            ));
        }
        Ok(Self {
            user_id: session.user_id,
            device_id: session.device_id,
            token_hash,
        })
    }
}

/// A JSON request body whose rejection is our `{code, message}` error.
pub struct JsonBody<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        match <axum::Json<T> as FromRequest<S>>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::invalid(rejection.body_text())),
        }
    }
}

/// Query parameters whose rejection is our `{code, message}` error.
pub struct QueryParams<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(ApiError::invalid(rejection.body_text())),
        }
    }
}
