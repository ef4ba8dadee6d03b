//! Market data through the relay, against a local stand-in for the providers (a
//! Finnhub-shaped /quote and /company-news, a NewsAPI-shaped /v2/top-headlines)
//! that counts every call: caching, coalescing, stale-if-error, per-person limits,
//! and the provider's own limit held under a burst from many people.

mod support;

use std::sync::atomic::{AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{json, Value};
use support::Person;
use teamstead_relay::{Config, MarketConfig, RunningRelay};

const QUOTES_KEY: &str = "finnhub-test-key";
const NEWS_KEY: &str = "newsapi-test-key";

const FAILING: u8 = 1;
const LIMITING: u8 = 2;

#[derive(Default)]
struct Provider {
    calls: AtomicUsize,
    /// 0 answers; FAILING or LIMITING say what goes wrong.
    mode: AtomicU8,
    delay_ms: AtomicU64,
}

impl Provider {
    /// What every answer goes through: the count, the delay, the mode, the key.
    async fn answer(&self, headers: &HeaderMap, header: &str, key: &str, body: Value) -> Response {
        self.calls.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(self.delay_ms.load(Ordering::SeqCst))).await;
        if headers.get(header).and_then(|v| v.to_str().ok()) != Some(key) {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        match self.mode.load(Ordering::SeqCst) {
            FAILING => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            LIMITING => StatusCode::TOO_MANY_REQUESTS.into_response(),
            _ => axum::Json(body).into_response(),
        }
    }
}

async fn quote(
    State(p): State<Arc<Provider>>,
    headers: HeaderMap,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    let symbol = q.get("symbol").cloned().unwrap_or_default();
    // Finnhub answers an unknown symbol with zeros.
    let body = if symbol == "ZZZZ" {
        json!({"c": 0, "d": null, "dp": null, "h": 0, "l": 0, "o": 0, "pc": 0, "t": 0})
    } else {
        json!({"c": 101.5, "d": 1.5, "dp": 1.5, "h": 102.0, "l": 99.0, "o": 100.0, "pc": 100.0, "t": 1_795_000_000})
    };
    p.answer(&headers, "x-finnhub-token", QUOTES_KEY, body)
        .await
}

async fn company_news(State(p): State<Arc<Provider>>, headers: HeaderMap) -> Response {
    let body = json!([{
        "category": "company", "datetime": 1_795_000_000, "headline": "Record quarter",
        "id": 1, "image": "", "related": "AAPL", "source": "Wire",
        "summary": "Sales grew.", "url": "https://news.test/1"
    }]);
    p.answer(&headers, "x-finnhub-token", QUOTES_KEY, body)
        .await
}

async fn headlines(State(p): State<Arc<Provider>>, headers: HeaderMap) -> Response {
    let body = json!({"status": "ok", "totalResults": 1, "articles": [{
        "source": {"id": null, "name": "Daily"}, "author": "A", "title": "Markets calm",
        "description": "Nothing moved.", "url": "https://news.test/2",
        "urlToImage": null, "publishedAt": "2026-11-24T05:00:00Z", "content": ""
    }]});
    p.answer(&headers, "x-api-key", NEWS_KEY, body).await
}

async fn start_provider() -> (Arc<Provider>, String) {
    let provider = Arc::new(Provider::default());
    let app = axum::Router::new()
        .route("/quote", get(quote))
        .route("/company-news", get(company_news))
        .route("/v2/top-headlines", get(headlines))
        .with_state(provider.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (provider, url)
}

async fn market_relay(
    dir: &std::path::Path,
    provider: &str,
    tune: impl FnOnce(&mut MarketConfig),
) -> RunningRelay {
    let mut config = Config::local(dir.to_path_buf());
    config.market = MarketConfig {
        quotes_base: provider.into(),
        quotes_key: Some(QUOTES_KEY.into()),
        headlines_base: provider.into(),
        headlines_key: Some(NEWS_KEY.into()),
        ..MarketConfig::default()
    };
    tune(&mut config.market);
    teamstead_relay::start(config).await.expect("relay starts")
}

/// A signed-in person's token, made over plain HTTP.
async fn token(relay: &RunningRelay, name: &str) -> String {
    let body = json!({"email": format!("{name}@example.test"), "password": support::PASSWORD, "name": name});
    let answer: Value = reqwest::Client::new()
        .post(format!("{}/v1/accounts", relay.http_url()))
        .json(&body)
        .send()
        .await
        .expect("sign up")
        .json()
        .await
        .expect("json");
    answer["token"].as_str().expect("token").to_string()
}

async fn get_json(relay: &RunningRelay, token: Option<&str>, path: &str) -> (u16, Value) {
    let mut request = reqwest::Client::new().get(format!("{}{path}", relay.http_url()));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("request");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread")]
async fn answers_are_cached_and_concurrent_requests_make_one_upstream_call() {
    let (provider, url) = start_provider().await;
    provider.delay_ms.store(300, Ordering::SeqCst);
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = Arc::new(market_relay(dir.path(), &url, |_| {}).await);
    let people = [token(&relay, "ann").await, token(&relay, "ben").await];

    let mut requests = Vec::new();
    for i in 0..20 {
        let (relay, token) = (relay.clone(), people[i % 2].clone());
        requests.push(tokio::spawn(async move {
            get_json(&relay, Some(&token), "/v1/market/quote?symbol=aapl").await
        }));
    }
    for request in requests {
        let (status, body) = request.await.expect("join");
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["data"]["current"], 101.5);
        assert_eq!(body["data"]["symbol"], "AAPL");
        assert_eq!(body["stale"], false);
    }
    assert_eq!(
        provider.calls.load(Ordering::SeqCst),
        1,
        "one call for twenty requests"
    );
    let (_, again) = get_json(&relay, Some(&people[0]), "/v1/market/quote?symbol=AAPL").await;
    assert!(
        again["ageSeconds"].is_u64() && again["fetchedAt"].is_i64(),
        "{again}"
    );
    assert_eq!(
        provider.calls.load(Ordering::SeqCst),
        1,
        "served from the cache"
    );

    let news = "/v1/market/news?symbol=AAPL&from=2026-11-17&to=2026-11-24";
    let (status, body) = get_json(&relay, Some(&people[0]), news).await;
    assert_eq!(
        (status, body["data"][0]["headline"].as_str()),
        (200, Some("Record quarter"))
    );
    get_json(&relay, Some(&people[1]), news).await;
    let (status, body) = get_json(
        &relay,
        Some(&people[0]),
        "/v1/news/headlines?category=business",
    )
    .await;
    assert_eq!(
        (status, body["data"][0]["source"].as_str()),
        (200, Some("Daily"))
    );
    assert_eq!(provider.calls.load(Ordering::SeqCst), 3, "news cached too");

    // Only signed-in people; bad input is refused before any upstream call.
    assert_eq!(
        get_json(&relay, None, "/v1/market/quote?symbol=AAPL")
            .await
            .0,
        401
    );
    for bad in [
        "/v1/market/quote?symbol=A%2FB",
        "/v1/market/quote",
        "/v1/market/news?symbol=AAPL&from=2026-11-24&to=2026-11-01",
        "/v1/news/headlines?category=gossip",
    ] {
        let (status, body) = get_json(&relay, Some(&people[0]), bad).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (400, Some("invalid_input")),
            "{bad}"
        );
    }
    let (status, body) = get_json(&relay, Some(&people[0]), "/v1/market/quote?symbol=ZZZZ").await;
    assert_eq!((status, body["code"].as_str()), (404, Some("not_found")));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_last_answer_is_served_stale_with_its_age_when_the_provider_fails_or_limits() {
    let (provider, url) = start_provider().await;
    let dir = tempfile::tempdir().expect("tempdir");
    // Nothing stays fresh, so every request asks the provider.
    let relay = market_relay(dir.path(), &url, |m| m.quote_ttl_secs = 0).await;
    let ann = token(&relay, "ann").await;
    let (_, fresh) = get_json(&relay, Some(&ann), "/v1/market/quote?symbol=AAPL").await;
    assert_eq!(fresh["stale"], false);

    for mode in [FAILING, LIMITING] {
        provider.mode.store(mode, Ordering::SeqCst);
        let (status, body) = get_json(&relay, Some(&ann), "/v1/market/quote?symbol=AAPL").await;
        assert_eq!(status, 200);
        assert_eq!(body["stale"], true);
        assert_eq!(body["data"], fresh["data"]);
        assert_eq!(
            body["fetchedAt"], fresh["fetchedAt"],
            "the age of the data it had"
        );
    }
    let (status, body) = get_json(&relay, Some(&ann), "/v1/market/quote?symbol=MSFT").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (503, Some("upstream_unavailable"))
    );
    provider.mode.store(FAILING, Ordering::SeqCst);
    let (status, body) = get_json(&relay, Some(&ann), "/v1/market/quote?symbol=MSFT").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (502, Some("upstream_unavailable"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_burst_from_many_people_never_exceeds_the_providers_limit_or_a_persons() {
    let (provider, url) = start_provider().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = Arc::new(
        market_relay(dir.path(), &url, |m| {
            m.upstream_per_minute = 10;
            m.user_per_minute = 5;
        })
        .await,
    );
    let mut people = Vec::new();
    for i in 0..30 {
        people.push(token(&relay, &format!("person{i}")).await);
    }
    let mut requests = Vec::new();
    for (i, token) in people.iter().enumerate() {
        let (relay, token) = (relay.clone(), token.clone());
        requests.push(tokio::spawn(async move {
            get_json(
                &relay,
                Some(&token),
                &format!("/v1/market/quote?symbol=S{i}"),
            )
            .await
        }));
    }
    let mut answered = Vec::new();
    for (i, request) in requests.into_iter().enumerate() {
        let (status, body) = request.await.expect("join");
        match status {
            200 => answered.push(i),
            503 => assert_eq!(body["code"], "upstream_unavailable"),
            other => panic!("unexpected {other}: {body}"),
        }
    }
    let calls = provider.calls.load(Ordering::SeqCst);
    assert_eq!(calls, 10, "exactly the provider's limit, never more");
    assert_eq!(answered.len(), calls);

    // One person whose quote was answered (so it is cached and the provider's
    // limit no longer matters): five requests a minute, then a clear refusal.
    let lucky = answered[0];
    let path = format!("/v1/market/quote?symbol=S{lucky}");
    for _ in 0..4 {
        assert_eq!(get_json(&relay, Some(&people[lucky]), &path).await.0, 200);
    }
    let (status, body) = get_json(&relay, Some(&people[lucky]), &path).await;
    assert_eq!((status, body["code"].as_str()), (429, Some("rate_limited")));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_desktop_shows_the_last_quotes_and_news_with_their_age_offline() {
    let (_provider, url) = start_provider().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = market_relay(dir.path(), &url, |_| {}).await;
    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.publish_new_team("Desk").await;
    assert_eq!(
        alice.client.watch_symbol(&team, "aapl").expect("watch"),
        ["AAPL"]
    );
    let items = alice
        .client
        .market_quotes(alice.store(), &team)
        .await
        .expect("quotes");
    assert_eq!(items[0].quote.as_ref().expect("quote")["current"], 101.5);
    assert!(!items[0].freshness.as_ref().expect("freshness").offline);
    let news = alice
        .client
        .market_news(alice.store(), "AAPL", 7)
        .await
        .expect("news");
    assert_eq!(news.items[0]["headline"], "Record quarter");
    let headlines = alice
        .client
        .news_headlines(alice.store(), "business")
        .await
        .expect("headlines");
    assert!(
        headlines.items[0]["publishedAt"].is_i64(),
        "in ms: {}",
        headlines.items[0]
    );

    relay.shutdown().await.expect("shutdown");
    let items = alice
        .client
        .market_quotes(alice.store(), &team)
        .await
        .expect("offline quotes");
    let freshness = items[0].freshness.as_ref().expect("freshness");
    assert!(freshness.offline && freshness.stale, "{freshness:?}");
    assert_eq!(items[0].quote.as_ref().expect("kept")["current"], 101.5);
    let news = alice
        .client
        .market_news(alice.store(), "AAPL", 7)
        .await
        .expect("offline news");
    assert!(news.freshness.offline);
    // A symbol never fetched has nothing to show offline: its error says so.
    alice.client.watch_symbol(&team, "MSFT").expect("watch");
    let items = alice
        .client
        .market_quotes(alice.store(), &team)
        .await
        .expect("quotes");
    assert_eq!(items[1].error.as_ref().map(|e| e.code()), Some("offline"));
}
