use std::fmt;

/// Every rule the data can break. `code()` is what crosses the IPC boundary and what
/// the UI matches on; the message is for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("{what} must not be empty")]
    Empty { what: &'static str },
    #[error("{what} is too long (at most {max} characters)")]
    TooLong { what: &'static str, max: usize },
    #[error("`{0}` is not a valid date (expected YYYY-MM-DD)")]
    InvalidDate(String),
    #[error("{what} `{id}` does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("a task cannot depend on itself")]
    SelfDependency,
    #[error("this dependency would create a cycle: {}", Path(.0))]
    DependencyCycle(Vec<String>),
    #[error("the task is blocked by {} unfinished task(s); confirm to move it to Done anyway", .0.len())]
    TaskBlocked(Vec<String>),
    #[error("cannot move a task to {to}: {reason}")]
    InvalidTransition { to: String, reason: &'static str },
    #[error("{what}: {reason}")]
    Invalid {
        what: &'static str,
        reason: &'static str,
    },
    #[error("you may not {0}")]
    Forbidden(&'static str),
    #[error("answer every required question first: “{0}” has no answer")]
    Unanswered(String),
    #[error("you already answered this period of the survey; the next period brings a new one")]
    AlreadyAnswered,
    #[error("the questions are fixed once {0}")]
    QuestionsFixed(&'static str),
    #[error("the {plan} plan allows {max} {what}; upgrade the team's plan for more")]
    PlanLimit {
        plan: String,
        what: &'static str,
        max: u64,
    },
    #[error("this team is read-only: its payment is past due (the {0} plan); an owner can fix it under Billing, and nothing is lost")]
    ReadOnly(String),
    #[error("a team must keep at least one owner")]
    LastOwner,
    #[error("the document is not a {expected} document")]
    WrongKind { expected: &'static str },
    #[error("the document could not be read: {0}")]
    Corrupt(String),
}

struct Path<'a>(&'a [String]);

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join(" → "))
    }
}

impl ModelError {
    /// A stable, machine-readable code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty { .. } => "empty",
            Self::TooLong { .. } => "too_long",
            Self::InvalidDate(_) => "invalid_date",
            Self::NotFound { .. } => "not_found",
            Self::SelfDependency => "self_dependency",
            Self::DependencyCycle(_) => "dependency_cycle",
            Self::TaskBlocked(_) => "task_blocked",
            Self::InvalidTransition { .. } => "invalid_transition",
            Self::Invalid { .. } => "invalid_input",
            Self::Forbidden(_) => "forbidden",
            Self::Unanswered(_) => "unanswered",
            Self::AlreadyAnswered => "already_answered",
            Self::QuestionsFixed(_) => "questions_fixed",
            Self::PlanLimit { .. } => "plan_limit",
            Self::ReadOnly(_) => "read_only",
            Self::LastOwner => "last_owner",
            Self::WrongKind { .. } => "wrong_kind",
            Self::Corrupt(_) => "corrupt_document",
        }
    }

    pub(crate) fn not_found(what: &'static str, id: impl Into<String>) -> Self {
        Self::NotFound {
            what,
            id: id.into(),
        }
    }
}

impl From<autosurgeon::HydrateError> for ModelError {
    fn from(e: autosurgeon::HydrateError) -> Self {
        Self::Corrupt(e.to_string())
    }
}

impl From<autosurgeon::ReconcileError> for ModelError {
    fn from(e: autosurgeon::ReconcileError) -> Self {
        Self::Corrupt(e.to_string())
    }
}

impl From<automerge::AutomergeError> for ModelError {
    fn from(e: automerge::AutomergeError) -> Self {
        Self::Corrupt(e.to_string())
    }
}
