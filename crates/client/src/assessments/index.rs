//! Assessment rows of the query index: each assessment with its assignments, and
//! each response's state, so lists and the inbox never load whole documents.

use rusqlite::{params, Connection};
use teamstead_model::assessment::review;
use teamstead_model::{assessment, response};
use teamstead_protocol::DocumentId;

use crate::store::LiveDoc;
use crate::Result;

pub fn assessment(conn: &Connection, id: &DocumentId, live: &LiveDoc) -> Result<()> {
    let a = assessment::read(&live.doc)?;
    let key = id.to_string();
    conn.execute(
        "INSERT INTO idx_assessments (id, team_id, owner, title, series, run, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title",
        params![
            key,
            a.team_id,
            a.owner,
            a.title,
            a.series,
            a.run as i64,
            a.created_at
        ],
    )?;
    conn.execute(
        "DELETE FROM idx_assignments WHERE assessment_id = ?1",
        [&key],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO idx_assignments (assessment_id, user_id, team_id, due)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for x in a.assignments.values() {
        insert.execute(params![key, x.user_id, a.team_id, x.due])?;
    }
    Ok(())
}

pub fn review(conn: &Connection, live: &LiveDoc) -> Result<()> {
    let r = review::read(&live.doc)?;
    conn.execute(
        "INSERT INTO idx_reviews (assessment_id, user_id, status, round, last_nudge, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (assessment_id, user_id) DO UPDATE SET status = excluded.status,
             round = excluded.round, last_nudge = excluded.last_nudge, score = excluded.score",
        params![
            r.assessment_id,
            r.assignee,
            r.status.as_str(),
            r.round as i64,
            r.nudges.last(),
            r.score()
        ],
    )?;
    Ok(())
}

pub fn response(conn: &Connection, live: &LiveDoc) -> Result<()> {
    let r = response::read(&live.doc)?;
    conn.execute(
        "INSERT INTO idx_responses (assessment_id, user_id, status, round, answered, submitted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (assessment_id, user_id) DO UPDATE SET status = excluded.status,
             round = excluded.round, answered = excluded.answered,
             submitted_at = excluded.submitted_at",
        params![
            r.assessment_id,
            r.assignee,
            r.status.as_str(),
            r.round as i64,
            r.answers.len() as i64,
            r.submitted_at
        ],
    )?;
    Ok(())
}
