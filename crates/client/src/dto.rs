//! What the client hands to its callers (the desktop UI, the CLI): plain values,
//! serialized in camelCase as docs/ipc.md lists them.

use serde::Serialize;
use teamstead_model::board::{Priority, Status};
use teamstead_model::team::Role;
use teamstead_model::DocKind;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Identity {
    pub user_id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TeamSummary {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub member_count: u32,
    pub boards: Vec<BoardSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardSummary {
    pub id: String,
    pub team_id: String,
    pub name: String,
    pub task_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberView {
    pub user_id: String,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskSummary {
    pub id: String,
    pub board_id: String,
    pub title: String,
    /// The category of its column.
    pub status: Status,
    /// Its column's id on its board.
    pub column: String,
    pub position: f64,
    /// The first of `assignees`.
    pub assignee: Option<String>,
    pub assignees: Vec<String>,
    pub start: Option<String>,
    pub due: Option<String>,
    pub estimate_minutes: Option<u64>,
    pub priority: Priority,
    pub labels: Vec<String>,
    pub parent_id: Option<String>,
    /// Ids of the tasks this one depends on, done or not, on any board of the team.
    pub depends_on: Vec<String>,
    pub subtask_count: u32,
    pub checklist_done: u32,
    pub checklist_total: u32,
    /// Ids of the unfinished tasks this one depends on, on any board of the team.
    pub blocked_by: Vec<String>,
    pub comment_count: u32,
    pub updated_at: i64,
}

/// Another task named from this one (a dependency, a dependent, a subtask).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskLink {
    pub task_id: String,
    pub board_id: String,
    pub board_name: String,
    pub title: String,
    pub status: Status,
}

/// A board with its columns and the team's saved views of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BoardDetail {
    pub id: String,
    pub team_id: String,
    pub name: String,
    pub columns: Vec<teamstead_model::board::columns::Column>,
    pub views: Vec<SavedView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedView {
    pub id: String,
    pub name: String,
    pub query: crate::TaskQuery,
}

/// One change to a task, newest first in a history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry {
    /// The change's hash, to ask for the description as it was just after it.
    pub hash: String,
    pub at: i64,
    pub user_id: Option<String>,
    pub name: String,
    pub fields: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentView {
    pub id: String,
    pub author: String,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TaskDetail {
    #[serde(flatten)]
    pub summary: TaskSummary,
    pub description: String,
    pub comments: Vec<CommentView>,
    pub created_by: String,
    pub created_at: i64,
    pub checklist: Vec<teamstead_model::board::checklist::ChecklistItem>,
    /// What `depends_on` names, found on any board of the team.
    pub dependencies: Vec<TaskLink>,
    /// Tasks that depend on this one.
    pub dependents: Vec<TaskLink>,
    pub subtasks: Vec<TaskLink>,
}

/// A search match; `snippet` wraps matched words in \u{2} … \u{3}.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub task_id: String,
    pub board_id: String,
    pub team_id: String,
    pub title: String,
    pub snippet: String,
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub state: crate::sync::Connection,
    pub label: &'static str,
    /// Local changes the relay has not acknowledged.
    pub pending_changes: u64,
    /// Milliseconds since the epoch.
    pub last_heard_from: Option<i64>,
    pub last_error: Option<String>,
    pub relay_url: Option<String>,
    pub email: Option<String>,
}

/// Sent after every write to a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DocChanged {
    pub doc_id: String,
    pub kind: DocKind,
    pub team_id: Option<String>,
}

/// A conversation as the chat list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConversationView {
    pub id: String,
    pub team_id: String,
    pub kind: teamstead_model::conversation::ConversationKind,
    /// A channel's name; for a direct message, the other people's names.
    pub name: String,
    /// User ids; empty for a public channel.
    pub members: Vec<String>,
    pub created_by: String,
    pub created_at: i64,
    /// Messages by others after my read marker (thread replies not counted).
    pub unread: u32,
    pub unread_mentions: u32,
    pub last_message_at: Option<i64>,
    pub muted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReactionView {
    pub emoji: String,
    pub users: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageView {
    pub id: String,
    pub conversation_id: String,
    pub author: String,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted: bool,
    pub reply_to: Option<String>,
    pub reply_count: u32,
    pub mentions: Vec<String>,
    pub attachments: Vec<teamstead_model::channel::Attachment>,
    pub reactions: Vec<ReactionView>,
    /// Saved here, not yet acknowledged by the relay.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessagePage {
    /// Oldest first.
    pub messages: Vec<MessageView>,
    pub has_older: bool,
    pub read_at: i64,
    pub first_unread_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageEditView {
    pub body: String,
    pub edited_at: i64,
}

/// A message search match; `snippet` wraps matched words in \u{2} … \u{3}.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageHit {
    pub message_id: String,
    pub conversation_id: String,
    pub team_id: String,
    pub author: String,
    pub author_name: String,
    pub created_at: i64,
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PresenceView {
    pub user_id: String,
    pub state: teamstead_protocol::PresenceState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    Mention,
    Direct,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatNotification {
    pub message_id: String,
    pub conversation_id: String,
    pub team_id: String,
    pub kind: NotificationKind,
    pub author: String,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
    pub read: bool,
}

/// A live signal arrived or expired: the shell tells the window (`live-signal`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LiveSignal {
    pub kind: LiveSignalKind,
    pub team_id: String,
    pub conversation_id: Option<String>,
    pub user_id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LiveSignalKind {
    Presence,
    Typing,
    Read,
}
