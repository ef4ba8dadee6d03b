//! Billing through Stripe, with every secret on the relay: Checkout and Customer
//! Portal sessions for a team's owner, its invoices, and the webhook that moves
//! the team between plans. The team's billing document (teamstead_model::billing)
//! is written from the account row after each event; the hub enforces its limits.

pub mod events;
pub mod signature;
mod stripe;

use serde::Serialize;
use serde_json::Value;
use teamstead_model::billing::Billing;

use crate::config::{BillingConfig, Plan};
use crate::error::{ApiError, ApiResult};
use crate::storage::BillingAccount;
use crate::{blocking, clock, Hub};
use events::Event;
pub use stripe::{StripeClient, StripeError};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// A team's billing document as its account and plan make it.
pub fn document(config: &BillingConfig, team_id: &str, account: &BillingAccount) -> Billing {
    let plan = config
        .plan(&account.plan)
        .unwrap_or_else(|| config.free_plan());
    Billing {
        status: account.status,
        seats: plan.max_members,
        max_boards: plan.max_boards,
        current_period_end: account.period_end,
        grace_until: account
            .past_due_since
            .map(|since| since + i64::from(config.grace_days) * DAY_MS),
        ..Billing::new(team_id, &plan.id, &plan.name)
    }
}

/// A plan as the desktop shows it.
#[derive(Debug, Serialize)]
pub struct PlanView {
    pub id: String,
    pub name: String,
    pub price: Option<String>,
    pub limits: Limits,
    pub purchasable: bool,
}

#[derive(Debug, Serialize)]
pub struct Limits {
    pub members: Option<u64>,
    pub boards: Option<u64>,
}

impl From<&Plan> for PlanView {
    fn from(plan: &Plan) -> Self {
        Self {
            id: plan.id.clone(),
            name: plan.name.clone(),
            price: plan.price.clone(),
            limits: Limits {
                members: plan.max_members,
                boards: plan.max_boards,
            },
            purchasable: plan.price_id.is_some(),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceView {
    pub id: String,
    pub number: Option<String>,
    pub status: String,
    pub amount_due: i64,
    pub amount_paid: i64,
    pub currency: String,
    /// ms
    pub created: i64,
    pub hosted_invoice_url: Option<String>,
}

/// What the webhook did with an event.
#[derive(Debug, Serialize)]
pub struct WebhookOutcome {
    pub received: bool,
    /// The event was handled before; nothing changed this time.
    pub duplicate: bool,
}

pub struct BillingService {
    pub config: BillingConfig,
    stripe: StripeClient,
    /// Where Stripe sends people back to (the relay's /v1/billing/return page).
    return_url: String,
    /// Stripe delivers events concurrently; each account change is read, applied
    /// and saved under this lock, so no event's change overwrites another's.
    applying: tokio::sync::Mutex<()>,
}

impl BillingService {
    pub fn new(config: BillingConfig, public_url: &str) -> Self {
        Self {
            stripe: StripeClient::new(&config.stripe_api_base, &config.stripe_secret_key),
            config,
            return_url: format!("{}/v1/billing/return", public_url.trim_end_matches('/')),
            applying: tokio::sync::Mutex::new(()),
        }
    }

    pub fn plans(&self) -> Vec<PlanView> {
        self.config.plans.iter().map(PlanView::from).collect()
    }

    /// A Checkout session for `team_id` to subscribe to `plan_id`; its URL.
    pub async fn checkout(&self, hub: &Hub, team_id: &str, plan_id: &str) -> ApiResult<String> {
        let plan = self
            .config
            .plan(plan_id)
            .ok_or_else(|| ApiError::invalid(format!("there is no plan `{plan_id}`")))?;
        let price = plan.price_id.clone().ok_or_else(|| {
            ApiError::invalid(format!("the {} plan cannot be bought here", plan.name))
        })?;
        let customer = self.customer(hub, team_id).await?;
        let form = [
            ("mode", "subscription".to_string()),
            ("customer", customer),
            ("client_reference_id", team_id.to_string()),
            ("line_items[0][price]", price),
            ("line_items[0][quantity]", "1".into()),
            ("subscription_data[metadata][team_id]", team_id.to_string()),
            ("success_url", format!("{}?paid=1", self.return_url)),
            ("cancel_url", format!("{}?paid=0", self.return_url)),
        ];
        let session = self
            .stripe
            .post("/v1/checkout/sessions", &form, &new_key())
            .await
            .map_err(stripe_error)?;
        session_url(&session)
    }

    /// A Customer Portal session for the team's customer; its URL.
    pub async fn portal(&self, hub: &Hub, team_id: &str) -> ApiResult<String> {
        let account = account(hub, team_id).await?;
        let customer = account.and_then(|a| a.customer_id).ok_or_else(|| {
            ApiError::invalid("this team has no billing account yet: upgrade first")
        })?;
        let form = [
            ("customer", customer),
            ("return_url", self.return_url.clone()),
        ];
        let session = self
            .stripe
            .post("/v1/billing_portal/sessions", &form, &new_key())
            .await
            .map_err(stripe_error)?;
        session_url(&session)
    }

    /// The team's invoices, newest first ([] before its first purchase).
    pub async fn invoices(&self, hub: &Hub, team_id: &str) -> ApiResult<Vec<InvoiceView>> {
        let Some(customer) = account(hub, team_id).await?.and_then(|a| a.customer_id) else {
            return Ok(Vec::new());
        };
        let list = self
            .stripe
            .get(
                "/v1/invoices",
                &[("customer", customer), ("limit", "24".into())],
            )
            .await
            .map_err(stripe_error)?;
        let text = |v: &Value| v.as_str().map(str::to_string);
        let mut invoices: Vec<InvoiceView> = list["data"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(|i| {
                Some(InvoiceView {
                    id: text(&i["id"])?,
                    number: text(&i["number"]),
                    status: text(&i["status"]).unwrap_or_default(),
                    amount_due: i["amount_due"].as_i64().unwrap_or(0),
                    amount_paid: i["amount_paid"].as_i64().unwrap_or(0),
                    currency: text(&i["currency"]).unwrap_or_default(),
                    created: i["created"].as_i64().or(i["date"].as_i64()).unwrap_or(0) * 1000,
                    hosted_invoice_url: text(&i["hosted_invoice_url"]),
                })
            })
            .collect();
        invoices.sort_by_key(|i| std::cmp::Reverse(i.created));
        Ok(invoices)
    }

    /// Handles one webhook delivery: checks its signature, applies the event once,
    /// and rewrites the team's billing document.
    pub async fn webhook(
        &self,
        hub: &Hub,
        signature_header: Option<&str>,
        body: &[u8],
    ) -> ApiResult<WebhookOutcome> {
        signature::verify(
            signature_header,
            body,
            &self.config.webhook_secret,
            clock::now() / 1000,
        )
        .map_err(|e| ApiError::new(axum::http::StatusCode::BAD_REQUEST, e.code(), e.to_string()))?;
        let event = events::parse(body).map_err(ApiError::invalid)?;
        let _applying = self.applying.lock().await;
        let storage = hub.storage();
        let now = clock::now();
        let Some(team_id) = self.team_of(hub, &event).await? else {
            tracing::info!(event = %event.id, kind = %event.kind, "a Stripe event about no team of ours; recorded");
            let (id, kind) = (event.id.clone(), event.kind.clone());
            let fresh = blocking(move || storage.record_stripe_event(&id, &kind, now)).await??;
            return Ok(WebhookOutcome {
                received: true,
                duplicate: !fresh,
            });
        };
        let before = account(hub, &team_id)
            .await?
            .unwrap_or_else(|| events::new_account(&team_id));
        let after = events::apply(before, &event, &self.config, now);
        let (id, kind, saved) = (event.id.clone(), event.kind.clone(), after.clone());
        let fresh = blocking(move || {
            storage.save_billing_account(&saved, Some((id.as_str(), kind.as_str())), now)
        })
        .await??;
        if fresh {
            tracing::info!(team = %team_id, kind = %event.kind, plan = %after.plan, status = after.status.as_str(), "billing changed");
            hub.write_billing(&document(&self.config, &team_id, &after))
                .await?;
        }
        Ok(WebhookOutcome {
            received: true,
            duplicate: !fresh,
        })
    }

    /// The team an event is about: the account holding its customer, else the
    /// team id the event carries (client_reference_id, subscription metadata).
    async fn team_of(&self, hub: &Hub, event: &Event) -> ApiResult<Option<String>> {
        if let Some(customer) = event.customer() {
            let storage = hub.storage();
            let customer = customer.to_string();
            if let Some(account) =
                blocking(move || storage.billing_account_by_customer(&customer)).await??
            {
                return Ok(Some(account.team_id));
            }
        }
        let Some(team_id) = event.team_hint() else {
            return Ok(None);
        };
        let storage = hub.storage();
        let id = team_id.to_string();
        let known = blocking(move || storage.doc_meta(&id)).await??;
        Ok(known
            .filter(|meta| meta.kind == teamstead_model::DocKind::Team)
            .map(|_| team_id.to_string()))
    }

    /// The team's Stripe customer, created on first need (with the team id in its
    /// metadata, so Stripe's dashboard and later events lead back to the team).
    async fn customer(&self, hub: &Hub, team_id: &str) -> ApiResult<String> {
        let _applying = self.applying.lock().await;
        let existing = account(hub, team_id).await?;
        if let Some(customer) = existing.as_ref().and_then(|a| a.customer_id.clone()) {
            return Ok(customer);
        }
        let form = [("metadata[team_id]", team_id.to_string())];
        // One key per team: a retried or repeated first checkout makes one customer.
        let key = format!("teamstead-customer-{team_id}");
        let customer = self
            .stripe
            .post("/v1/customers", &form, &key)
            .await
            .map_err(stripe_error)?;
        let id = customer["id"]
            .as_str()
            .ok_or_else(|| ApiError::internal("Stripe answered a customer without an id"))?
            .to_string();
        let mut account = existing.unwrap_or_else(|| events::new_account(team_id));
        account.customer_id = Some(id.clone());
        let storage = hub.storage();
        blocking(move || storage.save_billing_account(&account, None, clock::now())).await??;
        Ok(id)
    }
}

async fn account(hub: &Hub, team_id: &str) -> ApiResult<Option<BillingAccount>> {
    let storage = hub.storage();
    let team_id = team_id.to_string();
    Ok(blocking(move || storage.billing_account(&team_id)).await??)
}

fn session_url(session: &Value) -> ApiResult<String> {
    session["url"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| ApiError::internal("Stripe answered a session without a URL"))
}

fn new_key() -> String {
    format!("teamstead-{}", uuid::Uuid::new_v4())
}

fn stripe_error(e: StripeError) -> ApiError {
    use axum::http::StatusCode;
    match e {
        StripeError::Unavailable(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "billing_unavailable",
            e.to_string(),
        ),
        StripeError::Refused(_) => {
            ApiError::new(StatusCode::BAD_GATEWAY, "stripe_error", e.to_string())
        }
    }
}
