//! The billing document: a team's plan, its limits and where its payment stands.
//! Only the relay writes it (from Stripe's webhooks); clients read it to show the
//! plan and to refuse, before the relay would, what the plan does not allow.

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use crate::doc::{derived, derived_doc_id, expect_kind};
use crate::{DocKind, DocumentId, Millis, ModelError, Result, SCHEMA_VERSION};

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

impl BillingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Trialing => "trialing",
            Self::PastDue => "past_due",
            Self::Canceled => "canceled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Active, Self::Trialing, Self::PastDue, Self::Canceled]
            .into_iter()
            .find(|status| status.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Billing {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    /// A plan id the relay's configuration defines, such as `free` or `team`.
    pub plan: String,
    /// The plan's name as people read it ("Free").
    pub plan_name: String,
    pub status: BillingStatus,
    /// How many members the plan allows; `None`: no limit.
    pub seats: Option<u64>,
    /// How many boards the plan allows; `None`: no limit.
    pub max_boards: Option<u64>,
    pub current_period_end: Option<Millis>,
    /// While past due: writes are refused after this moment, until paid.
    pub grace_until: Option<Millis>,
}

/// Every client names a team's billing document the same way, before it has it.
pub fn doc_id(team_id: &str) -> DocumentId {
    derived_doc_id(&derived("teamstead/billing/v1", &[team_id]))
}

impl Billing {
    /// A team on `plan` with its limits, paid up.
    pub fn new(team_id: &str, plan: &str, plan_name: &str) -> Self {
        Self {
            kind: DocKind::Billing.as_str().into(),
            schema: SCHEMA_VERSION,
            team_id: team_id.into(),
            plan: plan.into(),
            plan_name: plan_name.into(),
            status: BillingStatus::Active,
            seats: None,
            max_boards: None,
            current_period_end: None,
            grace_until: None,
        }
    }

    /// Past due beyond the grace period: the team reads everything and writes nothing.
    pub fn read_only(&self, now: Millis) -> bool {
        self.status == BillingStatus::PastDue && self.grace_until.is_some_and(|end| now >= end)
    }

    /// Refuses a team of `members` people if the plan allows fewer.
    pub fn check_members(&self, members: usize) -> Result<()> {
        check_limit(self.seats, members, "members", &self.plan_name)
    }

    /// Refuses a team of `boards` boards if the plan allows fewer.
    pub fn check_boards(&self, boards: usize) -> Result<()> {
        check_limit(self.max_boards, boards, "boards", &self.plan_name)
    }

    /// Refuses any write once the team is read-only.
    pub fn check_writable(&self, now: Millis) -> Result<()> {
        if self.read_only(now) {
            return Err(ModelError::ReadOnly(self.plan_name.clone()));
        }
        Ok(())
    }
}

fn check_limit(limit: Option<u64>, count: usize, what: &'static str, plan: &str) -> Result<()> {
    match limit {
        Some(max) if u64::try_from(count).unwrap_or(u64::MAX) > max => Err(ModelError::PlanLimit {
            plan: plan.into(),
            what,
            max,
        }),
        _ => Ok(()),
    }
}

pub fn init(doc: &mut AutoCommit, billing: &Billing) -> Result<()> {
    reconcile(doc, billing)?;
    Ok(())
}

/// Writes the whole document (the relay's only way to change it).
pub fn write(doc: &mut AutoCommit, billing: &Billing) -> Result<()> {
    expect_kind(doc, DocKind::Billing)?;
    reconcile(doc, billing)?;
    Ok(())
}

pub fn read(doc: &AutoCommit) -> Result<Billing> {
    expect_kind(doc, DocKind::Billing)?;
    Ok(hydrate(doc)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free() -> Billing {
        Billing {
            seats: Some(5),
            max_boards: Some(3),
            ..Billing::new("team", "free", "Free")
        }
    }

    #[test]
    fn a_billing_document_round_trips() {
        let mut doc = AutoCommit::new();
        init(&mut doc, &free()).expect("init");
        let billing = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
        assert_eq!(billing, free());
        assert_eq!(doc_id("team"), doc_id("team"));
        assert_ne!(doc_id("team"), doc_id("other"));
    }

    #[test]
    fn limits_name_the_plan_and_no_limit_means_none() {
        let billing = free();
        assert!(billing.check_members(5).is_ok());
        let err = billing.check_members(6).expect_err("sixth member");
        assert_eq!(err.code(), "plan_limit");
        assert!(
            err.to_string().contains("Free plan allows 5 members"),
            "{err}"
        );
        assert_eq!(
            billing.check_boards(4).expect_err("fourth").code(),
            "plan_limit"
        );
        let unlimited = Billing::new("team", "business", "Business");
        assert!(unlimited.check_members(10_000).is_ok());
    }

    #[test]
    fn past_due_turns_read_only_only_after_the_grace_period() {
        let mut billing = free();
        billing.status = BillingStatus::PastDue;
        billing.grace_until = Some(1_000);
        assert!(billing.check_writable(999).is_ok());
        assert_eq!(
            billing.check_writable(1_000).expect_err("late").code(),
            "read_only"
        );
        billing.status = BillingStatus::Active;
        assert!(billing.check_writable(5_000).is_ok());
    }
}
