//! The review document: where one assignee stands with one assessment (the round
//! they answer, the manager's decisions, nudges, and every review with its score).
//! Only the assessment's owner writes it; only the assignee and the team's managers
//! read it, so no one sees a colleague's score or feedback.
//!
//! It goes round in rounds: the assignee submits round 1; the manager approves it,
//! or requests changes, which opens round 2, and so on. The relay lets a submitted
//! response be written again only when this document has opened a later round.
//! Until the manager first writes it, it does not exist: round 1, assigned.

use automerge::{AutoCommit, ChangeHash};
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::questions;
use super::Assessment;
use crate::doc::{commit_genesis, derived, derived_doc_id, expect_kind};
use crate::response::{Response, ResponseStatus};
use crate::validate::{optional_text, validate_text};
use crate::{DocKind, DocumentId, Millis, ModelError, Result, UserId, SCHEMA_VERSION};

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

/// One review of one round; they are kept in order, so every override keeps its
/// reason.
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
pub struct ReviewDoc {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub assessment_id: String,
    pub assignee: UserId,
    /// The assessment's owner: the one writer.
    pub owner: UserId,
    pub status: AssignmentStatus,
    /// The round the assignee now answers.
    pub round: u64,
    /// When the manager nudged the assignee, newest last.
    pub nudges: Vec<Millis>,
    pub reviews: Vec<Review>,
}

impl ReviewDoc {
    /// The score that counts: the last approval's or rescore's.
    pub fn score(&self) -> Option<f64> {
        self.reviews
            .iter()
            .rev()
            .find(|r| r.decision != Decision::ChangesRequested)
            .and_then(|r| r.score)
    }

    /// The manager's feedback, when the last decision asked for changes.
    pub fn open_feedback(&self) -> Option<&str> {
        self.reviews
            .last()
            .filter(|r| r.decision == Decision::ChangesRequested)
            .and_then(|r| r.feedback.as_deref())
    }
}

/// Where an assignment stands: its review document's status and round, or round 1,
/// assigned, before there is one.
pub fn standing(review: Option<&ReviewDoc>) -> (AssignmentStatus, u64) {
    review.map_or((AssignmentStatus::Assigned, 1), |r| (r.status, r.round))
}

/// What names a review document.
#[derive(Debug, Clone, Copy)]
pub struct ReviewKey<'a> {
    pub team_id: &'a str,
    pub assessment_id: &'a str,
    pub assignee: &'a str,
    pub owner: &'a str,
}

/// The id of `assignee`'s review document for an assessment.
pub fn doc_id(assessment_id: &str, assignee: &str) -> DocumentId {
    derived_doc_id(&derived(
        "teamstead/review-doc/v1",
        &[assessment_id, assignee],
    ))
}

/// A review document as it begins, the same wherever it is started.
pub fn genesis(key: ReviewKey<'_>) -> Result<AutoCommit> {
    Ok(genesis_with_hash(key)?.0)
}

pub fn genesis_hash(key: ReviewKey<'_>) -> Result<ChangeHash> {
    Ok(genesis_with_hash(key)?.1)
}

fn genesis_with_hash(key: ReviewKey<'_>) -> Result<(AutoCommit, ChangeHash)> {
    let parts = [key.team_id, key.assessment_id, key.assignee, key.owner];
    let digest = derived("teamstead/review-genesis/v1", &parts);
    let mut doc = AutoCommit::new().with_actor(automerge::ActorId::from(&digest[..16]));
    let review = ReviewDoc {
        kind: DocKind::Review.as_str().into(),
        schema: SCHEMA_VERSION,
        team_id: key.team_id.into(),
        assessment_id: key.assessment_id.into(),
        assignee: key.assignee.into(),
        owner: key.owner.into(),
        status: AssignmentStatus::Assigned,
        round: 1,
        nudges: Vec::new(),
        reviews: Vec::new(),
    };
    reconcile(&mut doc, &review)?;
    let hash = commit_genesis(&mut doc)?;
    Ok((doc, hash))
}

pub fn read(doc: &AutoCommit) -> Result<ReviewDoc> {
    expect_kind(doc, DocKind::Review)?;
    Ok(hydrate(doc)?)
}

fn writable(doc: &AutoCommit, by: &str) -> Result<ReviewDoc> {
    let review = read(doc)?;
    if review.owner != by {
        return Err(ModelError::Forbidden("review an assessment you do not own"));
    }
    Ok(review)
}

/// Records a nudge; the assignee's client turns it into a reminder.
pub fn nudge(doc: &mut AutoCommit, by: &str, now: Millis) -> Result<ReviewDoc> {
    let mut review = writable(doc, by)?;
    if review.status == AssignmentStatus::Approved {
        return Err(ModelError::Invalid {
            what: "this nudge",
            reason: "the assignment is already approved",
        });
    }
    review.nudges.push(now);
    reconcile(doc, &review)?;
    Ok(review)
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
pub fn decide(
    doc: &mut AutoCommit,
    by: &str,
    assessment: &Assessment,
    response: &Response,
    verdict: Verdict<'_>,
    now: Millis,
) -> Result<ReviewDoc> {
    let mut review = writable(doc, by)?;
    if response.assignee != review.assignee {
        return Err(ModelError::Invalid {
            what: "this review",
            reason: "the response is someone else's",
        });
    }
    let auto_score = questions::score(&assessment.sections, &response.answers);
    let feedback = optional_text("feedback", verdict.feedback, MAX_FEEDBACK)?;
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
    let submitted = response.status == ResponseStatus::Submitted && response.round == review.round;
    match verdict.decision {
        Decision::Rescored
            if review.status != AssignmentStatus::Approved || score_override.is_none() =>
        {
            return Err(ModelError::Invalid {
                what: "this review",
                reason: "only an approved response is rescored, with a score and a reason",
            });
        }
        Decision::Rescored => {}
        _ if review.status == AssignmentStatus::Approved => {
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
    let round = review.round;
    match verdict.decision {
        Decision::Approved => review.status = AssignmentStatus::Approved,
        Decision::ChangesRequested => {
            review.status = AssignmentStatus::ChangesRequested;
            review.round += 1;
        }
        Decision::Rescored => {}
    }
    let (score, override_reason) = match score_override {
        Some((score, reason)) => (Some(score), Some(reason)),
        None => (auto_score, None),
    };
    review.reviews.push(Review {
        round,
        decision: verdict.decision,
        auto_score,
        score,
        override_reason,
        feedback,
        by: by.into(),
        at: now,
    });
    reconcile(doc, &review)?;
    Ok(review)
}
