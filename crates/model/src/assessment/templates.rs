//! Assessment templates: the built-in ones every team starts with, and the ones a
//! team's managers write, which live in the team document. The question bank is
//! every question of both, for reuse in new templates.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use super::questions::{validate_sections, Question, QuestionKind, Scoring, Section};
use crate::validate::optional_text;
use crate::{validate_title, Millis, Result, UserId};

const MAX_DESCRIPTION: usize = 2_000;
/// Built-in templates' ids start with this, so a team's own never collide with them.
pub const BUILTIN_PREFIX: &str = "builtin:";

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    #[key]
    pub id: String,
    pub title: String,
    pub description: String,
    pub sections: Vec<Section>,
    /// Empty for a built-in template.
    pub created_by: UserId,
    pub updated_at: Millis,
}

impl Template {
    pub fn is_builtin(&self) -> bool {
        self.id.starts_with(BUILTIN_PREFIX)
    }
}

/// Checks a template's text and questions; returns it trimmed.
pub fn validate_template(mut template: Template) -> Result<Template> {
    template.title = validate_title("a template title", &template.title)?;
    template.description =
        optional_text("a description", &template.description, MAX_DESCRIPTION)?.unwrap_or_default();
    validate_sections(&template.sections)?;
    Ok(template)
}

fn q(id: &str, prompt: &str, kind: QuestionKind, weight: f64, scoring: Scoring) -> Question {
    Question {
        id: id.into(),
        prompt: prompt.into(),
        kind,
        weight,
        required: !matches!(scoring, Scoring::None),
        scoring,
    }
}

fn likert(id: &str, prompt: &str) -> Question {
    q(
        id,
        prompt,
        QuestionKind::Likert,
        1.0,
        Scoring::Linear { reverse: false },
    )
}

fn text(id: &str, prompt: &str) -> Question {
    q(id, prompt, QuestionKind::FreeText, 0.0, Scoring::None)
}

fn section(id: &str, title: &str, questions: Vec<Question>) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        questions,
    }
}

fn builtin(id: &str, title: &str, description: &str, sections: Vec<Section>) -> Template {
    Template {
        id: format!("{BUILTIN_PREFIX}{id}"),
        title: title.into(),
        description: description.into(),
        sections,
        created_by: String::new(),
        updated_at: 0,
    }
}

/// The templates every team has, whatever its managers wrote.
pub fn builtins() -> Vec<Template> {
    vec![
        builtin(
            "quarterly-check-in",
            "Quarterly check-in",
            "How the quarter went: goals, workload and support.",
            vec![
                section(
                    "goals",
                    "Goals",
                    vec![
                        likert("goals-clear", "My goals for this quarter were clear."),
                        q(
                            "goals-met",
                            "How many of your goals did you meet?",
                            QuestionKind::SingleChoice {
                                options: vec![
                                    "None".into(),
                                    "Some".into(),
                                    "Most".into(),
                                    "All".into(),
                                ],
                            },
                            2.0,
                            Scoring::Points {
                                points: vec![0.0, 1.0, 2.0, 3.0],
                            },
                        ),
                    ],
                ),
                section(
                    "workload",
                    "Workload",
                    vec![
                        q(
                            "overloaded",
                            "I often felt overloaded.",
                            QuestionKind::Likert,
                            1.0,
                            Scoring::Linear { reverse: true },
                        ),
                        q(
                            "focus",
                            "How many hours a week could you focus without interruption?",
                            QuestionKind::Scale { min: 0, max: 40 },
                            1.0,
                            Scoring::Linear { reverse: false },
                        ),
                    ],
                ),
                section(
                    "support",
                    "Support",
                    vec![
                        likert("support", "I got the support I needed from my manager."),
                        text("next", "What should we change next quarter?"),
                    ],
                ),
            ],
        ),
        builtin(
            "onboarding-30",
            "Onboarding review (30 days)",
            "A new member's first month: tools, people, first work.",
            vec![section(
                "first-month",
                "First month",
                vec![
                    q(
                        "access",
                        "Did you have every tool and access you needed in week one?",
                        QuestionKind::YesNo,
                        1.0,
                        Scoring::Expect { yes: true },
                    ),
                    likert("buddy", "My onboarding buddy helped me find my way."),
                    q(
                        "known",
                        "Which of these do you know how to do?",
                        QuestionKind::MultipleChoice {
                            options: vec![
                                "Ship a change".into(),
                                "Ask for review".into(),
                                "Find the team's docs".into(),
                                "Book time off".into(),
                            ],
                        },
                        2.0,
                        Scoring::Points {
                            points: vec![1.0, 1.0, 1.0, 1.0],
                        },
                    ),
                    text("missing", "What was missing?"),
                ],
            )],
        ),
        builtin(
            "skills-self-assessment",
            "Skills self-assessment",
            "Each person rates their own skills, to plan training and pairing.",
            vec![section(
                "skills",
                "Skills",
                vec![
                    q(
                        "communication",
                        "Written communication (1 = learning, 10 = could teach it)",
                        QuestionKind::Scale { min: 1, max: 10 },
                        1.0,
                        Scoring::Linear { reverse: false },
                    ),
                    q(
                        "planning",
                        "Planning and estimating (1 = learning, 10 = could teach it)",
                        QuestionKind::Scale { min: 1, max: 10 },
                        1.0,
                        Scoring::Linear { reverse: false },
                    ),
                    q(
                        "mentoring",
                        "Mentoring others (1 = learning, 10 = could teach it)",
                        QuestionKind::Scale { min: 1, max: 10 },
                        1.0,
                        Scoring::Linear { reverse: false },
                    ),
                    text("learn", "What would you like to learn next?"),
                ],
            )],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_template_is_valid() {
        let templates = builtins();
        assert!(templates.len() >= 3);
        for template in templates {
            assert!(template.is_builtin());
            validate_template(template).expect("a sound built-in template");
        }
    }
}
