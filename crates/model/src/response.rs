//! The response document: one assignee's answers to one assessment. Only that
//! assignee writes it, and only until it is submitted.

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use crate::doc::expect_kind;
use crate::{DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum ResponseStatus {
    #[autosurgeon(rename = "draft")]
    Draft,
    #[autosurgeon(rename = "submitted")]
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Response {
    pub kind: String,
    pub schema: u64,
    pub assessment_id: String,
    pub assignee: UserId,
    pub answers: HashMap<String, Answer>,
    pub status: ResponseStatus,
    pub submitted_at: Option<Millis>,
}

pub fn init(doc: &mut AutoCommit, assessment_id: &str, assignee: &str) -> Result<Response> {
    let response = Response {
        kind: DocKind::Response.as_str().into(),
        schema: SCHEMA_VERSION,
        assessment_id: assessment_id.into(),
        assignee: assignee.into(),
        answers: HashMap::new(),
        status: ResponseStatus::Draft,
        submitted_at: None,
    };
    reconcile(doc, &response)?;
    Ok(response)
}

pub fn read(doc: &AutoCommit) -> Result<Response> {
    expect_kind(doc, DocKind::Response)?;
    Ok(hydrate(doc)?)
}

fn writable(doc: &AutoCommit, by: &str) -> Result<Response> {
    let response = read(doc)?;
    if response.assignee != by {
        return Err(ModelError::Forbidden("write someone else's response"));
    }
    if response.status == ResponseStatus::Submitted {
        return Err(ModelError::Forbidden("change a submitted response"));
    }
    Ok(response)
}

pub fn answer(doc: &mut AutoCommit, by: &str, question: &str, answer: Answer) -> Result<Response> {
    let mut response = writable(doc, by)?;
    response.answers.insert(question.into(), answer);
    reconcile(doc, &response)?;
    Ok(response)
}

pub fn submit(doc: &mut AutoCommit, by: &str, now: Millis) -> Result<Response> {
    let mut response = writable(doc, by)?;
    response.status = ResponseStatus::Submitted;
    response.submitted_at = Some(now);
    reconcile(doc, &response)?;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_assignee_answers_and_only_until_submitted() {
        let mut doc = AutoCommit::new();
        init(&mut doc, "assessment", "bob").expect("init");
        assert_eq!(
            answer(&mut doc, "eve", "q1", Answer::Number(3.0)).map(|_| ()),
            Err(ModelError::Forbidden("write someone else's response"))
        );
        answer(
            &mut doc,
            "bob",
            "q1",
            Answer::Choices(vec!["a".into(), "b".into()]),
        )
        .expect("answer");
        submit(&mut doc, "bob", 5).expect("submit");
        assert_eq!(
            answer(&mut doc, "bob", "q1", Answer::YesNo(true)).map(|_| ()),
            Err(ModelError::Forbidden("change a submitted response"))
        );
        let loaded = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
        assert_eq!(loaded.status, ResponseStatus::Submitted);
        assert_eq!(
            loaded.answers["q1"],
            Answer::Choices(vec!["a".into(), "b".into()])
        );
    }
}
