//! The assessment document: a template of questions, who it is assigned to, and the
//! manager's reviews. Only the manager who owns it writes it.

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use crate::doc::expect_kind;
use crate::{
    validate_date, validate_title, DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION,
};

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub enum QuestionKind {
    #[autosurgeon(rename = "single_choice")]
    SingleChoice(Vec<String>),
    #[autosurgeon(rename = "multiple_choice")]
    MultipleChoice(Vec<String>),
    #[autosurgeon(rename = "likert")]
    Likert,
    #[autosurgeon(rename = "scale")]
    Scale { min: i64, max: i64 },
    #[autosurgeon(rename = "yes_no")]
    YesNo,
    #[autosurgeon(rename = "free_text")]
    FreeText,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Question {
    #[key]
    pub id: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub weight: f64,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Section {
    #[key]
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Reconcile, Hydrate)]
pub enum AssignmentStatus {
    #[autosurgeon(rename = "assigned")]
    Assigned,
    #[autosurgeon(rename = "submitted")]
    Submitted,
    #[autosurgeon(rename = "changes_requested")]
    ChangesRequested,
    #[autosurgeon(rename = "approved")]
    Approved,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Assignment {
    pub user_id: UserId,
    pub due: Option<String>,
    pub status: AssignmentStatus,
    /// Document id of this assignee's response document.
    pub response_doc: String,
    pub assigned_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Review {
    pub score: Option<f64>,
    pub override_reason: Option<String>,
    pub feedback: Option<String>,
    pub reviewed_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Assessment {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub owner: UserId,
    pub title: String,
    pub sections: Vec<Section>,
    pub assignments: HashMap<UserId, Assignment>,
    pub reviews: HashMap<UserId, Review>,
    pub created_at: Millis,
}

fn validate_sections(sections: &[Section]) -> Result<()> {
    if sections.iter().all(|s| s.questions.is_empty()) {
        return Err(ModelError::Empty {
            what: "an assessment's question list",
        });
    }
    for question in sections.iter().flat_map(|s| &s.questions) {
        validate_title("a question", &question.prompt)?;
        if !(question.weight.is_finite() && question.weight >= 0.0) {
            return Err(ModelError::Invalid {
                what: "a question's weight",
                reason: "weights must be zero or more",
            });
        }
        match &question.kind {
            QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options)
                if options.len() < 2 =>
            {
                return Err(ModelError::Empty {
                    what: "a choice question's options (two or more)",
                })
            }
            QuestionKind::Scale { min, max } if min >= max => {
                return Err(ModelError::Invalid {
                    what: "a scale",
                    reason: "its minimum must be below its maximum",
                })
            }
            _ => {}
        }
    }
    Ok(())
}

pub fn init(
    doc: &mut AutoCommit,
    team_id: &str,
    owner: &str,
    title: &str,
    sections: Vec<Section>,
    now: Millis,
) -> Result<Assessment> {
    validate_sections(&sections)?;
    let assessment = Assessment {
        kind: DocKind::Assessment.as_str().into(),
        schema: SCHEMA_VERSION,
        team_id: team_id.into(),
        owner: owner.into(),
        title: validate_title("an assessment title", title)?,
        sections,
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

/// Assigns the assessment to a person; only its owner may.
pub fn assign(
    doc: &mut AutoCommit,
    by: &str,
    user: &str,
    due: Option<&str>,
    response_doc: &str,
    now: Millis,
) -> Result<Assessment> {
    let mut assessment = read(doc)?;
    if assessment.owner != by {
        return Err(ModelError::Forbidden("assign an assessment you do not own"));
    }
    let due = due.map(validate_date).transpose()?;
    if assessment.assignments.contains_key(user) {
        // Re-assigning would reset a submitted or reviewed assignment.
        return Err(ModelError::Invalid {
            what: "this assignment",
            reason: "the person already has this assessment",
        });
    }
    assessment.assignments.insert(
        user.into(),
        Assignment {
            user_id: user.into(),
            due,
            status: AssignmentStatus::Assigned,
            response_doc: response_doc.into(),
            assigned_at: now,
        },
    );
    reconcile(doc, &assessment)?;
    Ok(assessment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn likert(id: &str) -> Question {
        Question {
            id: id.into(),
            prompt: "How clear are your goals?".into(),
            kind: QuestionKind::Likert,
            weight: 1.0,
            required: true,
        }
    }

    #[test]
    fn round_trips_and_only_the_owner_assigns() {
        let mut doc = AutoCommit::new();
        let sections = vec![Section {
            id: "s1".into(),
            title: "Goals".into(),
            questions: vec![likert("q1")],
        }];
        init(
            &mut doc,
            "team",
            "manager",
            "Quarterly check-in",
            sections,
            1,
        )
        .expect("init");
        let loaded = AutoCommit::load(&doc.save()).expect("load");
        assert_eq!(
            read(&loaded).expect("read").sections[0].questions[0].kind,
            QuestionKind::Likert
        );
        assert_eq!(
            assign(&mut doc, "someone", "bob", None, "resp", 2).map(|_| ()),
            Err(ModelError::Forbidden("assign an assessment you do not own"))
        );
        let a = assign(&mut doc, "manager", "bob", Some("2030-01-01"), "resp", 2).expect("assign");
        assert_eq!(a.assignments["bob"].status, AssignmentStatus::Assigned);
        let again = assign(&mut doc, "manager", "bob", None, "other", 3);
        assert_eq!(
            again.map(|_| ()).map_err(|e| e.code()),
            Err("invalid_input")
        );
    }

    #[test]
    fn templates_need_questions_and_sound_options() {
        let mut doc = AutoCommit::new();
        assert!(init(&mut doc, "t", "m", "Empty", vec![], 1).is_err());
        let bad = Question {
            kind: QuestionKind::SingleChoice(vec!["only".into()]),
            ..likert("q")
        };
        let sections = vec![Section {
            id: "s".into(),
            title: "S".into(),
            questions: vec![bad],
        }];
        assert!(init(&mut doc, "t", "m", "Bad", sections, 1).is_err());
    }
}
