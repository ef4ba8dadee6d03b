//! The response document: one assignee's answers to one assessment. Only that
//! assignee writes it, only while it is a draft; once submitted it is read-only
//! until the manager requests changes, which opens a later round (assessment/mod.rs).
//!
//! Its id and first change follow from (assessment, assignee), so the assignee's
//! devices and the manager all name the same document without asking anyone.

use std::collections::HashMap;

use automerge::{AutoCommit, ChangeHash};
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::assessment::questions::{all_questions, validate_answer};
use crate::assessment::review::{self, AssignmentStatus, ReviewDoc};
use crate::assessment::Assessment;
use crate::doc::{commit_genesis, derived, derived_doc_id, expect_kind};
use crate::{DocKind, DocumentId, Millis, ModelError, Result, UserId, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Answer {
    #[autosurgeon(rename = "choice")]
    Choice(String),
    #[autosurgeon(rename = "choices")]
    Choices(Vec<String>),
    #[autosurgeon(rename = "number")]
    Number(f64),
    #[autosurgeon(rename = "yes_no")]
    YesNo(bool),
    #[autosurgeon(rename = "text")]
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    #[autosurgeon(rename = "draft")]
    Draft,
    #[autosurgeon(rename = "submitted")]
    Submitted,
}

impl ResponseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Draft, Self::Submitted]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Response {
    pub kind: String,
    pub schema: u64,
    pub assessment_id: String,
    pub assignee: UserId,
    pub answers: HashMap<String, Answer>,
    pub status: ResponseStatus,
    /// The round being answered (see assessment/mod.rs).
    pub round: u64,
    pub submitted_at: Option<Millis>,
}

/// The id of `assignee`'s response to an assessment.
pub fn doc_id(assessment_id: &str, assignee: &str) -> DocumentId {
    derived_doc_id(&derived(
        "teamstead/response-doc/v1",
        &[assessment_id, assignee],
    ))
}

/// A response as it begins, the same bytes wherever it is started.
pub fn genesis(assessment_id: &str, assignee: &str) -> Result<AutoCommit> {
    Ok(genesis_with_hash(assessment_id, assignee)?.0)
}

pub fn genesis_hash(assessment_id: &str, assignee: &str) -> Result<ChangeHash> {
    Ok(genesis_with_hash(assessment_id, assignee)?.1)
}

fn genesis_with_hash(assessment_id: &str, assignee: &str) -> Result<(AutoCommit, ChangeHash)> {
    let digest = derived("teamstead/response-genesis/v1", &[assessment_id, assignee]);
    let mut doc = AutoCommit::new().with_actor(automerge::ActorId::from(&digest[..16]));
    init(&mut doc, assessment_id, assignee)?;
    let hash = commit_genesis(&mut doc)?;
    Ok((doc, hash))
}

pub fn init(doc: &mut AutoCommit, assessment_id: &str, assignee: &str) -> Result<Response> {
    let response = Response {
        kind: DocKind::Response.as_str().into(),
        schema: SCHEMA_VERSION,
        assessment_id: assessment_id.into(),
        assignee: assignee.into(),
        answers: HashMap::new(),
        status: ResponseStatus::Draft,
        round: 1,
        submitted_at: None,
    };
    reconcile(doc, &response)?;
    Ok(response)
}

pub fn read(doc: &AutoCommit) -> Result<Response> {
    expect_kind(doc, DocKind::Response)?;
    Ok(hydrate(doc)?)
}

/// The assessment as the assignee answers it: its questions, and their review
/// document (none until the manager first writes one).
#[derive(Clone, Copy)]
pub struct Answering<'a> {
    pub assessment: &'a Assessment,
    pub review: Option<&'a ReviewDoc>,
}

/// The response, if `by` may write it now: theirs, and a draft. A response
/// submitted in a round the manager has since reopened becomes a draft of the new
/// round here.
fn writable(doc: &AutoCommit, by: &str, on: Answering<'_>) -> Result<Response> {
    let mut response = read(doc)?;
    if response.assignee != by {
        return Err(ModelError::Forbidden("write someone else's response"));
    }
    if !on.assessment.assignments.contains_key(by) {
        return Err(ModelError::Forbidden(
            "answer an assessment not assigned to you",
        ));
    }
    let (status, round) = review::standing(on.review);
    if response.status == ResponseStatus::Submitted {
        if round <= response.round || status == AssignmentStatus::Approved {
            return Err(ModelError::Forbidden("change a submitted response"));
        }
        response.status = ResponseStatus::Draft;
        response.round = round;
    }
    Ok(response)
}

/// Saves one answer (`None` clears it), checked against its question.
pub fn answer(
    doc: &mut AutoCommit,
    by: &str,
    on: Answering<'_>,
    question: &str,
    answer: Option<Answer>,
) -> Result<Response> {
    let mut response = writable(doc, by, on)?;
    let asked = all_questions(&on.assessment.sections)
        .find(|q| q.id == question)
        .ok_or_else(|| ModelError::not_found("question", question))?;
    match answer {
        Some(answer) => {
            validate_answer(asked, &answer)?;
            response.answers.insert(question.into(), answer);
        }
        None => {
            response.answers.remove(question);
        }
    }
    reconcile(doc, &response)?;
    Ok(response)
}

/// Submits the response once every required question has an answer.
pub fn submit(doc: &mut AutoCommit, by: &str, on: Answering<'_>, now: Millis) -> Result<Response> {
    let mut response = writable(doc, by, on)?;
    if let Some(missing) = all_questions(&on.assessment.sections)
        .find(|q| q.required && !response.answers.contains_key(&q.id))
    {
        return Err(ModelError::Unanswered(missing.prompt.clone()));
    }
    response.status = ResponseStatus::Submitted;
    response.submitted_at = Some(now);
    reconcile(doc, &response)?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::tests::assigned;

    #[test]
    fn only_the_assignee_answers_and_only_until_submitted() {
        let (_, a) = assigned(&["bob"]);
        let assessment = Answering {
            assessment: &a,
            review: None,
        };
        let mut doc = genesis("assessment", "bob").expect("genesis");
        assert_eq!(
            answer(&mut doc, "eve", assessment, "q1", Some(Answer::Number(3.0))).map(|_| ()),
            Err(ModelError::Forbidden("write someone else's response"))
        );
        assert_eq!(
            submit(&mut doc, "bob", assessment, 4).map_err(|e| e.code()),
            Err("unanswered")
        );
        answer(&mut doc, "bob", assessment, "q1", Some(Answer::Number(4.0))).expect("answer");
        answer(&mut doc, "bob", assessment, "q2", Some(Answer::YesNo(true))).expect("answer");
        assert_eq!(
            answer(&mut doc, "bob", assessment, "q1", Some(Answer::Number(9.0)))
                .map_err(|e| e.code()),
            Err("invalid_input"),
            "a Likert answer is 1 to 5"
        );
        submit(&mut doc, "bob", assessment, 5).expect("submit");
        assert_eq!(
            answer(&mut doc, "bob", assessment, "q1", Some(Answer::Number(2.0))).map(|_| ()),
            Err(ModelError::Forbidden("change a submitted response"))
        );
        let loaded = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
        assert_eq!(loaded.status, ResponseStatus::Submitted);
        assert_eq!(loaded.answers["q1"], Answer::Number(4.0));
    }

    #[test]
    fn ids_and_first_changes_agree_everywhere() {
        assert_eq!(doc_id("a", "bob"), doc_id("a", "bob"));
        assert_ne!(doc_id("a", "bob"), doc_id("a", "eve"));
        let mut one = genesis("a", "bob").expect("genesis");
        let mut two = genesis("a", "bob").expect("genesis");
        assert_eq!(one.get_heads(), two.get_heads());
        assert_eq!(
            one.get_heads().first().copied(),
            genesis_hash("a", "bob").ok()
        );
    }
}
