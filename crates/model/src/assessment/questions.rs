//! Questions, their sections and their scoring rules: what a template holds and an
//! assessment copies. The same types cross the IPC boundary and the CLI's JSON.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::response::Answer;
use crate::validate::validate_text;
use crate::{validate_title, ModelError, Result};

const MAX_PROMPT: usize = 1_000;
const MAX_OPTIONS: usize = 20;
const MAX_QUESTIONS: usize = 200;
/// Free-text answers are kept to a page or two.
const MAX_TEXT_ANSWER: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    #[autosurgeon(rename = "single_choice")]
    SingleChoice { options: Vec<String> },
    #[autosurgeon(rename = "multiple_choice")]
    MultipleChoice { options: Vec<String> },
    /// 1 (strongly disagree) to 5 (strongly agree).
    #[autosurgeon(rename = "likert")]
    Likert,
    #[autosurgeon(rename = "scale")]
    Scale { min: i64, max: i64 },
    #[autosurgeon(rename = "yes_no")]
    YesNo,
    #[autosurgeon(rename = "free_text")]
    FreeText,
}

/// How an answer turns into a fraction of the question's weight.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Scoring {
    /// Not scored: free text, or a question asked only to learn something.
    #[autosurgeon(rename = "none")]
    None,
    /// Likert and scale: where the answer sits between the ends; `reverse` for a
    /// question asked the other way round ("I often feel overloaded").
    #[autosurgeon(rename = "linear")]
    Linear { reverse: bool },
    /// Choice questions: points for each option, in option order. A single choice
    /// scores its option's points over the best option's; a multiple choice the sum
    /// of what was picked over the sum of all positive points, never below zero.
    #[autosurgeon(rename = "points")]
    Points { points: Vec<f64> },
    /// Yes/no: full marks for the expected answer.
    #[autosurgeon(rename = "expect")]
    Expect { yes: bool },
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    #[key]
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    /// Its share of the score against the other scored questions.
    pub weight: f64,
    pub required: bool,
    pub scoring: Scoring,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    #[key]
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

/// Every question of these sections, in order.
pub fn all_questions(sections: &[Section]) -> impl Iterator<Item = &Question> {
    sections.iter().flat_map(|s| &s.questions)
}

/// Checks a whole questionnaire before it is stored: at least one question, unique
/// ids, sound options, weights and rules.
pub fn validate_sections(sections: &[Section]) -> Result<()> {
    let count = all_questions(sections).count();
    if count == 0 {
        return Err(ModelError::Empty {
            what: "an assessment's question list",
        });
    }
    if count > MAX_QUESTIONS {
        return Err(ModelError::Invalid {
            what: "this questionnaire",
            reason: "it has more than 200 questions",
        });
    }
    let mut section_ids = std::collections::HashSet::new();
    for section in sections {
        validate_title("a section title", &section.title)?;
        if section.id.trim().is_empty() || !section_ids.insert(section.id.as_str()) {
            return Err(duplicate_id());
        }
    }
    let mut ids = std::collections::HashSet::new();
    for question in all_questions(sections) {
        if question.id.trim().is_empty() || !ids.insert(question.id.as_str()) {
            return Err(duplicate_id());
        }
        validate_question(question)?;
    }
    Ok(())
}

fn duplicate_id() -> ModelError {
    ModelError::Invalid {
        what: "a section or question id",
        reason: "each must be present and unique",
    }
}

fn validate_question(question: &Question) -> Result<()> {
    validate_text("a question", &question.prompt, MAX_PROMPT)?;
    if !(question.weight.is_finite() && question.weight >= 0.0) {
        return Err(ModelError::Invalid {
            what: "a question's weight",
            reason: "weights must be zero or more",
        });
    }
    let options = match &question.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            if options.len() < 2 || options.len() > MAX_OPTIONS {
                return Err(ModelError::Invalid {
                    what: "a choice question's options",
                    reason: "give 2 to 20 options",
                });
            }
            for option in options {
                validate_title("an option", option)?;
            }
            options.len()
        }
        QuestionKind::Scale { min, max } if min >= max || max - min > 100 => {
            return Err(ModelError::Invalid {
                what: "a scale",
                reason: "its minimum must be below its maximum, at most 100 apart",
            })
        }
        _ => 0,
    };
    let fits = match (&question.kind, &question.scoring) {
        (_, Scoring::None) => true,
        (QuestionKind::Likert | QuestionKind::Scale { .. }, Scoring::Linear { .. }) => true,
        (
            QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. },
            Scoring::Points { points },
        ) => points.len() == options && points.iter().all(|p| p.is_finite()),
        (QuestionKind::YesNo, Scoring::Expect { .. }) => true,
        _ => false,
    };
    if !fits {
        return Err(ModelError::Invalid {
            what: "a question's scoring rule",
            reason: "it does not fit the question (points need one number per option)",
        });
    }
    Ok(())
}

/// Checks an answer against its question: the right type, a listed option, a
/// number within range.
pub fn validate_answer(question: &Question, answer: &Answer) -> Result<()> {
    let wrong = |reason| {
        Err(ModelError::Invalid {
            what: "this answer",
            reason,
        })
    };
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, Answer::Choice(choice)) => {
            if !options.contains(choice) {
                return wrong("pick one of the question's options");
            }
        }
        (QuestionKind::MultipleChoice { options }, Answer::Choices(choices)) => {
            let mut seen = std::collections::HashSet::new();
            if choices
                .iter()
                .any(|c| !options.contains(c) || !seen.insert(c))
            {
                return wrong("pick each of the question's options at most once");
            }
        }
        (QuestionKind::Likert, Answer::Number(n)) => {
            if !(1.0..=5.0).contains(n) || n.fract() != 0.0 {
                return wrong("answer 1 to 5");
            }
        }
        (QuestionKind::Scale { min, max }, Answer::Number(n)) => {
            if !((*min as f64)..=(*max as f64)).contains(n) || n.fract() != 0.0 {
                return wrong("answer a whole number within the scale");
            }
        }
        (QuestionKind::YesNo, Answer::YesNo(_)) => {}
        (QuestionKind::FreeText, Answer::Text(text)) => {
            validate_text("an answer", text, MAX_TEXT_ANSWER)?;
        }
        _ => return wrong("it is not the kind of answer this question asks for"),
    }
    Ok(())
}

/// The fraction (0 to 1) of its weight that an answer earns; `None` when the
/// question is not scored.
pub fn answer_fraction(question: &Question, answer: Option<&Answer>) -> Option<f64> {
    let linear = |value: f64, min: f64, max: f64, reverse: bool| {
        let f = ((value - min) / (max - min)).clamp(0.0, 1.0);
        if reverse {
            1.0 - f
        } else {
            f
        }
    };
    let options = match &question.kind {
        QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
            options.as_slice()
        }
        _ => &[],
    };
    let fraction = match (&question.scoring, &question.kind, answer) {
        (Scoring::None, _, _) => return None,
        // A scored question left blank earns nothing.
        (_, _, None) => 0.0,
        (Scoring::Linear { reverse }, QuestionKind::Likert, Some(Answer::Number(n))) => {
            linear(*n, 1.0, 5.0, *reverse)
        }
        (
            Scoring::Linear { reverse },
            QuestionKind::Scale { min, max },
            Some(Answer::Number(n)),
        ) => linear(*n, *min as f64, *max as f64, *reverse),
        (Scoring::Points { points }, _, Some(Answer::Choice(choice))) => {
            let best = points.iter().copied().fold(0.0_f64, f64::max);
            let got = points_of(options, points, choice);
            if best > 0.0 {
                (got / best).clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        (Scoring::Points { points }, _, Some(Answer::Choices(choices))) => {
            let total: f64 = points.iter().filter(|p| **p > 0.0).sum();
            let got: f64 = choices.iter().map(|c| points_of(options, points, c)).sum();
            if total > 0.0 {
                (got / total).clamp(0.0, 1.0)
            } else {
                0.0
            }
        }
        (Scoring::Expect { yes }, _, Some(Answer::YesNo(answer))) if answer == yes => 1.0,
        // An answer of the wrong type (from an older questionnaire) earns nothing.
        _ => 0.0,
    };
    Some(fraction)
}

fn points_of(options: &[String], points: &[f64], choice: &str) -> f64 {
    options
        .iter()
        .position(|o| o == choice)
        .and_then(|i| points.get(i))
        .copied()
        .unwrap_or(0.0)
}

/// A weighted score out of 100 over the scored questions, or `None` if none is
/// scored.
pub fn score(
    sections: &[Section],
    answers: &std::collections::HashMap<String, Answer>,
) -> Option<f64> {
    let (mut earned, mut total) = (0.0, 0.0);
    for question in all_questions(sections) {
        if let Some(fraction) = answer_fraction(question, answers.get(&question.id)) {
            earned += fraction * question.weight;
            total += question.weight;
        }
    }
    (total > 0.0).then(|| (earned / total * 1000.0).round() / 10.0)
}
