//! The notification centre: messages that mention me (or @channel) and direct
//! messages to me, from the index; "read" follows my read markers and the centre's
//! own mark-all-read time, both in my user document.

use teamstead_model::conversation::ConversationKind;
use teamstead_model::user::{self, NotificationSettings};

use crate::{ChatNotification, Client, NotificationKind, Result};

const MAX_NOTIFICATIONS: i64 = 100;

impl Client {
    /// Newest first.
    pub fn notifications(&self) -> Result<Vec<ChatNotification>> {
        Ok(self
            .notifications_after(0, MAX_NOTIFICATIONS)?
            .into_iter()
            .map(|(_, n)| n)
            .collect())
    }

    /// The notifications to show on the desktop now: those indexed since the last
    /// call (none from before this client opened), unread, in conversations that
    /// are not muted, and none during do-not-disturb hours. `local_minute` is the
    /// local time as minutes after midnight; the caller knows the time zone.
    pub fn take_desktop_notifications(&self, local_minute: u32) -> Result<Vec<ChatNotification>> {
        let after = *self.signals.desktop_mark();
        let fresh = self.notifications_after(after, MAX_NOTIFICATIONS)?;
        if let Some(newest) = fresh.iter().map(|(seq, _)| *seq).max() {
            let mut mark = self.signals.desktop_mark();
            *mark = (*mark).max(newest);
        }
        let settings = self.user_doc()?.notifications;
        if in_quiet_hours(&settings, local_minute) {
            return Ok(Vec::new());
        }
        let mut shown = Vec::new();
        for (_, n) in fresh {
            if !n.read
                && !settings.muted.contains(&n.conversation_id)
                && self.signals.first_time_notified(&n.message_id)
            {
                shown.push(n);
            }
        }
        Ok(shown)
    }

    /// Mentions of me (or @channel) and direct messages to me whose index row is
    /// after `after_seq`, newest first, with their row numbers.
    fn notifications_after(
        &self,
        after_seq: i64,
        limit: i64,
    ) -> Result<Vec<(i64, ChatNotification)>> {
        let me = self.identity().user_id;
        let user = self.user_doc()?;
        let conversations = self.my_conversations()?;
        let inner = self.lock();
        let mention = format!("%\"{me}\"%");
        let mut stmt = inner.conn.prepare_cached(
            "SELECT m.seq, m.id, m.conversation_id, m.team_id, m.author,
                    (SELECT name FROM idx_members WHERE team_id = m.team_id AND user_id = m.author),
                    m.body, m.created_at, (m.mentions LIKE ?2 OR m.mentions LIKE '%\"channel\"%')
             FROM idx_messages m
             WHERE m.author != ?1 AND NOT m.deleted AND m.seq > ?4
               AND (m.mentions LIKE ?2 OR m.mentions LIKE '%\"channel\"%'
                    OR m.conversation_id IN (SELECT id FROM idx_conversations WHERE kind = 'direct'))
             ORDER BY m.created_at DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(rusqlite::params![me, mention, limit * 4, after_seq], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, bool>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, id, conversation_id, team_id, author, name, body, created_at, mentions_me) =
                row?;
            let Some(c) = conversations.iter().find(|c| c.id == conversation_id) else {
                continue;
            };
            let kind = if mentions_me {
                NotificationKind::Mention
            } else if c.kind == ConversationKind::Direct {
                NotificationKind::Direct
            } else {
                continue;
            };
            let marker = user
                .read_markers
                .get(&conversation_id)
                .copied()
                .unwrap_or(0);
            out.push((
                seq,
                ChatNotification {
                    message_id: id,
                    conversation_id,
                    team_id,
                    kind,
                    author,
                    author_name: name.unwrap_or_default(),
                    body,
                    created_at,
                    read: created_at <= marker.max(user.notifications_read_at),
                },
            ));
            if out.len() as i64 >= limit {
                break;
            }
        }
        Ok(out)
    }

    pub fn mark_all_notifications_read(&self) -> Result<()> {
        self.write_user_doc(user::mark_notifications_read)?;
        Ok(())
    }

    pub fn notification_settings(&self) -> Result<NotificationSettings> {
        Ok(self.user_doc()?.notifications)
    }

    /// Replaces the settings; empty do-not-disturb hours mean none.
    pub fn set_notification_settings(
        &self,
        mut settings: NotificationSettings,
    ) -> Result<NotificationSettings> {
        settings.dnd_start = settings.dnd_start.filter(|s| !s.is_empty());
        settings.dnd_end = settings.dnd_end.filter(|s| !s.is_empty());
        let saved = self.write_user_doc(|doc, _| user::set_notifications(doc, settings))?;
        Ok(saved.notifications)
    }
}

/// Whether `minute` (after local midnight) falls in the do-not-disturb hours; a
/// span that passes midnight (22:00 to 07:00) wraps.
fn in_quiet_hours(settings: &NotificationSettings, minute: u32) -> bool {
    let hour = |h: &Option<String>| h.as_deref().and_then(|h| user::validate_hour(h).ok());
    match (hour(&settings.dnd_start), hour(&settings.dnd_end)) {
        (Some(start), Some(end)) if start <= end => (start..end).contains(&minute),
        (Some(start), Some(end)) => minute >= start || minute < end,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_hours_wrap_past_midnight() {
        let settings = |start: &str, end: &str| NotificationSettings {
            muted: Vec::new(),
            dnd_start: Some(start.into()),
            dnd_end: Some(end.into()),
        };
        let night = settings("22:00", "07:00");
        assert!(in_quiet_hours(&night, 23 * 60));
        assert!(in_quiet_hours(&night, 6 * 60 + 59));
        assert!(!in_quiet_hours(&night, 7 * 60));
        let lunch = settings("12:00", "13:00");
        assert!(in_quiet_hours(&lunch, 12 * 60 + 30));
        assert!(!in_quiet_hours(&lunch, 13 * 60));
        assert!(!in_quiet_hours(&NotificationSettings::default(), 0));
    }
}
