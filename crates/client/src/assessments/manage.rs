//! The manager's side: templates, creating an assessment, delegating it, nudging,
//! reviewing, running it again; and the lists and detail both sides read.

use std::collections::HashMap;

use rusqlite::params;
use teamstead_model::assessment::review::{self, ReviewKey};
use teamstead_model::assessment::templates::{self, Template};
use teamstead_model::assessment::{
    self, Assessment, Assignees, NewAssessment, Progress, ResponseState, ReviewDoc, Verdict,
};
use teamstead_model::response::{self, Response, ResponseStatus};
use teamstead_model::team::{self, Team};
use teamstead_model::{new_id, DocKind, ModelError};
use teamstead_protocol::DocumentId;

use super::{
    is_overdue, today, AssessmentDetail, AssessmentSummary, AssignmentView, NewAssessmentInput,
    ResponseView, ReviewInput,
};
use crate::client::doc_id;
use crate::{Client, ClientError, Result};

impl Client {
    pub(crate) fn team_doc(&self, team_id: &str) -> Result<(DocumentId, Team)> {
        let id = doc_id("team", team_id)?;
        Ok((id, self.read_doc(&id, team::read)?))
    }

    pub(crate) fn assessment_doc(&self, assessment_id: &str) -> Result<(DocumentId, Assessment)> {
        let id = doc_id("assessment", assessment_id)?;
        let assessment = self
            .read_doc_if_here(&id, assessment::read)?
            .ok_or_else(|| ClientError::not_found("assessment", assessment_id))?;
        Ok((id, assessment))
    }

    /// An assignee's review document as this device has it, if there is one yet.
    pub(crate) fn review_doc(&self, assessment_id: &str, user: &str) -> Result<Option<ReviewDoc>> {
        let id = review::doc_id(assessment_id, user);
        self.read_doc_if_here(&id, review::read)
    }

    /// Writes an assignee's review document as the assessment's owner, starting it
    /// on first use.
    fn write_review<T>(
        &self,
        a: &Assessment,
        assessment_id: &str,
        user: &str,
        edit: impl FnOnce(&mut automerge::AutoCommit, i64) -> Result<T, ModelError>,
    ) -> Result<T> {
        if !a.assignments.contains_key(user) {
            return Err(ClientError::not_found("assignment", user));
        }
        let id = review::doc_id(assessment_id, user);
        let key = ReviewKey {
            team_id: &a.team_id,
            assessment_id,
            assignee: user,
            owner: &a.owner,
        };
        self.batch(|batch| {
            let now = batch.now();
            batch.write_derived(
                &id,
                DocKind::Review,
                Some(&a.team_id),
                || review::genesis(key),
                |doc| edit(doc, now),
            )
        })
    }

    /// A response as this device has it, if it has it.
    pub(crate) fn response_doc(&self, assessment_id: &str, user: &str) -> Result<Option<Response>> {
        let id = response::doc_id(assessment_id, user);
        self.read_doc_if_here(&id, response::read)
    }

    /// The built-in templates, then the team's own, by title.
    pub fn templates(&self, team_id: &str) -> Result<Vec<Template>> {
        let (_, team) = self.team_doc(team_id)?;
        let mut own: Vec<Template> = team.templates.into_values().collect();
        own.sort_by_key(|t| t.title.to_lowercase());
        let mut all = templates::builtins();
        all.extend(own);
        Ok(all)
    }

    /// Saves one of the team's own templates; a new one gets an id.
    pub fn save_template(&self, team_id: &str, mut template: Template) -> Result<Template> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        if template.id.trim().is_empty() {
            template.id = new_id();
        }
        template.created_by = me.clone();
        let key = template.id.clone();
        let team = self.write_doc(&id, |doc, now| {
            template.updated_at = now;
            team::save_template(doc, &me, template)
        })?;
        team.templates
            .get(&key)
            .cloned()
            .ok_or_else(|| ClientError::not_found("template", key))
    }

    pub fn delete_template(&self, team_id: &str, template_id: &str) -> Result<()> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        self.write_doc(&id, |doc, _| team::delete_template(doc, &me, template_id))?;
        Ok(())
    }

    /// Creates an assessment from a template or from its own questions, and lists
    /// it in the team, in one transaction.
    pub fn create_assessment(
        &self,
        team_id: &str,
        input: NewAssessmentInput,
    ) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (sections, template_id) = match (&input.template_id, input.sections) {
            (_, Some(sections)) => (sections, input.template_id.clone()),
            (Some(template), None) => {
                let found = self
                    .templates(team_id)?
                    .into_iter()
                    .find(|t| &t.id == template)
                    .ok_or_else(|| ClientError::not_found("template", template))?;
                (found.sections, Some(found.id))
            }
            (None, None) => {
                return Err(ModelError::Empty {
                    what: "an assessment's question list",
                }
                .into())
            }
        };
        let new = NewAssessment {
            team_id,
            owner: &me,
            title: &input.title,
            description: &input.description,
            sections,
            template_id,
            series: None,
        };
        let id = self.create_listed_assessment(team_id, new)?;
        self.assessment(&id.to_string())
    }

    fn create_listed_assessment(
        &self,
        team_id: &str,
        new: NewAssessment<'_>,
    ) -> Result<DocumentId> {
        let me = self.identity().user_id;
        let team_doc = doc_id("team", team_id)?;
        self.batch(|batch| {
            let now = batch.now();
            let (id, _) = batch.create(DocKind::Assessment, Some(team_id), |doc| {
                assessment::init(doc, new, now)
            })?;
            batch.write(&team_doc, |doc| {
                team::add_assessment(doc, &me, &id.to_string())
            })?;
            Ok(id)
        })
    }

    /// Starts the next run of a recurring assessment: the same questions, for the
    /// same people, due on `due`.
    pub fn run_assessment_again(
        &self,
        assessment_id: &str,
        due: Option<&str>,
    ) -> Result<AssessmentDetail> {
        let (_, last) = self.assessment_doc(assessment_id)?;
        let latest_run: i64 = {
            let inner = self.lock();
            inner.conn.query_row(
                "SELECT COALESCE(MAX(run), 0) FROM idx_assessments WHERE series = ?1",
                [&last.series],
                |r| r.get(0),
            )?
        };
        let latest_run = u64::try_from(latest_run).unwrap_or(0);
        let me = self.identity().user_id;
        let new = NewAssessment {
            team_id: &last.team_id,
            owner: &me,
            title: &last.title,
            description: &last.description,
            sections: last.sections.clone(),
            template_id: last.template_id.clone(),
            series: Some((last.series.clone(), latest_run.max(last.run) + 1)),
        };
        let id = self
            .create_listed_assessment(&last.team_id, new)?
            .to_string();
        let people: Vec<String> = last.assignments.keys().cloned().collect();
        if !people.is_empty() {
            self.assign_assessment(&id, Assignees::People(people), due)?;
        }
        self.assessment(&id)
    }

    /// Changes the title and description, and the questions until it is assigned.
    pub fn edit_assessment(
        &self,
        assessment_id: &str,
        title: &str,
        description: &str,
        sections: Option<Vec<teamstead_model::assessment::Section>>,
    ) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (id, _) = self.assessment_doc(assessment_id)?;
        self.write_doc(&id, |doc, _| {
            assessment::edit(doc, &me, title, description, sections)
        })?;
        self.assessment(assessment_id)
    }

    pub fn assign_assessment(
        &self,
        assessment_id: &str,
        to: Assignees,
        due: Option<&str>,
    ) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (id, a) = self.assessment_doc(assessment_id)?;
        let (_, team) = self.team_doc(&a.team_id)?;
        self.write_doc(&id, |doc, now| {
            assessment::assign(doc, &me, &team, &to, due, now)
        })?;
        self.assessment(assessment_id)
    }

    pub fn unassign_assessment(&self, assessment_id: &str, user: &str) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (id, _) = self.assessment_doc(assessment_id)?;
        let standing = self.review_doc(assessment_id, user)?;
        self.write_doc(&id, |doc, _| {
            assessment::unassign(doc, &me, user, standing.as_ref())
        })?;
        self.assessment(assessment_id)
    }

    pub fn set_assessment_due(
        &self,
        assessment_id: &str,
        user: &str,
        due: Option<&str>,
    ) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (id, _) = self.assessment_doc(assessment_id)?;
        self.write_doc(&id, |doc, _| assessment::set_due(doc, &me, user, due))?;
        self.assessment(assessment_id)
    }

    /// Reminds an assignee; their device shows it as a notification.
    pub fn nudge(&self, assessment_id: &str, user: &str) -> Result<()> {
        let me = self.identity().user_id;
        let (_, a) = self.assessment_doc(assessment_id)?;
        self.write_review(&a, assessment_id, user, |doc, now| {
            review::nudge(doc, &me, now)
        })?;
        Ok(())
    }

    /// Approves, requests changes to, or rescores an assignee's response as this
    /// device has it.
    pub fn review(
        &self,
        assessment_id: &str,
        user: &str,
        input: ReviewInput,
    ) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (_, a) = self.assessment_doc(assessment_id)?;
        let response = self.response_doc(assessment_id, user)?.ok_or_else(|| {
            ClientError::Model(ModelError::Invalid {
                what: "this review",
                reason: "the response has not been submitted yet",
            })
        })?;
        let verdict = Verdict {
            decision: input.decision,
            score_override: input
                .score_override
                .map(|score| (score, input.override_reason.as_str())),
            feedback: &input.feedback,
        };
        self.write_review(&a, assessment_id, user, |doc, now| {
            review::decide(doc, &me, &a, &response, verdict, now)
        })?;
        self.assessment(assessment_id)
    }

    /// A team's assessments, newest first, with their counts.
    pub fn list_assessments(&self, team_id: &str) -> Result<Vec<AssessmentSummary>> {
        let today = today();
        let inner = self.lock();
        let mut stmt = inner.conn.prepare(
            "SELECT id, title, owner, series, run, created_at FROM idx_assessments
             WHERE team_id = ?1 ORDER BY created_at DESC",
        )?;
        let rows: Vec<(String, String, String, String, i64, i64)> = stmt
            .query_map([team_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, title, owner, series, run, created_at) in rows {
            let states = assignment_states(&inner.conn, &id, None)?;
            let count =
                |p: &[Progress]| states.iter().filter(|s| p.contains(&s.progress)).count() as u32;
            out.push(AssessmentSummary {
                team_id: team_id.to_string(),
                assigned: states.len() as u32,
                submitted: count(&[Progress::Submitted, Progress::Approved]),
                approved: count(&[Progress::Approved]),
                overdue: states
                    .iter()
                    .filter(|s| is_overdue(s.due.as_deref(), s.progress, &today))
                    .count() as u32,
                id,
                title,
                owner,
                series,
                run: u64::try_from(run).unwrap_or(0),
                created_at,
            });
        }
        Ok(out)
    }

    /// An assessment with every assignment as this device knows it, and this
    /// person's own response.
    pub fn assessment(&self, assessment_id: &str) -> Result<AssessmentDetail> {
        let me = self.identity().user_id;
        let (_, a) = self.assessment_doc(assessment_id)?;
        let team = self.team_doc(&a.team_id).map(|(_, t)| t).ok();
        let today = today();
        let mut assignments = Vec::new();
        for x in a.assignments.values() {
            let response = self.response_doc(assessment_id, &x.user_id)?;
            let standing = self.review_doc(assessment_id, &x.user_id)?;
            let progress = Progress::of(standing.as_ref(), response.as_ref());
            let submitted = matches!(progress, Progress::Submitted | Progress::Approved);
            let member = team.as_ref().and_then(|t| t.members.get(&x.user_id));
            assignments.push(AssignmentView {
                user_id: x.user_id.clone(),
                name: member.map_or_else(|| "Former member".into(), |m| m.name.clone()),
                department: member.and_then(|m| m.department.clone()),
                due: x.due.clone(),
                progress,
                overdue: is_overdue(x.due.as_deref(), progress, &today),
                round: review::standing(standing.as_ref()).1,
                nudges: standing.as_ref().map_or(0, |r| r.nudges.len() as u32),
                auto_score: response
                    .as_ref()
                    .filter(|_| submitted)
                    .and_then(|r| assessment::questions::score(&a.sections, &r.answers)),
                score: standing.as_ref().and_then(ReviewDoc::score),
                reviews: standing.map(|r| r.reviews).unwrap_or_default(),
            });
        }
        assignments.sort_by_key(|x| x.name.to_lowercase());
        let my_response = match a.assignments.contains_key(&me) {
            true => Some(my_response_view(
                self.review_doc(assessment_id, &me)?,
                self.response_doc(assessment_id, &me)?,
            )),
            false => None,
        };
        Ok(AssessmentDetail {
            id: assessment_id.to_string(),
            team_id: a.team_id.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            is_owner: a.owner == me,
            owner: a.owner.clone(),
            series: a.series.clone(),
            run: a.run,
            template_id: a.template_id.clone(),
            sections: a.sections.clone(),
            assignments,
            my_response,
        })
    }
}

fn my_response_view(standing: Option<ReviewDoc>, response: Option<Response>) -> ResponseView {
    let progress = Progress::of(standing.as_ref(), response.as_ref());
    let feedback = standing
        .as_ref()
        .and_then(ReviewDoc::open_feedback)
        .map(str::to_string);
    let (status, round, answers, submitted_at) = match response {
        Some(r) => (r.status, r.round, r.answers, r.submitted_at),
        None => (
            ResponseStatus::Draft,
            review::standing(standing.as_ref()).1,
            HashMap::new(),
            None,
        ),
    };
    ResponseView {
        status,
        round,
        answers,
        submitted_at,
        editable: progress.awaits_assignee(),
        feedback,
    }
}

/// An assignment as the index has it.
pub(crate) struct AssignmentRow {
    pub user: String,
    pub progress: Progress,
    pub due: Option<String>,
    pub round: u64,
    pub answered: u32,
}

/// Each assignment of an assessment, from the index; only `user`'s when given.
pub(crate) fn assignment_states(
    conn: &rusqlite::Connection,
    assessment_id: &str,
    user: Option<&str>,
) -> Result<Vec<AssignmentRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.user_id, COALESCE(v.status, 'assigned'), COALESCE(v.round, 1), a.due,
                r.status, r.round, r.answered
         FROM idx_assignments a
         LEFT JOIN idx_reviews v ON v.assessment_id = a.assessment_id AND v.user_id = a.user_id
         LEFT JOIN idx_responses r ON r.assessment_id = a.assessment_id AND r.user_id = a.user_id
         WHERE a.assessment_id = ?1 AND (?2 IS NULL OR a.user_id = ?2)",
    )?;
    let rows = stmt.query_map(params![assessment_id, user], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<u32>>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (user, status, round, due, r_status, r_round, answered) = row?;
        let round = u64::try_from(round).unwrap_or(1);
        let r_round = r_round.and_then(|r| u64::try_from(r).ok());
        let status = assessment::AssignmentStatus::parse(&status)
            .unwrap_or(assessment::AssignmentStatus::Assigned);
        let response: Option<ResponseState> = match (r_status, r_round) {
            (Some(s), Some(r)) => {
                ResponseStatus::parse(&s).map(|s| (s, r, answered.unwrap_or(0) as usize))
            }
            _ => None,
        };
        let progress = Progress::from_parts(status, round, response);
        out.push(AssignmentRow {
            user,
            progress,
            due,
            round,
            answered: answered.unwrap_or(0),
        });
    }
    Ok(out)
}
