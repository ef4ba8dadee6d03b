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
        let me = self.identity().user_id;
        let user = self.user_doc()?;
        let conversations = self.my_conversations()?;
        let inner = self.lock();
        let mention = format!("%\"{me}\"%");
        let mut stmt = inner.conn.prepare_cached(
            "SELECT m.id, m.conversation_id, m.team_id, m.author,
                    (SELECT name FROM idx_members WHERE team_id = m.team_id AND user_id = m.author),
                    m.body, m.created_at, (m.mentions LIKE ?2 OR m.mentions LIKE '%\"channel\"%')
             FROM idx_messages m
             WHERE m.author != ?1 AND NOT m.deleted
               AND (m.mentions LIKE ?2 OR m.mentions LIKE '%\"channel\"%'
                    OR m.conversation_id IN (SELECT id FROM idx_conversations WHERE kind = 'direct'))
             ORDER BY m.created_at DESC LIMIT ?3",
        )?;
        let rows = stmt.query_map(rusqlite::params![me, mention, MAX_NOTIFICATIONS * 4], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, bool>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, conversation_id, team_id, author, name, body, created_at, mentions_me) = row?;
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
            out.push(ChatNotification {
                message_id: id,
                conversation_id,
                team_id,
                kind,
                author,
                author_name: name.unwrap_or_default(),
                body,
                created_at,
                read: created_at <= marker.max(user.notifications_read_at),
            });
            if out.len() as i64 >= MAX_NOTIFICATIONS {
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
