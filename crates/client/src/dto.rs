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
    pub status: Status,
    pub position: f64,
    pub assignee: Option<String>,
    pub due: Option<String>,
    pub priority: Priority,
    pub labels: Vec<String>,
    /// Ids of the unfinished tasks this one depends on.
    pub blocked_by: Vec<String>,
    pub comment_count: u32,
    pub updated_at: i64,
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
    pub depends_on: Vec<String>,
    pub comments: Vec<CommentView>,
    pub created_by: String,
    pub created_at: i64,
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
