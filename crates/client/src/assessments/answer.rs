//! The assignee's side: the inbox, and answers saved into their response document
//! as a draft (offline like any write) until they submit it.

use teamstead_model::response::{self, Answer, Answering};
use teamstead_model::DocKind;

use super::manage::assignment_states;
use super::{is_overdue, today, AssessmentDetail, InboxItem};
use crate::{Client, Result};

impl Client {
    /// Every assessment assigned to this person, in any team: what waits on them
    /// first (soonest due first), then what they finished.
    pub fn inbox(&self) -> Result<Vec<InboxItem>> {
        let me = self.identity().user_id;
        let today = today();
        let inner = self.lock();
        let mut stmt = inner.conn.prepare(
            "SELECT s.id, s.team_id, s.title, s.owner FROM idx_assignments a
             JOIN idx_assessments s ON s.id = a.assessment_id
             WHERE a.user_id = ?1",
        )?;
        let rows: Vec<(String, String, String, String)> = stmt
            .query_map([&me], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()?;
        let mut items = Vec::new();
        for (assessment_id, team_id, title, owner) in rows {
            for row in assignment_states(&inner.conn, &assessment_id, Some(&me))? {
                items.push(InboxItem {
                    overdue: is_overdue(row.due.as_deref(), row.progress, &today),
                    assessment_id: assessment_id.clone(),
                    team_id: team_id.clone(),
                    title: title.clone(),
                    owner: owner.clone(),
                    due: row.due,
                    progress: row.progress,
                    round: row.round,
                    answered: row.answered,
                });
            }
        }
        items.sort_by(|a, b| {
            let waiting = |i: &InboxItem| !i.progress.awaits_assignee();
            let due = |i: &InboxItem| i.due.clone().unwrap_or_else(|| "9999".into());
            (waiting(a), due(a), &a.title).cmp(&(waiting(b), due(b), &b.title))
        });
        Ok(items)
    }

    /// Saves one answer to this person's response (`None` clears it). The response
    /// is started on the first answer, the same document on each of their devices.
    pub fn answer(
        &self,
        assessment_id: &str,
        question_id: &str,
        answer: Option<Answer>,
    ) -> Result<AssessmentDetail> {
        self.write_response(assessment_id, |doc, me, on, _| {
            response::answer(doc, me, on, question_id, answer)
        })?;
        self.assessment(assessment_id)
    }

    /// Submits this person's response; after this the relay keeps it read-only.
    pub fn submit_response(&self, assessment_id: &str) -> Result<AssessmentDetail> {
        self.write_response(assessment_id, |doc, me, on, now| {
            response::submit(doc, me, on, now)
        })?;
        self.assessment(assessment_id)
    }

    /// Writes this person's response with the assessment and their standing as
    /// this device has them, starting the response on first use.
    fn write_response(
        &self,
        assessment_id: &str,
        edit: impl FnOnce(
            &mut automerge::AutoCommit,
            &str,
            Answering<'_>,
            i64,
        ) -> Result<response::Response, teamstead_model::ModelError>,
    ) -> Result<()> {
        let me = self.identity().user_id;
        let (_, a) = self.assessment_doc(assessment_id)?;
        let standing = self.review_doc(assessment_id, &me)?;
        let on = Answering {
            assessment: &a,
            review: standing.as_ref(),
        };
        let id = response::doc_id(assessment_id, &me);
        self.batch(|batch| {
            let now = batch.now();
            batch.write_derived(
                &id,
                DocKind::Response,
                Some(&a.team_id),
                || response::genesis(assessment_id, &me),
                |doc| edit(doc, &me, on, now),
            )
        })?;
        Ok(())
    }
}
