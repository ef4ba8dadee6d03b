//! The hub's side of billing: each team's billing document (written only here)
//! and the plan's limits on every write: a member past the seats, a board past
//! the boards, anything at all once a past-due team's grace period has ended.

use teamstead_model::billing::{self, Billing};
use teamstead_model::policy::DocMeta;
use teamstead_model::DocKind;

use super::{lock, Hub, Refusal};
use crate::billing::{document, events};
use crate::config::BillingConfig;
use crate::error::{ApiError, ApiResult};
use crate::{blocking, clock};

impl Hub {
    /// Turns plan limits on; called once, before the relay serves.
    pub fn enable_billing(&mut self, config: BillingConfig) {
        self.billing = Some(config);
    }

    /// The team's billing document, created on the free plan if it has none yet;
    /// `None` when this relay does not bill.
    pub async fn team_billing(&self, team_id: &str) -> ApiResult<Option<Billing>> {
        let Some(config) = &self.billing else {
            return Ok(None);
        };
        if let Some(known) = lock(&self.billing_docs).get(team_id).cloned() {
            return Ok(Some(known));
        }
        let id = billing::doc_id(team_id);
        if let Some(entry) = self.entry(&id).await? {
            let current = billing::read(&entry.lock().await.doc)?;
            lock(&self.billing_docs).insert(team_id.to_string(), current.clone());
            return Ok(Some(current));
        }
        let storage = self.storage.clone();
        let team = team_id.to_string();
        let account = blocking(move || storage.billing_account(&team))
            .await??
            .unwrap_or_else(|| events::new_account(team_id));
        let start = document(config, team_id, &account);
        self.write_billing(&start).await?;
        Ok(Some(start))
    }

    /// Writes a team's billing document (creating it if new) and forwards it.
    pub async fn write_billing(&self, next: &Billing) -> ApiResult<()> {
        let id = billing::doc_id(&next.team_id);
        self.write_relay_doc(
            id,
            &next.team_id,
            |doc| billing::init(doc, next),
            |doc| {
                if billing::read(doc)? == *next {
                    return Ok(false);
                }
                billing::write(doc, next)?;
                Ok(true)
            },
        )
        .await
        .map_err(|Refusal(why)| ApiError::internal(why))?;
        lock(&self.billing_docs).insert(next.team_id.clone(), next.clone());
        Ok(())
    }

    /// Refuses one more member if the team's plan has no seat left for them.
    pub async fn check_room_for_member(&self, team_id: &str) -> ApiResult<()> {
        if let Some(plan) = self.team_billing(team_id).await? {
            let members = self.with_team(team_id, |team| team.roles.len())?;
            plan.check_members(members + 1)?;
        }
        Ok(())
    }

    /// The plan's word on a write to a document of a team: read-only teams take
    /// none; a team document may not grow past the seats; a new board not past
    /// the boards (`new_board`).
    pub(super) async fn check_plan(
        &self,
        meta: &DocMeta,
        members: Option<(usize, usize)>,
        new_board: bool,
    ) -> Result<(), Refusal> {
        if self.billing.is_none() || meta.team_id.is_empty() || meta.kind == DocKind::User {
            return Ok(());
        }
        let plan = self
            .team_billing(&meta.team_id)
            .await
            .map_err(|e| Refusal(e.message))?;
        let Some(plan) = plan else {
            return Ok(());
        };
        let refuse = |e: teamstead_model::ModelError| Refusal(e.to_string());
        plan.check_writable(clock::now()).map_err(refuse)?;
        if let Some((before, after)) = members {
            if after > before {
                plan.check_members(after).map_err(refuse)?;
            }
        }
        if new_board {
            let storage = self.storage.clone();
            let team = meta.team_id.clone();
            let boards = blocking(move || storage.count_team_docs(&team, DocKind::Board))
                .await
                .map_err(|e| Refusal(e.to_string()))?
                .map_err(|e| Refusal(e.to_string()))?;
            let boards = usize::try_from(boards).unwrap_or(usize::MAX);
            plan.check_boards(boards.saturating_add(1))
                .map_err(refuse)?;
        }
        Ok(())
    }
}
