//! Who may read and write each kind of document: DESIGN.md's table as code. The
//! relay calls these before it stores or forwards anything; they are pure, so the
//! rules are tested here without a network.
//!
//! A write is judged by what it touches: the patches between the document's heads
//! before and after the incoming changes, read against the state before them.

use automerge::{AutoCommit, ChangeHash, ObjType, Prop, ReadDoc, ScalarValue, Value, ROOT};

use crate::team::Role;
use crate::{DocKind, ModelError, Result};

/// What one person may do with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Access {
    /// Not even that it exists.
    None,
    Read,
    /// Read, and write what the document's rules allow them.
    Write,
}

/// What the relay knows about a document, read from it when it was created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub kind: DocKind,
    /// The team it belongs to; for a team document, its own id.
    pub team_id: String,
    /// The one person it belongs to: a user document's user, a response's
    /// assignee, an assessment's owning manager; for a channel document, the
    /// conversation it holds a month of.
    pub subject: Option<String>,
}

/// The person asking, as the relay knows them.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub user_id: &'a str,
    /// Their role in the document's team, if they are a member.
    pub role: Option<Role>,
}

/// What `who` may do with a document described by `meta`.
pub fn access(meta: &DocMeta, who: Actor<'_>) -> Access {
    let is_subject = meta.subject.as_deref() == Some(who.user_id);
    match meta.kind {
        // A user document is private even from the team.
        DocKind::User if is_subject => Access::Write,
        DocKind::User => Access::None,
        // A pulse answer is its author's alone: not even managers read it.
        DocKind::PulseAnswer if is_subject && who.role.is_some_and(Role::writes_content) => {
            Access::Write
        }
        DocKind::PulseAnswer => Access::None,
        _ => match who.role {
            None => Access::None,
            Some(role) => member_access(meta, role, is_subject),
        },
    }
}

fn member_access(meta: &DocMeta, role: Role, is_subject: bool) -> Access {
    match meta.kind {
        // Every member may write their own profile entry; the rest is checked per change.
        DocKind::Team => Access::Write,
        DocKind::Board | DocKind::Channel if role.writes_content() => Access::Write,
        DocKind::Board | DocKind::Channel => Access::Read,
        DocKind::Assessment if is_subject && role.manages_team() => Access::Write,
        DocKind::Assessment => Access::Read,
        DocKind::Response if is_subject && role.writes_content() => Access::Write,
        DocKind::Response if is_subject || role.manages_team() => Access::Read,
        DocKind::Response => Access::None,
        // A review is the assignee's to read; managers write it, and check_write
        // keeps it to the assessment's owner.
        DocKind::Review if role.manages_team() => Access::Write,
        DocKind::Review if is_subject => Access::Read,
        DocKind::Review => Access::None,
        DocKind::Billing => Access::Read,
        DocKind::PulseResults if role.manages_team() => Access::Read,
        DocKind::User | DocKind::PulseAnswer | DocKind::PulseResults => Access::None,
    }
}

/// Reads a new document's kind, team and subject; `id` is its own document id.
pub fn describe(doc: &AutoCommit, id: &str) -> Result<DocMeta> {
    let kind = crate::read_kind(doc).ok_or(ModelError::Invalid {
        what: "a new document",
        reason: "it has no known `kind`",
    })?;
    let field = |name: &'static str| -> Result<String> {
        root_str(doc, name, None).ok_or(ModelError::Invalid {
            what: "a new document",
            reason: "it lacks a field its kind requires",
        })
    };
    let (team_id, subject) = match kind {
        DocKind::Team => (id.to_string(), None),
        DocKind::Board | DocKind::Billing | DocKind::PulseResults => (field("team_id")?, None),
        DocKind::PulseAnswer => (field("team_id")?, Some(field("user_id")?)),
        DocKind::Review => (field("team_id")?, Some(field("assignee")?)),
        DocKind::Channel => (field("team_id")?, Some(field("conversation_id")?)),
        DocKind::Assessment => (field("team_id")?, Some(field("owner")?)),
        // A response's team is its assessment's; the caller resolves it.
        DocKind::Response => (field("assessment_id")?, Some(field("assignee")?)),
        DocKind::User => (String::new(), Some(field("user_id")?)),
    };
    Ok(DocMeta {
        kind,
        team_id,
        subject,
    })
}

/// May `who` create this document? Teams are created by publishing them, and
/// billing documents only by the relay.
pub fn check_create(meta: &DocMeta, who: Actor<'_>) -> Result<()> {
    let forbidden = match meta.kind {
        DocKind::Team | DocKind::Billing | DocKind::PulseResults => true,
        _ => access(meta, who) != Access::Write,
    };
    if forbidden {
        return Err(ModelError::Forbidden("create this document"));
    }
    Ok(())
}

/// What the relay reads from other documents to judge a write: for a response,
/// the assignee's assignment in its assessment as it stands now; for a pulse
/// answer, the survey as the team document defines it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub assignment: Option<AssignmentState>,
    pub pulse: Option<crate::pulse::Pulse>,
    /// The latest calendar date anywhere on Earth now (`YYYY-MM-DD`): no one
    /// answers a pulse period that has not begun.
    pub latest_date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssignmentState {
    /// The round the assignee may answer now.
    pub round: u64,
    pub approved: bool,
}

impl AssignmentState {
    /// `None` unless `assignee` is assigned the assessment; `review` is their review
    /// document, if it exists yet.
    pub fn of(
        assessment: &crate::assessment::Assessment,
        assignee: &str,
        review: Option<&crate::assessment::ReviewDoc>,
    ) -> Option<Self> {
        assessment.assignments.get(assignee)?;
        let (status, round) = crate::assessment::review::standing(review);
        Some(Self {
            round,
            approved: status == crate::assessment::AssignmentStatus::Approved,
        })
    }
}

/// May `who` make the changes between `before` and `after`? `doc` holds both.
pub fn check_write(
    doc: &mut AutoCommit,
    meta: &DocMeta,
    who: Actor<'_>,
    context: Context,
    before: &[ChangeHash],
    after: &[ChangeHash],
) -> Result<()> {
    if access(meta, who) != Access::Write {
        return Err(ModelError::Forbidden("write to this document"));
    }
    let touched = touched_paths(doc, before, after);
    match meta.kind {
        DocKind::Team => check_team_write(doc, who, before, &touched),
        DocKind::Channel => check_channel_write(doc, who, before, &touched),
        DocKind::Response => check_response_write(doc, &context, before, &touched),
        DocKind::PulseAnswer => check_pulse_answer_write(doc, &context, before),
        DocKind::PulseResults => Err(ModelError::Forbidden("write survey results")),
        DocKind::Review => check_review_write(doc, who, before, &touched),
        DocKind::Board => check_board_write(doc, who, before, after, &touched),
        DocKind::Assessment | DocKind::User => Ok(()),
        DocKind::Billing => Err(ModelError::Forbidden("write the billing document")),
    }
}

/// Each place a change touched, as the keys from the root down to it (sequence
/// indexes as their numbers).
fn touched_paths(
    doc: &mut AutoCommit,
    before: &[ChangeHash],
    after: &[ChangeHash],
) -> Vec<Vec<String>> {
    use automerge::PatchAction as A;
    doc.diff(before, after)
        .into_iter()
        .map(|patch| {
            let mut path: Vec<String> = patch.path.into_iter().map(|(_, p)| prop(p)).collect();
            match patch.action {
                A::PutMap { key, .. } | A::DeleteMap { key } => path.push(key),
                A::PutSeq { index, .. } | A::Insert { index, .. } | A::DeleteSeq { index, .. } => {
                    path.push(index.to_string())
                }
                A::Increment { prop: p, .. } | A::Conflict { prop: p } => path.push(prop(p)),
                A::SpliceText { .. } | A::Mark { .. } => {}
            }
            path
        })
        .collect()
}

fn prop(p: Prop) -> String {
    match p {
        Prop::Map(key) => key,
        Prop::Seq(index) => index.to_string(),
    }
}

/// Any member writes tasks, but a time entry is its person's: only they add,
/// change or remove it. A task written whole (created, or put back by an undo)
/// may carry entries; deleting a task takes its entries with it.
fn check_board_write(
    doc: &AutoCommit,
    who: Actor<'_>,
    before: &[ChangeHash],
    after: &[ChangeHash],
    touched: &[Vec<String>],
) -> Result<()> {
    let mut tasks: Vec<&str> = touched
        .iter()
        .filter(|p| p.len() >= 3 && p[0] == "tasks" && p[2] == "time_logs")
        .map(|p| p[1].as_str())
        .collect();
    tasks.sort_unstable();
    tasks.dedup();
    for task in tasks {
        let (Some(old), Some(new)) = (
            time_logs_at(doc, task, before),
            time_logs_at(doc, task, after),
        ) else {
            // Created or deleted whole in this change.
            continue;
        };
        let changed_by_other = |a: &[TimeLogKey], b: &[TimeLogKey]| {
            a.iter()
                .filter(|entry| !b.contains(entry))
                .any(|entry| entry.user_id != who.user_id)
        };
        if changed_by_other(&old, &new) || changed_by_other(&new, &old) {
            return Err(ModelError::Forbidden("change someone else's time entry"));
        }
    }
    Ok(())
}

/// A time entry as the rule compares it: by everything it holds.
#[derive(Debug, PartialEq)]
struct TimeLogKey {
    id: String,
    user_id: String,
    fields: Vec<String>,
}

/// A task's time entries at `heads`; `None` if the task is not there then.
fn time_logs_at(doc: &AutoCommit, task: &str, heads: &[ChangeHash]) -> Option<Vec<TimeLogKey>> {
    let tasks = match doc.get_at(ROOT, "tasks", heads).ok()?? {
        (Value::Object(ObjType::Map), id) => id,
        _ => return None,
    };
    let task = match doc.get_at(&tasks, task, heads).ok()?? {
        (Value::Object(ObjType::Map), id) => id,
        _ => return None,
    };
    let logs = match doc.get_at(&task, "time_logs", heads).ok().flatten() {
        Some((Value::Object(ObjType::List), id)) => id,
        _ => return Some(Vec::new()),
    };
    let mut entries = Vec::new();
    for index in 0..doc.length_at(&logs, heads) {
        let Some((Value::Object(ObjType::Map), entry)) =
            doc.get_at(&logs, index, heads).ok().flatten()
        else {
            continue;
        };
        let fields = ["started_at", "ended_at", "note"]
            .iter()
            .map(|key| {
                doc.get_at(&entry, *key, heads)
                    .ok()
                    .flatten()
                    .map(|(value, _)| value.to_string())
                    .unwrap_or_default()
            })
            .collect();
        entries.push(TimeLogKey {
            id: str_at(doc, &entry, "id", Some(heads)).unwrap_or_default(),
            user_id: str_at(doc, &entry, "user_id", Some(heads)).unwrap_or_default(),
            fields,
        });
    }
    Some(entries)
}

/// Fields of a member entry that only owners and managers set.
const MANAGED_MEMBER_FIELDS: [&str; 5] =
    ["role", "user_id", "joined_at", "department", "reports_to"];

fn check_team_write(
    doc: &AutoCommit,
    who: Actor<'_>,
    before: &[ChangeHash],
    touched: &[Vec<String>],
) -> Result<()> {
    let role = who
        .role
        .ok_or(ModelError::Forbidden("write to this team"))?;
    if !role.manages_team() {
        let own_profile = |path: &Vec<String>| {
            path.len() >= 3
                && path[0] == "members"
                && path[1] == who.user_id
                && !MANAGED_MEMBER_FIELDS.contains(&path[2].as_str())
        };
        // A member starts conversations and changes the ones they started.
        let own_conversation = |path: &Vec<String>| {
            path.len() >= 2
                && path[0] == "conversations"
                && role.writes_content()
                && conversation_creator(doc, &path[1], Some(before))
                    .unwrap_or_else(|| who.user_id.to_string())
                    == who.user_id
                && conversation_creator(doc, &path[1], None)
                    .unwrap_or_else(|| who.user_id.to_string())
                    == who.user_id
        };
        if !touched
            .iter()
            .all(|p| own_profile(p) || own_conversation(p))
        {
            return Err(ModelError::Forbidden(
                "change the team beyond your own profile and conversations",
            ));
        }
        return Ok(());
    }
    if role != Role::Owner {
        // Managers run the team but neither make nor unmake owners.
        for path in touched.iter().filter(|p| p.len() >= 2 && p[0] == "members") {
            let member = path[1].as_str();
            let owner_before = member_role(doc, member, Some(before)) == Some(Role::Owner);
            let owner_after = member_role(doc, member, None) == Some(Role::Owner);
            if owner_before || owner_after {
                return Err(ModelError::Forbidden("change an owner's membership"));
            }
        }
    }
    let members = doc
        .get(ROOT, "members")
        .ok()
        .flatten()
        .map(|(_, id)| doc.keys(&id).collect::<Vec<_>>())
        .unwrap_or_default();
    if !members
        .iter()
        .any(|m| member_role(doc, m, None) == Some(Role::Owner))
    {
        return Err(ModelError::LastOwner);
    }
    Ok(())
}

fn conversation_creator(doc: &AutoCommit, id: &str, at: Option<&[ChangeHash]>) -> Option<String> {
    let conversations = get_obj(doc, ROOT, "conversations", at)?;
    let entry = get_obj(doc, conversations, id, at)?;
    str_at(doc, &entry, "created_by", at)
}

fn member_role(doc: &AutoCommit, member: &str, at: Option<&[ChangeHash]>) -> Option<Role> {
    let members = get_obj(doc, ROOT, "members", at)?;
    let entry = get_obj(doc, members, member, at)?;
    str_at(doc, &entry, "role", at)
        .as_deref()
        .and_then(Role::parse)
}

/// Fields a manager sets when deleting someone else's message in a team channel.
const MODERATED_FIELDS: [&str; 7] = [
    "deleted",
    "deleted_by",
    "body",
    "edited_at",
    "history",
    "attachments",
    "mentions",
];

fn check_channel_write(
    doc: &AutoCommit,
    who: Actor<'_>,
    before: &[ChangeHash],
    touched: &[Vec<String>],
) -> Result<()> {
    for path in touched {
        let (Some(top), Some(message)) = (path.first(), path.get(1)) else {
            return Err(ModelError::Forbidden("change the channel itself"));
        };
        if top != "messages" {
            return Err(ModelError::Forbidden("change the channel itself"));
        }
        let field = path.get(2).map(String::as_str);
        // Anyone who writes may react, each only under their own `user:emoji` keys.
        if field == Some("reactions") {
            if let Some(key) = path.get(3) {
                if key.split_once(':').map(|(user, _)| user) != Some(who.user_id) {
                    return Err(ModelError::Forbidden("react for someone else"));
                }
                continue;
            }
        }
        let author = |at| {
            let messages = get_obj(doc, ROOT, "messages", at)?;
            let entry = get_obj(doc, messages, message, at)?;
            str_at(doc, &entry, "author", at)
        };
        let (was, is) = (author(Some(before)), author(None));
        let own = (was.is_some() || is.is_some())
            && was.as_deref().unwrap_or(who.user_id) == who.user_id
            && is.as_deref().unwrap_or(who.user_id) == who.user_id;
        if own {
            continue;
        }
        let moderating = who.role.is_some_and(Role::manages_team)
            && root_str(doc, "conversation_kind", None).as_deref() != Some("direct")
            && was.is_some()
            && was == is
            && field.is_some_and(|f| MODERATED_FIELDS.contains(&f))
            && message_deleted(doc, message);
        if !moderating {
            return Err(ModelError::Forbidden("change another person's message"));
        }
    }
    Ok(())
}

fn message_deleted(doc: &AutoCommit, message: &str) -> bool {
    let Some(messages) = get_obj(doc, ROOT, "messages", None) else {
        return false;
    };
    let Some(entry) = get_obj(doc, messages, message, None) else {
        return false;
    };
    matches!(
        doc.get(&entry, "deleted").ok().flatten(),
        Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Boolean(true))
    )
}

/// A response is written while it is a draft, or once its assessment has opened
/// a later round than the one submitted; never past the round that is open.
fn check_response_write(
    doc: &AutoCommit,
    context: &Context,
    before: &[ChangeHash],
    touched: &[Vec<String>],
) -> Result<()> {
    if touched.iter().any(|p| {
        matches!(
            p.first().map(String::as_str),
            Some("assignee" | "assessment_id" | "kind")
        )
    }) {
        return Err(ModelError::Forbidden("reassign a response"));
    }
    let assignment = context.assignment.ok_or(ModelError::Forbidden(
        "answer an assessment not assigned to you",
    ))?;
    let round_before = root_uint(doc, "round", Some(before)).unwrap_or(1);
    let reopened = !assignment.approved && assignment.round > round_before;
    if root_str(doc, "status", Some(before)).as_deref() == Some("submitted") && !reopened {
        return Err(ModelError::Forbidden(
            "change a response after it was submitted",
        ));
    }
    if root_uint(doc, "round", None).unwrap_or(1) > assignment.round {
        return Err(ModelError::Forbidden("answer a round that is not open"));
    }
    Ok(())
}

/// Fields of a review document fixed at its start.
const REVIEW_KEY_FIELDS: [&str; 5] = ["kind", "team_id", "assessment_id", "assignee", "owner"];

/// Only the assessment's owner (fixed in the document at its start) writes a review.
fn check_review_write(
    doc: &AutoCommit,
    who: Actor<'_>,
    before: &[ChangeHash],
    touched: &[Vec<String>],
) -> Result<()> {
    if root_str(doc, "owner", Some(before)).as_deref() != Some(who.user_id) {
        return Err(ModelError::Forbidden("review an assessment you do not own"));
    }
    if touched.iter().any(|p| {
        p.first()
            .is_some_and(|f| REVIEW_KEY_FIELDS.contains(&f.as_str()))
    }) {
        return Err(ModelError::Forbidden("move a review to someone else"));
    }
    Ok(())
}

/// A pulse answer is written once, complete and in range for its survey.
fn check_pulse_answer_write(
    doc: &AutoCommit,
    context: &Context,
    before: &[ChangeHash],
) -> Result<()> {
    let submitted_before = matches!(
        doc.get_at(ROOT, "submitted_at", before).ok().flatten(),
        Some((Value::Scalar(s), _)) if !matches!(s.as_ref(), ScalarValue::Int(0) | ScalarValue::Uint(0))
    );
    if submitted_before {
        return Err(ModelError::Forbidden("change an answer after it was sent"));
    }
    let pulse = context.pulse.as_ref().ok_or(ModelError::Forbidden(
        "answer a survey this team does not run",
    ))?;
    let answer = crate::pulse::read_answer(doc)?;
    if answer.pulse_id != pulse.id
        || crate::pulse::period_of(pulse, &answer.period).as_deref() != Some(answer.period.as_str())
    {
        return Err(ModelError::Forbidden(
            "answer a survey this team does not run",
        ));
    }
    if let Some(latest) = &context.latest_date {
        if crate::pulse::period_of(pulse, latest).is_none_or(|open| answer.period > open) {
            return Err(ModelError::Forbidden(
                "answer a survey period that has not begun",
            ));
        }
    }
    if answer.submitted_at <= 0 {
        return Err(ModelError::Invalid {
            what: "a pulse answer",
            reason: "it is sent whole, in one change",
        });
    }
    crate::pulse::validate_answer(pulse, &answer)
}

fn get_obj(
    doc: &AutoCommit,
    obj: impl AsRef<automerge::ObjId>,
    key: &str,
    at: Option<&[ChangeHash]>,
) -> Option<automerge::ObjId> {
    let found = match at {
        Some(heads) => doc.get_at(obj, key, heads),
        None => doc.get(obj, key),
    };
    match found.ok()?? {
        (Value::Object(ObjType::Map), id) => Some(id),
        _ => None,
    }
}

fn str_at(
    doc: &AutoCommit,
    obj: impl AsRef<automerge::ObjId>,
    key: &str,
    at: Option<&[ChangeHash]>,
) -> Option<String> {
    let found = match at {
        Some(heads) => doc.get_at(obj, key, heads),
        None => doc.get(obj, key),
    };
    match found.ok()?? {
        (Value::Scalar(s), _) => match s.as_ref() {
            ScalarValue::Str(s) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn root_str(doc: &AutoCommit, key: &str, at: Option<&[ChangeHash]>) -> Option<String> {
    str_at(doc, ROOT, key, at)
}

fn root_uint(doc: &AutoCommit, key: &str, at: Option<&[ChangeHash]>) -> Option<u64> {
    let found = match at {
        Some(heads) => doc.get_at(ROOT, key, heads),
        None => doc.get(ROOT, key),
    };
    match found.ok()?? {
        (Value::Scalar(s), _) => match s.as_ref() {
            ScalarValue::Uint(n) => Some(*n),
            ScalarValue::Int(n) => u64::try_from(*n).ok(),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests;
