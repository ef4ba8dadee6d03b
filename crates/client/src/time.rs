//! Time tracking on this device: one running timer per person across all their
//! boards (starting one stops the other in the same batch), entries by hand,
//! totals per task, person and week, and a timesheet as CSV. Entries live in the
//! board documents (board/time.rs in the model); `idx_time_entries` finds them.

use rusqlite::OptionalExtension;
use serde::Serialize;
use teamstead_model::board::time::{self, Entry};
use teamstead_model::board::TimeLog;

use crate::client::doc_id;
use crate::csv::csv_row;
use crate::{clock, Client, Result};

/// A time entry with where it belongs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeEntryView {
    pub id: String,
    pub board_id: String,
    pub task_id: String,
    pub task_title: String,
    pub user_id: String,
    pub started_at: i64,
    /// `None` while the timer runs.
    pub ended_at: Option<i64>,
    pub note: Option<String>,
    /// Until now for a running timer.
    pub duration_ms: i64,
}

/// Milliseconds tracked, grouped three ways.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeTotals {
    /// (task id, task title, ms), most first.
    pub by_task: Vec<(String, String, i64)>,
    /// (user id, ms), most first.
    pub by_person: Vec<(String, i64)>,
    /// (ISO week such as 2026-W48, ms), in order.
    pub by_week: Vec<(String, i64)>,
}

impl Client {
    /// Starts my timer on a task, stopping the one I had running anywhere else.
    pub fn start_timer(&self, board_id: &str, task_id: &str) -> Result<TimeEntryView> {
        let me = self.identity().user_id;
        self.require_board_writer(board_id)?;
        let running = self.running_timer()?;
        let board = doc_id("board", board_id)?;
        let entry = self.batch(|batch| {
            let now = batch.now();
            if let Some(r) = &running {
                let other = doc_id("board", &r.board_id)?;
                batch.write(&other, |doc| time::stop_timer(doc, &r.task_id, &me, now))?;
            }
            batch.write(&board, |doc| time::start_timer(doc, task_id, &me, now))
        })?;
        self.time_entry(&entry.id)
    }

    /// Stops my running timer; `None` if none runs.
    pub fn stop_timer(&self) -> Result<Option<TimeEntryView>> {
        let me = self.identity().user_id;
        let Some(running) = self.running_timer()? else {
            return Ok(None);
        };
        let board = doc_id("board", &running.board_id)?;
        self.write_doc(&board, |doc, now| {
            time::stop_timer(doc, &running.task_id, &me, now)
        })?;
        self.time_entry(&running.id).map(Some)
    }

    /// My running timer, if any (on any board, found through the index).
    pub fn running_timer(&self) -> Result<Option<TimeEntryView>> {
        let me = self.identity().user_id;
        let id: Option<String> = self
            .lock()
            .conn
            .query_row(
                "SELECT id FROM idx_time_entries WHERE user_id = ?1 AND ended_at IS NULL
                 ORDER BY started_at DESC LIMIT 1",
                [&me],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.time_entry(&id)).transpose()
    }

    pub fn add_time_entry(
        &self,
        board_id: &str,
        task_id: &str,
        started_at: i64,
        ended_at: i64,
        note: Option<&str>,
    ) -> Result<TimeEntryView> {
        let me = self.identity().user_id;
        self.require_board_writer(board_id)?;
        let entry = Entry {
            started_at,
            ended_at,
            note,
        };
        let log = self.write_doc(&doc_id("board", board_id)?, |doc, _| {
            time::add_entry(doc, task_id, &me, entry)
        })?;
        self.time_entry(&log.id)
    }

    pub fn edit_time_entry(
        &self,
        entry_id: &str,
        started_at: i64,
        ended_at: i64,
        note: Option<&str>,
    ) -> Result<TimeEntryView> {
        let me = self.identity().user_id;
        let at = self.time_entry(entry_id)?;
        let entry = Entry {
            started_at,
            ended_at,
            note,
        };
        self.write_doc(&doc_id("board", &at.board_id)?, |doc, _| {
            time::edit_entry(doc, &at.task_id, entry_id, &me, entry)
        })?;
        self.time_entry(entry_id)
    }

    pub fn delete_time_entry(&self, entry_id: &str) -> Result<()> {
        let me = self.identity().user_id;
        let at = self.time_entry(entry_id)?;
        self.write_doc(&doc_id("board", &at.board_id)?, |doc, _| {
            time::delete_entry(doc, &at.task_id, entry_id, &me)
        })
    }

    /// A team's entries that start in [from, to), oldest first.
    pub fn time_entries(&self, team_id: &str, from: i64, to: i64) -> Result<Vec<TimeEntryView>> {
        self.query_entries(
            "e.team_id = ?1 AND e.started_at >= ?2 AND e.started_at < ?3",
            rusqlite::params![team_id, from, to],
        )
    }

    /// Totals of a team's entries that start in [from, to).
    pub fn time_totals(&self, team_id: &str, from: i64, to: i64) -> Result<TimeTotals> {
        use std::collections::BTreeMap;
        let entries = self.time_entries(team_id, from, to)?;
        let mut by_task: BTreeMap<(String, String), i64> = BTreeMap::new();
        let mut by_person: BTreeMap<String, i64> = BTreeMap::new();
        let mut by_week: BTreeMap<String, i64> = BTreeMap::new();
        for e in &entries {
            *by_task
                .entry((e.task_id.clone(), e.task_title.clone()))
                .or_default() += e.duration_ms;
            *by_person.entry(e.user_id.clone()).or_default() += e.duration_ms;
            *by_week.entry(iso_week(e.started_at)).or_default() += e.duration_ms;
        }
        let mut by_task: Vec<(String, String, i64)> = by_task
            .into_iter()
            .map(|((id, title), ms)| (id, title, ms))
            .collect();
        by_task.sort_by_key(|t| std::cmp::Reverse(t.2));
        let mut by_person: Vec<(String, i64)> = by_person.into_iter().collect();
        by_person.sort_by_key(|p| std::cmp::Reverse(p.1));
        Ok(TimeTotals {
            by_task,
            by_person,
            by_week: by_week.into_iter().collect(),
        })
    }

    /// A timesheet: one row per entry, with people's names, times in UTC and
    /// hours to two places.
    pub fn timesheet_csv(&self, team_id: &str, from: i64, to: i64) -> Result<String> {
        let names: std::collections::HashMap<String, String> = self
            .members(team_id)?
            .into_iter()
            .map(|m| (m.user_id, m.name))
            .collect();
        let header = [
            "date", "person", "task", "started", "ended", "hours", "note",
        ];
        let mut out = csv_row(&header.map(String::from));
        for e in self.time_entries(team_id, from, to)? {
            let at = |ms: i64| {
                chrono::DateTime::from_timestamp_millis(ms)
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_default()
            };
            out.push_str(&csv_row(&[
                at(e.started_at).chars().take(10).collect(),
                names.get(&e.user_id).cloned().unwrap_or(e.user_id.clone()),
                e.task_title.clone(),
                at(e.started_at),
                e.ended_at.map(at).unwrap_or_else(|| "running".into()),
                format!("{:.2}", e.duration_ms as f64 / 3_600_000.0),
                e.note.clone().unwrap_or_default(),
            ]));
        }
        Ok(out)
    }

    fn time_entry(&self, entry_id: &str) -> Result<TimeEntryView> {
        self.query_entries("e.id = ?1", rusqlite::params![entry_id])?
            .pop()
            .ok_or_else(|| crate::ClientError::not_found("time entry", entry_id))
    }

    fn query_entries(
        &self,
        filter: &str,
        params: &[&dyn rusqlite::ToSql],
    ) -> Result<Vec<TimeEntryView>> {
        let now = clock::now();
        let inner = self.lock();
        let mut stmt = inner.conn.prepare(&format!(
            "SELECT e.id, e.board_id, e.task_id, COALESCE(t.title, ''), e.user_id, e.started_at,
                    e.ended_at, e.note
             FROM idx_time_entries e
             LEFT JOIN idx_tasks t ON t.board_id = e.board_id AND t.id = e.task_id
             WHERE {filter} ORDER BY e.started_at, e.id"
        ))?;
        let rows = stmt.query_map(params, |r| {
            let log = TimeLog {
                id: r.get(0)?,
                user_id: r.get(4)?,
                started_at: r.get(5)?,
                ended_at: r.get(6)?,
                note: r.get(7)?,
            };
            Ok(TimeEntryView {
                board_id: r.get(1)?,
                task_id: r.get(2)?,
                task_title: r.get(3)?,
                duration_ms: time::duration(&log, now),
                id: log.id,
                user_id: log.user_id,
                started_at: log.started_at,
                ended_at: log.ended_at,
                note: log.note,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The ISO week an instant falls in (UTC), as 2026-W48.
fn iso_week(ms: i64) -> String {
    use chrono::Datelike;
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| {
            let week = t.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        })
        .unwrap_or_default()
}
