//! Pulse surveys: short recurring Likert surveys whose answers stay anonymous.
//!
//! A survey is defined in the team document (managers write it). Each person's
//! answer for one period is a `pulse_answer` document only they and the relay can
//! read. The relay aggregates the answers into the survey's `pulse_results`
//! document, which only the relay writes and only managers read, under three rules
//! that keep every published number about at least `threshold` people:
//!
//! 1. Nothing is published for a period until `threshold` people have answered.
//! 2. A published figure changes only when at least `threshold` more answers have
//!    come in since it was last published, so subtracting two versions never
//!    isolates fewer than `threshold` people.
//! 3. A department is shown only with `threshold` answers or more, and only if
//!    the answers left outside every shown department also number zero or at least
//!    `threshold` (else the total minus the departments would isolate them).

use std::collections::{BTreeMap, HashMap};

use automerge::{AutoCommit, ChangeHash};
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::doc::{commit_genesis, derived, derived_doc_id, expect_kind};
use crate::validate::{add_days, add_months, days_between, optional_text};
use crate::{
    validate_date, validate_title, DocKind, DocumentId, Millis, ModelError, Result, UserId,
};

pub const DEFAULT_THRESHOLD: u64 = 5;
pub const MIN_THRESHOLD: u64 = 3;
pub const MAX_THRESHOLD: u64 = 10;
const MAX_QUESTIONS: usize = 10;
const MAX_COMMENT: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    #[autosurgeon(rename = "weekly")]
    Weekly,
    #[autosurgeon(rename = "biweekly")]
    Biweekly,
    #[autosurgeon(rename = "monthly")]
    Monthly,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PulseQuestion {
    pub id: String,
    pub prompt: String,
}

/// A pulse survey as the team document holds it.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pulse {
    #[key]
    pub id: String,
    pub title: String,
    /// Likert questions, answered 1 (strongly disagree) to 5 (strongly agree).
    pub questions: Vec<PulseQuestion>,
    pub allow_comment: bool,
    pub cadence: Cadence,
    /// `YYYY-MM-DD`: the first period starts that day.
    pub starts: String,
    pub active: bool,
    pub created_by: UserId,
    pub created_at: Millis,
}

/// Checks a survey before it is stored.
pub fn validate_pulse(mut pulse: Pulse) -> Result<Pulse> {
    pulse.title = validate_title("a survey title", &pulse.title)?;
    pulse.starts = validate_date(&pulse.starts)?;
    if pulse.questions.is_empty() || pulse.questions.len() > MAX_QUESTIONS {
        return Err(ModelError::Invalid {
            what: "a pulse survey",
            reason: "ask 1 to 10 questions",
        });
    }
    let mut ids = std::collections::HashSet::new();
    for q in &mut pulse.questions {
        q.prompt = validate_title("a question", &q.prompt)?;
        if q.id.trim().is_empty() || !ids.insert(q.id.clone()) {
            return Err(ModelError::Invalid {
                what: "a question id",
                reason: "each must be present and unique",
            });
        }
    }
    Ok(pulse)
}

/// An anonymity threshold a manager may choose.
pub fn validate_threshold(threshold: u64) -> Result<u64> {
    if (MIN_THRESHOLD..=MAX_THRESHOLD).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(ModelError::Invalid {
            what: "the anonymity threshold",
            reason: "choose 3 to 10 people",
        })
    }
}

/// The start (`YYYY-MM-DD`) of the period of `pulse` that contains `date`, or
/// `None` before the survey starts.
pub fn period_of(pulse: &Pulse, date: &str) -> Option<String> {
    let days = days_between(&pulse.starts, date)?;
    if days < 0 {
        return None;
    }
    match pulse.cadence {
        Cadence::Weekly => add_days(&pulse.starts, days - days % 7),
        Cadence::Biweekly => add_days(&pulse.starts, days - days % 14),
        Cadence::Monthly => {
            let mut months = 0;
            while add_months(&pulse.starts, months + 1).is_some_and(|next| next.as_str() <= date) {
                months += 1;
            }
            add_months(&pulse.starts, months)
        }
    }
}

/// One person's answer to one period of a survey. Only they write it, once; only
/// they and the relay read it.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PulseAnswer {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub pulse_id: String,
    pub period: String,
    pub user_id: UserId,
    /// Question id → 1 to 5.
    pub answers: HashMap<String, i64>,
    pub comment: Option<String>,
    /// 0 until submitted; after that the answer is final.
    pub submitted_at: Millis,
}

/// What names one answer document.
#[derive(Debug, Clone, Copy)]
pub struct AnswerKey<'a> {
    pub team_id: &'a str,
    pub pulse_id: &'a str,
    pub period: &'a str,
    pub user_id: &'a str,
}

impl AnswerKey<'_> {
    fn parts(&self) -> [&str; 4] {
        [self.team_id, self.pulse_id, self.period, self.user_id]
    }
}

pub fn answer_doc_id(key: AnswerKey<'_>) -> DocumentId {
    derived_doc_id(&derived("teamstead/pulse-answer/v1", &key.parts()))
}

/// An answer document as it begins, the same everywhere (see channel.rs for why).
pub fn answer_genesis(key: AnswerKey<'_>) -> Result<AutoCommit> {
    Ok(answer_genesis_with_hash(key)?.0)
}

pub fn answer_genesis_hash(key: AnswerKey<'_>) -> Result<ChangeHash> {
    Ok(answer_genesis_with_hash(key)?.1)
}

fn answer_genesis_with_hash(key: AnswerKey<'_>) -> Result<(AutoCommit, ChangeHash)> {
    let digest = derived("teamstead/pulse-answer-genesis/v1", &key.parts());
    let mut doc = AutoCommit::new().with_actor(automerge::ActorId::from(&digest[..16]));
    let answer = PulseAnswer {
        kind: DocKind::PulseAnswer.as_str().into(),
        schema: crate::SCHEMA_VERSION,
        team_id: key.team_id.into(),
        pulse_id: key.pulse_id.into(),
        period: key.period.into(),
        user_id: key.user_id.into(),
        answers: HashMap::new(),
        comment: None,
        submitted_at: 0,
    };
    reconcile(&mut doc, &answer)?;
    let hash = commit_genesis(&mut doc)?;
    Ok((doc, hash))
}

pub fn read_answer(doc: &AutoCommit) -> Result<PulseAnswer> {
    expect_kind(doc, DocKind::PulseAnswer)?;
    Ok(hydrate(doc)?)
}

/// Checks an answer against its survey: every question answered 1 to 5, a comment
/// only where the survey allows one.
pub fn validate_answer(pulse: &Pulse, answer: &PulseAnswer) -> Result<()> {
    for q in &pulse.questions {
        match answer.answers.get(&q.id) {
            Some(v) if (1..=5).contains(v) => {}
            Some(_) => {
                return Err(ModelError::Invalid {
                    what: "a pulse answer",
                    reason: "answer 1 to 5",
                })
            }
            None => return Err(ModelError::Unanswered(q.prompt.clone())),
        }
    }
    if answer.answers.len() != pulse.questions.len() {
        return Err(ModelError::Invalid {
            what: "a pulse answer",
            reason: "it answers a question the survey does not ask",
        });
    }
    if answer.comment.is_some() && !pulse.allow_comment {
        return Err(ModelError::Invalid {
            what: "a comment",
            reason: "this survey takes no comments",
        });
    }
    Ok(())
}

/// Writes and submits the answer in one change; it cannot change after.
pub fn submit_answer(
    doc: &mut AutoCommit,
    by: &str,
    pulse: &Pulse,
    answers: HashMap<String, i64>,
    comment: Option<&str>,
    now: Millis,
) -> Result<PulseAnswer> {
    let mut answer = read_answer(doc)?;
    if answer.user_id != by {
        return Err(ModelError::Forbidden("answer for someone else"));
    }
    if answer.submitted_at > 0 {
        return Err(ModelError::AlreadyAnswered);
    }
    answer.answers = answers;
    answer.comment = optional_text("a comment", comment.unwrap_or_default(), MAX_COMMENT)?;
    validate_answer(pulse, &answer)?;
    answer.submitted_at = now.max(1);
    reconcile(doc, &answer)?;
    Ok(answer)
}

/// One answer as the relay aggregates it.
#[derive(Debug, Clone, PartialEq)]
pub struct Submitted {
    pub department: Option<String>,
    pub answers: HashMap<String, i64>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Reconcile, Hydrate, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionAggregate {
    pub count: u64,
    pub mean: f64,
    /// How many answered 1, 2, 3, 4 and 5.
    pub distribution: Vec<u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Reconcile, Hydrate, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentAggregate {
    pub count: u64,
    /// Question id → mean.
    pub means: BTreeMap<String, f64>,
}

/// One period's published results.
#[derive(Debug, Clone, Default, PartialEq, Reconcile, Hydrate, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodResults {
    /// Answers received so far (a count says nothing about anyone's answer).
    pub received: u64,
    /// How many answers the published figures cover; 0: nothing published yet.
    pub published: u64,
    pub questions: BTreeMap<String, QuestionAggregate>,
    /// Comments of the published answers, in alphabetical order (not answer order).
    pub comments: Vec<String>,
    pub departments: BTreeMap<String, DepartmentAggregate>,
    /// The count each department had when it was last shown (rule 2 per department).
    pub department_shown: BTreeMap<String, u64>,
    pub threshold: u64,
}

/// A survey's results document, written only by the relay.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct PulseResults {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub pulse_id: String,
    /// Period start → results.
    pub periods: BTreeMap<String, PeriodResults>,
}

pub fn results_doc_id(team_id: &str, pulse_id: &str) -> DocumentId {
    derived_doc_id(&derived("teamstead/pulse-results/v1", &[team_id, pulse_id]))
}

pub fn init_results(doc: &mut AutoCommit, team_id: &str, pulse_id: &str) -> Result<PulseResults> {
    let results = PulseResults {
        kind: DocKind::PulseResults.as_str().into(),
        schema: crate::SCHEMA_VERSION,
        team_id: team_id.into(),
        pulse_id: pulse_id.into(),
        periods: BTreeMap::new(),
    };
    reconcile(doc, &results)?;
    Ok(results)
}

pub fn read_results(doc: &AutoCommit) -> Result<PulseResults> {
    expect_kind(doc, DocKind::PulseResults)?;
    Ok(hydrate(doc)?)
}

pub fn write_results(doc: &mut AutoCommit, results: &PulseResults) -> Result<()> {
    Ok(reconcile(doc, results)?)
}

/// A period's results from all its answers so far (oldest first), given what was
/// published before, under the rules at the top of this file.
pub fn aggregate(
    answers: &[Submitted],
    questions: &[PulseQuestion],
    threshold: u64,
    previous: Option<&PeriodResults>,
) -> PeriodResults {
    let received = answers.len() as u64;
    let mut out = previous.cloned().unwrap_or_default();
    out.received = received;
    out.threshold = threshold;
    let due = if out.published == 0 {
        received >= threshold
    } else {
        received >= out.published + threshold
    };
    if !due {
        return out;
    }
    out.published = received;
    out.questions = questions
        .iter()
        .map(|q| {
            let values: Vec<i64> = answers
                .iter()
                .filter_map(|a| a.answers.get(&q.id).copied())
                .collect();
            let mut distribution = vec![0; 5];
            for v in &values {
                if let Some(slot) = usize::try_from(v - 1)
                    .ok()
                    .and_then(|i| distribution.get_mut(i))
                {
                    *slot += 1;
                }
            }
            (
                q.id.clone(),
                QuestionAggregate {
                    count: values.len() as u64,
                    mean: mean(&values),
                    distribution,
                },
            )
        })
        .collect();
    let mut comments: Vec<String> = answers.iter().filter_map(|a| a.comment.clone()).collect();
    comments.sort();
    out.comments = comments;

    // Departments: big enough, changed by enough since last shown, and leaving a
    // remainder that is empty or big enough.
    let mut groups: BTreeMap<&str, Vec<&Submitted>> = BTreeMap::new();
    for a in answers {
        if let Some(d) = a.department.as_deref() {
            groups.entry(d).or_default().push(a);
        }
    }
    let mut shown: Vec<(&str, u64)> = groups
        .iter()
        .map(|(d, members)| (*d, members.len() as u64))
        .filter(|(d, count)| {
            let last = out.department_shown.get(*d).copied().unwrap_or(0);
            *count >= threshold && (last == 0 || *count == last || *count >= last + threshold)
        })
        .collect();
    loop {
        let covered: u64 = shown.iter().map(|(_, c)| c).sum();
        let remainder = received - covered;
        if remainder == 0 || remainder >= threshold || shown.is_empty() {
            break;
        }
        // Hide the smallest department shown; its answers join the remainder.
        if let Some(smallest) = (0..shown.len()).min_by_key(|i| shown[*i].1) {
            shown.remove(smallest);
        }
    }
    out.departments = shown
        .iter()
        .map(|(d, count)| {
            let members = &groups[d];
            let means = questions
                .iter()
                .map(|q| {
                    let values: Vec<i64> = members
                        .iter()
                        .filter_map(|a| a.answers.get(&q.id).copied())
                        .collect();
                    (q.id.clone(), mean(&values))
                })
                .collect();
            (
                d.to_string(),
                DepartmentAggregate {
                    count: *count,
                    means,
                },
            )
        })
        .collect();
    for (d, count) in &shown {
        out.department_shown.insert(d.to_string(), *count);
    }
    out
}

fn mean(values: &[i64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let m = values.iter().sum::<i64>() as f64 / values.len() as f64;
    (m * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
