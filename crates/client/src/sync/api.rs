//! The relay's HTTP API, as the client calls it. Every failure is a `ClientError`:
//! `Offline` when the relay cannot be reached, `Relay` with the relay's own code
//! when it answered with an error.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::relay_code;
use crate::{ClientError, Result, Role};

pub struct RelayApi {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Signed {
    pub user_id: String,
    pub name: String,
    pub token: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct TeamEntry {
    pub team_id: String,
    pub role: Role,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Invite {
    pub code: String,
    pub team_id: String,
    pub role: Role,
    pub expires_at: i64,
    pub max_uses: Option<u32>,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: String,
    message: String,
}

/// Told bytes done and bytes in all, as a transfer goes.
pub type Progress = std::sync::Arc<dyn Fn(u64, u64) + Send + Sync>;

/// How much of an attachment goes to the network at a time (and so how often
/// progress is reported).
const TRANSFER_CHUNK: usize = 256 * 1024;

/// The relay's `{code, message}` answer as an error.
fn relay_error(status: reqwest::StatusCode, bytes: &[u8]) -> ClientError {
    match serde_json::from_slice::<ErrorBody>(bytes) {
        Ok(body) => ClientError::Relay {
            code: relay_code(&body.code),
            message: body.message,
        },
        Err(_) => ClientError::Relay {
            code: "relay",
            message: format!("the relay answered {status}"),
        },
    }
}

/// Turns `ws://host/...` or a bare `host:port` into the relay's HTTP base URL.
pub fn http_base(relay_url: &str) -> String {
    let url = relay_url.trim().trim_end_matches('/');
    let url = url
        .strip_suffix("/v1/sync")
        .unwrap_or(url)
        .replacen("ws://", "http://", 1)
        .replacen("wss://", "https://", 1);
    if url.starts_with("http://") || url.starts_with("https://") {
        url
    } else {
        format!("http://{url}")
    }
}

/// The sync WebSocket URL of a relay.
pub fn sync_url(relay_url: &str) -> String {
    let base = http_base(relay_url);
    let ws = base
        .replacen("https://", "wss://", 1)
        .replacen("http://", "ws://", 1);
    format!("{ws}/v1/sync")
}

impl RelayApi {
    pub fn new(relay_url: &str, token: Option<String>) -> Self {
        Self {
            http: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .unwrap_or_default(),
            base: http_base(relay_url),
            token,
        }
    }

    async fn send<T: DeserializeOwned>(&self, request: reqwest::RequestBuilder) -> Result<T> {
        let request = match &self.token {
            Some(token) => request.bearer_auth(token),
            None => request,
        };
        let offline = |e: reqwest::Error| ClientError::Offline {
            url: self.base.clone(),
            reason: e.without_url().to_string(),
        };
        let response = request.send().await.map_err(offline)?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(offline)?;
        if !status.is_success() {
            return Err(relay_error(status, &bytes));
        }
        let body: &[u8] = if bytes.is_empty() { b"null" } else { &bytes };
        serde_json::from_slice(body).map_err(|e| ClientError::Relay {
            code: "relay",
            message: format!("the relay's answer could not be read: {e}"),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn sign_up(
        &self,
        email: &str,
        password: &str,
        name: &str,
        user_id: &str,
        device: &str,
    ) -> Result<Signed> {
        let body = serde_json::json!({
            "email": email, "password": password, "name": name,
            "user_id": user_id, "device_name": device,
        });
        self.send(self.http.post(self.url("/v1/accounts")).json(&body))
            .await
    }

    pub async fn log_in(&self, email: &str, password: &str, device: &str) -> Result<Signed> {
        let body =
            serde_json::json!({ "email": email, "password": password, "device_name": device });
        self.send(self.http.post(self.url("/v1/sessions")).json(&body))
            .await
    }

    pub async fn log_out(&self) -> Result<()> {
        self.send::<serde_json::Value>(self.http.delete(self.url("/v1/sessions/current")))
            .await
            .map(|_| ())
    }

    pub async fn teams(&self) -> Result<Vec<TeamEntry>> {
        self.send(self.http.get(self.url("/v1/teams"))).await
    }

    pub async fn publish_team(&self, team_id: &str, document: Vec<u8>) -> Result<()> {
        let request = self
            .http
            .put(self.url(&format!("/v1/teams/{team_id}")))
            .header("content-type", "application/octet-stream")
            .body(document);
        self.send::<serde_json::Value>(request).await.map(|_| ())
    }

    pub async fn invite(
        &self,
        team_id: &str,
        role: Role,
        hours: Option<u32>,
        max_uses: Option<u32>,
    ) -> Result<Invite> {
        let body =
            serde_json::json!({ "role": role, "expires_in_hours": hours, "max_uses": max_uses });
        self.send(
            self.http
                .post(self.url(&format!("/v1/teams/{team_id}/invitations")))
                .json(&body),
        )
        .await
    }

    pub async fn redeem(&self, code: &str) -> Result<TeamEntry> {
        let body = serde_json::json!({ "code": code.trim() });
        self.send(
            self.http
                .post(self.url("/v1/invitations/redeem"))
                .json(&body),
        )
        .await
    }

    /// `{enabled, plans}`: what this relay sells.
    pub async fn billing_plans(&self) -> Result<serde_json::Value> {
        self.send(self.http.get(self.url("/v1/billing/plans")))
            .await
    }

    /// A Checkout (`checkout`, with `{plan}`) or Customer Portal (`portal`) session's URL.
    pub async fn billing_session(
        &self,
        team_id: &str,
        which: &str,
        body: serde_json::Value,
    ) -> Result<String> {
        let url = self.url(&format!("/v1/teams/{team_id}/billing/{which}"));
        let answer: serde_json::Value = self.send(self.http.post(url).json(&body)).await?;
        answer["url"]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| ClientError::Relay {
                code: "relay",
                message: "the relay's answer had no URL".into(),
            })
    }

    pub async fn billing_invoices(&self, team_id: &str) -> Result<serde_json::Value> {
        let url = self.url(&format!("/v1/teams/{team_id}/billing/invoices"));
        self.send(self.http.get(url)).await
    }

    /// A market-data answer (`/v1/market/quote`, `/v1/market/news`, `/v1/news/headlines`).
    pub async fn market(&self, path: &str, query: &[(&str, &str)]) -> Result<serde_json::Value> {
        self.send(self.http.get(self.url(path)).query(query)).await
    }

    pub async fn set_role(&self, team_id: &str, user_id: &str, role: Role) -> Result<()> {
        let body = serde_json::json!({ "role": role });
        let url = self.url(&format!("/v1/teams/{team_id}/members/{user_id}"));
        self.send::<serde_json::Value>(self.http.put(url).json(&body))
            .await
            .map(|_| ())
    }

    /// Uploads an attachment in chunks, reporting bytes handed to the network.
    pub async fn upload_blob(
        &self,
        team_id: &str,
        sha256: &str,
        bytes: Vec<u8>,
        progress: Progress,
    ) -> Result<()> {
        let total = bytes.len() as u64;
        let chunks: Vec<Vec<u8>> = bytes.chunks(TRANSFER_CHUNK).map(<[u8]>::to_vec).collect();
        let mut done = 0u64;
        let stream = futures_util::stream::iter(chunks.into_iter().map(move |chunk| {
            done += chunk.len() as u64;
            progress(done, total);
            Ok::<_, std::io::Error>(chunk)
        }));
        let body = reqwest::Body::wrap_stream(stream);
        let request = self
            .http
            .put(self.url(&format!("/v1/teams/{team_id}/blobs/{sha256}")))
            .header("content-type", "application/octet-stream")
            .header("content-length", total)
            .timeout(std::time::Duration::from_secs(600))
            .body(body);
        self.send::<serde_json::Value>(request).await.map(|_| ())
    }

    /// Downloads an attachment, reporting bytes as they arrive.
    pub async fn download_blob(
        &self,
        team_id: &str,
        sha256: &str,
        progress: Progress,
    ) -> Result<Vec<u8>> {
        let mut request = self
            .http
            .get(self.url(&format!("/v1/teams/{team_id}/blobs/{sha256}")))
            .timeout(std::time::Duration::from_secs(600));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let offline = |e: reqwest::Error| ClientError::Offline {
            url: self.base.clone(),
            reason: e.without_url().to_string(),
        };
        let mut response = request.send().await.map_err(offline)?;
        if !response.status().is_success() {
            let status = response.status();
            let bytes = response.bytes().await.map_err(offline)?;
            return Err(relay_error(status, &bytes));
        }
        let total = response.content_length().unwrap_or(0);
        let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
        while let Some(chunk) = response.chunk().await.map_err(offline)? {
            bytes.extend_from_slice(&chunk);
            progress(bytes.len() as u64, total.max(bytes.len() as u64));
        }
        Ok(bytes)
    }

    pub async fn remove_member(&self, team_id: &str, user_id: &str) -> Result<()> {
        let url = self.url(&format!("/v1/teams/{team_id}/members/{user_id}"));
        self.send::<serde_json::Value>(self.http.delete(url))
            .await
            .map(|_| ())
    }
}
