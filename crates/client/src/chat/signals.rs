//! Live signals (teamstead_protocol::signal): presence, typing and read receipts.
//! What others send is kept in memory (typing and presence) or in `chat_receipts`;
//! what this person sends goes to the sync connection, which puts it on the wire.
//! Nothing here is written into a document.

use std::collections::HashMap;
use std::sync::Mutex;

use teamstead_protocol::signal::{TYPING_EVERY_MS, TYPING_TTL_MS};
use teamstead_protocol::{DocumentId, PresenceState, Signal};
use tokio::sync::broadcast;

use crate::{clock, Client, LiveSignal, LiveSignalKind, PresenceView, Result};

/// What the connection should do for the chat.
#[derive(Debug, Clone)]
pub enum Outgoing {
    /// Send a signal on a document.
    Signal(DocumentId, Signal),
    /// Fetch a document (an older month someone scrolled up to).
    Want(DocumentId),
}

pub struct LiveSignals {
    state: Mutex<State>,
    /// The last index row looked at for desktop notifications.
    desktop_mark: Mutex<i64>,
    outgoing: broadcast::Sender<Outgoing>,
    events: broadcast::Sender<LiveSignal>,
}

#[derive(Default)]
struct State {
    /// (team, user) → state.
    presence: HashMap<(String, String), PresenceState>,
    /// (conversation, user) → when their last typing signal arrived.
    typing: HashMap<(String, String), i64>,
    /// My own presence, announced to each team as the connection opens.
    mine: Option<PresenceState>,
    /// Conversation → when I last said I was typing there.
    typed: HashMap<String, i64>,
    /// Messages already shown as desktop notifications.
    notified: std::collections::HashSet<String>,
}

impl Default for LiveSignals {
    fn default() -> Self {
        Self {
            state: Mutex::default(),
            desktop_mark: Mutex::new(0),
            outgoing: broadcast::channel(1024).0,
            events: broadcast::channel(1024).0,
        }
    }
}

impl LiveSignals {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn send(&self, doc: DocumentId, signal: Signal) {
        let _ = self.outgoing.send(Outgoing::Signal(doc, signal));
    }

    pub(crate) fn want(&self, doc: DocumentId) {
        let _ = self.outgoing.send(Outgoing::Want(doc));
    }

    pub(crate) fn subscribe_outgoing(&self) -> broadcast::Receiver<Outgoing> {
        self.outgoing.subscribe()
    }

    /// Live signals as they arrive, for the window.
    pub fn subscribe(&self) -> broadcast::Receiver<LiveSignal> {
        self.events.subscribe()
    }

    pub(crate) fn desktop_mark(&self) -> std::sync::MutexGuard<'_, i64> {
        self.desktop_mark.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// True the first time a message is asked about.
    pub(crate) fn first_time_notified(&self, message_id: &str) -> bool {
        self.state().notified.insert(message_id.to_string())
    }

    pub(crate) fn my_presence(&self) -> PresenceState {
        self.state().mine.unwrap_or(PresenceState::Online)
    }
}

impl Client {
    /// Says I am online or idle, to every team I am in.
    pub fn set_presence(&self, state: PresenceState) -> Result<()> {
        self.signals.state().mine = Some(state);
        for team in self.list_teams()? {
            if let Ok(doc) = team.id.parse::<DocumentId>() {
                self.signals.send(
                    doc,
                    Signal::Presence {
                        user_id: String::new(),
                        state,
                    },
                );
            }
        }
        Ok(())
    }

    /// Says I am typing in a conversation; sent at most every few seconds.
    pub fn notify_typing(&self, conversation_id: &str) -> Result<()> {
        // Called on every keystroke: the throttle comes before any lookup.
        let now = clock::now();
        let last = self.signals.state().typed.get(conversation_id).copied();
        if last.is_some_and(|last| now - last < TYPING_EVERY_MS) {
            return Ok(());
        }
        let c = self.conversation(conversation_id)?;
        self.signals.state().typed.insert(c.id.clone(), now);
        self.signals.send(
            self.signal_doc(&c)?,
            Signal::Typing {
                user_id: String::new(),
                conversation_id: c.id.clone(),
            },
        );
        Ok(())
    }

    /// Who in a team was heard from, and how; everyone else is offline.
    pub fn presence(&self, team_id: &str) -> Result<Vec<PresenceView>> {
        let me = self.identity().user_id;
        let mut people: Vec<PresenceView> = self
            .signals
            .state()
            .presence
            .iter()
            .filter(|((team, user), state)| {
                team == team_id && **state != PresenceState::Offline && *user != me
            })
            .map(|((_, user), state)| PresenceView {
                user_id: user.clone(),
                state: *state,
            })
            .collect();
        people.push(PresenceView {
            user_id: me,
            state: self.signals.my_presence(),
        });
        people.sort_by(|a, b| a.user_id.cmp(&b.user_id));
        Ok(people)
    }

    /// Who is typing in a conversation now (not me).
    pub fn typing(&self, conversation_id: &str) -> Result<Vec<String>> {
        let c = self.conversation(conversation_id)?;
        let now = clock::now();
        let mut state = self.signals.state();
        state.typing.retain(|_, at| now - *at < TYPING_TTL_MS);
        let mut people: Vec<String> = state
            .typing
            .keys()
            .filter(|(conversation, _)| *conversation == c.id)
            .map(|(_, user)| user.clone())
            .collect();
        people.sort();
        Ok(people)
    }

    /// A signal from the relay about document `doc`.
    pub(crate) fn receive_signal(&self, doc: &DocumentId, signal: Signal) -> Result<()> {
        let me = self.identity().user_id;
        if signal.user_id() == me || signal.user_id().is_empty() {
            return Ok(());
        }
        let event = match signal {
            Signal::Presence { user_id, state } => {
                let team = doc.to_string();
                self.signals
                    .state()
                    .presence
                    .insert((team.clone(), user_id.clone()), state);
                LiveSignal {
                    kind: LiveSignalKind::Presence,
                    team_id: team,
                    conversation_id: None,
                    user_id,
                }
            }
            Signal::Typing {
                user_id,
                conversation_id,
            } => {
                let c = self.conversation(&conversation_id)?;
                self.signals
                    .state()
                    .typing
                    .insert((c.id.clone(), user_id.clone()), clock::now());
                LiveSignal {
                    kind: LiveSignalKind::Typing,
                    team_id: c.team_id,
                    conversation_id: Some(c.id),
                    user_id,
                }
            }
            Signal::Read {
                user_id,
                conversation_id,
                at,
            } => {
                let c = self.conversation(&conversation_id)?;
                let inner = self.lock();
                inner.conn.execute(
                    "INSERT INTO chat_receipts (conversation_id, user_id, at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (conversation_id, user_id) DO UPDATE SET at = MAX(at, excluded.at)",
                    rusqlite::params![c.id, user_id, at],
                )?;
                LiveSignal {
                    kind: LiveSignalKind::Read,
                    team_id: c.team_id,
                    conversation_id: Some(c.id),
                    user_id,
                }
            }
        };
        let _ = self.signals.events.send(event);
        Ok(())
    }

    /// The signals to send as a connection opens: my presence in each team, and my
    /// read marker in each conversation.
    pub(crate) fn opening_signals(&self) -> Result<Vec<(DocumentId, Signal)>> {
        let mut out = Vec::new();
        let presence = self.signals.my_presence();
        for team in self.list_teams()? {
            if let Ok(doc) = team.id.parse::<DocumentId>() {
                out.push((
                    doc,
                    Signal::Presence {
                        user_id: String::new(),
                        state: presence,
                    },
                ));
            }
        }
        let markers = self.user_doc()?.read_markers;
        for c in self.my_conversations()? {
            if let Some(at) = markers.get(&c.id) {
                out.push((
                    self.signal_doc(&c)?,
                    Signal::Read {
                        user_id: String::new(),
                        conversation_id: c.id.clone(),
                        at: *at,
                    },
                ));
            }
        }
        Ok(out)
    }
}
