//! Starting conversations and listing them with their unread counts.

use teamstead_model::conversation;

use crate::chat::ConversationRow;
use crate::client::doc_id;
use crate::{Client, ConversationView, Result};

impl Client {
    /// The team's conversations this person reads: channels by name, then direct
    /// messages, the most recent first.
    pub fn list_conversations(&self, team_id: &str) -> Result<Vec<ConversationView>> {
        self.team(team_id)?;
        let user = self.user_doc()?;
        let rows: Vec<ConversationRow> = self
            .my_conversations()?
            .into_iter()
            .filter(|c| c.team_id == team_id)
            .collect();
        let mut views = rows
            .iter()
            .map(|c| {
                let read_at = user.read_markers.get(&c.id).copied().unwrap_or(0);
                let muted = user.notifications.muted.contains(&c.id);
                self.conversation_view(c, read_at, muted)
            })
            .collect::<Result<Vec<_>>>()?;
        views.sort_by(|a, b| {
            let direct = |v: &ConversationView| v.kind == conversation::ConversationKind::Direct;
            direct(a).cmp(&direct(b)).then_with(|| {
                if direct(a) {
                    b.last_message_at.cmp(&a.last_message_at)
                } else {
                    a.name.to_lowercase().cmp(&b.name.to_lowercase())
                }
            })
        });
        Ok(views)
    }

    pub fn conversation_summary(&self, conversation_id: &str) -> Result<ConversationView> {
        let c = self.conversation(conversation_id)?;
        let user = self.user_doc()?;
        let read_at = user.read_markers.get(&c.id).copied().unwrap_or(0);
        self.conversation_view(&c, read_at, user.notifications.muted.contains(&c.id))
    }

    fn conversation_view(
        &self,
        c: &ConversationRow,
        read_at: i64,
        muted: bool,
    ) -> Result<ConversationView> {
        let inner = self.lock();
        let me = inner.identity.user_id.clone();
        let mention = format!("%\"{me}\"%");
        let (unread, unread_mentions, last): (u32, u32, Option<i64>) = inner.conn.query_row(
            "SELECT
                 COUNT(*) FILTER (WHERE created_at > ?2 AND author != ?3 AND NOT deleted AND reply_to IS NULL),
                 COUNT(*) FILTER (WHERE created_at > ?2 AND author != ?3 AND NOT deleted
                                  AND (mentions LIKE ?4 OR mentions LIKE '%\"channel\"%')),
                 MAX(created_at)
             FROM idx_messages WHERE conversation_id = ?1",
            rusqlite::params![c.id, read_at, me, mention],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let name = if c.kind == conversation::ConversationKind::Direct {
            let mut names = Vec::new();
            let mut stmt = inner.conn.prepare_cached(
                "SELECT name FROM idx_members WHERE team_id = ?1 AND user_id = ?2",
            )?;
            for member in c.members.iter().filter(|m| **m != me) {
                let name: Option<String> = stmt
                    .query_row(rusqlite::params![c.team_id, member], |r| r.get(0))
                    .ok();
                names.push(name.unwrap_or_else(|| "Former member".into()));
            }
            names.sort();
            names.join(", ")
        } else {
            c.name.clone()
        };
        Ok(ConversationView {
            id: c.id.clone(),
            team_id: c.team_id.clone(),
            kind: c.kind,
            name,
            members: c.members.clone(),
            created_by: c.created_by.clone(),
            created_at: c.created_at,
            unread,
            unread_mentions,
            last_message_at: last,
            muted,
        })
    }

    /// Starts a channel in a team; a private one is read by `members` and me.
    pub fn create_channel(
        &self,
        team_id: &str,
        name: &str,
        private: bool,
        members: &[String],
    ) -> Result<ConversationView> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        let made = self.write_doc(&id, |doc, now| {
            conversation::create_channel(doc, &me, name, private, members, now)
        })?;
        self.conversation_summary(&made.id)
    }

    /// The direct message with exactly `members` and me, started if it is new.
    pub fn open_direct(&self, team_id: &str, members: &[String]) -> Result<ConversationView> {
        let me = self.identity().user_id;
        let id = doc_id("team", team_id)?;
        // An existing one comes back unchanged, and nothing is written.
        let direct = self.write_doc(&id, |doc, now| {
            conversation::open_direct(doc, team_id, &me, members, now)
        })?;
        self.conversation_summary(&direct.id)
    }
}
