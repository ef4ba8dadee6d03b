//! Conversations, as the team document lists them: public channels, private
//! channels with a member list, and direct messages between a few people. Their
//! messages live in channel documents, one per conversation and month (channel.rs).
//!
//! Any member who writes content may start a conversation; its creator (or a
//! manager) changes it afterwards. A direct message's id follows from its people,
//! so two of them opening it at once, offline, land in the same conversation.

use automerge::AutoCommit;
use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

use crate::doc::derived;
use crate::team::{self, Team};
use crate::{new_id, validate_title, Millis, ModelError, Result, UserId};

/// People in one direct message, the author included.
pub const MAX_DIRECT_MEMBERS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Reconcile, Hydrate, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationKind {
    /// Every member of the team reads it.
    #[autosurgeon(rename = "channel")]
    Channel,
    /// Only its members read it.
    #[autosurgeon(rename = "private")]
    Private,
    /// A few people, fixed when it starts.
    #[autosurgeon(rename = "direct")]
    Direct,
}

impl ConversationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Channel => "channel",
            Self::Private => "private",
            Self::Direct => "direct",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Channel, Self::Private, Self::Direct]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Reconcile, Hydrate)]
pub struct Conversation {
    pub id: String,
    pub kind: ConversationKind,
    /// A channel's name; empty for a direct message.
    pub name: String,
    /// Who reads it; empty for a public channel, which the whole team reads.
    pub members: Vec<UserId>,
    pub created_by: UserId,
    pub created_at: Millis,
}

impl Conversation {
    /// May `user`, a member of the team, read this conversation?
    pub fn admits(&self, user: &str) -> bool {
        match self.kind {
            ConversationKind::Channel => true,
            ConversationKind::Private | ConversationKind::Direct => {
                self.members.iter().any(|m| m == user)
            }
        }
    }
}

/// Whether `user` may read conversation `id` of `team`. A conversation the team
/// does not list (yet: its channel document may arrive before the team's change)
/// is open to the team; its id is random and known only to those it was shown to.
pub fn team_admits(team: &Team, id: &str, user: &str) -> bool {
    team.members.contains_key(user)
        && team
            .conversations
            .get(id)
            .is_none_or(|conversation| conversation.admits(user))
}

fn require_writer(team: &Team, by: &str) -> Result<()> {
    match team.role_of(by) {
        Some(role) if role.writes_content() => Ok(()),
        _ => Err(ModelError::Forbidden("start a conversation in this team")),
    }
}

fn require_members(team: &Team, people: &[UserId]) -> Result<()> {
    match people.iter().find(|p| !team.members.contains_key(*p)) {
        Some(outsider) => Err(ModelError::not_found("member", outsider.clone())),
        None => Ok(()),
    }
}

/// Starts a channel; a private one is read by `members` and its creator only.
pub fn create_channel(
    doc: &mut AutoCommit,
    by: &str,
    name: &str,
    private: bool,
    members: &[UserId],
    now: Millis,
) -> Result<Conversation> {
    let mut team = team::read(doc)?;
    require_writer(&team, by)?;
    let name = validate_title("a channel name", name.trim_start_matches('#'))?;
    let taken = team.conversations.values().any(|c| {
        c.kind != ConversationKind::Direct && c.name.to_lowercase() == name.to_lowercase()
    });
    if taken {
        return Err(ModelError::Invalid {
            what: "a channel name",
            reason: "another channel in this team has it",
        });
    }
    let members = if private {
        let people = people_with(by, members);
        require_members(&team, &people)?;
        people
    } else {
        Vec::new()
    };
    let conversation = Conversation {
        id: new_id(),
        kind: if private {
            ConversationKind::Private
        } else {
            ConversationKind::Channel
        },
        name,
        members,
        created_by: by.to_string(),
        created_at: now,
    };
    team.conversations
        .insert(conversation.id.clone(), conversation.clone());
    team::write(doc, &team)?;
    Ok(conversation)
}

/// The direct message between `by` and `others`, started if it is new.
pub fn open_direct(
    doc: &mut AutoCommit,
    team_id: &str,
    by: &str,
    others: &[UserId],
    now: Millis,
) -> Result<Conversation> {
    let mut team = team::read(doc)?;
    let members = people_with(by, others);
    if members.len() < 2 {
        return Err(ModelError::Invalid {
            what: "a direct message",
            reason: "it needs at least one other person",
        });
    }
    if members.len() > MAX_DIRECT_MEMBERS {
        return Err(ModelError::Invalid {
            what: "a direct message",
            reason: "it takes at most 9 people; make a private channel instead",
        });
    }
    require_members(&team, &members)?;
    let id = direct_id(team_id, &members);
    if let Some(existing) = team.conversations.get(&id) {
        return Ok(existing.clone());
    }
    require_writer(&team, by)?;
    let conversation = Conversation {
        id: id.clone(),
        kind: ConversationKind::Direct,
        name: String::new(),
        members,
        created_by: by.to_string(),
        created_at: now,
    };
    team.conversations.insert(id, conversation.clone());
    team::write(doc, &team)?;
    Ok(conversation)
}

/// Renames a channel: its creator or a manager.
pub fn rename_channel(
    doc: &mut AutoCommit,
    by: &str,
    id: &str,
    name: &str,
) -> Result<Conversation> {
    let mut team = team::read(doc)?;
    let manages = team.role_of(by).is_some_and(|r| r.manages_team());
    let conversation = team
        .conversations
        .get_mut(id)
        .ok_or_else(|| ModelError::not_found("conversation", id))?;
    if conversation.kind == ConversationKind::Direct {
        return Err(ModelError::Invalid {
            what: "a direct message",
            reason: "it has no name to change",
        });
    }
    if conversation.created_by != by && !manages {
        return Err(ModelError::Forbidden("rename this channel"));
    }
    conversation.name = validate_title("a channel name", name.trim_start_matches('#'))?;
    let renamed = conversation.clone();
    team::write(doc, &team)?;
    Ok(renamed)
}

/// The people of a conversation: `by` and `others`, each once, in a fixed order.
fn people_with(by: &str, others: &[UserId]) -> Vec<UserId> {
    let mut people: Vec<UserId> = others.to_vec();
    people.push(by.to_string());
    people.sort();
    people.dedup();
    people
}

/// A direct message's id: the same for the same people in the same team, wherever
/// it is computed.
pub fn direct_id(team_id: &str, members: &[UserId]) -> String {
    let mut parts: Vec<&str> = vec![team_id];
    parts.extend(members.iter().map(String::as_str));
    let digest = derived("teamstead/direct/v1", &parts);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::from_bytes(bytes).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::{add_member, Member, Role};

    fn team() -> AutoCommit {
        let mut doc = AutoCommit::new();
        let owner = Member::new("alice".into(), "Alice", Role::Owner, 1).expect("member");
        team::init(&mut doc, "Acme", owner, 1).expect("init");
        for (id, role) in [("bob", Role::Member), ("vic", Role::Viewer)] {
            let m = Member::new(id.into(), id, role, 1).expect("member");
            add_member(&mut doc, "alice", m).expect("add");
        }
        doc
    }

    #[test]
    fn channels_have_unique_names_and_private_ones_include_their_creator() {
        let mut doc = team();
        let general = create_channel(&mut doc, "bob", "#general", false, &[], 2).expect("create");
        assert_eq!(general.name, "general");
        assert!(general.admits("vic"));
        assert_eq!(
            create_channel(&mut doc, "alice", "General", false, &[], 3).map_err(|e| e.code()),
            Err("invalid_input")
        );
        let secret = create_channel(&mut doc, "bob", "plans", true, &[], 3).expect("private");
        assert_eq!(secret.members, vec!["bob".to_string()]);
        assert!(!secret.admits("alice"));
        assert_eq!(
            create_channel(&mut doc, "vic", "mine", false, &[], 3).map_err(|e| e.code()),
            Err("forbidden")
        );
        assert_eq!(
            rename_channel(&mut doc, "bob", &secret.id, "ideas")
                .expect("rename")
                .name,
            "ideas"
        );
        assert_eq!(
            rename_channel(&mut doc, "vic", &general.id, "x").map_err(|e| e.code()),
            Err("forbidden")
        );
    }

    #[test]
    fn a_direct_message_is_the_same_whoever_opens_it() {
        let mut a = team();
        let mut b = a.fork();
        let from_alice = open_direct(&mut a, "t", "alice", &["bob".into()], 5).expect("alice");
        let from_bob = open_direct(&mut b, "t", "bob", &["alice".into()], 6).expect("bob");
        assert_eq!(from_alice.id, from_bob.id);
        a.merge(&mut b).expect("merge");
        let merged = team::read(&a).expect("team");
        assert_eq!(merged.conversations.len(), 1);
        assert_eq!(
            open_direct(&mut a, "t", "alice", &[], 7).map_err(|e| e.code()),
            Err("invalid_input")
        );
        assert_eq!(
            open_direct(&mut a, "t", "alice", &["zed".into()], 7).map_err(|e| e.code()),
            Err("not_found")
        );
        assert!(!team_admits(&merged, &from_alice.id, "vic"));
        assert!(team_admits(&merged, "unlisted", "vic"));
        assert!(!team_admits(&merged, "unlisted", "stranger"));
    }
}
