//! A team's plan on this device: the billing document the relay writes (plan,
//! limits, payment standing), what the team uses of it, and the owner's calls to
//! the relay for Checkout, the Customer Portal and invoices. Limits are checked
//! here too, so people learn of one before the relay would refuse.

use serde::Serialize;
use teamstead_model::billing::{self, Billing, BillingStatus};
use teamstead_model::team::{self, Role};

use crate::client::doc_id;
use crate::sync::api::RelayApi;
use crate::sync::TokenStore;
use crate::{clock, Client, Result};

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingView {
    pub team_id: String,
    /// The relay bills this team (its billing document is here); `false`: no limits.
    pub enabled: bool,
    pub plan: String,
    pub plan_name: String,
    pub status: &'static str,
    pub limits: PlanLimits,
    pub usage: Usage,
    pub current_period_end: Option<i64>,
    pub grace_until: Option<i64>,
    pub read_only: bool,
    /// Owners manage billing.
    pub can_manage: bool,
    /// What the relay sells; empty offline or when it does not bill.
    pub plans: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanLimits {
    pub members: Option<u64>,
    pub boards: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    pub members: usize,
    pub boards: usize,
}

impl Client {
    /// The team's billing document, if the relay bills it and it has arrived.
    pub fn team_plan(&self, team_id: &str) -> Result<Option<Billing>> {
        self.read_doc_if_here(&billing::doc_id(team_id), billing::read)
    }

    /// The plan, its limits and what the team uses, with the relay's plans when
    /// it can be reached (offline, the rest still shows).
    pub async fn billing_view(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
    ) -> Result<BillingView> {
        let me = self.identity().user_id;
        let team = self.read_doc(&doc_id("team", team_id)?, team::read)?;
        let plan = self.team_plan(team_id)?;
        let plans = match (&plan, self.signed_in(tokens)) {
            (Some(_), Ok((account, token))) => RelayApi::new(&account.relay_url, Some(token))
                .billing_plans()
                .await
                .ok()
                .and_then(|answer| answer["plans"].as_array().cloned())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let usage = Usage {
            members: team.members.len(),
            boards: team.boards.len(),
        };
        let can_manage = team.role_of(&me) == Some(Role::Owner);
        Ok(match plan {
            Some(plan) => BillingView {
                team_id: team_id.into(),
                enabled: true,
                read_only: plan.read_only(clock::now()),
                status: plan.status.as_str(),
                limits: PlanLimits {
                    members: plan.seats,
                    boards: plan.max_boards,
                },
                plan: plan.plan,
                plan_name: plan.plan_name,
                usage,
                current_period_end: plan.current_period_end,
                grace_until: plan.grace_until,
                can_manage,
                plans,
            },
            None => BillingView {
                team_id: team_id.into(),
                enabled: false,
                plan: String::new(),
                plan_name: "No plan".into(),
                status: BillingStatus::Active.as_str(),
                limits: PlanLimits {
                    members: None,
                    boards: None,
                },
                usage,
                current_period_end: None,
                grace_until: None,
                read_only: false,
                can_manage,
                plans,
            },
        })
    }

    /// A Stripe Checkout URL for the team to buy `plan` (owners).
    pub async fn billing_checkout(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
        plan: &str,
    ) -> Result<String> {
        let (account, token) = self.signed_in(tokens)?;
        RelayApi::new(&account.relay_url, Some(token))
            .billing_session(team_id, "checkout", serde_json::json!({ "plan": plan }))
            .await
    }

    /// A Stripe Customer Portal URL for the team (owners).
    pub async fn billing_portal(&self, tokens: &dyn TokenStore, team_id: &str) -> Result<String> {
        let (account, token) = self.signed_in(tokens)?;
        RelayApi::new(&account.relay_url, Some(token))
            .billing_session(team_id, "portal", serde_json::json!({}))
            .await
    }

    /// The team's invoices as the relay lists them, newest first (owners).
    pub async fn billing_invoices(
        &self,
        tokens: &dyn TokenStore,
        team_id: &str,
    ) -> Result<serde_json::Value> {
        let (account, token) = self.signed_in(tokens)?;
        RelayApi::new(&account.relay_url, Some(token))
            .billing_invoices(team_id)
            .await
    }

    /// Refuses, before the relay would, what the team's plan does not allow:
    /// anything once it is read-only, then what `check` says (a board or a member
    /// past the limit). No billing document: no limits.
    pub(crate) fn check_plan(
        &self,
        team_id: &str,
        check: impl FnOnce(&Billing) -> teamstead_model::Result<()>,
    ) -> Result<()> {
        if let Some(plan) = self.team_plan(team_id)? {
            plan.check_writable(clock::now())?;
            check(&plan)?;
        }
        Ok(())
    }
}
