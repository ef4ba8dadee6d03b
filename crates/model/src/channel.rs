//! The channel document: one period (a month) of one conversation's messages, so no
//! document grows without bound. Members post; a message changes only by its author.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjType, ReadDoc, ROOT};
use autosurgeon::{hydrate, hydrate_prop, reconcile, reconcile_prop, Hydrate, Reconcile};

use crate::doc::expect_kind;
use crate::validate::validate_text;
use crate::{new_id, DocKind, Millis, ModelError, Result, UserId, SCHEMA_VERSION};

const MAX_MESSAGE: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Message {
    pub id: String,
    pub author: UserId,
    pub body: String,
    pub created_at: Millis,
    pub edited_at: Option<Millis>,
    pub deleted: bool,
    pub reply_to: Option<String>,
    /// Emoji → the users who reacted with it.
    pub reactions: HashMap<String, Vec<UserId>>,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Channel {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub channel_id: String,
    /// The month this document holds, as `YYYY-MM`.
    pub period: String,
    pub messages: HashMap<String, Message>,
}

#[derive(Reconcile)]
struct NewChannel<'a> {
    kind: &'a str,
    schema: u64,
    team_id: &'a str,
    channel_id: &'a str,
    period: &'a str,
}

pub fn init(doc: &mut AutoCommit, team_id: &str, channel_id: &str, period: &str) -> Result<()> {
    let channel = NewChannel {
        kind: DocKind::Channel.as_str(),
        schema: SCHEMA_VERSION,
        team_id,
        channel_id,
        period,
    };
    reconcile(doc, &channel)?;
    doc.put_object(ROOT, "messages", ObjType::Map)?;
    Ok(())
}

pub fn read(doc: &AutoCommit) -> Result<Channel> {
    expect_kind(doc, DocKind::Channel)?;
    Ok(hydrate(doc)?)
}

fn messages_obj(doc: &AutoCommit) -> Result<automerge::ObjId> {
    expect_kind(doc, DocKind::Channel)?;
    match doc.get(ROOT, "messages")? {
        Some((automerge::Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(ModelError::Corrupt("the channel has no message map".into())),
    }
}

pub fn post(doc: &mut AutoCommit, author: &str, body: &str, now: Millis) -> Result<Message> {
    let obj = messages_obj(doc)?;
    let message = Message {
        id: new_id(),
        author: author.into(),
        body: validate_text("a message", body, MAX_MESSAGE)?,
        created_at: now,
        edited_at: None,
        deleted: false,
        reply_to: None,
        reactions: HashMap::new(),
    };
    reconcile_prop(doc, &obj, message.id.as_str(), &message)?;
    Ok(message)
}

fn own_message(doc: &AutoCommit, by: &str, id: &str) -> Result<(automerge::ObjId, Message)> {
    let obj = messages_obj(doc)?;
    if doc.get(&obj, id)?.is_none() {
        return Err(ModelError::not_found("message", id));
    }
    let message: Message = hydrate_prop(doc, &obj, id)?;
    if message.author != by {
        return Err(ModelError::Forbidden("change someone else's message"));
    }
    Ok((obj, message))
}

pub fn edit(doc: &mut AutoCommit, by: &str, id: &str, body: &str, now: Millis) -> Result<Message> {
    let (obj, mut message) = own_message(doc, by, id)?;
    message.body = validate_text("a message", body, MAX_MESSAGE)?;
    message.edited_at = Some(now);
    reconcile_prop(doc, &obj, id, &message)?;
    Ok(message)
}

/// Deletes by tombstone, so replies and read markers still point somewhere.
pub fn delete(doc: &mut AutoCommit, by: &str, id: &str, now: Millis) -> Result<Message> {
    let (obj, mut message) = own_message(doc, by, id)?;
    message.body.clear();
    message.deleted = true;
    message.edited_at = Some(now);
    reconcile_prop(doc, &obj, id, &message)?;
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_authors_change_their_messages() {
        let mut doc = AutoCommit::new();
        init(&mut doc, "team", "general", "2026-11").expect("init");
        let m = post(&mut doc, "alice", "Hello", 1).expect("post");
        assert_eq!(
            edit(&mut doc, "bob", &m.id, "Bye", 2).map(|_| ()),
            Err(ModelError::Forbidden("change someone else's message"))
        );
        edit(&mut doc, "alice", &m.id, "Hello all", 3).expect("edit");
        delete(&mut doc, "alice", &m.id, 4).expect("delete");
        let channel = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
        assert!(channel.messages[&m.id].deleted);
        assert_eq!(channel.messages[&m.id].body, "");
    }
}
