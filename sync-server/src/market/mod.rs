//! Market data and news through the relay, so no provider key sits on a desktop:
//! quotes and company news from a Finnhub-shaped API, top headlines from a
//! NewsAPI-shaped one. Every request counts against its person's limit; answers
//! are cached (quotes 15 s, news 10 min), one upstream call serves concurrent
//! requests for the same thing, each provider is called at most its own limit a
//! minute, and when it fails or is busy the last answer is served with its age.

mod cache;
mod limiter;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::MarketConfig;
use crate::error::{ApiError, ApiResult};
use crate::storage::Millis;
use cache::{Cache, Served};
use limiter::WindowLimiter;

const MINUTE: Duration = Duration::from_secs(60);
/// Company news kept per answer.
const MAX_NEWS: usize = 50;

/// What the relay answers: the data and how fresh it is.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub data: Value,
    pub fetched_at: Millis,
    pub age_seconds: u64,
    pub stale: bool,
}

impl From<Served> for Answer {
    fn from(served: Served) -> Self {
        Self {
            data: served.value,
            fetched_at: served.fetched_at,
            age_seconds: served.age.as_secs(),
            stale: served.stale,
        }
    }
}

/// Why the provider gave nothing.
#[derive(Debug)]
enum Upstream {
    /// Our own budget for this provider is spent for now.
    Busy(Duration),
    /// It answered 429.
    RateLimited,
    Failed(String),
    /// It answered, but has nothing for this (an unknown symbol).
    Nothing(String),
}

impl From<Upstream> for ApiError {
    fn from(e: Upstream) -> Self {
        match e {
            Upstream::Busy(wait) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "upstream_unavailable",
                format!(
                    "the data provider's limit is reached and nothing is cached yet; try again in {} s",
                    wait.as_secs().max(1)
                ),
            ),
            Upstream::RateLimited => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "upstream_unavailable",
                "the data provider is limiting requests and nothing is cached yet; try again in a minute",
            ),
            Upstream::Failed(why) => ApiError::new(
                StatusCode::BAD_GATEWAY,
                "upstream_unavailable",
                format!("the data provider failed ({why}) and nothing is cached yet"),
            ),
            Upstream::Nothing(what) => ApiError::not_found(what),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Provider {
    Quotes,
    Headlines,
}

impl Provider {
    fn name(self) -> &'static str {
        match self {
            Self::Quotes => "quotes",
            Self::Headlines => "headlines",
        }
    }
}

pub struct MarketProxy {
    config: MarketConfig,
    http: reqwest::Client,
    cache: Cache,
    per_user: WindowLimiter,
    upstream: WindowLimiter,
}

impl MarketProxy {
    pub fn new(config: MarketConfig) -> Self {
        Self {
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
            cache: Cache::default(),
            per_user: WindowLimiter::new(config.user_per_minute, MINUTE),
            upstream: WindowLimiter::new(config.upstream_per_minute, MINUTE),
            config,
        }
    }

    /// One of this person's requests; refused past their limit.
    pub fn admit(&self, user_id: &str) -> ApiResult<()> {
        self.per_user
            .acquire(user_id, Instant::now())
            .map_err(|wait| {
                ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "rate_limited",
                    format!(
                        "too many market requests; try again in {} s",
                        wait.as_secs().max(1)
                    ),
                )
            })
    }

    pub async fn quote(&self, symbol: &str) -> ApiResult<Answer> {
        let key = self.key(Provider::Quotes)?;
        let ttl = Duration::from_secs(self.config.quote_ttl_secs);
        let fetch = async {
            let q = self
                .call(Provider::Quotes, "/quote", &[("symbol", symbol)], key)
                .await?;
            // An unknown symbol answers zeros rather than an error.
            if q["t"].as_i64().unwrap_or(0) == 0 && q["c"].as_f64().unwrap_or(0.0) == 0.0 {
                return Err(Upstream::Nothing(format!("no quote for {symbol}")));
            }
            Ok(json!({
                "symbol": symbol,
                "current": q["c"], "change": q["d"], "changePercent": q["dp"],
                "high": q["h"], "low": q["l"], "open": q["o"],
                "previousClose": q["pc"], "time": q["t"],
            }))
        };
        Ok(self
            .cache
            .get(&format!("quote:{symbol}"), ttl, fetch)
            .await?
            .into())
    }

    /// `from` and `to` are YYYY-MM-DD (checked by the caller).
    pub async fn company_news(&self, symbol: &str, from: &str, to: &str) -> ApiResult<Answer> {
        let key = self.key(Provider::Quotes)?;
        let ttl = Duration::from_secs(self.config.news_ttl_secs);
        let query = [("symbol", symbol), ("from", from), ("to", to)];
        let fetch = async {
            let items = self
                .call(Provider::Quotes, "/company-news", &query, key)
                .await?;
            let items: Vec<Value> = items
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .take(MAX_NEWS)
                .map(|n| {
                    json!({
                        "headline": n["headline"], "source": n["source"],
                        "summary": n["summary"], "url": n["url"], "datetime": n["datetime"],
                    })
                })
                .collect();
            Ok::<_, Upstream>(Value::from(items))
        };
        let cache_key = format!("news:{symbol}:{from}:{to}");
        Ok(self.cache.get(&cache_key, ttl, fetch).await?.into())
    }

    pub async fn headlines(&self, category: &str) -> ApiResult<Answer> {
        let key = self.key(Provider::Headlines)?;
        let ttl = Duration::from_secs(self.config.news_ttl_secs);
        let fetch = async {
            let answer = self
                .call(
                    Provider::Headlines,
                    "/v2/top-headlines",
                    &[("category", category), ("country", "us")],
                    key,
                )
                .await?;
            let items: Vec<Value> = answer["articles"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|a| {
                    json!({
                        "title": a["title"], "source": a["source"]["name"],
                        "description": a["description"], "url": a["url"],
                        "publishedAt": a["publishedAt"],
                    })
                })
                .collect();
            Ok::<_, Upstream>(Value::from(items))
        };
        Ok(self
            .cache
            .get(&format!("headlines:{category}"), ttl, fetch)
            .await?
            .into())
    }

    fn key(&self, provider: Provider) -> ApiResult<&str> {
        let key = match provider {
            Provider::Quotes => self.config.quotes_key.as_deref(),
            Provider::Headlines => self.config.headlines_key.as_deref(),
        };
        key.ok_or_else(|| {
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "market_unavailable",
                format!("this relay has no {} provider set up", provider.name()),
            )
        })
    }

    /// One upstream call, within the provider's budget. The key goes in a header,
    /// never the URL, so it appears in no log.
    async fn call(
        &self,
        provider: Provider,
        path: &str,
        query: &[(&str, &str)],
        key: &str,
    ) -> Result<Value, Upstream> {
        self.upstream
            .acquire(provider.name(), Instant::now())
            .map_err(Upstream::Busy)?;
        let (base, header) = match provider {
            Provider::Quotes => (&self.config.quotes_base, "X-Finnhub-Token"),
            Provider::Headlines => (&self.config.headlines_base, "X-Api-Key"),
        };
        let response = self
            .http
            .get(format!("{}{path}", base.trim_end_matches('/')))
            .header(header, key)
            .query(query)
            .send()
            .await
            .map_err(|e| Upstream::Failed(e.without_url().to_string()))?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(Upstream::RateLimited);
        }
        if !status.is_success() {
            tracing::warn!(provider = provider.name(), %status, "the data provider failed");
            return Err(Upstream::Failed(format!("HTTP {status}")));
        }
        response
            .json()
            .await
            .map_err(|e| Upstream::Failed(format!("an unreadable answer: {e}")))
    }
}
