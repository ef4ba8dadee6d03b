//! Time tracking on a board's tasks: timers (an entry with no end yet) and
//! entries written by hand. An entry is its person's: only they change it. A
//! running timer lives in the document like any entry, so it is saved the moment
//! it starts and survives a crash or a restart with its start time.

use automerge::AutoCommit;

use super::{put_task, task, TimeLog};
use crate::validate::validate_text;
use crate::{new_id, Millis, ModelError, Result};

/// The longest entry: a week. Longer is a timer someone forgot.
pub const MAX_ENTRY_MS: Millis = 7 * 24 * 60 * 60 * 1000;
const MAX_NOTE: usize = 500;

/// Starts `user`'s timer on a task. One running timer per person: the caller
/// stops any other first (it may be on another board).
pub fn start_timer(
    doc: &mut AutoCommit,
    task_id: &str,
    user: &str,
    now: Millis,
) -> Result<TimeLog> {
    if let Some((running_on, _)) = running(doc, user)? {
        return Err(ModelError::Invalid {
            what: "a timer",
            reason: if running_on == task_id {
                "it is already running on this task"
            } else {
                "another of your timers is running; stop it first"
            },
        });
    }
    let mut task = task(doc, task_id)?;
    let log = TimeLog {
        id: new_id(),
        user_id: user.into(),
        started_at: now,
        ended_at: None,
        note: None,
    };
    task.time_logs.push(log.clone());
    put_task(doc, &task)?;
    Ok(log)
}

/// Stops `user`'s running timer on a task.
pub fn stop_timer(doc: &mut AutoCommit, task_id: &str, user: &str, now: Millis) -> Result<TimeLog> {
    let mut task = task(doc, task_id)?;
    let log = task
        .time_logs
        .iter_mut()
        .find(|l| l.user_id == user && l.ended_at.is_none())
        .ok_or_else(|| ModelError::not_found("running timer", task_id))?;
    // A clock set back must not give a negative entry.
    log.ended_at = Some(now.max(log.started_at));
    let stopped = log.clone();
    put_task(doc, &task)?;
    Ok(stopped)
}

/// An entry written by hand (or corrected): from, to and an optional note.
pub struct Entry<'a> {
    pub started_at: Millis,
    pub ended_at: Millis,
    pub note: Option<&'a str>,
}

pub fn add_entry(
    doc: &mut AutoCommit,
    task_id: &str,
    user: &str,
    entry: Entry<'_>,
) -> Result<TimeLog> {
    let mut task = task(doc, task_id)?;
    let log = TimeLog {
        id: new_id(),
        user_id: user.into(),
        started_at: entry.started_at,
        ended_at: Some(entry.ended_at),
        note: note(entry.note)?,
    };
    check_span(log.started_at, entry.ended_at)?;
    task.time_logs.push(log.clone());
    put_task(doc, &task)?;
    Ok(log)
}

/// Corrects an entry; only its person may.
pub fn edit_entry(
    doc: &mut AutoCommit,
    task_id: &str,
    entry_id: &str,
    by: &str,
    entry: Entry<'_>,
) -> Result<TimeLog> {
    let mut task = task(doc, task_id)?;
    let log = own_entry(&mut task.time_logs, entry_id, by)?;
    check_span(entry.started_at, entry.ended_at)?;
    log.started_at = entry.started_at;
    log.ended_at = Some(entry.ended_at);
    log.note = note(entry.note)?;
    let edited = log.clone();
    put_task(doc, &task)?;
    Ok(edited)
}

pub fn delete_entry(doc: &mut AutoCommit, task_id: &str, entry_id: &str, by: &str) -> Result<()> {
    let mut task = task(doc, task_id)?;
    own_entry(&mut task.time_logs, entry_id, by)?;
    task.time_logs.retain(|l| l.id != entry_id);
    put_task(doc, &task)
}

/// The task and entry of `user`'s running timer on this board, if any.
pub fn running(doc: &AutoCommit, user: &str) -> Result<Option<(String, TimeLog)>> {
    for task in super::tasks(doc)? {
        if let Some(log) = task
            .time_logs
            .iter()
            .find(|l| l.user_id == user && l.ended_at.is_none())
        {
            return Ok(Some((task.id.clone(), log.clone())));
        }
    }
    Ok(None)
}

/// How long an entry lasts, a running one until `now`.
pub fn duration(log: &TimeLog, now: Millis) -> Millis {
    (log.ended_at.unwrap_or(now) - log.started_at).max(0)
}

fn own_entry<'a>(logs: &'a mut [TimeLog], entry_id: &str, by: &str) -> Result<&'a mut TimeLog> {
    let log = logs
        .iter_mut()
        .find(|l| l.id == entry_id)
        .ok_or_else(|| ModelError::not_found("time entry", entry_id))?;
    if log.user_id != by {
        return Err(ModelError::Forbidden("change someone else's time entry"));
    }
    Ok(log)
}

fn check_span(started_at: Millis, ended_at: Millis) -> Result<()> {
    if ended_at <= started_at {
        return Err(ModelError::Invalid {
            what: "a time entry",
            reason: "it must end after it starts",
        });
    }
    if ended_at - started_at > MAX_ENTRY_MS {
        return Err(ModelError::Invalid {
            what: "a time entry",
            reason: "it may last a week at most",
        });
    }
    Ok(())
}

fn note(raw: Option<&str>) -> Result<Option<String>> {
    match raw.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Ok(Some(validate_text("a time note", n, MAX_NOTE)?)),
        None => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::{self, NewTask};

    fn board_with_task() -> (AutoCommit, String) {
        let mut doc = AutoCommit::new();
        board::init(&mut doc, "team", "Board", 1).expect("init");
        let new = NewTask::titled("Write the report", "todo", "ann");
        let task = board::create_task(&mut doc, new, 1).expect("task");
        (doc, task.id)
    }

    #[test]
    fn a_timer_runs_once_per_person_and_stops_with_its_start_intact() {
        let (mut doc, task) = board_with_task();
        let started = start_timer(&mut doc, &task, "ann", 1_000).expect("start");
        assert_eq!(
            start_timer(&mut doc, &task, "ann", 2_000)
                .map_err(|e| e.code())
                .err(),
            Some("invalid_input")
        );
        start_timer(&mut doc, &task, "bob", 1_500).expect("bob has his own");
        let reloaded = AutoCommit::load(&doc.save()).expect("load");
        let (on, log) = running(&reloaded, "ann").expect("read").expect("running");
        assert_eq!((on.as_str(), log.started_at), (task.as_str(), 1_000));
        let stopped = stop_timer(&mut doc, &task, "ann", 61_000).expect("stop");
        assert_eq!(duration(&stopped, 0), 60_000);
        assert_eq!(stopped.id, started.id);
        assert!(running(&doc, "ann").expect("read").is_none());
        assert_eq!(
            stop_timer(&mut doc, &task, "ann", 70_000)
                .map_err(|e| e.code())
                .err(),
            Some("not_found")
        );
    }

    #[test]
    fn entries_by_hand_are_checked_and_only_their_person_changes_them() {
        let (mut doc, task) = board_with_task();
        let entry = |from, to, note| Entry {
            started_at: from,
            ended_at: to,
            note,
        };
        let log = add_entry(
            &mut doc,
            &task,
            "ann",
            entry(0, 3_600_000, Some(" review ")),
        )
        .expect("add");
        assert_eq!(log.note.as_deref(), Some("review"));
        for (from, to) in [(10, 10), (10, 5), (0, MAX_ENTRY_MS + 1)] {
            assert_eq!(
                add_entry(&mut doc, &task, "ann", entry(from, to, None))
                    .map_err(|e| e.code())
                    .err(),
                Some("invalid_input")
            );
        }
        assert_eq!(
            edit_entry(&mut doc, &task, &log.id, "bob", entry(0, 60_000, None))
                .map_err(|e| e.code())
                .err(),
            Some("forbidden")
        );
        let edited =
            edit_entry(&mut doc, &task, &log.id, "ann", entry(0, 60_000, None)).expect("edit");
        assert_eq!((edited.ended_at, edited.note), (Some(60_000), None));
        assert_eq!(
            delete_entry(&mut doc, &task, &log.id, "bob")
                .map_err(|e| e.code())
                .err(),
            Some("forbidden")
        );
        delete_entry(&mut doc, &task, &log.id, "ann").expect("delete");
        assert!(board::task(&doc, &task).expect("task").time_logs.is_empty());
    }
}
