//! The relay's Stripe client: form-encoded requests with the secret key, an
//! Idempotency-Key on every POST (the same key on each retry, so a retried call
//! never charges or creates twice), and retries with backoff on 429, 5xx and
//! failed connections.

use std::time::Duration;

use serde_json::Value;

const ATTEMPTS: u32 = 4;
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
/// A Retry-After longer than this is not waited for: the person would be waiting.
const LONGEST_WAIT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum StripeError {
    /// Stripe could not be reached, or kept failing: try again later.
    #[error("Stripe cannot be reached right now ({0}); try again in a minute")]
    Unavailable(String),
    /// Stripe refused the request; its reason.
    #[error("Stripe refused: {0}")]
    Refused(String),
}

pub struct StripeClient {
    http: reqwest::Client,
    base: String,
    key: String,
}

impl StripeClient {
    pub fn new(base: &str, key: &str) -> Self {
        Self {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(20))
                .build()
                .unwrap_or_default(),
            base: base.trim_end_matches('/').to_string(),
            key: key.to_string(),
        }
    }

    /// POSTs a form; `idempotency_key` names this one logical call.
    pub async fn post(
        &self,
        path: &str,
        form: &[(&str, String)],
        idempotency_key: &str,
    ) -> Result<Value, StripeError> {
        self.send(|| {
            self.http
                .post(format!("{}{path}", self.base))
                .bearer_auth(&self.key)
                .header("Idempotency-Key", idempotency_key)
                .form(form)
        })
        .await
    }

    pub async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<Value, StripeError> {
        self.send(|| {
            self.http
                .get(format!("{}{path}", self.base))
                .bearer_auth(&self.key)
                .query(query)
        })
        .await
    }

    async fn send(
        &self,
        request: impl Fn() -> reqwest::RequestBuilder,
    ) -> Result<Value, StripeError> {
        let mut backoff = FIRST_BACKOFF;
        let mut last = String::new();
        for attempt in 1..=ATTEMPTS {
            match request().send().await {
                Ok(response) => {
                    let status = response.status();
                    let retry_after = retry_after(&response);
                    let body: Value = response.json().await.unwrap_or(Value::Null);
                    if status.is_success() {
                        return Ok(body);
                    }
                    let message = body["error"]["message"]
                        .as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| format!("HTTP {status}"));
                    if status.as_u16() != 429 && !status.is_server_error() {
                        return Err(StripeError::Refused(message));
                    }
                    last = message;
                    if let Some(wait) = retry_after.filter(|w| *w <= LONGEST_WAIT) {
                        backoff = backoff.max(wait);
                    }
                }
                Err(e) => last = e.without_url().to_string(),
            }
            if attempt < ATTEMPTS {
                tokio::time::sleep(jittered(backoff)).await;
                backoff *= 2;
            }
        }
        Err(StripeError::Unavailable(last))
    }
}

fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let value = response.headers().get("retry-after")?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// Between 75% and 125% of `base`, so many relays do not retry in step.
fn jittered(base: Duration) -> Duration {
    use rand::Rng;
    base.mul_f64(rand::thread_rng().gen_range(0.75..1.25))
}
