//! Chat: conversations (listed in team documents), messages (in channel documents,
//! one a conversation and month), each person's read markers and notification
//! settings (their user document), and live signals (presence, typing, receipts)
//! that never touch a document.

mod attachments;
mod conversations;
pub(crate) mod index;
pub(crate) mod messages;
mod notifications;
pub(crate) mod signals;
mod user_doc;

pub use signals::LiveSignals;

use rusqlite::OptionalExtension;
use teamstead_model::channel::{self, PeriodKey};
use teamstead_model::conversation::ConversationKind;
use teamstead_protocol::DocumentId;

use crate::{Client, ClientError, Result};

/// A conversation as the index knows it.
#[derive(Debug, Clone)]
pub(crate) struct ConversationRow {
    pub id: String,
    pub team_id: String,
    pub kind: ConversationKind,
    pub name: String,
    pub members: Vec<String>,
    pub created_by: String,
    pub created_at: i64,
}

impl ConversationRow {
    pub fn admits(&self, user: &str) -> bool {
        self.kind == ConversationKind::Channel || self.members.iter().any(|m| m == user)
    }

    /// The document that holds this conversation's messages of `period`.
    pub fn period_doc(&self, period: &str) -> DocumentId {
        channel::period_doc_id(self.key(period))
    }

    pub fn key<'a>(&'a self, period: &'a str) -> PeriodKey<'a> {
        PeriodKey {
            team_id: &self.team_id,
            conversation_id: &self.id,
            kind: self.kind,
            period,
        }
    }
}

pub(crate) const CONVERSATION_COLUMNS: &str =
    "id, team_id, kind, name, members, created_by, created_at";

pub(crate) fn conversation_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ConversationRow> {
    let kind: String = r.get(2)?;
    let members: String = r.get(4)?;
    Ok(ConversationRow {
        id: r.get(0)?,
        team_id: r.get(1)?,
        kind: ConversationKind::parse(&kind).unwrap_or(ConversationKind::Private),
        name: r.get(3)?,
        members: serde_json::from_str(&members).unwrap_or_default(),
        created_by: r.get(5)?,
        created_at: r.get(6)?,
    })
}

impl Client {
    /// A conversation this user may read, or `not_found` (whether it exists or not).
    pub(crate) fn conversation(&self, conversation_id: &str) -> Result<ConversationRow> {
        let inner = self.lock();
        let row = inner
            .conn
            .prepare_cached(&format!(
                "SELECT {CONVERSATION_COLUMNS} FROM idx_conversations WHERE id = ?1
                 AND team_id IN (SELECT team_id FROM idx_members WHERE user_id = ?2)"
            ))?
            .query_row(
                rusqlite::params![conversation_id, inner.identity.user_id],
                conversation_from_row,
            )
            .optional()?;
        match row {
            Some(c) if c.admits(&inner.identity.user_id) => Ok(c),
            _ => Err(ClientError::not_found("conversation", conversation_id)),
        }
    }

    /// The document live signals about a conversation go on: its newest month here,
    /// or the current month's if none is here yet.
    pub(crate) fn signal_doc(&self, c: &ConversationRow) -> Result<DocumentId> {
        let newest: Option<String> = {
            let inner = self.lock();
            inner
                .conn
                .query_row(
                    "SELECT doc_id FROM idx_messages WHERE conversation_id = ?1
                     ORDER BY created_at DESC LIMIT 1",
                    [&c.id],
                    |r| r.get(0),
                )
                .optional()?
        };
        Ok(newest
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| c.period_doc(&channel::period_of(crate::clock::now()))))
    }

    /// Every conversation this user reads, across their teams.
    pub(crate) fn my_conversations(&self) -> Result<Vec<ConversationRow>> {
        let inner = self.lock();
        let me = inner.identity.user_id.clone();
        let mut stmt = inner.conn.prepare_cached(&format!(
            "SELECT {CONVERSATION_COLUMNS} FROM idx_conversations
             WHERE team_id IN (SELECT team_id FROM idx_members WHERE user_id = ?1)"
        ))?;
        let rows = stmt.query_map([&me], conversation_from_row)?;
        let all: Vec<ConversationRow> = rows.collect::<Result<_, _>>()?;
        Ok(all.into_iter().filter(|c| c.admits(&me)).collect())
    }
}
