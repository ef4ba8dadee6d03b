//! `teamstead chat ...`: conversations and messages from a terminal.

use clap::Subcommand;
use teamstead_client::{Client, MessageFilter, MessageView, Result};

use crate::show;

#[derive(Subcommand)]
pub enum ChatCommand {
    /// A team's conversations with their unread counts.
    Conversations { team: String },
    /// Start a channel.
    Channel {
        team: String,
        name: String,
        /// Only the listed members (and you) read it.
        #[arg(long)]
        private: bool,
        /// A member's user id; repeat for more.
        #[arg(long = "member")]
        members: Vec<String>,
    },
    /// Open the direct message with these people (user ids).
    Direct {
        team: String,
        #[arg(required = true)]
        members: Vec<String>,
    },
    /// Send a message.
    Send {
        conversation: String,
        body: String,
        /// Reply in the thread of this message.
        #[arg(long)]
        reply_to: Option<String>,
    },
    /// The latest messages of a conversation, oldest first.
    List {
        conversation: String,
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Mark a conversation read up to its newest message.
    Read { conversation: String },
    /// Change one of your messages.
    Edit {
        conversation: String,
        message: String,
        body: String,
    },
    /// Delete a message (yours, or any in a team channel if you manage the team).
    Delete {
        conversation: String,
        message: String,
    },
    /// Search messages.
    Search {
        query: String,
        #[arg(long)]
        conversation: Option<String>,
        #[arg(long)]
        author: Option<String>,
    },
}

fn line(m: &MessageView) -> String {
    let body = if m.deleted {
        "(deleted)"
    } else {
        m.body.as_str()
    };
    format!("{}\t{}\t{}\t{}", m.id, m.created_at, m.author_name, body)
}

pub fn run(client: &Client, json: bool, command: ChatCommand) -> Result<()> {
    match command {
        ChatCommand::Conversations { team } => {
            let all = client.list_conversations(&team)?;
            show(json, &all, |cs| {
                cs.iter()
                    .map(|c| {
                        format!(
                            "{}\t{}\t{}\t{} unread",
                            c.id,
                            c.kind.as_str(),
                            c.name,
                            c.unread
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
        ChatCommand::Channel {
            team,
            name,
            private,
            members,
        } => {
            let made = client.create_channel(&team, &name, private, &members)?;
            show(json, &made, |c| c.id.clone());
        }
        ChatCommand::Direct { team, members } => {
            let direct = client.open_direct(&team, &members)?;
            show(json, &direct, |c| c.id.clone());
        }
        ChatCommand::Send {
            conversation,
            body,
            reply_to,
        } => {
            let sent =
                client.send_message(&conversation, &body, reply_to.as_deref(), Vec::new())?;
            show(json, &sent, |m| m.id.clone());
        }
        ChatCommand::List {
            conversation,
            limit,
        } => {
            let page = client.list_messages(&conversation, None, Some(limit))?;
            show(json, &page, |p| {
                p.messages.iter().map(line).collect::<Vec<_>>().join("\n")
            });
        }
        ChatCommand::Read { conversation } => {
            client.mark_read(&conversation, None)?;
            show(json, &serde_json::json!({ "read": conversation }), |_| {
                String::new()
            });
        }
        ChatCommand::Edit {
            conversation,
            message,
            body,
        } => {
            let edited = client.edit_message(&conversation, &message, &body)?;
            show(json, &edited, line);
        }
        ChatCommand::Delete {
            conversation,
            message,
        } => {
            let deleted = client.delete_message(&conversation, &message)?;
            show(json, &deleted, line);
        }
        ChatCommand::Search {
            query,
            conversation,
            author,
        } => {
            let filter = MessageFilter {
                conversation_id: conversation,
                author,
                ..MessageFilter::default()
            };
            let hits = client.search_messages(&query, &filter)?;
            show(json, &hits, |hs| {
                hs.iter()
                    .map(|h| {
                        let snippet = h.snippet.replace(['\u{2}', '\u{3}'], "*");
                        format!(
                            "{}\t{}\t{}\t{}",
                            h.message_id, h.conversation_id, h.author_name, snippet
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            });
        }
    }
    Ok(())
}
