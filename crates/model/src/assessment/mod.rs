//! The assessment document: its questions, who it is assigned to, and the owning
//! manager's reviews. Only that manager writes it (policy.rs); each assignee's
//! answers live in their own response document (response.rs).
//!
//! An assignment goes round in rounds: the assignee submits round 1; the manager
//! approves it, or requests changes, which opens round 2 for the assignee, and so
//! on. The relay lets a submitted response be written again only when the
//! assessment has opened a later round for it.

pub mod questions;
pub mod results;
pub mod templates;

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::doc::expect_kind;
use crate::response::{Response, ResponseStatus};
use crate::team::Team;
use crate::validate::validate_text;
use crate::{
    validate_date, validate_title, DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION,
};
pub use questions::{Question, QuestionKind, Scoring, Section};

const MAX_FEEDBACK: usize = 5_000;

/// What the manager last decided about an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentStatus {
    #[autosurgeon(rename = "assigned")]
    Assigned,
    #[autosurgeon(rename = "changes_requested")]
    ChangesRequested,
    #[autosurgeon(rename = "approved")]
    Approved,
}

impl AssignmentStatus {
    pub const ALL: [Self; 3] = [Self::Assigned, Self::ChangesRequested, Self::Approved];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assigned => "assigned",
            Self::ChangesRequested => "changes_requested",
            Self::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Assignment {
    pub user_id: UserId,
    /// `YYYY-MM-DD`; due by the end of that day.
    pub due: Option<String>,
    pub status: AssignmentStatus,
    /// The round the assignee now answers: 1, and one more each time changes are
    /// requested.
    pub round: u64,
    /// The department it went to, when it was assigned to a whole department.
    pub department: Option<String>,
    pub assigned_at: Millis,
    /// When the manager nudged the assignee, newest last.
    pub nudges: Vec<Millis>,
}

/// What a review decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    #[autosurgeon(rename = "approved")]
    Approved,
    #[autosurgeon(rename = "changes_requested")]
    ChangesRequested,
    /// A new score for an approved response, with its reason.
    #[autosurgeon(rename = "rescored")]
    Rescored,
}

/// One review of one round; an assignee's reviews are kept in order, so every
/// override keeps its reason.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub round: u64,
    pub decision: Decision,
    /// The score the rules gave the response as reviewed.
    pub auto_score: Option<f64>,
    /// The score that counts: the override if there is one, else `auto_score`.
    pub score: Option<f64>,
    pub override_reason: Option<String>,
    pub feedback: Option<String>,
    pub by: UserId,
    pub at: Millis,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Assessment {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub owner: UserId,
    pub title: String,
    pub description: String,
    /// Runs of a recurring assessment share a series, for trends.
    pub series: String,
    pub run: u64,
    pub template_id: Option<String>,
    pub sections: Vec<Section>,
    pub assignments: HashMap<UserId, Assignment>,
    pub reviews: HashMap<UserId, Vec<Review>>,
    pub created_at: Millis,
}

/// Everything a new assessment starts from.
pub struct NewAssessment<'a> {
    pub team_id: &'a str,
    pub owner: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub sections: Vec<Section>,
    pub template_id: Option<String>,
    /// The series and run number; `None` starts a new series.
    pub series: Option<(String, u64)>,
}

impl Assessment {
    /// The score that counts for an assignee: the last review's, else none.
    pub fn reviewed_score(&self, user: &str) -> Option<f64> {
        self.reviews
            .get(user)
            .and_then(|r| {
                r.iter()
                    .rev()
                    .find(|r| r.decision != Decision::ChangesRequested)
            })
            .and_then(|r| r.score)
    }

    fn assignment_mut(&mut self, user: &str) -> Result<&mut Assignment> {
        self.assignments
            .get_mut(user)
            .ok_or_else(|| ModelError::not_found("assignment", user))
    }

    fn require_owner(&self, by: &str, action: &'static str) -> Result<()> {
        if self.owner == by {
            Ok(())
        } else {
            Err(ModelError::Forbidden(action))
        }
    }
}

pub fn init(doc: &mut AutoCommit, new: NewAssessment<'_>, now: Millis) -> Result<Assessment> {
    questions::validate_sections(&new.sections)?;
    let (series, run) = new.series.unwrap_or_else(|| (crate::new_id(), 1));
    let assessment = Assessment {
        kind: DocKind::Assessment.as_str().into(),
        schema: SCHEMA_VERSION,
        team_id: new.team_id.into(),
        owner: new.owner.into(),
        title: validate_title("an assessment title", new.title)?,
        description: optional_text("a description", new.description)?.unwrap_or_default(),
        series,
        run,
        template_id: new.template_id,
        sections: new.sections,
        assignments: HashMap::new(),
        reviews: HashMap::new(),
        created_at: now,
    };
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

pub fn read(doc: &AutoCommit) -> Result<Assessment> {
    expect_kind(doc, DocKind::Assessment)?;
    Ok(hydrate(doc)?)
}

fn optional_text(what: &'static str, raw: &str) -> Result<Option<String>> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        validate_text(what, raw, MAX_FEEDBACK).map(Some)
    }
}

/// Changes the title, description and, until anyone is assigned, the questions.
pub fn edit(
    doc: &mut AutoCommit,
    by: &str,
    title: &str,
    description: &str,
    sections: Option<Vec<Section>>,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "edit an assessment you do not own")?;
    assessment.title = validate_title("an assessment title", title)?;
    assessment.description = optional_text("a description", description)?.unwrap_or_default();
    if let Some(sections) = sections {
        if sections != assessment.sections {
            if !assessment.assignments.is_empty() {
                return Err(ModelError::Invalid {
                    what: "the questions",
                    reason: "they are fixed once the assessment is assigned; run it again to change them",
                });
            }
            questions::validate_sections(&sections)?;
            assessment.sections = sections;
        }
    }
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

/// Assigns the assessment to people, or to everyone in a department who writes.
/// Those who already have it keep their assignment as it is.
pub fn assign(
    doc: &mut AutoCommit,
    by: &str,
    team: &Team,
    to: &Assignees,
    due: Option<&str>,
    now: Millis,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "assign an assessment you do not own")?;
    let due = due.map(validate_date).transpose()?;
    let (users, department): (Vec<UserId>, Option<String>) = match to {
        Assignees::People(users) => (users.clone(), None),
        Assignees::Department(dept) => {
            if !team.departments.contains_key(dept) {
                return Err(ModelError::not_found("department", dept.as_str()));
            }
            let users = team
                .members
                .values()
                .filter(|m| m.department.as_deref() == Some(dept) && m.role.writes_content())
                .map(|m| m.user_id.clone())
                .collect();
            (users, Some(dept.clone()))
        }
    };
    if users.is_empty() {
        return Err(ModelError::Empty {
            what: "the list of people to assign",
        });
    }
    for user in &users {
        match team.role_of(user) {
            None => return Err(ModelError::not_found("member", user.as_str())),
            Some(role) if !role.writes_content() => {
                return Err(ModelError::Invalid {
                    what: "this assignment",
                    reason: "viewers cannot answer assessments",
                })
            }
            Some(_) => {}
        }
    }
    for user in users {
        assessment
            .assignments
            .entry(user.clone())
            .or_insert_with(|| Assignment {
                user_id: user,
                due: due.clone(),
                status: AssignmentStatus::Assigned,
                round: 1,
                department: department.clone(),
                assigned_at: now,
                nudges: Vec::new(),
            });
    }
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

/// Who an assessment goes to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "to", content = "ids")]
pub enum Assignees {
    People(Vec<UserId>),
    Department(String),
}

/// Withdraws an assignment not yet approved.
pub fn unassign(doc: &mut AutoCommit, by: &str, user: &str) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "change an assessment you do not own")?;
    if assessment.assignment_mut(user)?.status == AssignmentStatus::Approved {
        return Err(ModelError::Invalid {
            what: "this assignment",
            reason: "it is approved; its result stays",
        });
    }
    assessment.assignments.remove(user);
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

pub fn set_due(
    doc: &mut AutoCommit,
    by: &str,
    user: &str,
    due: Option<&str>,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "change an assessment you do not own")?;
    let due = due.map(validate_date).transpose()?;
    assessment.assignment_mut(user)?.due = due;
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

/// Records a nudge; the assignee's client turns it into a reminder.
pub fn nudge(doc: &mut AutoCommit, by: &str, user: &str, now: Millis) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "nudge for an assessment you do not own")?;
    let assignment = assessment.assignment_mut(user)?;
    if assignment.status == AssignmentStatus::Approved {
        return Err(ModelError::Invalid {
            what: "this nudge",
            reason: "the assignment is already approved",
        });
    }
    assignment.nudges.push(now);
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

/// A manager's decision on a submitted response.
pub struct Verdict<'a> {
    pub decision: Decision,
    /// A score out of 100 in place of the automatic one, and why.
    pub score_override: Option<(f64, &'a str)>,
    pub feedback: &'a str,
}

/// Reviews the assignee's response as it stands: approve it, request changes (which
/// opens the next round for the assignee), or rescore an approved one.
pub fn review(
    doc: &mut AutoCommit,
    by: &str,
    response: &Response,
    verdict: Verdict<'_>,
    now: Millis,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "review an assessment you do not own")?;
    let user = response.assignee.clone();
    let auto_score = questions::score(&assessment.sections, &response.answers);
    let feedback = optional_text("feedback", verdict.feedback)?;
    let score_override = match verdict.score_override {
        Some((score, reason)) => {
            if !(score.is_finite() && (0.0..=100.0).contains(&score)) {
                return Err(ModelError::Invalid {
                    what: "a score",
                    reason: "scores run from 0 to 100",
                });
            }
            let reason = validate_text("the reason for a new score", reason, MAX_FEEDBACK)?;
            Some((score, reason))
        }
        None => None,
    };
    let assignment = assessment.assignment_mut(&user)?;
    let submitted =
        response.status == ResponseStatus::Submitted && response.round == assignment.round;
    match verdict.decision {
        Decision::Rescored
            if assignment.status != AssignmentStatus::Approved || score_override.is_none() =>
        {
            return Err(ModelError::Invalid {
                what: "this review",
                reason: "only an approved response is rescored, with a score and a reason",
            });
        }
        Decision::Rescored => {}
        _ if assignment.status == AssignmentStatus::Approved => {
            return Err(ModelError::Invalid {
                what: "this review",
                reason: "the response is already approved",
            })
        }
        _ if !submitted => {
            return Err(ModelError::Invalid {
                what: "this review",
                reason: "the response has not been submitted yet",
            })
        }
        Decision::ChangesRequested if feedback.is_none() => {
            return Err(ModelError::Empty {
                what: "feedback saying what to change",
            })
        }
        _ => {}
    }
    let round = assignment.round;
    match verdict.decision {
        Decision::Approved => assignment.status = AssignmentStatus::Approved,
        Decision::ChangesRequested => {
            assignment.status = AssignmentStatus::ChangesRequested;
            assignment.round += 1;
        }
        Decision::Rescored => {}
    }
    let (score, override_reason) = match score_override {
        Some((score, reason)) => (Some(score), Some(reason)),
        None => (auto_score, None),
    };
    assessment.reviews.entry(user).or_default().push(Review {
        round,
        decision: verdict.decision,
        auto_score,
        score,
        override_reason,
        feedback,
        by: by.into(),
        at: now,
    });
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

/// Where an assignment stands, from the manager's decisions and the response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    NotStarted,
    InProgress,
    Submitted,
    ChangesRequested,
    Approved,
}

/// What `Progress` needs of a response: its status, round and how many answers.
pub type ResponseState = (ResponseStatus, u64, usize);

impl Progress {
    pub fn of(assignment: &Assignment, response: Option<&Response>) -> Self {
        Self::from_parts(
            assignment.status,
            assignment.round,
            response.map(|r| (r.status, r.round, r.answers.len())),
        )
    }

    /// As `of`, from the index's columns.
    pub fn from_parts(
        status: AssignmentStatus,
        round: u64,
        response: Option<ResponseState>,
    ) -> Self {
        if status == AssignmentStatus::Approved {
            return Self::Approved;
        }
        match response {
            Some((ResponseStatus::Submitted, r, _)) if r >= round => Self::Submitted,
            _ if status == AssignmentStatus::ChangesRequested => Self::ChangesRequested,
            Some((_, _, answered)) if answered > 0 => Self::InProgress,
            _ => Self::NotStarted,
        }
    }

    /// Still waiting on the assignee.
    pub fn awaits_assignee(self) -> bool {
        matches!(
            self,
            Self::NotStarted | Self::InProgress | Self::ChangesRequested
        )
    }
}

#[cfg(test)]
pub(crate) mod tests;
