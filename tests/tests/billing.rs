//! Billing through the relay: webhooks signed by Stripe's own library, localstripe
//! (a stateful fake Stripe, started here) for customers, subscriptions, invoices
//! and the webhooks it signs itself, and the plan limits every client sees.
//!
//! localstripe has no Checkout or Customer Portal sessions, so the relay talks to
//! a small stand-in here that answers those two itself and passes every other
//! request on to localstripe.

mod support;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use support::Person;
use teamstead_client::{Place, Role};
use teamstead_model::billing::Billing;
use teamstead_relay::{BillingConfig, Config, RunningRelay};
use teamstead_tests::{stripe_sign, ChildGuard};

const WEBHOOK_SECRET: &str = "whsec_teamstead_test";
const STRIPE_KEY: &str = "sk_test_teamstead";
const TEAM_PRICE: &str = "price_team";
/// A sync the relay refuses never settles; this long is enough to have sent it.
const REFUSED_SYNC: Duration = Duration::from_secs(3);

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

fn billing_config(stripe_api_base: &str, grace_days: u32) -> BillingConfig {
    let mut plans = BillingConfig::default_plans();
    for plan in &mut plans {
        if plan.id == "team" {
            plan.price_id = Some(TEAM_PRICE.into());
            plan.price = Some("$8 a month".into());
        }
    }
    BillingConfig {
        stripe_secret_key: STRIPE_KEY.into(),
        webhook_secret: WEBHOOK_SECRET.into(),
        stripe_api_base: stripe_api_base.into(),
        grace_days,
        plans,
    }
}

async fn billing_relay(
    dir: &std::path::Path,
    stripe_api_base: &str,
    grace_days: u32,
) -> RunningRelay {
    let mut config = Config::local(dir.to_path_buf());
    config.billing = Some(billing_config(stripe_api_base, grace_days));
    teamstead_relay::start(config).await.expect("relay starts")
}

async fn post_webhook(relay: &RunningRelay, body: &str, signature: Option<&str>) -> (u16, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{}/v1/billing/webhook", relay.http_url()))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(signature) = signature {
        request = request.header("stripe-signature", signature);
    }
    let response = request.send().await.expect("webhook");
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn subscription_event(id: &str, kind: &str, created: i64, team: &str, status: &str) -> String {
    json!({
        "id": id, "object": "event", "type": kind, "created": created,
        "data": {"object": {
            "id": "sub_test", "object": "subscription", "customer": "cus_test",
            "status": status, "current_period_end": created + 30 * 86_400,
            "items": {"data": [{"price": {"id": TEAM_PRICE}, "plan": {"id": TEAM_PRICE}}]},
            "metadata": {"team_id": team}
        }}
    })
    .to_string()
}

fn invoice_event(id: &str, kind: &str, customer: &str) -> String {
    json!({
        "id": id, "object": "event", "type": kind, "created": now_secs(),
        "data": {"object": {"id": "in_test", "object": "invoice", "customer": customer}}
    })
    .to_string()
}

/// Syncs until `person`'s copy of the team's billing document satisfies `done`.
async fn wait_for_billing(
    person: &Person,
    team: &str,
    what: &str,
    done: impl Fn(&Billing) -> bool,
) {
    for _ in 0..60 {
        person.sync().await;
        if person
            .client
            .team_plan(team)
            .expect("plan")
            .is_some_and(|b| done(&b))
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    panic!("{} never saw {what}", person.user_id);
}

async fn wait_for_plan(person: &Person, team: &str, plan: &str) {
    wait_for_billing(person, team, plan, |b| b.plan == plan).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn webhooks_signed_by_stripes_library_are_applied_once_and_forgeries_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = billing_relay(dir.path(), "http://127.0.0.1:9", 7).await;
    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.publish_new_team("Acme").await;
    alice.sync().await;
    let start = alice
        .client
        .team_plan(&team)
        .expect("plan")
        .expect("billing document");
    assert_eq!(
        (start.plan.as_str(), start.seats, start.max_boards),
        ("free", Some(5), Some(3))
    );

    // A team made offline with five boards, published to a Free relay: the fourth
    // and fifth boards are refused (and stay on Alice's device).
    let offline = alice.client.create_team("Offline").expect("team").id;
    for name in ["Two", "Three", "Four", "Five"] {
        alice
            .client
            .create_board(&offline, name)
            .expect("no plan offline");
    }
    alice
        .client
        .publish_team(alice.store(), &offline)
        .await
        .expect("publish");
    // The sync never settles (two boards are refused): try until the allowed
    // three are stored, however slow the machine, then once more.
    let storage = relay.hub.storage();
    let stored = || {
        storage
            .count_team_docs(&offline, teamstead_client::DocKind::Board)
            .expect("count")
    };
    for _ in 0..10 {
        let _ = teamstead_client::sync::sync_once(&alice.client, alice.store(), REFUSED_SYNC).await;
        if stored() >= 3 {
            break;
        }
    }
    let _ = teamstead_client::sync::sync_once(&alice.client, alice.store(), REFUSED_SYNC).await;
    assert_eq!(stored(), 3, "the relay keeps the plan's three boards");
    assert_eq!(
        alice.client.list_boards(&offline).expect("boards").len(),
        5,
        "nothing lost"
    );

    // Checkout completed: the team is linked to its customer, so later events
    // about that customer need no team id of their own.
    let completed = json!({
        "id": "evt_checkout", "type": "checkout.session.completed", "created": now_secs(),
        "data": {"object": {"id": "cs_1", "client_reference_id": offline,
            "customer": "cus_offline", "subscription": "sub_offline"}}
    })
    .to_string();
    let header = stripe_sign(&completed, WEBHOOK_SECRET, now_secs());
    assert_eq!(post_webhook(&relay, &completed, Some(&header)).await.0, 200);
    let active = subscription_event(
        "evt_offline",
        "customer.subscription.updated",
        now_secs(),
        "",
        "active",
    )
    .replace("cus_test", "cus_offline")
    .replace("sub_test", "sub_offline");
    let header = stripe_sign(&active, WEBHOOK_SECRET, now_secs());
    assert_eq!(post_webhook(&relay, &active, Some(&header)).await.0, 200);
    wait_for_plan(&alice, &offline, "team").await;

    let upgrade = subscription_event(
        "evt_up",
        "customer.subscription.created",
        now_secs(),
        &team,
        "active",
    );
    let signed = stripe_sign(&upgrade, WEBHOOK_SECRET, now_secs());

    // Forgeries first: none of them changes anything.
    let wrong_secret = stripe_sign(&upgrade, "whsec_someone_else", now_secs());
    assert_eq!(
        post_webhook(&relay, &upgrade, Some(&wrong_secret)).await.1["code"],
        "invalid_signature"
    );
    let tampered = upgrade.replace("\"active\"", "\"trialing\"");
    let (status, body) = post_webhook(&relay, &tampered, Some(&signed)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("invalid_signature"))
    );
    let stale = stripe_sign(&upgrade, WEBHOOK_SECRET, now_secs() - 301);
    let (status, body) = post_webhook(&relay, &upgrade, Some(&stale)).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("stale_signature"))
    );
    assert_eq!(post_webhook(&relay, &upgrade, None).await.0, 400);
    assert_eq!(
        post_webhook(
            &relay,
            "{not json",
            Some(&stripe_sign("{not json", WEBHOOK_SECRET, now_secs()))
        )
        .await
        .1["code"],
        "invalid_input"
    );
    alice.sync().await;
    assert_eq!(
        alice
            .client
            .team_plan(&team)
            .expect("plan")
            .expect("doc")
            .plan,
        "free"
    );

    // The real one, then the same delivery again.
    let (status, body) = post_webhook(&relay, &upgrade, Some(&signed)).await;
    assert_eq!((status, body["duplicate"].as_bool()), (200, Some(false)));
    wait_for_plan(&alice, &team, "team").await;
    let (status, body) = post_webhook(&relay, &upgrade, Some(&signed)).await;
    assert_eq!((status, body["duplicate"].as_bool()), (200, Some(true)));

    // The subscription ends; a late redelivery of the upgrade changes nothing.
    let ended = subscription_event(
        "evt_end",
        "customer.subscription.deleted",
        now_secs() + 1,
        &team,
        "canceled",
    );
    let (status, _) = post_webhook(
        &relay,
        &ended,
        Some(&stripe_sign(&ended, WEBHOOK_SECRET, now_secs())),
    )
    .await;
    assert_eq!(status, 200);
    wait_for_plan(&alice, &team, "free").await;
    let again = stripe_sign(&upgrade, WEBHOOK_SECRET, now_secs());
    assert_eq!(
        post_webhook(&relay, &upgrade, Some(&again)).await.1["duplicate"],
        true
    );
    alice.sync().await;
    let plan = alice.client.team_plan(&team).expect("plan").expect("doc");
    assert_eq!(
        (plan.plan.as_str(), plan.status.as_str()),
        ("free", "canceled")
    );
    relay.shutdown().await.expect("shutdown");
}

/// localstripe on a free port, started fresh.
struct LocalStripe {
    url: String,
    _process: ChildGuard,
}

async fn start_localstripe() -> LocalStripe {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/localstripe");
    assert!(
        bin.exists(),
        "localstripe is missing at {}: run make test (scripts/install-deps.sh installs it)",
        bin.display()
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let process = ChildGuard(
        Command::new(bin)
            .args(["--port", &port.to_string(), "--from-scratch"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("localstripe starts"),
    );
    let url = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    for _ in 0..100 {
        let ready = http
            .get(format!("{url}/v1/customers"))
            .basic_auth(STRIPE_KEY, Some(""))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success());
        if ready {
            return LocalStripe {
                url,
                _process: process,
            };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("localstripe did not start on {url}");
}

impl LocalStripe {
    async fn post(&self, path: &str, form: &[(&str, &str)]) -> Value {
        let response = reqwest::Client::new()
            .post(format!("{}{path}", self.url))
            .basic_auth(STRIPE_KEY, Some(""))
            .form(form)
            .send()
            .await
            .expect("localstripe");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        // Its configuration calls answer with no body.
        response.json().await.unwrap_or(Value::Null)
    }

    async fn get(&self, path: &str) -> Value {
        reqwest::Client::new()
            .get(format!("{}{path}", self.url))
            .basic_auth(STRIPE_KEY, Some(""))
            .send()
            .await
            .expect("localstripe")
            .json()
            .await
            .expect("json")
    }
}

/// What the stand-in saw of Checkout sessions.
#[derive(Default)]
struct StubState {
    localstripe: String,
    checkout_calls: Mutex<Vec<(Option<String>, String)>>,
    /// Answer this many Checkout calls with 503 first (the relay must retry).
    fail_first: AtomicUsize,
}

async fn stub(
    State(state): State<Arc<StubState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let key = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    match (method.as_str(), uri.path()) {
        ("POST", "/v1/checkout/sessions") => {
            state
                .checkout_calls
                .lock()
                .expect("lock")
                .push((key, String::from_utf8_lossy(&body).into_owned()));
            // A 503, then a 429 asking to wait a second, then the session.
            if let Ok(left) =
                state
                    .fail_first
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            {
                let error = axum::Json(json!({"error": {"message": "try again"}}));
                return if left % 2 == 0 {
                    (StatusCode::SERVICE_UNAVAILABLE, error).into_response()
                } else {
                    (StatusCode::TOO_MANY_REQUESTS, [("retry-after", "1")], error).into_response()
                };
            }
            axum::Json(json!({"id": "cs_test_1", "object": "checkout.session", "url": "https://checkout.stripe.test/c/pay/cs_test_1"})).into_response()
        }
        ("POST", "/v1/billing_portal/sessions") => axum::Json(
            json!({"id": "bps_test_1", "url": "https://billing.stripe.test/p/session/bps_test_1"}),
        )
        .into_response(),
        _ => {
            let mut request = reqwest::Client::new().request(
                method,
                format!(
                    "{}{}",
                    state.localstripe,
                    uri.path_and_query().map_or("", |p| p.as_str())
                ),
            );
            for name in ["authorization", "content-type", "idempotency-key"] {
                if let Some(value) = headers.get(name) {
                    request = request.header(name, value);
                }
            }
            let answer = request
                .body(body)
                .send()
                .await
                .expect("localstripe answers");
            let status =
                StatusCode::from_u16(answer.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
            (status, answer.bytes().await.unwrap_or_default()).into_response()
        }
    }
}

async fn start_stub(state: Arc<StubState>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr: SocketAddr = listener.local_addr().expect("addr");
    let app = axum::Router::new().fallback(stub).with_state(state);
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sixth_member_is_refused_on_free_until_an_upgrade_through_stripe_lifts_the_limit() {
    let stripe = start_localstripe().await;
    stripe
        .post(
            "/v1/plans",
            &[
                ("id", TEAM_PRICE),
                ("amount", "800"),
                ("currency", "usd"),
                ("interval", "month"),
                ("product[name]", "Team"),
            ],
        )
        .await;
    let stub_state = Arc::new(StubState {
        localstripe: stripe.url.clone(),
        fail_first: AtomicUsize::new(2),
        ..StubState::default()
    });
    let stub_url = start_stub(stub_state.clone()).await;
    let dir = tempfile::tempdir().expect("tempdir");
    // No grace: a failed payment makes the team read-only at once.
    let relay = billing_relay(dir.path(), &stub_url, 0).await;
    let webhook = format!("{}/v1/billing/webhook", relay.http_url());
    stripe
        .post(
            "/_config/webhooks/teamstead",
            &[("url", &webhook), ("secret", WEBHOOK_SECRET)],
        )
        .await;

    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.publish_new_team("Acme").await;
    let mut members = Vec::new();
    for name in ["Bob", "Carol", "Dan"] {
        members.push(alice.invite(&team, Role::Member, name).await);
    }
    // An invitation made while there is room, used once there is none.
    let spare = alice
        .client
        .create_invitation(alice.store(), &team, Role::Member, None, None)
        .await
        .expect("invitation while there is room");
    members.push(alice.invite(&team, Role::Member, "Erin").await);
    alice.sync().await;

    // Five members: the sixth is refused here, by the relay, and on redemption.
    let err = alice
        .client
        .create_invitation(alice.store(), &team, Role::Member, None, None)
        .await
        .expect_err("sixth");
    assert_eq!(err.code(), "plan_limit");
    assert!(
        err.to_string().contains("Free plan allows 5 members"),
        "{err}"
    );
    let direct = reqwest::Client::new()
        .post(format!("{}/v1/teams/{team}/invitations", relay.http_url()))
        .bearer_auth(alice.token())
        .json(&json!({"role": "member"}))
        .send()
        .await
        .expect("invite");
    assert_eq!(direct.status().as_u16(), 402);
    assert_eq!(
        direct.json::<Value>().await.expect("json")["code"],
        "plan_limit"
    );
    let frank = Person::sign_up(&relay, "Frank").await;
    let refused = frank
        .client
        .join_team(frank.store(), &spare.code)
        .await
        .expect_err("full");
    assert_eq!(refused.code(), "plan_limit");

    // Boards: Free allows three; the team has one.
    alice
        .client
        .create_board(&team, "Roadmap")
        .expect("second board");
    alice
        .client
        .create_board(&team, "Hiring")
        .expect("third board");
    assert_eq!(
        alice
            .client
            .create_board(&team, "Fourth")
            .expect_err("fourth")
            .code(),
        "plan_limit"
    );

    // Only owners buy.
    let bob = &members[0];
    assert_eq!(
        bob.client
            .billing_checkout(bob.store(), &team, "team")
            .await
            .expect_err("member")
            .code(),
        "forbidden"
    );

    // The owner presses Upgrade: a customer in Stripe, then a Checkout session
    // (the first attempt fails with 503 and is retried under the same key).
    let url = alice
        .client
        .billing_checkout(alice.store(), &team, "team")
        .await
        .expect("checkout");
    assert_eq!(url, "https://checkout.stripe.test/c/pay/cs_test_1");
    let calls = stub_state.checkout_calls.lock().expect("lock").clone();
    assert_eq!(calls.len(), 3, "retried after a 503 and a 429");
    assert!(calls[0].0.is_some(), "an Idempotency-Key on every POST");
    assert!(
        calls.iter().all(|c| c.0 == calls[0].0),
        "the retries reuse the key"
    );
    let form = &calls[2].1;
    assert!(
        form.contains(&format!("client_reference_id={team}")),
        "{form}"
    );
    assert!(form.contains("price%5D=price_team"), "{form}");
    let customer = form
        .split('&')
        .find_map(|pair| pair.strip_prefix("customer="))
        .expect("a customer")
        .to_string();
    assert_eq!(
        stripe.get(&format!("/v1/customers/{customer}")).await["metadata"]["team_id"],
        team.as_str()
    );

    // The person pays: the subscription starts in Stripe, which tells the relay
    // by its own signed webhooks.
    let card = stripe
        .post(
            "/v1/payment_methods",
            &[
                ("type", "card"),
                ("card[number]", "4242424242424242"),
                ("card[exp_month]", "12"),
                ("card[exp_year]", "2030"),
                ("card[cvc]", "123"),
            ],
        )
        .await;
    let card = card["id"].as_str().expect("card id");
    stripe
        .post(
            &format!("/v1/payment_methods/{card}/attach"),
            &[("customer", &customer)],
        )
        .await;
    stripe
        .post(
            &format!("/v1/customers/{customer}"),
            &[("invoice_settings[default_payment_method]", card)],
        )
        .await;
    stripe
        .post(
            "/v1/subscriptions",
            &[
                ("customer", &customer),
                ("items[0][plan]", TEAM_PRICE),
                ("metadata[team_id]", &team),
            ],
        )
        .await;
    wait_for_plan(&alice, &team, "team").await;
    wait_for_plan(bob, &team, "team").await;
    let plan = alice.client.team_plan(&team).expect("plan").expect("doc");
    assert_eq!(
        (plan.seats, plan.max_boards, plan.status.as_str()),
        (Some(50), None, "active")
    );
    assert!(plan.current_period_end.is_some());

    // The limit is lifted: Frank joins, a fourth board is made.
    let invite = alice
        .client
        .create_invitation(alice.store(), &team, Role::Member, None, None)
        .await
        .expect("room now");
    frank
        .client
        .join_team(frank.store(), &invite.code)
        .await
        .expect("sixth member");
    alice
        .client
        .create_board(&team, "Fourth")
        .expect("fourth board");
    alice.sync().await;

    // Invoices come from Stripe through the relay; the portal opens for the owner.
    let invoices = alice
        .client
        .billing_invoices(alice.store(), &team)
        .await
        .expect("invoices");
    let first = &invoices[0];
    assert_eq!(
        (first["status"].as_str(), first["amountPaid"].as_i64()),
        (Some("paid"), Some(800))
    );
    let portal = alice
        .client
        .billing_portal(alice.store(), &team)
        .await
        .expect("portal");
    assert!(
        portal.starts_with("https://billing.stripe.test/"),
        "{portal}"
    );

    // A failed payment: past due with no grace left, the team turns read-only;
    // nothing is lost, and paying makes it writable again.
    let failed = invoice_event("evt_failed", "invoice.payment_failed", &customer);
    let (status, _) = post_webhook(
        &relay,
        &failed,
        Some(&stripe_sign(&failed, WEBHOOK_SECRET, now_secs())),
    )
    .await;
    assert_eq!(status, 200);
    wait_for_billing(&alice, &team, "past_due", |b| {
        b.status.as_str() == "past_due"
    })
    .await;
    let err = alice
        .client
        .create_board(&team, "Fifth")
        .expect_err("read-only");
    assert_eq!(err.code(), "read_only");
    let boards_before = alice.client.list_boards(&team).expect("boards").len();
    let bob_board = support::board_id(bob, &team);
    bob.client
        .create_task(
            &bob_board,
            "Written while read-only",
            Place::default(),
            None,
        )
        .expect("saved locally");
    let _ = teamstead_client::sync::sync_once(&bob.client, bob.store(), REFUSED_SYNC).await;
    alice.sync().await;
    let seen = alice.client.list_tasks(&bob_board).expect("tasks");
    assert!(
        seen.iter().all(|t| t.title != "Written while read-only"),
        "the relay took a write from a read-only team"
    );
    assert_eq!(
        alice.client.list_boards(&team).expect("boards").len(),
        boards_before,
        "nothing lost"
    );

    let paid = invoice_event("evt_paid", "invoice.payment_succeeded", &customer);
    post_webhook(
        &relay,
        &paid,
        Some(&stripe_sign(&paid, WEBHOOK_SECRET, now_secs())),
    )
    .await;
    wait_for_billing(&alice, &team, "active", |b| b.status.as_str() == "active").await;
    alice
        .client
        .create_board(&team, "Fifth")
        .expect("writable again");
    // Bob's task, refused while read-only, was kept on his device and now arrives.
    for _ in 0..40 {
        let _ = teamstead_client::sync::sync_once(&bob.client, bob.store(), REFUSED_SYNC).await;
        alice.sync().await;
        let tasks = alice.client.list_tasks(&bob_board).expect("tasks");
        if tasks.iter().any(|t| t.title == "Written while read-only") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let tasks = alice.client.list_tasks(&bob_board).expect("tasks");
    assert!(
        tasks.iter().any(|t| t.title == "Written while read-only"),
        "a change refused while read-only is delivered once the team is paid up"
    );
    relay.shutdown().await.expect("shutdown");
}
