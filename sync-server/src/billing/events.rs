//! Stripe's events as the relay reads them, and what each does to a team's
//! billing account. Pure: the webhook handler finds the account, calls `apply`,
//! and saves the result with the event id in one transaction.

use serde_json::Value;
use teamstead_model::billing::BillingStatus;

use crate::config::{BillingConfig, FREE_PLAN};
use crate::storage::{BillingAccount, Millis};

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub kind: String,
    /// When Stripe created it, in seconds: orders subscription updates that
    /// arrive out of order.
    pub created: i64,
    pub effect: Effect,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// checkout.session.completed: the team (client_reference_id) now has this
    /// customer and subscription.
    CheckoutCompleted {
        team_id: Option<String>,
        customer: Option<String>,
        subscription: Option<String>,
    },
    /// customer.subscription.created / updated / deleted.
    Subscription {
        customer: String,
        subscription: String,
        /// Stripe's status; `deleted` events read as `canceled`.
        status: String,
        price_id: Option<String>,
        /// Seconds.
        period_end: Option<i64>,
        /// The team id we put in the subscription's metadata at checkout.
        team_id: Option<String>,
    },
    PaymentSucceeded {
        customer: String,
    },
    PaymentFailed {
        customer: String,
    },
    /// Any other type: recorded as seen, changes nothing.
    Ignored,
}

impl Event {
    /// The customer the event is about, to find its team.
    pub fn customer(&self) -> Option<&str> {
        match &self.effect {
            Effect::CheckoutCompleted { customer, .. } => customer.as_deref(),
            Effect::Subscription { customer, .. }
            | Effect::PaymentSucceeded { customer }
            | Effect::PaymentFailed { customer } => Some(customer),
            Effect::Ignored => None,
        }
    }

    /// The team the event names itself, if it does.
    pub fn team_hint(&self) -> Option<&str> {
        match &self.effect {
            Effect::CheckoutCompleted { team_id, .. } | Effect::Subscription { team_id, .. } => {
                team_id.as_deref()
            }
            _ => None,
        }
    }
}

/// Reads an event body; `Err` says what is missing.
pub fn parse(body: &[u8]) -> Result<Event, String> {
    let event: Value = serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
    let text = |v: &Value| v.as_str().map(str::to_string);
    let id = text(&event["id"]).ok_or("the event has no id")?;
    let kind = text(&event["type"]).ok_or("the event has no type")?;
    let created = event["created"].as_i64().unwrap_or(0);
    let object = &event["data"]["object"];
    let required = |field: &str| text(&object[field]).ok_or(format!("{kind} has no {field}"));
    let effect = match kind.as_str() {
        "checkout.session.completed" => Effect::CheckoutCompleted {
            team_id: text(&object["client_reference_id"]),
            customer: text(&object["customer"]),
            subscription: text(&object["subscription"]),
        },
        "customer.subscription.created"
        | "customer.subscription.updated"
        | "customer.subscription.deleted" => {
            let item = &object["items"]["data"][0];
            Effect::Subscription {
                customer: required("customer")?,
                subscription: required("id")?,
                status: if kind.ends_with("deleted") {
                    "canceled".into()
                } else {
                    required("status")?
                },
                // Prices replaced plans; a subscription item carries both.
                price_id: text(&item["price"]["id"]).or_else(|| text(&item["plan"]["id"])),
                // Newer API versions keep the period on the item.
                period_end: object["current_period_end"]
                    .as_i64()
                    .or_else(|| item["current_period_end"].as_i64()),
                team_id: text(&object["metadata"]["team_id"]),
            }
        }
        "invoice.payment_succeeded" | "invoice.paid" => Effect::PaymentSucceeded {
            customer: required("customer")?,
        },
        "invoice.payment_failed" => Effect::PaymentFailed {
            customer: required("customer")?,
        },
        _ => Effect::Ignored,
    };
    Ok(Event {
        id,
        kind,
        created,
        effect,
    })
}

/// The account after `event`; unchanged when the event does not concern it or
/// is older than what the account already reflects.
pub fn apply(
    mut account: BillingAccount,
    event: &Event,
    config: &BillingConfig,
    now: Millis,
) -> BillingAccount {
    match &event.effect {
        Effect::CheckoutCompleted {
            customer,
            subscription,
            ..
        } => {
            if customer.is_some() {
                account.customer_id = customer.clone();
            }
            if subscription.is_some() {
                account.subscription_id = subscription.clone();
            }
        }
        Effect::Subscription {
            customer,
            subscription,
            status,
            price_id,
            period_end,
            ..
        } => {
            if event.created < account.event_at {
                return account;
            }
            account.event_at = event.created;
            account.customer_id = Some(customer.clone());
            let plan = price_id
                .as_deref()
                .and_then(|price| config.plan_for_price(price))
                .map(|plan| plan.id.clone());
            match status.as_str() {
                "active" | "trialing" | "past_due" | "unpaid" => {
                    account.subscription_id = Some(subscription.clone());
                    if let Some(plan) = plan {
                        account.plan = plan;
                    } else {
                        tracing::warn!(price = ?price_id, "a subscription's price is not a configured plan; the plan stays");
                    }
                    account.period_end = period_end.map(|s| s * 1000);
                    if status == "active" || status == "trialing" {
                        account.status = if status == "active" {
                            BillingStatus::Active
                        } else {
                            BillingStatus::Trialing
                        };
                        account.past_due_since = None;
                    } else {
                        account.status = BillingStatus::PastDue;
                        account.past_due_since = account.past_due_since.or(Some(now));
                    }
                }
                // Only the subscription the team has; an old one ending changes nothing.
                "canceled" | "incomplete_expired"
                    if account.subscription_id.as_deref() == Some(subscription.as_str())
                        || account.subscription_id.is_none() =>
                {
                    account.plan = FREE_PLAN.into();
                    account.status = BillingStatus::Canceled;
                    account.period_end = None;
                    account.past_due_since = None;
                }
                // incomplete, paused: the first payment is still on its way;
                // another subscription's end.
                _ => {}
            }
        }
        Effect::PaymentSucceeded { .. } => {
            if account.status == BillingStatus::PastDue {
                account.status = BillingStatus::Active;
                account.past_due_since = None;
            }
        }
        Effect::PaymentFailed { .. } => {
            if account.plan != FREE_PLAN {
                account.status = BillingStatus::PastDue;
                account.past_due_since = account.past_due_since.or(Some(now));
            }
        }
        Effect::Ignored => {}
    }
    account
}

/// A team's account before Stripe has said anything about it.
pub fn new_account(team_id: &str) -> BillingAccount {
    BillingAccount {
        team_id: team_id.into(),
        customer_id: None,
        subscription_id: None,
        plan: FREE_PLAN.into(),
        status: BillingStatus::Active,
        period_end: None,
        past_due_since: None,
        event_at: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> BillingConfig {
        let mut plans = BillingConfig::default_plans();
        plans[1].price_id = Some("price_team".into());
        BillingConfig {
            stripe_secret_key: "sk".into(),
            webhook_secret: "whsec".into(),
            stripe_api_base: "http://127.0.0.1:1".into(),
            grace_days: 7,
            plans,
        }
    }

    fn subscription(id: &str, created: i64, status: &str, kind: &str) -> Event {
        let body = serde_json::json!({
            "id": id, "type": kind, "created": created,
            "data": {"object": {
                "id": "sub_1", "customer": "cus_1", "status": status,
                "current_period_end": 2_000_000_000,
                "items": {"data": [{"price": {"id": "price_team"}}]},
                "metadata": {"team_id": "T"}
            }}
        });
        parse(body.to_string().as_bytes()).expect("parse")
    }

    #[test]
    fn a_subscription_moves_the_team_to_its_plan_and_back_when_it_ends() {
        let config = config();
        let team = apply(
            new_account("T"),
            &subscription("e1", 10, "active", "customer.subscription.created"),
            &config,
            0,
        );
        assert_eq!(
            (team.plan.as_str(), team.status),
            ("team", BillingStatus::Active)
        );
        assert_eq!(team.period_end, Some(2_000_000_000_000));
        let failed = parse(br#"{"id":"e2","type":"invoice.payment_failed","created":11,"data":{"object":{"customer":"cus_1"}}}"#).expect("parse");
        let late = apply(team.clone(), &failed, &config, 5_000);
        assert_eq!(
            (late.status, late.past_due_since),
            (BillingStatus::PastDue, Some(5_000))
        );
        let paid = parse(br#"{"id":"e3","type":"invoice.payment_succeeded","created":12,"data":{"object":{"customer":"cus_1"}}}"#).expect("parse");
        assert_eq!(
            apply(late, &paid, &config, 6_000).status,
            BillingStatus::Active
        );
        let ended = apply(
            team,
            &subscription("e4", 13, "", "customer.subscription.deleted"),
            &config,
            0,
        );
        assert_eq!(
            (ended.plan.as_str(), ended.status),
            (FREE_PLAN, BillingStatus::Canceled)
        );
    }

    #[test]
    fn an_older_subscription_event_arriving_late_changes_nothing() {
        let config = config();
        let now = apply(
            new_account("T"),
            &subscription("e2", 20, "active", "customer.subscription.updated"),
            &config,
            0,
        );
        let stale = apply(
            now.clone(),
            &subscription("e1", 10, "canceled", "customer.subscription.deleted"),
            &config,
            0,
        );
        assert_eq!(stale, now);
    }

    #[test]
    fn events_without_what_they_need_are_refused_and_others_ignored() {
        assert!(parse(b"not json").is_err());
        assert!(parse(br#"{"type":"invoice.paid"}"#).is_err(), "no id");
        assert!(
            parse(br#"{"id":"e","type":"invoice.payment_failed","data":{"object":{}}}"#).is_err()
        );
        let other =
            parse(br#"{"id":"e","type":"charge.refunded","data":{"object":{}}}"#).expect("parse");
        assert_eq!(other.effect, Effect::Ignored);
    }
}
