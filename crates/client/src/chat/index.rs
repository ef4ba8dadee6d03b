//! Chat rows of the query index: conversations from team documents, messages from
//! channel documents. Like tasks, a change re-indexes only the messages it touched.

use std::collections::{BTreeSet, HashMap};

use automerge::legacy::{Key, ObjectId, OpType};
use automerge::{AutoCommit, Prop, ReadDoc};
use rusqlite::{params, Connection};
use teamstead_model::channel::{self, Message};
use teamstead_model::team::Team;
use teamstead_protocol::DocumentId;

use crate::store::LiveDoc;
use crate::Result;

pub fn conversations(conn: &Connection, team_id: &str, team: &Team) -> Result<()> {
    conn.execute(
        "DELETE FROM idx_conversations WHERE team_id = ?1",
        [team_id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO idx_conversations (id, team_id, kind, name, members, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for c in team.conversations.values() {
        let members = json(&c.members);
        insert.execute(params![
            c.id,
            team_id,
            c.kind.as_str(),
            c.name,
            members,
            c.created_by,
            c.created_at
        ])?;
    }
    Ok(())
}

pub fn channel(conn: &Connection, id: &DocumentId, live: &LiveDoc) -> Result<()> {
    let doc_id = id.to_string();
    conn.execute("DELETE FROM idx_messages WHERE doc_id = ?1", [&doc_id])?;
    let channel = channel::read(&live.doc)?;
    for message in channel.messages.values() {
        put(
            conn,
            &doc_id,
            &channel.team_id,
            &channel.conversation_id,
            message,
        )?;
    }
    Ok(())
}

/// Re-indexes the messages touched since the document's diff cursor.
pub fn channel_changes(conn: &Connection, id: &DocumentId, live: &mut LiveDoc) -> Result<()> {
    let touched = match touched_by_changes(&mut live.doc) {
        Some(touched) => touched,
        None => touched_by_diff(conn, id, live)?,
    };
    if touched.is_empty() {
        return Ok(());
    }
    let (team_id, conversation_id, _, _) = channel::key_of(&live.doc)?;
    let doc_id = id.to_string();
    for message_id in touched {
        conn.prepare_cached("DELETE FROM idx_messages WHERE id = ?1")?
            .execute([&message_id])?;
        match channel::message(&live.doc, &message_id) {
            Ok(message) => put(conn, &doc_id, &team_id, &conversation_id, &message)?,
            Err(teamstead_model::ModelError::NotFound { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// The messages the changes since the diff cursor touched, read from the changes'
/// own operations. A diff walks the whole messages map, so indexing one new
/// message cost time in proportion to the month's messages; this costs time in
/// proportion to the change. `None` when the changes touch anything else (the
/// document's start), or an object cannot be placed: the diff decides then.
fn touched_by_changes(doc: &mut AutoCommit) -> Option<BTreeSet<String>> {
    let since = doc.diff_cursor();
    if since.is_empty() {
        return None;
    }
    let messages = match doc.get(automerge::ROOT, "messages").ok()?? {
        (automerge::Value::Object(_), id) => id.to_string(),
        _ => return None,
    };
    // Objects made by these changes → the message they belong to.
    let mut made: HashMap<String, String> = HashMap::new();
    let mut touched = BTreeSet::new();
    for change in doc.get_changes(&since) {
        let change = change.decode();
        for (i, op) in change.operations.iter().enumerate() {
            let ObjectId::Id(obj) = &op.obj else {
                return None;
            };
            let obj = obj.to_string();
            let key = if obj == messages {
                match &op.key {
                    Key::Map(key) => key.to_string(),
                    Key::Seq(_) => return None,
                }
            } else if let Some(key) = made.get(&obj) {
                key.clone()
            } else {
                message_holding(doc, &obj, &messages)?
            };
            if matches!(op.action, OpType::Make(_)) {
                let op_id = change.start_op.get() + u64::try_from(i).ok()?;
                made.insert(format!("{op_id}@{}", change.actor_id), key.clone());
            }
            touched.insert(key);
        }
    }
    doc.update_diff_cursor();
    Some(touched)
}

/// The key, in the messages map, of the message an existing object sits in.
fn message_holding(doc: &AutoCommit, obj: &str, messages: &str) -> Option<String> {
    let id = doc.import_obj(obj).ok()?;
    for parent in doc.parents(id).ok()? {
        if parent.obj.to_string() == messages {
            return match parent.prop {
                Prop::Map(key) => Some(key),
                Prop::Seq(_) => None,
            };
        }
    }
    None
}

/// As `touched_by_changes`, by diffing from the cursor; re-indexes the whole
/// document itself if the changes touched its top level.
fn touched_by_diff(
    conn: &Connection,
    id: &DocumentId,
    live: &mut LiveDoc,
) -> Result<BTreeSet<String>> {
    let mut touched = BTreeSet::new();
    for patch in live.doc.diff_incremental() {
        match patch.path.as_slice() {
            [] => {
                channel(conn, id, live)?;
                return Ok(BTreeSet::new());
            }
            [(_, Prop::Map(top))] if top == "messages" => match &patch.action {
                automerge::PatchAction::PutMap { key, .. }
                | automerge::PatchAction::DeleteMap { key } => {
                    touched.insert(key.clone());
                }
                _ => {}
            },
            [(_, Prop::Map(top)), (_, Prop::Map(message)), ..] if top == "messages" => {
                touched.insert(message.clone());
            }
            _ => {}
        }
    }
    Ok(touched)
}

fn put(
    conn: &Connection,
    doc_id: &str,
    team_id: &str,
    conversation_id: &str,
    m: &Message,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO idx_messages (id, doc_id, conversation_id, team_id, author, body, created_at,
                                   edited_at, deleted, reply_to, mentions, attachments, reactions)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (id) DO NOTHING",
    )?
    .execute(params![
        m.id,
        doc_id,
        conversation_id,
        team_id,
        m.author,
        m.body,
        m.created_at,
        m.edited_at,
        m.deleted,
        m.reply_to,
        json(&m.mentions),
        json(&m.attachments),
        json(&m.reactions_by_emoji()),
    ])?;
    Ok(())
}

/// JSON for an index column; a value that cannot be written is stored as `[]`.
fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".into())
}
