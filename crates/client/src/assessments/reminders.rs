//! Reminders, computed from the documents on this device with no network: an
//! assignee hears the day before an assessment is due, on the day, and once it is
//! overdue, and whenever the manager nudges; a manager hears when someone is late.
//! Each shows once per round; a table of shown keys remembers which.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use teamstead_model::assessment::Progress;

use super::manage::assignment_states;
use crate::{Client, Result};

/// Day-before and on-the-day reminders wait for the working day to start.
const REMIND_AT: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    DueTomorrow,
    DueToday,
    Overdue,
    /// The manager asked the assignee to get to it.
    Nudge,
    /// For the manager: an assignee is past the due date.
    Late,
    /// A pulse survey's new period waits for this person's answer.
    Pulse,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub kind: ReminderKind,
    /// The assessment it is about; empty for a pulse survey.
    pub assessment_id: String,
    /// The pulse survey it is about, for `Pulse`.
    pub pulse_id: Option<String>,
    pub team_id: String,
    pub title: String,
    /// Whose assignment it is about.
    pub user_id: String,
    pub due: Option<String>,
}

/// Where an assignment due on `due` stands at local time `now`.
fn due_phase(due: NaiveDate, now: NaiveDateTime) -> Option<ReminderKind> {
    let today = now.date();
    let working = now.time() >= REMIND_AT;
    if today > due {
        Some(ReminderKind::Overdue)
    } else if today == due && working {
        Some(ReminderKind::DueToday)
    } else if today + Duration::days(1) == due && working {
        Some(ReminderKind::DueTomorrow)
    } else {
        None
    }
}

impl Client {
    /// The reminders due at local time `now` that this device has not shown yet,
    /// marked as shown. The desktop asks every minute; tests pass the clock.
    pub fn take_reminders(&self, now: NaiveDateTime) -> Result<Vec<Reminder>> {
        let me = self.identity().user_id;
        let stamp = crate::clock::now();
        let surveys = self.unanswered_pulses(&now.date().format("%Y-%m-%d").to_string())?;
        let mut guard = self.lock();
        let tx = guard.conn.transaction()?;
        let rows: Vec<(String, String, String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, team_id, title, owner FROM idx_assessments ORDER BY created_at",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut out = Vec::new();
        for (assessment_id, team_id, title, owner) in rows {
            let mine = owner == me;
            let nudges = last_nudges(&tx, &assessment_id)?;
            for row in assignment_states(&tx, &assessment_id, None)? {
                let (user, progress, due, round) = (row.user, row.progress, row.due, row.round);
                if !progress.awaits_assignee() || (!mine && user != me) {
                    continue;
                }
                let reminder = |kind| Reminder {
                    kind,
                    assessment_id: assessment_id.clone(),
                    pulse_id: None,
                    team_id: team_id.clone(),
                    title: title.clone(),
                    user_id: user.clone(),
                    due: due.clone(),
                };
                let due_date = due
                    .as_deref()
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                let phase = due_date.and_then(|d| due_phase(d, now));
                let key = |what: &str| format!("{assessment_id}:{user}:{round}:{what}");
                if user == me {
                    if let Some(phase) = phase {
                        // Each phase once; a later one stands in for earlier ones missed.
                        let fresh = first_showing(&tx, &key(&format!("{phase:?}")), stamp)?;
                        for earlier in [ReminderKind::DueTomorrow, ReminderKind::DueToday] {
                            if earlier < phase {
                                first_showing(&tx, &key(&format!("{earlier:?}")), stamp)?;
                            }
                        }
                        if fresh {
                            out.push(reminder(phase));
                        }
                    }
                    if let Some(at) = nudges.iter().find(|(u, _)| *u == user).map(|(_, at)| *at) {
                        if first_showing(&tx, &key(&format!("nudge:{at}")), stamp)? {
                            out.push(reminder(ReminderKind::Nudge));
                        }
                    }
                }
                if mine
                    && user != me
                    && phase == Some(ReminderKind::Overdue)
                    && progress != Progress::Approved
                    && first_showing(&tx, &key("late"), stamp)?
                {
                    out.push(reminder(ReminderKind::Late));
                }
            }
        }
        // Each period of a survey, once, from the start of the working day.
        if now.time() >= REMIND_AT {
            for (team_id, pulse_id, title, period) in surveys {
                if first_showing(&tx, &format!("pulse:{team_id}:{pulse_id}:{period}"), stamp)? {
                    out.push(Reminder {
                        kind: ReminderKind::Pulse,
                        assessment_id: String::new(),
                        pulse_id: Some(pulse_id),
                        team_id,
                        title,
                        user_id: me.clone(),
                        due: None,
                    });
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

fn last_nudges(conn: &Connection, assessment_id: &str) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT user_id, last_nudge FROM idx_reviews
         WHERE assessment_id = ?1 AND last_nudge IS NOT NULL",
    )?;
    let rows = stmt.query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Records `key` as shown; true if it was not shown before.
fn first_showing(conn: &Connection, key: &str, now: i64) -> Result<bool> {
    let seen: Option<i64> = conn
        .query_row(
            "SELECT shown_at FROM assessment_reminders WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    if seen.is_some() {
        return Ok(false);
    }
    conn.execute(
        "INSERT INTO assessment_reminders (key, shown_at) VALUES (?1, ?2)",
        params![key, now],
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn phases_follow_the_local_day() {
        let due = NaiveDate::from_ymd_opt(2030, 3, 10).expect("date");
        assert_eq!(due_phase(due, at("2030-03-08", "12:00")), None);
        assert_eq!(due_phase(due, at("2030-03-09", "08:59")), None);
        assert_eq!(
            due_phase(due, at("2030-03-09", "09:00")),
            Some(ReminderKind::DueTomorrow)
        );
        assert_eq!(
            due_phase(due, at("2030-03-10", "10:00")),
            Some(ReminderKind::DueToday)
        );
        assert_eq!(
            due_phase(due, at("2030-03-10", "23:59")),
            Some(ReminderKind::DueToday)
        );
        assert_eq!(
            due_phase(due, at("2030-03-11", "00:00")),
            Some(ReminderKind::Overdue)
        );
    }
}
