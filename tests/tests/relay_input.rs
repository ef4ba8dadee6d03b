//! Bad input at the relay: wrong, expired and revoked tokens, oversized and
//! malformed messages, broken request bodies. Each gets a clear error, changes
//! nothing, and everyone else keeps being served.

mod support;

use std::time::Duration;

use support::{raw_connect, start_relay, Person, RawPeer, PASSWORD};
use teamstead_protocol::{DocumentId, Message};

async fn post_json(url: &str, body: &str) -> (u16, serde_json::Value) {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .expect("post");
    let status = response.status().as_u16();
    let json = response.json().await.unwrap_or(serde_json::Value::Null);
    (status, json)
}

fn code(body: &str) -> String {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("code").and_then(|c| c.as_str()).map(str::to_string))
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_expired_and_revoked_tokens_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;

    let refused = raw_connect(&relay, "tst_not-a-real-token")
        .await
        .err()
        .expect("refused");
    assert_eq!((refused.0, code(&refused.1)), (401, "invalid_token".into()));

    // Expired: the relay's own database says so.
    let expired = Person::sign_up(&relay, "Old").await;
    let db = rusqlite::Connection::open(dir.path().join("relay.sqlite3")).expect("db");
    db.execute("UPDATE sessions SET expires_at = 1", [])
        .expect("expire");
    let refused = raw_connect(&relay, &expired.token())
        .await
        .err()
        .expect("refused");
    assert_eq!((refused.0, code(&refused.1)), (401, "expired_token".into()));

    // Revoked while a connection is open: that connection is closed too.
    let alice = Person::sign_up(&relay, "Alice").await;
    let mut open = RawPeer::joined(&relay, &alice.token()).await;
    let token = alice.token();
    alice.client.log_out(alice.store()).await.expect("log out");
    let refused = raw_connect(&relay, &token).await.err().expect("refused");
    assert_eq!((refused.0, code(&refused.1)), (401, "revoked_token".into()));
    assert!(
        open.recv_within(Duration::from_secs(15)).await.is_none(),
        "the open connection was closed"
    );

    // A request with no token at all.
    let response = reqwest::get(format!("{}/v1/teams", relay.http_url()))
        .await
        .expect("get");
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(code(&response.text().await.expect("body")), "missing_token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_and_malformed_messages_get_errors_and_others_carry_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = teamstead_relay::Config::local(dir.path().to_path_buf());
    config.max_message_bytes = 4096;
    let relay = teamstead_relay::start(config).await.expect("relay");
    let alice = Person::sign_up(&relay, "Alice").await;
    let bob = Person::sign_up(&relay, "Bob").await;
    let mut bystander = RawPeer::joined(&relay, &bob.token()).await;

    let mut peer = RawPeer::joined(&relay, &alice.token()).await;
    peer.send_bytes(vec![0xff, 0x00, 0x13, 0x37]).await;
    let answer = peer.recv().await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("malformed")),
        "got {answer:?}"
    );
    // Still connected and served.
    assert!(matches!(
        peer.request(DocumentId::new()).await,
        Some(Message::DocUnavailable { .. })
    ));

    let huge = Message::Sync {
        sender_id: peer.peer_id.clone(),
        target_id: "relay".into(),
        document_id: DocumentId::new(),
        data: vec![7; 8192],
    };
    peer.send(&huge).await;
    let answer = peer.recv().await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("over the limit")),
        "got {answer:?}"
    );
    assert!(
        peer.recv().await.is_none(),
        "the oversized sender is disconnected"
    );

    // A sync message that is not an automerge sync message.
    let mut other = RawPeer::joined(&relay, &alice.token()).await;
    other
        .sync_bytes(DocumentId::new(), b"not automerge".to_vec())
        .await;
    assert!(matches!(other.recv().await, Some(Message::Error { .. })));

    assert!(matches!(
        bystander.request(DocumentId::new()).await,
        Some(Message::DocUnavailable { .. })
    ));

    let metrics = reqwest::get(format!("{}/metrics", relay.http_url()))
        .await
        .expect("metrics")
        .text()
        .await
        .expect("body");
    assert!(metrics.contains("teamstead_connections "), "{metrics}");
    assert!(
        metrics.contains("teamstead_sync_latency_seconds_bucket"),
        "{metrics}"
    );
    let health = reqwest::get(format!("{}/healthz", relay.http_url()))
        .await
        .expect("healthz");
    assert_eq!(health.status().as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_requests_with_bad_bodies_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let accounts = format!("{}/v1/accounts", relay.http_url());
    let sessions = format!("{}/v1/sessions", relay.http_url());

    let (status, body) = post_json(&accounts, "{not json").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_input"))
    );
    let (status, body) = post_json(
        &accounts,
        r#"{"email":"a@b.test","password":"short","name":"A"}"#,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_input"))
    );
    let (status, body) = post_json(
        &accounts,
        r#"{"email":"nobody","password":"long enough","name":"A"}"#,
    )
    .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_input"))
    );

    let good = format!(r#"{{"email":"Ann@B.test","password":"{PASSWORD}","name":"Ann"}}"#);
    let (status, body) = post_json(&accounts, &good).await;
    assert_eq!(status, 201, "{body}");
    assert!(body["token"]
        .as_str()
        .is_some_and(|t| t.starts_with("tst_")));
    let (status, body) = post_json(&accounts, &good).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("account_exists"))
    );

    let wrong = r#"{"email":"ann@b.test","password":"wrong password","device_name":"laptop"}"#;
    let (status, body) = post_json(&sessions, wrong).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("wrong_credentials"))
    );
    let unknown = r#"{"email":"zed@b.test","password":"wrong password","device_name":"laptop"}"#;
    let (status, body) = post_json(&sessions, unknown).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (401, Some("wrong_credentials"))
    );
    let right =
        format!(r#"{{"email":"ann@b.test","password":"{PASSWORD}","device_name":"laptop"}}"#);
    let (status, _) = post_json(&sessions, &right).await;
    assert_eq!(status, 200);
}
