//! The assessment document: its questions and who it is assigned to, by when.
//! Only the manager who owns it writes it (policy.rs). Each assignee's answers live
//! in their own response document (response.rs), and where they stand with the
//! manager (rounds, decisions, scores) in their own review document (review.rs),
//! which no colleague can read.

pub mod questions;
pub mod results;
pub mod review;
pub mod templates;

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::doc::expect_kind;
use crate::response::{Response, ResponseStatus};
use crate::team::Team;
use crate::validate::optional_text;
use crate::{
    validate_date, validate_title, DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION,
};
pub use questions::{Question, QuestionKind, Scoring, Section};
pub use review::{AssignmentStatus, Decision, Review, ReviewDoc, Verdict};

const MAX_DESCRIPTION: usize = 5_000;

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Assignment {
    pub user_id: UserId,
    /// `YYYY-MM-DD`; due by the end of that day.
    pub due: Option<String>,
    /// The department it went to, when it was assigned to a whole department.
    pub department: Option<String>,
    pub assigned_at: Millis,
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
        description: optional_text("a description", new.description, MAX_DESCRIPTION)?
            .unwrap_or_default(),
        series,
        run,
        template_id: new.template_id,
        sections: new.sections,
        assignments: HashMap::new(),
        created_at: now,
    };
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

pub fn read(doc: &AutoCommit) -> Result<Assessment> {
    expect_kind(doc, DocKind::Assessment)?;
    Ok(hydrate(doc)?)
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
    assessment.description =
        optional_text("a description", description, MAX_DESCRIPTION)?.unwrap_or_default();
    if let Some(sections) = sections {
        if sections != assessment.sections {
            if !assessment.assignments.is_empty() {
                return Err(ModelError::QuestionsFixed(
                    "the assessment is assigned; run it again to change them",
                ));
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
                department: department.clone(),
                assigned_at: now,
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

/// Withdraws an assignment not yet approved (`standing` is its review document's).
pub fn unassign(
    doc: &mut AutoCommit,
    by: &str,
    user: &str,
    standing: Option<&ReviewDoc>,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    assessment.require_owner(by, "change an assessment you do not own")?;
    assessment.assignment_mut(user)?;
    if review::standing(standing).0 == AssignmentStatus::Approved {
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
    /// From the assignee's review document (none yet: round 1, assigned) and response.
    pub fn of(review: Option<&ReviewDoc>, response: Option<&Response>) -> Self {
        let (status, round) = review::standing(review);
        Self::from_parts(
            status,
            round,
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
