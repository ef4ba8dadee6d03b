//! An assessment's results: per question, per member and per department, from the
//! assessment and its responses. Only submitted answers count.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::questions::{all_questions, answer_fraction, score, QuestionKind};
use super::{Assessment, Progress, ReviewDoc};
use crate::response::{Answer, Response};
use crate::team::Team;
use crate::UserId;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Results {
    pub title: String,
    pub series: String,
    pub run: u64,
    pub assigned: u32,
    pub submitted: u32,
    pub approved: u32,
    /// The mean of the members' scores, out of 100.
    pub average_score: Option<f64>,
    pub questions: Vec<QuestionResult>,
    pub members: Vec<MemberResult>,
    pub departments: Vec<DepartmentResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionResult {
    pub id: String,
    pub section: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub answered: u32,
    /// The mean of numeric answers (Likert, scale).
    pub mean: Option<f64>,
    /// The mean share of the question's points earned, out of 100.
    pub average_score: Option<f64>,
    /// How often each option or value was picked, in the question's order.
    pub counts: Vec<(String, u32)>,
    /// Free-text answers.
    pub texts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberResult {
    pub user_id: UserId,
    pub name: String,
    pub department: Option<String>,
    pub progress: Progress,
    pub due: Option<String>,
    /// The rules' score of the submitted answers.
    pub auto_score: Option<f64>,
    /// The score that counts: the review's when approved, else the rules'.
    pub score: Option<f64>,
    pub override_reason: Option<String>,
    /// Question id → share of its points earned, out of 100.
    pub question_scores: BTreeMap<String, f64>,
    /// Question id → the answer as text, for side-by-side comparison.
    pub answers: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentResult {
    pub id: String,
    pub name: String,
    pub assigned: u32,
    pub submitted: u32,
    pub average_score: Option<f64>,
}

/// An answer as a person would write it.
pub fn answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Choice(c) => c.clone(),
        Answer::Choices(c) => c.join("; "),
        Answer::Number(n) => format!("{n}"),
        Answer::YesNo(true) => "yes".into(),
        Answer::YesNo(false) => "no".into(),
        Answer::Text(t) => t.clone(),
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| {
        let m = values.iter().sum::<f64>() / values.len() as f64;
        (m * 10.0).round() / 10.0
    })
}

/// The results of `assessment`, given its responses by assignee.
pub fn compute(
    assessment: &Assessment,
    responses: &HashMap<UserId, Response>,
    reviews: &HashMap<UserId, ReviewDoc>,
    team: &Team,
) -> Results {
    let mut members: Vec<MemberResult> = assessment
        .assignments
        .values()
        .map(|assignment| {
            let response = responses.get(&assignment.user_id);
            let review = reviews.get(&assignment.user_id);
            let progress = Progress::of(review, response);
            let counted = matches!(progress, Progress::Submitted | Progress::Approved);
            let answers = response
                .filter(|_| counted)
                .map(|r| &r.answers)
                .cloned()
                .unwrap_or_default();
            let auto_score = counted
                .then(|| score(&assessment.sections, &answers))
                .flatten();
            let (score, override_reason) = match (progress, review) {
                (Progress::Approved, Some(review)) => (
                    review.score(),
                    review
                        .reviews
                        .last()
                        .and_then(|r| r.override_reason.clone()),
                ),
                _ => (auto_score, None),
            };
            let question_scores = all_questions(&assessment.sections)
                .filter_map(|q| {
                    let f = answer_fraction(q, answers.get(&q.id))?;
                    Some((q.id.clone(), (f * 1000.0).round() / 10.0))
                })
                .collect();
            let member = team.members.get(&assignment.user_id);
            MemberResult {
                user_id: assignment.user_id.clone(),
                name: member
                    .map(|m| m.name.clone())
                    .unwrap_or_else(|| "Former member".into()),
                department: member.and_then(|m| m.department.clone()),
                progress,
                due: assignment.due.clone(),
                auto_score,
                score,
                override_reason,
                question_scores,
                answers: answers
                    .iter()
                    .map(|(q, a)| (q.clone(), answer_text(a)))
                    .collect(),
            }
        })
        .collect();
    members.sort_by_key(|m| m.name.to_lowercase());

    let counted: Vec<&Response> = members
        .iter()
        .filter(|m| matches!(m.progress, Progress::Submitted | Progress::Approved))
        .filter_map(|m| responses.get(&m.user_id))
        .collect();
    let questions = assessment
        .sections
        .iter()
        .flat_map(|s| s.questions.iter().map(move |q| (s, q)))
        .map(|(section, question)| {
            let given: Vec<&Answer> = counted
                .iter()
                .filter_map(|r| r.answers.get(&question.id))
                .collect();
            let numbers: Vec<f64> = given
                .iter()
                .filter_map(|a| match a {
                    Answer::Number(n) => Some(*n),
                    _ => None,
                })
                .collect();
            let fractions: Vec<f64> = counted
                .iter()
                .filter_map(|r| answer_fraction(question, r.answers.get(&question.id)))
                .map(|f| f * 100.0)
                .collect();
            QuestionResult {
                id: question.id.clone(),
                section: section.title.clone(),
                prompt: question.prompt.clone(),
                kind: question.kind.clone(),
                answered: given.len() as u32,
                mean: mean(&numbers),
                average_score: mean(&fractions),
                counts: value_counts(&question.kind, &given),
                texts: given
                    .iter()
                    .filter_map(|a| match a {
                        Answer::Text(t) => Some(t.clone()),
                        _ => None,
                    })
                    .collect(),
            }
        })
        .collect();

    let mut departments: Vec<DepartmentResult> = team
        .departments
        .values()
        .filter_map(|dept| {
            let of: Vec<&MemberResult> = members
                .iter()
                .filter(|m| m.department.as_deref() == Some(dept.id.as_str()))
                .collect();
            let scores: Vec<f64> = of.iter().filter_map(|m| m.score).collect();
            (!of.is_empty()).then(|| DepartmentResult {
                id: dept.id.clone(),
                name: dept.name.clone(),
                assigned: of.len() as u32,
                submitted: of
                    .iter()
                    .filter(|m| matches!(m.progress, Progress::Submitted | Progress::Approved))
                    .count() as u32,
                average_score: mean(&scores),
            })
        })
        .collect();
    departments.sort_by(|a, b| a.name.cmp(&b.name));

    let scores: Vec<f64> = members.iter().filter_map(|m| m.score).collect();
    Results {
        title: assessment.title.clone(),
        series: assessment.series.clone(),
        run: assessment.run,
        assigned: members.len() as u32,
        submitted: counted.len() as u32,
        approved: members
            .iter()
            .filter(|m| m.progress == Progress::Approved)
            .count() as u32,
        average_score: mean(&scores),
        questions,
        members,
        departments,
    }
}

fn value_counts(kind: &QuestionKind, given: &[&Answer]) -> Vec<(String, u32)> {
    let labels: Vec<String> = match kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options.clone()
        }
        QuestionKind::Likert => (1..=5).map(|n| n.to_string()).collect(),
        QuestionKind::Scale { min, max } => (*min..=*max).map(|n| n.to_string()).collect(),
        QuestionKind::YesNo => vec!["yes".into(), "no".into()],
        QuestionKind::FreeText => return Vec::new(),
    };
    let mut counts: Vec<(String, u32)> = labels.into_iter().map(|l| (l, 0)).collect();
    for answer in given {
        let picked: Vec<String> = match answer {
            Answer::Choices(c) => c.clone(),
            other => vec![answer_text(other)],
        };
        for label in picked {
            if let Some(entry) = counts.iter_mut().find(|(l, _)| *l == label) {
                entry.1 += 1;
            }
        }
    }
    counts
}
