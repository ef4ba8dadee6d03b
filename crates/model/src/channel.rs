//! The channel document: one month ("period") of one conversation's messages, so
//! no document grows without bound. Members post; a message changes only by its
//! author (a manager may delete one in a team channel); anyone who reads may react.
//!
//! A month's document has an id and a first change that follow from the
//! conversation and the month alone (`period_doc_id`, `genesis`). Two people who
//! post the first message of a month while offline create the same document, and
//! their messages merge instead of one copy hiding the other. The relay checks that
//! a new channel document starts with exactly that first change.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{ActorId, AutoCommit, ChangeHash, ObjType, ReadDoc, ROOT};
use autosurgeon::{hydrate, hydrate_prop, reconcile, reconcile_prop, Hydrate, Reconcile};

use crate::conversation::ConversationKind;
use crate::doc::{commit_genesis, derived, derived_doc_id, expect_kind};
use crate::validate::validate_text;
use crate::{new_id, DocKind, DocumentId, Millis, ModelError, Result, UserId, SCHEMA_VERSION};

pub const MAX_MESSAGE: usize = 20_000;
pub const MAX_ATTACHMENTS: usize = 10;
/// The largest attachment the relay stores.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;
const MAX_EMOJI: usize = 32;
/// The mention that reaches everyone in the conversation.
pub const MENTION_CHANNEL: &str = "channel";

/// A file stored on the relay by its content's SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Reconcile, Hydrate, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    /// Lower-case hex.
    pub sha256: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
}

/// An earlier version of a message's text.
#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Edit {
    pub body: String,
    pub edited_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Message {
    pub id: String,
    pub author: UserId,
    /// Empty once deleted.
    pub body: String,
    pub created_at: Millis,
    pub edited_at: Option<Millis>,
    pub deleted: bool,
    #[autosurgeon(missing = "Default::default")]
    pub deleted_by: Option<UserId>,
    /// The root message of the thread this one replies in.
    pub reply_to: Option<String>,
    /// User ids, and `channel` for @channel.
    #[autosurgeon(missing = "Default::default")]
    pub mentions: Vec<String>,
    #[autosurgeon(missing = "Default::default")]
    pub attachments: Vec<Attachment>,
    /// `user:emoji` → when. Keyed by person, so a reaction touches only its own entry.
    #[autosurgeon(missing = "Default::default")]
    pub reactions: HashMap<String, Millis>,
    /// Earlier versions of the text, oldest first.
    #[autosurgeon(missing = "Default::default")]
    pub history: Vec<Edit>,
}

impl Message {
    /// Emoji → the people who reacted with it, in a stable order.
    pub fn reactions_by_emoji(&self) -> Vec<(String, Vec<UserId>)> {
        let mut grouped: Vec<(String, Vec<UserId>, Millis)> = Vec::new();
        let mut entries: Vec<(&String, &Millis)> = self.reactions.iter().collect();
        entries.sort_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0)));
        for (key, at) in entries {
            let Some((user, emoji)) = key.split_once(':') else {
                continue;
            };
            match grouped.iter_mut().find(|(e, _, _)| e == emoji) {
                Some((_, users, _)) => users.push(user.to_string()),
                None => grouped.push((emoji.to_string(), vec![user.to_string()], *at)),
            }
        }
        grouped
            .into_iter()
            .map(|(e, users, _)| (e, users))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Channel {
    pub kind: String,
    pub schema: u64,
    pub team_id: String,
    pub conversation_id: String,
    pub conversation_kind: ConversationKind,
    /// The month this document holds, as `YYYY-MM` (UTC).
    pub period: String,
    pub messages: HashMap<String, Message>,
}

/// What names one month of one conversation.
#[derive(Debug, Clone, Copy)]
pub struct PeriodKey<'a> {
    pub team_id: &'a str,
    pub conversation_id: &'a str,
    pub kind: ConversationKind,
    pub period: &'a str,
}

#[derive(Reconcile)]
struct Header<'a> {
    kind: &'a str,
    schema: u64,
    team_id: &'a str,
    conversation_id: &'a str,
    conversation_kind: ConversationKind,
    period: &'a str,
}

fn digest(domain: &str, key: PeriodKey<'_>) -> [u8; 32] {
    derived(
        domain,
        &[
            key.team_id,
            key.conversation_id,
            key.kind.as_str(),
            key.period,
        ],
    )
}

/// The id of a conversation's document for one month.
pub fn period_doc_id(key: PeriodKey<'_>) -> DocumentId {
    derived_doc_id(&digest("teamstead/channel-period/v1", key))
}

/// The month's document as it begins: the same bytes wherever it is made (a fixed
/// actor, time and content). Writers set their own actor before adding to it.
pub fn genesis(key: PeriodKey<'_>) -> Result<AutoCommit> {
    Ok(genesis_with_hash(key)?.0)
}

fn genesis_with_hash(key: PeriodKey<'_>) -> Result<(AutoCommit, ChangeHash)> {
    let digest = digest("teamstead/channel-genesis/v1", key);
    let mut doc = AutoCommit::new().with_actor(ActorId::from(&digest[..16]));
    let header = Header {
        kind: DocKind::Channel.as_str(),
        schema: SCHEMA_VERSION,
        team_id: key.team_id,
        conversation_id: key.conversation_id,
        conversation_kind: key.kind,
        period: key.period,
    };
    reconcile(&mut doc, &header)?;
    doc.put_object(ROOT, "messages", ObjType::Map)?;
    let hash = commit_genesis(&mut doc)?;
    Ok((doc, hash))
}

/// The hash of a month's first change.
pub fn genesis_hash(key: PeriodKey<'_>) -> Result<ChangeHash> {
    Ok(genesis_with_hash(key)?.1)
}

/// The header of a channel document, without its messages.
pub fn key_of(doc: &AutoCommit) -> Result<(String, String, ConversationKind, String)> {
    expect_kind(doc, DocKind::Channel)?;
    let text = |name: &str| -> Result<String> {
        match doc.get(ROOT, name)? {
            Some((automerge::Value::Scalar(s), _)) => match s.as_ref() {
                automerge::ScalarValue::Str(s) => Ok(s.to_string()),
                _ => Err(ModelError::Corrupt(format!("the channel's `{name}`"))),
            },
            _ => Err(ModelError::Corrupt(format!("the channel lacks `{name}`"))),
        }
    };
    let kind = ConversationKind::parse(&text("conversation_kind")?)
        .ok_or_else(|| ModelError::Corrupt("the channel's conversation kind".into()))?;
    Ok((
        text("team_id")?,
        text("conversation_id")?,
        kind,
        text("period")?,
    ))
}

pub fn read(doc: &AutoCommit) -> Result<Channel> {
    expect_kind(doc, DocKind::Channel)?;
    Ok(hydrate(doc)?)
}

pub fn message(doc: &AutoCommit, id: &str) -> Result<Message> {
    let obj = messages_obj(doc)?;
    if doc.get(&obj, id)?.is_none() {
        return Err(ModelError::not_found("message", id));
    }
    Ok(hydrate_prop(doc, &obj, id)?)
}

fn messages_obj(doc: &AutoCommit) -> Result<automerge::ObjId> {
    expect_kind(doc, DocKind::Channel)?;
    match doc.get(ROOT, "messages")? {
        Some((automerge::Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Err(ModelError::Corrupt("the channel has no message map".into())),
    }
}

/// What a new message says.
#[derive(Debug, Clone, Default)]
pub struct NewMessage<'a> {
    pub author: &'a str,
    pub body: &'a str,
    pub reply_to: Option<&'a str>,
    pub mentions: Vec<String>,
    pub attachments: Vec<Attachment>,
}

pub fn post(doc: &mut AutoCommit, new: NewMessage<'_>, now: Millis) -> Result<Message> {
    let obj = messages_obj(doc)?;
    let body = if new.attachments.is_empty() || !new.body.trim().is_empty() {
        validate_text("a message", new.body, MAX_MESSAGE)?
    } else {
        String::new()
    };
    validate_attachments(&new.attachments)?;
    let message = Message {
        id: new_id(),
        author: new.author.into(),
        body,
        created_at: now,
        edited_at: None,
        deleted: false,
        deleted_by: None,
        reply_to: new.reply_to.map(str::to_string),
        mentions: new.mentions,
        attachments: new.attachments,
        reactions: HashMap::new(),
        history: Vec::new(),
    };
    reconcile_prop(doc, &obj, message.id.as_str(), &message)?;
    Ok(message)
}

fn validate_attachments(attachments: &[Attachment]) -> Result<()> {
    if attachments.len() > MAX_ATTACHMENTS {
        return Err(ModelError::Invalid {
            what: "a message",
            reason: "it may carry at most 10 attachments",
        });
    }
    for a in attachments {
        let hex = a.sha256.len() == 64 && a.sha256.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex {
            return Err(ModelError::Invalid {
                what: "an attachment",
                reason: "its SHA-256 must be 64 hex digits",
            });
        }
        if a.size > MAX_ATTACHMENT_BYTES {
            return Err(ModelError::TooLong {
                what: "an attachment",
                max: MAX_ATTACHMENT_BYTES as usize,
            });
        }
        validate_text("an attachment's name", &a.name, 255)?;
    }
    Ok(())
}

fn own_message(doc: &AutoCommit, by: &str, id: &str) -> Result<(automerge::ObjId, Message)> {
    let obj = messages_obj(doc)?;
    let message = message(doc, id)?;
    if message.author != by {
        return Err(ModelError::Forbidden("change someone else's message"));
    }
    if message.deleted {
        return Err(ModelError::Invalid {
            what: "this message",
            reason: "it was deleted",
        });
    }
    Ok((obj, message))
}

/// Changes a message's text; the old text goes to its history.
pub fn edit(doc: &mut AutoCommit, by: &str, id: &str, body: &str, now: Millis) -> Result<Message> {
    let (obj, mut message) = own_message(doc, by, id)?;
    let body = validate_text("a message", body, MAX_MESSAGE)?;
    if body == message.body {
        return Ok(message);
    }
    let previous = std::mem::replace(&mut message.body, body);
    message.history.push(Edit {
        body: previous,
        edited_at: message.edited_at.unwrap_or(message.created_at),
    });
    message.edited_at = Some(now);
    reconcile_prop(doc, &obj, id, &message)?;
    Ok(message)
}

/// Deletes by tombstone, so replies and read markers still point somewhere. Its
/// author may, and in a team channel a manager (`manages`) may too.
pub fn delete(
    doc: &mut AutoCommit,
    by: &str,
    manages: bool,
    id: &str,
    now: Millis,
) -> Result<Message> {
    let obj = messages_obj(doc)?;
    let (_, _, kind, _) = key_of(doc)?;
    let mut message = message(doc, id)?;
    let moderates = manages && kind != ConversationKind::Direct;
    if message.author != by && !moderates {
        return Err(ModelError::Forbidden("delete someone else's message"));
    }
    if message.deleted {
        return Ok(message);
    }
    message.body.clear();
    message.history.clear();
    message.attachments.clear();
    message.mentions.clear();
    message.deleted = true;
    message.deleted_by = Some(by.to_string());
    message.edited_at = Some(now);
    reconcile_prop(doc, &obj, id, &message)?;
    Ok(message)
}

/// Adds `by`'s reaction with `emoji`, or takes it back if it is there.
pub fn toggle_reaction(
    doc: &mut AutoCommit,
    by: &str,
    id: &str,
    emoji: &str,
    now: Millis,
) -> Result<Message> {
    let emoji = validate_text("an emoji", emoji, MAX_EMOJI)?;
    let mut message = message(doc, id)?;
    if message.deleted {
        return Err(ModelError::Invalid {
            what: "this message",
            reason: "it was deleted",
        });
    }
    let messages = messages_obj(doc)?;
    let reactions = match doc.get(&messages, id)? {
        Some((_, msg)) => match doc.get(&msg, "reactions")? {
            Some((automerge::Value::Object(ObjType::Map), obj)) => obj,
            _ => doc.put_object(&msg, "reactions", ObjType::Map)?,
        },
        None => return Err(ModelError::not_found("message", id)),
    };
    let key = format!("{by}:{emoji}");
    if message.reactions.remove(&key).is_some() {
        doc.delete(&reactions, key.as_str())?;
    } else {
        doc.put(&reactions, key.as_str(), now)?;
        message.reactions.insert(key, now);
    }
    Ok(message)
}

/// The people a message mentions: `channel` for @channel (or @here), and each
/// member whose name follows an `@`, longest name first.
pub fn extract_mentions(body: &str, members: &[(UserId, String)]) -> Vec<String> {
    let mut by_length: Vec<&(UserId, String)> = members.iter().collect();
    by_length.sort_by_key(|(_, name)| std::cmp::Reverse(name.len()));
    let mut found: Vec<String> = Vec::new();
    let lower = body.to_lowercase();
    for (at, _) in lower.match_indices('@') {
        let rest = &lower[at + 1..];
        let word_ends = |len: usize| {
            rest[len..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        };
        if ["channel", "here"]
            .iter()
            .any(|w| rest.starts_with(w) && word_ends(w.len()))
        {
            if !found.iter().any(|f| f == MENTION_CHANNEL) {
                found.push(MENTION_CHANNEL.into());
            }
            continue;
        }
        let hit = by_length.iter().find(|(_, name)| {
            let name = name.to_lowercase();
            !name.is_empty() && rest.starts_with(&name) && word_ends(name.len())
        });
        if let Some((id, _)) = hit {
            if !found.contains(id) {
                found.push(id.clone());
            }
        }
    }
    found
}

/// The month `at` falls in, as `YYYY-MM` (UTC).
pub fn period_of(at: Millis) -> String {
    let mut date = crate::date_from_days(at.div_euclid(86_400_000));
    date.truncate(7);
    date
}

/// The month before `period`, if `period` is a month.
pub fn previous_period(period: &str) -> Option<String> {
    let (y, m) = period.split_once('-')?;
    let (year, month): (i64, u32) = (y.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&month) || y.len() != 4 || m.len() != 2 {
        return None;
    }
    Some(if month == 1 {
        format!("{:04}-12", year - 1)
    } else {
        format!("{year:04}-{:02}", month - 1)
    })
}

#[cfg(test)]
mod tests;
