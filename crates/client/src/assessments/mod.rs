//! Assessments on this device: templates, creating and delegating them, the
//! assignee's inbox and answers (saved as drafts, offline), the manager's review,
//! results and exports, and reminders computed from the documents alone.

mod answer;
pub(crate) mod index;
mod manage;

pub(crate) use manage::assignment_states;
mod reminders;
mod results;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use teamstead_model::assessment::{Decision, Progress, Review, Section};
use teamstead_model::response::{Answer, ResponseStatus};

pub use reminders::{Reminder, ReminderKind};
pub use results::{ExportFormat, TrendPoint};

/// An assessment in a team's list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentSummary {
    pub id: String,
    pub team_id: String,
    pub title: String,
    pub owner: String,
    pub series: String,
    pub run: u64,
    pub created_at: i64,
    pub assigned: u32,
    pub submitted: u32,
    pub approved: u32,
    pub overdue: u32,
}

/// One assessment waiting on (or done by) this person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    pub assessment_id: String,
    pub team_id: String,
    pub title: String,
    pub owner: String,
    pub due: Option<String>,
    pub progress: Progress,
    pub overdue: bool,
    pub round: u64,
    pub answered: u32,
}

/// An assessment in full, as its owner or an assignee sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentDetail {
    pub id: String,
    pub team_id: String,
    pub title: String,
    pub description: String,
    pub owner: String,
    pub is_owner: bool,
    pub series: String,
    pub run: u64,
    pub template_id: Option<String>,
    pub sections: Vec<Section>,
    pub assignments: Vec<AssignmentView>,
    /// This person's own response, if the assessment is assigned to them.
    pub my_response: Option<ResponseView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    pub user_id: String,
    pub name: String,
    pub department: Option<String>,
    pub due: Option<String>,
    pub progress: Progress,
    pub overdue: bool,
    pub round: u64,
    pub nudges: u32,
    /// The rules' score of what was submitted.
    pub auto_score: Option<f64>,
    /// The score that counts once approved.
    pub score: Option<f64>,
    pub reviews: Vec<Review>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseView {
    pub status: ResponseStatus,
    pub round: u64,
    pub answers: HashMap<String, Answer>,
    pub submitted_at: Option<i64>,
    /// True while the assignee may still change it.
    pub editable: bool,
    /// The manager's feedback when changes were requested.
    pub feedback: Option<String>,
}

/// What a new assessment is made from: a template, or questions written for it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAssessmentInput {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub template_id: Option<String>,
    pub sections: Option<Vec<Section>>,
}

/// A manager's review, as the window or the CLI sends it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    pub decision: Decision,
    pub score_override: Option<f64>,
    #[serde(default)]
    pub override_reason: String,
    #[serde(default)]
    pub feedback: String,
}

/// Today's date on this machine, `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// Due dates mean "by the end of that day".
pub(crate) fn is_overdue(due: Option<&str>, progress: Progress, today: &str) -> bool {
    progress.awaits_assignee() && due.is_some_and(|due| due < today)
}
