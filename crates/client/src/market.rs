//! Market data on this device: the team's watchlist (in the team document), and
//! quotes, company news and headlines fetched through the relay, which holds the
//! providers' keys. Every answer is kept in `market_cache`, so offline the
//! desktop shows the last values with their age.

use rusqlite::OptionalExtension;
use serde::Serialize;
use serde_json::Value;
use teamstead_model::team;

use crate::client::doc_id;
use crate::sync::api::RelayApi;
use crate::sync::TokenStore;
use crate::{clock, Client, ClientError, Result};

/// How fresh an answer is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Freshness {
    /// When the provider answered (ms).
    pub fetched_at: i64,
    pub age_seconds: u64,
    /// The relay served its last value because the provider failed or was busy.
    pub stale: bool,
    /// The relay could not be reached: this is the last value this device saw.
    pub offline: bool,
}

/// A watched symbol with its quote, or why there is none.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WatchItem {
    pub symbol: String,
    pub quote: Option<Value>,
    pub freshness: Option<Freshness>,
    /// Serialized as `{code, message}`.
    pub error: Option<ClientError>,
}

/// A list of news items or headlines, with how fresh it is.
#[derive(Debug, Clone, Serialize)]
pub struct Feed {
    pub items: Value,
    pub freshness: Freshness,
}

impl Client {
    pub fn watchlist(&self, team_id: &str) -> Result<Vec<String>> {
        self.read_doc(&doc_id("team", team_id)?, |doc| {
            Ok(team::read(doc)?.watchlist)
        })
    }

    pub fn watch_symbol(&self, team_id: &str, symbol: &str) -> Result<Vec<String>> {
        let me = self.identity().user_id;
        self.write_doc(&doc_id("team", team_id)?, |doc, _| {
            Ok(team::watch_symbol(doc, &me, symbol)?.watchlist)
        })
    }

    pub fn unwatch_symbol(&self, team_id: &str, symbol: &str) -> Result<Vec<String>> {
        let me = self.identity().user_id;
        self.write_doc(&doc_id("team", team_id)?, |doc, _| {
            Ok(team::unwatch_symbol(doc, &me, symbol)?.watchlist)
        })
    }

    /// A quote for every symbol of the team's watchlist, one by one (the relay
    /// caches and coalesces them).
    pub async fn market_quotes(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
    ) -> Result<Vec<WatchItem>> {
        let mut items = Vec::new();
        for symbol in self.watchlist(team_id)? {
            let answer = self
                .market_answer(tokens, "/v1/market/quote", &[("symbol", &symbol)])
                .await;
            items.push(match answer {
                Ok((quote, freshness)) => WatchItem {
                    symbol,
                    quote: Some(quote),
                    freshness: Some(freshness),
                    error: None,
                },
                Err(e) => WatchItem {
                    symbol,
                    quote: None,
                    freshness: None,
                    error: Some(e),
                },
            });
        }
        Ok(items)
    }

    /// A symbol's company news over the last `days` days.
    pub async fn market_news(
        &self,
        tokens: &dyn TokenStore,
        symbol: &str,
        days: u32,
    ) -> Result<Feed> {
        let symbol = team::validate_symbol(symbol)?;
        let today = chrono::Local::now().date_naive();
        let from = today - chrono::Days::new(u64::from(days.clamp(1, 365)));
        let (from, to) = (from.to_string(), today.to_string());
        let query = [("symbol", symbol.as_str()), ("from", &from), ("to", &to)];
        let (items, freshness) = self
            .market_answer(tokens, "/v1/market/news", &query)
            .await?;
        Ok(Feed { items, freshness })
    }

    /// Top headlines of a category; their `publishedAt` in ms.
    pub async fn news_headlines(&self, tokens: &dyn TokenStore, category: &str) -> Result<Feed> {
        let (mut items, freshness) = self
            .market_answer(tokens, "/v1/news/headlines", &[("category", category)])
            .await?;
        for item in items.as_array_mut().into_iter().flatten() {
            let at = item["publishedAt"]
                .as_str()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .map(|t| t.timestamp_millis());
            item["publishedAt"] = at.map_or(Value::Null, Value::from);
        }
        Ok(Feed { items, freshness })
    }

    /// The relay's answer, kept for later; offline, the last answer kept.
    async fn market_answer(
        &self,
        tokens: &dyn TokenStore,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<(Value, Freshness)> {
        let key = cache_key(path, query);
        let (account, token) = self.signed_in(tokens)?;
        match RelayApi::new(&account.relay_url, Some(token))
            .market(path, query)
            .await
        {
            Ok(answer) => {
                let fetched_at = answer["fetchedAt"].as_i64().unwrap_or_else(clock::now);
                let data = answer["data"].clone();
                self.lock().conn.execute(
                    "INSERT INTO market_cache (key, data, fetched_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (key) DO UPDATE SET data = excluded.data,
                         fetched_at = excluded.fetched_at",
                    rusqlite::params![key, data.to_string(), fetched_at],
                )?;
                let freshness = Freshness {
                    fetched_at,
                    age_seconds: answer["ageSeconds"].as_u64().unwrap_or(0),
                    stale: answer["stale"].as_bool().unwrap_or(false),
                    offline: false,
                };
                Ok((data, freshness))
            }
            Err(offline @ ClientError::Offline { .. }) => {
                let kept: Option<(String, i64)> = self
                    .lock()
                    .conn
                    .query_row(
                        "SELECT data, fetched_at FROM market_cache WHERE key = ?1",
                        [&key],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                let Some((data, fetched_at)) = kept else {
                    return Err(offline);
                };
                let data = serde_json::from_str(&data).unwrap_or(Value::Null);
                let age = (clock::now() - fetched_at).max(0) / 1000;
                Ok((
                    data,
                    Freshness {
                        fetched_at,
                        age_seconds: u64::try_from(age).unwrap_or(0),
                        stale: true,
                        offline: true,
                    },
                ))
            }
            Err(e) => Err(e),
        }
    }
}

fn cache_key(path: &str, query: &[(&str, &str)]) -> String {
    let mut key = path.to_string();
    for (name, value) in query {
        key.push_str(&format!("&{name}={value}"));
    }
    key
}
