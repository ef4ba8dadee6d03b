//! The user document: one person's private state across their devices. Only that
//! user writes it.

use std::collections::HashMap;

use automerge::AutoCommit;
use autosurgeon::{hydrate, reconcile, Hydrate, Reconcile};

use automerge::ChangeHash;

use crate::doc::{commit_genesis, derived, derived_doc_id, expect_kind};
use crate::{DocKind, DocumentId, Millis, Result, UserId, SCHEMA_VERSION};

/// Also what the window reads and writes (docs/ipc.md, NotificationSettings).
#[derive(
    Debug, Clone, Default, PartialEq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct NotificationSettings {
    /// Conversation ids the user muted.
    pub muted: Vec<String>,
    /// Do-not-disturb hours as `HH:MM` local time.
    pub dnd_start: Option<String>,
    pub dnd_end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct UserDoc {
    pub kind: String,
    pub schema: u64,
    pub user_id: UserId,
    /// Conversation id → the time of the last message the user has read.
    pub read_markers: HashMap<String, Millis>,
    pub notifications: NotificationSettings,
    /// Conversation or task id → unsent text.
    pub drafts: HashMap<String, String>,
    /// Notifications up to this time count as read (the centre's "mark all read").
    #[autosurgeon(missing = "Default::default")]
    pub notifications_read_at: Millis,
}

/// The id of a person's user document: the same on each of their devices.
pub fn doc_id(user_id: &str) -> DocumentId {
    derived_doc_id(&derived("teamstead/user-doc/v1", &[user_id]))
}

/// A user document as it begins, the same bytes on every device (see channel.rs
/// for why), so two devices starting it offline make one document.
pub fn genesis(user_id: &str) -> Result<AutoCommit> {
    Ok(genesis_with_hash(user_id)?.0)
}

pub fn genesis_hash(user_id: &str) -> Result<ChangeHash> {
    Ok(genesis_with_hash(user_id)?.1)
}

fn genesis_with_hash(user_id: &str) -> Result<(AutoCommit, ChangeHash)> {
    let digest = derived("teamstead/user-genesis/v1", &[user_id]);
    let mut doc = AutoCommit::new().with_actor(automerge::ActorId::from(&digest[..16]));
    init(&mut doc, user_id)?;
    let hash = commit_genesis(&mut doc)?;
    Ok((doc, hash))
}

pub fn init(doc: &mut AutoCommit, user_id: &str) -> Result<UserDoc> {
    let user = UserDoc {
        kind: DocKind::User.as_str().into(),
        schema: SCHEMA_VERSION,
        user_id: user_id.into(),
        read_markers: HashMap::new(),
        notifications: NotificationSettings::default(),
        drafts: HashMap::new(),
        notifications_read_at: 0,
    };
    reconcile(doc, &user)?;
    Ok(user)
}

pub fn read(doc: &AutoCommit) -> Result<UserDoc> {
    expect_kind(doc, DocKind::User)?;
    Ok(hydrate(doc)?)
}

/// Moves a read marker forward; it never moves back, so devices converge on the latest.
pub fn mark_read(doc: &mut AutoCommit, conversation: &str, at: Millis) -> Result<UserDoc> {
    let mut user = read(doc)?;
    let marker = user.read_markers.entry(conversation.into()).or_insert(at);
    *marker = (*marker).max(at);
    reconcile(doc, &user)?;
    Ok(user)
}

/// Everything up to `at` counts as seen in the notification centre.
pub fn mark_notifications_read(doc: &mut AutoCommit, at: Millis) -> Result<UserDoc> {
    let mut user = read(doc)?;
    user.notifications_read_at = user.notifications_read_at.max(at);
    reconcile(doc, &user)?;
    Ok(user)
}

/// Replaces the notification settings; `HH:MM` hours are checked.
pub fn set_notifications(doc: &mut AutoCommit, settings: NotificationSettings) -> Result<UserDoc> {
    for hour in [&settings.dnd_start, &settings.dnd_end]
        .into_iter()
        .flatten()
    {
        validate_hour(hour)?;
    }
    let mut user = read(doc)?;
    user.notifications = settings;
    reconcile(doc, &user)?;
    Ok(user)
}

/// `HH:MM`, 00:00 to 23:59, as minutes after midnight.
pub fn validate_hour(raw: &str) -> Result<u32> {
    let invalid = crate::ModelError::Invalid {
        what: "a do-not-disturb hour",
        reason: "write it as HH:MM, 00:00 to 23:59",
    };
    let (h, m) = raw.split_once(':').ok_or(invalid.clone())?;
    match (h.len(), m.len(), h.parse::<u32>(), m.parse::<u32>()) {
        (2, 2, Ok(h), Ok(m)) if h < 24 && m < 60 => Ok(h * 60 + m),
        _ => Err(invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_markers_only_move_forward() {
        let mut doc = AutoCommit::new();
        init(&mut doc, "alice").expect("init");
        mark_read(&mut doc, "general", 10).expect("mark");
        let user = mark_read(&mut doc, "general", 5).expect("mark");
        assert_eq!(user.read_markers["general"], 10);
    }
}
