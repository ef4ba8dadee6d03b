//! Sending, changing and reading messages. A message goes into the conversation's
//! document for the current month (started here if need be); lists and search read
//! the index.

use std::collections::HashMap;

use automerge::{ChangeHash, ObjId, ReadDoc};
use rusqlite::OptionalExtension;
use teamstead_model::channel::{self, Attachment, NewMessage};
use teamstead_model::{user, DocKind};
use teamstead_protocol::{DocumentId, Signal};

use crate::batch::loaded;
use crate::chat::ConversationRow;
use crate::{
    clock, Client, ClientError, MessageEditView, MessageHit, MessagePage, MessageView,
    ReactionView, Result,
};

const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 500;
const MAX_HITS: i64 = 50;

/// A message row of the index, before it becomes a view.
struct Row {
    id: String,
    doc_id: String,
    conversation_id: String,
    author: String,
    author_name: Option<String>,
    body: String,
    created_at: i64,
    edited_at: Option<i64>,
    deleted: bool,
    reply_to: Option<String>,
    reply_count: u32,
    mentions: String,
    attachments: String,
    reactions: String,
}

const ROW_COLUMNS: &str = "m.id, m.doc_id, m.conversation_id, m.author,
    (SELECT name FROM idx_members WHERE team_id = m.team_id AND user_id = m.author),
    m.body, m.created_at, m.edited_at, m.deleted, m.reply_to,
    (SELECT COUNT(*) FROM idx_messages r WHERE r.reply_to = m.id AND NOT r.deleted),
    m.mentions, m.attachments, m.reactions";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        doc_id: r.get(1)?,
        conversation_id: r.get(2)?,
        author: r.get(3)?,
        author_name: r.get(4)?,
        body: r.get(5)?,
        created_at: r.get(6)?,
        edited_at: r.get(7)?,
        deleted: r.get(8)?,
        reply_to: r.get(9)?,
        reply_count: r.get(10)?,
        mentions: r.get(11)?,
        attachments: r.get(12)?,
        reactions: r.get(13)?,
    })
}

impl Client {
    /// Sends a message: saved here at once, delivered when the relay is reachable.
    pub fn send_message(
        &self,
        conversation_id: &str,
        body: &str,
        reply_to: Option<&str>,
        attachments: Vec<Attachment>,
    ) -> Result<MessageView> {
        let c = self.conversation(conversation_id)?;
        self.require_chat_writer(&c)?;
        if let Some(root) = reply_to {
            let root_conversation = self.message_location(root)?.1;
            if root_conversation != c.id {
                return Err(ClientError::not_found("message", root));
            }
        }
        let me = self.identity().user_id;
        let members: Vec<(String, String)> = self
            .members(&c.team_id)?
            .into_iter()
            .map(|m| (m.user_id, m.name))
            .collect();
        let mentions = channel::extract_mentions(body, &members);
        let now = clock::now();
        let period = channel::period_of(now);
        let doc = c.period_doc(&period);
        let message = self.batch(|batch| {
            let now = batch.now();
            batch.write_derived(
                &doc,
                DocKind::Channel,
                Some(&c.team_id),
                || channel::genesis(c.key(&period)),
                |d| {
                    let new = NewMessage {
                        author: &me,
                        body,
                        reply_to,
                        mentions,
                        attachments,
                    };
                    channel::post(d, new, now)
                },
            )
        })?;
        self.message(&message.id)
    }

    pub fn edit_message(
        &self,
        conversation_id: &str,
        message_id: &str,
        body: &str,
    ) -> Result<MessageView> {
        let (doc, _) = self.located(conversation_id, message_id)?;
        let me = self.identity().user_id;
        self.write_doc(&doc, |d, now| channel::edit(d, &me, message_id, body, now))?;
        self.message(message_id)
    }

    pub fn delete_message(&self, conversation_id: &str, message_id: &str) -> Result<MessageView> {
        let (doc, c) = self.located(conversation_id, message_id)?;
        let me = self.identity().user_id;
        let manages = self.team(&c.team_id)?.role.manages_team();
        self.write_doc(&doc, |d, now| {
            channel::delete(d, &me, manages, message_id, now)
        })?;
        self.message(message_id)
    }

    /// Adds my reaction with `emoji`, or takes it back.
    pub fn react(
        &self,
        conversation_id: &str,
        message_id: &str,
        emoji: &str,
    ) -> Result<MessageView> {
        let (doc, c) = self.located(conversation_id, message_id)?;
        self.require_chat_writer(&c)?;
        let me = self.identity().user_id;
        self.write_doc(&doc, |d, now| {
            channel::toggle_reaction(d, &me, message_id, emoji, now)
        })?;
        self.message(message_id)
    }

    /// Earlier versions of a message's text, oldest first.
    pub fn message_history(
        &self,
        conversation_id: &str,
        message_id: &str,
    ) -> Result<Vec<MessageEditView>> {
        let (doc, _) = self.located(conversation_id, message_id)?;
        let message = self.read_doc(&doc, |d| channel::message(d, message_id))?;
        Ok(message
            .history
            .into_iter()
            .map(|e| MessageEditView {
                body: e.body,
                edited_at: e.edited_at,
            })
            .collect())
    }

    /// A page of a conversation (thread replies stay in their threads), oldest
    /// first, ending before `before` (ms) if given.
    pub fn list_messages(
        &self,
        conversation_id: &str,
        before: Option<i64>,
        limit: Option<u32>,
    ) -> Result<MessagePage> {
        let c = self.conversation(conversation_id)?;
        let limit = limit.unwrap_or(DEFAULT_PAGE).clamp(1, MAX_PAGE);
        let read_at = self
            .user_doc()?
            .read_markers
            .get(&c.id)
            .copied()
            .unwrap_or(0);
        let me = self.identity().user_id;
        let (mut rows, has_older, first_unread) = {
            let inner = self.lock();
            let mut stmt = inner.conn.prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM idx_messages m
                 WHERE m.conversation_id = ?1 AND m.reply_to IS NULL AND (?2 IS NULL OR m.created_at < ?2)
                 ORDER BY m.created_at DESC, m.id DESC LIMIT ?3"
            ))?;
            let rows: Vec<Row> = stmt
                .query_map(rusqlite::params![c.id, before, i64::from(limit) + 1], row)?
                .collect::<Result<_, _>>()?;
            let first_unread: Option<String> = inner
                .conn
                .query_row(
                    "SELECT id FROM idx_messages WHERE conversation_id = ?1 AND reply_to IS NULL
                     AND created_at > ?2 AND author != ?3 AND NOT deleted
                     ORDER BY created_at, id LIMIT 1",
                    rusqlite::params![c.id, read_at, me],
                    |r| r.get(0),
                )
                .optional()?;
            let has_older = rows.len() > limit as usize;
            (rows, has_older, first_unread)
        };
        rows.truncate(limit as usize);
        rows.reverse();
        if !has_older {
            // The month before the oldest one here may be on the relay.
            self.want_older_month(&c, rows.first().map(|r| r.created_at))?;
        }
        Ok(MessagePage {
            messages: self.views(rows)?,
            has_older,
            read_at,
            first_unread_id: first_unread,
        })
    }

    /// A thread: its root, then the replies, oldest first.
    pub fn thread(&self, conversation_id: &str, root_id: &str) -> Result<Vec<MessageView>> {
        self.located(conversation_id, root_id)?;
        let rows = {
            let inner = self.lock();
            let mut stmt = inner.conn.prepare_cached(&format!(
                "SELECT {ROW_COLUMNS} FROM idx_messages m WHERE m.id = ?1 OR m.reply_to = ?1
                 ORDER BY (m.id != ?1), m.created_at, m.id"
            ))?;
            let rows: Vec<Row> = stmt.query_map([root_id], row)?.collect::<Result<_, _>>()?;
            rows
        };
        self.views(rows)
    }

    /// One message as the window shows it.
    pub fn message(&self, message_id: &str) -> Result<MessageView> {
        let row = {
            let inner = self.lock();
            let found = inner
                .conn
                .prepare_cached(&format!(
                    "SELECT {ROW_COLUMNS} FROM idx_messages m WHERE m.id = ?1"
                ))?
                .query_row([message_id], row)
                .map_err(ClientError::or_not_found("message", message_id));
            found?
        };
        self.views(vec![row])?
            .pop()
            .ok_or_else(|| ClientError::not_found("message", message_id))
    }

    /// Moves my read marker up to `at` (the newest message if not given), and tells
    /// the others reading along.
    pub fn mark_read(&self, conversation_id: &str, at: Option<i64>) -> Result<()> {
        let c = self.conversation(conversation_id)?;
        let at = match at {
            Some(at) => at,
            None => {
                let inner = self.lock();
                inner.conn.query_row(
                    "SELECT COALESCE(MAX(created_at), 0) FROM idx_messages WHERE conversation_id = ?1",
                    [&c.id],
                    |r| r.get(0),
                )?
            }
        };
        let current = self
            .user_doc()?
            .read_markers
            .get(&c.id)
            .copied()
            .unwrap_or(0);
        if at > current {
            self.write_user_doc(|doc, _| user::mark_read(doc, &c.id, at))?;
        }
        self.signals.send(
            self.signal_doc(&c)?,
            Signal::Read {
                user_id: String::new(),
                conversation_id: c.id.clone(),
                at: at.max(current),
            },
        );
        Ok(())
    }

    /// The people whose read marker is at or past a message (me included).
    pub fn seen_by(&self, conversation_id: &str, message_id: &str) -> Result<Vec<String>> {
        let c = self.conversation(conversation_id)?;
        let created_at = self.message(message_id)?.created_at;
        let me = self.identity().user_id;
        let mut people: Vec<String> = {
            let inner = self.lock();
            let mut stmt = inner.conn.prepare_cached(
                "SELECT user_id FROM chat_receipts WHERE conversation_id = ?1 AND at >= ?2 AND user_id != ?3
                 ORDER BY user_id",
            )?;
            let rows = stmt.query_map(rusqlite::params![c.id, created_at, me], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        if self
            .user_doc()?
            .read_markers
            .get(&c.id)
            .copied()
            .unwrap_or(0)
            >= created_at
        {
            people.insert(0, me);
        }
        Ok(people)
    }

    /// Messages matching `query`, newest first, in the conversations I read.
    pub fn search_messages(&self, query: &str, filter: &MessageFilter) -> Result<Vec<MessageHit>> {
        let Some(fts) = crate::search::fts_query(query) else {
            return Ok(Vec::new());
        };
        let readable: Vec<String> = self.my_conversations()?.into_iter().map(|c| c.id).collect();
        let inner = self.lock();
        let mut stmt = inner.conn.prepare_cached(
            "SELECT m.id, m.conversation_id, m.team_id, m.author,
                    (SELECT name FROM idx_members WHERE team_id = m.team_id AND user_id = m.author),
                    m.created_at, snippet(idx_messages_fts, 0, char(2), char(3), '…', 12)
             FROM idx_messages_fts f JOIN idx_messages m ON m.seq = f.rowid
             WHERE idx_messages_fts MATCH ?1 AND NOT m.deleted
               AND (?2 IS NULL OR m.team_id = ?2) AND (?3 IS NULL OR m.conversation_id = ?3)
               AND (?4 IS NULL OR m.author = ?4) AND (?5 IS NULL OR m.created_at >= ?5)
               AND (?6 IS NULL OR m.created_at < ?6)
             ORDER BY m.created_at DESC LIMIT 500",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![
                fts,
                filter.team_id,
                filter.conversation_id,
                filter.author,
                filter.after,
                filter.before
            ],
            |r| {
                Ok(MessageHit {
                    message_id: r.get(0)?,
                    conversation_id: r.get(1)?,
                    team_id: r.get(2)?,
                    author: r.get(3)?,
                    author_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    created_at: r.get(5)?,
                    snippet: r.get(6)?,
                })
            },
        )?;
        let mut hits = Vec::new();
        for hit in rows {
            let hit = hit?;
            if readable.contains(&hit.conversation_id) {
                hits.push(hit);
            }
            if hits.len() as i64 >= MAX_HITS {
                break;
            }
        }
        Ok(hits)
    }

    fn require_chat_writer(&self, c: &ConversationRow) -> Result<()> {
        if self.team(&c.team_id)?.role.writes_content() {
            Ok(())
        } else {
            Err(teamstead_model::ModelError::Forbidden("write in this conversation").into())
        }
    }

    /// Where a message lives: its month document and its conversation.
    fn message_location(&self, message_id: &str) -> Result<(DocumentId, String)> {
        let inner = self.lock();
        let (doc, conversation): (String, String) = inner
            .conn
            .query_row(
                "SELECT doc_id, conversation_id FROM idx_messages WHERE id = ?1",
                [message_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(ClientError::or_not_found("message", message_id))?;
        let doc = doc
            .parse()
            .map_err(|_| ClientError::not_found("message", message_id))?;
        Ok((doc, conversation))
    }

    /// A message of a conversation I read: its document and the conversation.
    fn located(
        &self,
        conversation_id: &str,
        message_id: &str,
    ) -> Result<(DocumentId, ConversationRow)> {
        let c = self.conversation(conversation_id)?;
        let (doc, conversation) = self.message_location(message_id)?;
        if conversation != c.id {
            return Err(ClientError::not_found("message", message_id));
        }
        Ok((doc, c))
    }

    fn views(&self, rows: Vec<Row>) -> Result<Vec<MessageView>> {
        let pending = self.pending_objects(&rows)?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let reactions: Vec<(String, Vec<String>)> =
                    serde_json::from_str(&r.reactions).unwrap_or_default();
                MessageView {
                    pending: pending.contains(&r.id),
                    id: r.id,
                    conversation_id: r.conversation_id,
                    author_name: r.author_name.unwrap_or_else(|| "Former member".into()),
                    author: r.author,
                    body: r.body,
                    created_at: r.created_at,
                    edited_at: r.edited_at,
                    deleted: r.deleted,
                    reply_to: r.reply_to,
                    reply_count: r.reply_count,
                    mentions: serde_json::from_str(&r.mentions).unwrap_or_default(),
                    attachments: serde_json::from_str(&r.attachments).unwrap_or_default(),
                    reactions: reactions
                        .into_iter()
                        .map(|(emoji, users)| ReactionView { emoji, users })
                        .collect(),
                }
            })
            .collect())
    }

    /// The messages among `rows` whose creation the relay has not acknowledged:
    /// their map object was made by a change beyond the relay's last heads. Nothing
    /// is pending on a device that is not signed in.
    fn pending_objects(&self, rows: &[Row]) -> Result<Vec<String>> {
        if self.account()?.is_none() || rows.is_empty() {
            return Ok(Vec::new());
        }
        let mut by_doc: HashMap<&str, Vec<&Row>> = HashMap::new();
        for r in rows {
            by_doc.entry(r.doc_id.as_str()).or_default().push(r);
        }
        let mut guard = self.lock();
        let inner = &mut *guard;
        let mut pending = Vec::new();
        for (doc_id, rows) in by_doc {
            let Ok(id) = doc_id.parse::<DocumentId>() else {
                continue;
            };
            let relay: Vec<ChangeHash> = inner
                .conn
                .query_row(
                    "SELECT relay_heads FROM sync_heads WHERE doc_id = ?1",
                    [doc_id],
                    |r| r.get::<_, Vec<u8>>(0),
                )
                .optional()?
                .map(|bytes| crate::sync::decode_heads(&bytes))
                .unwrap_or_default();
            let live = loaded(&inner.conn, &mut inner.docs, &id, &inner.actor)?;
            let relay: Vec<ChangeHash> = relay
                .into_iter()
                .filter(|h| live.doc.get_change_by_hash(h).is_some())
                .collect();
            // Operation ranges (actor, first, last) of the changes the relay lacks.
            let unacked: Vec<(automerge::ActorId, u64, u64)> = live
                .doc
                .get_changes(&relay)
                .iter()
                .map(|c| {
                    let first = c.start_op().get();
                    (c.actor_id().clone(), first, first + c.len() as u64)
                })
                .collect();
            if unacked.is_empty() {
                continue;
            }
            let Ok(Some((_, messages))) = live.doc.get(automerge::ROOT, "messages") else {
                continue;
            };
            for r in rows {
                if let Ok(Some((_, ObjId::Id(counter, actor, _)))) = live.doc.get(&messages, &r.id)
                {
                    if unacked
                        .iter()
                        .any(|(a, first, end)| *a == actor && (*first..*end).contains(&counter))
                    {
                        pending.push(r.id.clone());
                    }
                }
            }
        }
        Ok(pending)
    }

    /// Asks the sync connection for the month before the oldest message here, if the
    /// conversation is that old and this device lacks it. (A month here always holds
    /// a message: its document is started by the first one.)
    fn want_older_month(&self, c: &ConversationRow, oldest: Option<i64>) -> Result<()> {
        let oldest = channel::period_of(oldest.unwrap_or_else(clock::now));
        let Some(previous) = channel::previous_period(&oldest) else {
            return Ok(());
        };
        if previous < channel::period_of(c.created_at) {
            return Ok(());
        }
        let id = c.period_doc(&previous);
        if !self.has_document(&id)? {
            self.signals.want(id);
        }
        Ok(())
    }
}

/// Narrows a message search; every field given must hold.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageFilter {
    pub team_id: Option<String>,
    pub conversation_id: Option<String>,
    pub author: Option<String>,
    /// Milliseconds since the epoch, inclusive.
    pub after: Option<i64>,
    /// Milliseconds since the epoch, exclusive.
    pub before: Option<i64>,
}
