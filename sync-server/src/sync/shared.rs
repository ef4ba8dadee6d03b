//! One sync message for every reader at the same point.
//!
//! A broadcast asks automerge for a message per reader. Readers that acknowledged
//! the last broadcast sit in the same sync state, and `generate_sync_message` is
//! a function of the document and that state alone: it would compute the same
//! changes, bloom filter and encoding a hundred times over. `Messages` computes
//! them once per distinct state and gives every reader in that state the same
//! bytes and the same state after, exactly as automerge would have.

use std::collections::HashMap;

use automerge::sync::{self, SyncDoc};
use automerge::AutoCommit;

/// What `generate_sync_message` made of one state: the state after it, and the
/// encoded message (if any) with whether it carries changes.
#[derive(Clone)]
struct Outcome {
    after: sync::State,
    message: Option<Encoded>,
}

#[derive(Clone)]
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub has_changes: bool,
}

/// The messages of one broadcast, by the state they were generated from.
#[derive(Default)]
pub struct Messages {
    by_state: HashMap<sync::State, Outcome>,
}

impl Messages {
    /// The message for a reader in `state`, which moves on as automerge's own
    /// generation would move it.
    pub fn next(&mut self, doc: &mut AutoCommit, state: &mut sync::State) -> Option<Encoded> {
        if let Some(known) = self.by_state.get(state) {
            state.clone_from(&known.after);
            return known.message.clone();
        }
        let before = state.clone();
        let message = doc.sync().generate_sync_message(state).map(|m| Encoded {
            has_changes: !m.changes.is_empty(),
            bytes: m.encode(),
        });
        let outcome = Outcome {
            after: state.clone(),
            message: message.clone(),
        };
        self.by_state.insert(before, outcome);
        message
    }
}

#[cfg(test)]
mod tests {
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ReadDoc, ROOT};

    use super::Messages;

    /// Readers served from one `Messages` end where automerge alone takes
    /// them: same bytes, same states, same documents.
    #[test]
    fn readers_in_one_state_get_what_automerge_would_give_each() {
        let mut relay = AutoCommit::new();
        relay.put(ROOT, "n", 0).expect("put");
        relay.commit();
        let mut readers: Vec<(AutoCommit, State, State)> = (0..4)
            .map(|_| (AutoCommit::new(), State::new(), State::new()))
            .collect();
        for round in 1..6_i64 {
            relay.put(ROOT, "n", round).expect("put");
            relay.commit();
            let mut shared = Messages::default();
            for (i, (doc, relay_side, reader_side)) in readers.iter_mut().enumerate() {
                let mut alone_doc = relay.clone();
                let mut alone_state = relay_side.clone();
                let expected = alone_doc
                    .sync()
                    .generate_sync_message(&mut alone_state)
                    .map(|m| m.encode());
                let got = shared.next(&mut relay, relay_side);
                assert_eq!(got.as_ref().map(|m| &m.bytes), expected.as_ref());
                assert_eq!(*relay_side, alone_state);
                let Some(message) = got else { continue };
                let message = automerge::sync::Message::decode(&message.bytes).expect("decode");
                doc.sync()
                    .receive_sync_message(reader_side, message)
                    .expect("apply");
                // Reader 3 falls behind every other round.
                if i == 3 && round % 2 == 0 {
                    continue;
                }
                if let Some(ack) = doc.sync().generate_sync_message(reader_side) {
                    relay
                        .sync()
                        .receive_sync_message(relay_side, ack)
                        .expect("ack");
                }
            }
        }
        for (doc, _, _) in readers.iter_mut().take(3) {
            assert_eq!(doc.get_heads(), relay.get_heads());
            let n = doc
                .get(ROOT, "n")
                .expect("get")
                .and_then(|(v, _)| v.as_i64());
            assert_eq!(n, Some(5));
        }
    }
}
