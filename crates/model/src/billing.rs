//! The billing document: a team's plan, status and seats. Only the relay writes it;
//! clients read it to show plan limits.

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use crate::doc::expect_kind;
use crate::{DocKind, Millis, Result, SCHEMA_VERSION};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum BillingStatus {
    #[autosurgeon(rename = "active")]
    Active,
    #[autosurgeon(rename = "trialing")]
    Trialing,
    #[autosurgeon(rename = "past_due")]
    PastDue,
    #[autosurgeon(rename = "canceled")]
    Canceled,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Billing {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    /// A plan name the relay's configuration defines, such as `free` or `team`.
    pub plan: String,
    pub status: BillingStatus,
    pub seats: u64,
    pub current_period_end: Option<Millis>,
}

/// A team's billing starts on the free plan.
pub fn init(doc: &mut AutoCommit, team_id: &str) -> Result<Billing> {
    let billing = Billing {
        kind: DocKind::Billing.as_str().into(),
        schema: SCHEMA_VERSION,
        team_id: team_id.into(),
        plan: "free".into(),
        status: BillingStatus::Active,
        seats: 5,
        current_period_end: None,
    };
    reconcile(doc, &billing)?;
    Ok(billing)
}

pub fn read(doc: &AutoCommit) -> Result<Billing> {
    expect_kind(doc, DocKind::Billing)?;
    Ok(hydrate(doc)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_team_is_on_the_free_plan() {
        let mut doc = AutoCommit::new();
        init(&mut doc, "team").expect("init");
        let billing = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
        assert_eq!(billing.plan, "free");
        assert_eq!(billing.status, BillingStatus::Active);
    }
}
