//! A reader that keeps no document: it reads each change's header (hash,
//! dependencies, message) and acknowledges the heads they make, as an
//! automerge peer with no changes of its own would.
//!
//! The fan-out scenarios run a hundred readers in the load generator's own
//! process, on the same two cores as the server. As full automerge documents
//! they took twice the CPU of the server they measured (perf: applying and
//! reading the changes), so the harness measured itself. A follower costs a
//! message decode and a hash per change, close to the floor's bare readers,
//! and speaks the same protocol to every server alike. It never announces
//! message v2, so servers send it each change as its own chunk.

use std::collections::HashSet;

use automerge::sync::{self, BloomFilter, Have, MessageVersion};
use automerge::{Change, ChangeHash};

use crate::peer::BoxError;

#[derive(Default)]
pub struct Follower {
    /// Sorted, as a server compares them with its own.
    heads: Vec<ChangeHash>,
    known: HashSet<ChangeHash>,
}

impl Follower {
    /// Whether any change has arrived yet.
    pub fn has_any(&self) -> bool {
        !self.heads.is_empty()
    }

    /// The heads it has, sorted.
    pub fn heads(&self) -> &[ChangeHash] {
        &self.heads
    }

    /// Takes in a sync message's changes; returns the messages of those new to
    /// it, in the order they came.
    pub fn take(&mut self, message: &sync::Message) -> Result<Vec<String>, BoxError> {
        let mut messages = Vec::new();
        for chunk in message.changes.iter() {
            let change = Change::try_from(chunk)
                .map_err(|e| format!("a chunk that is not one change: {e}"))?;
            let hash = change.hash();
            if !self.known.insert(hash) {
                continue;
            }
            let deps = change.deps();
            self.heads.retain(|head| !deps.contains(head));
            self.heads.push(hash);
            if let Some(text) = change.message() {
                messages.push(text.to_string());
            }
        }
        self.heads.sort();
        Ok(messages)
    }

    /// What it tells the server: the heads it has, and that it has nothing
    /// the server lacks. Before any change, this is the opening request.
    pub fn ack(&self) -> sync::Message {
        sync::Message {
            heads: self.heads.clone(),
            need: Vec::new(),
            have: vec![Have {
                last_sync: self.heads.clone(),
                bloom: BloomFilter::default(),
            }],
            changes: sync::ChunkList::empty(),
            flags: None,
            version: MessageVersion::V1,
        }
    }
}

#[cfg(test)]
mod tests {
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::{CommitOptions, Transactable};
    use automerge::{AutoCommit, ROOT};

    use super::Follower;

    /// A follower syncing with a real document ends with its heads and every
    /// change's message, and the document hears it is caught up.
    #[test]
    fn a_follower_reaches_the_documents_heads() {
        let mut doc = AutoCommit::new();
        let mut state = State::new();
        let mut follower = Follower::default();
        let mut seen = Vec::new();
        for n in 0..5 {
            doc.put(ROOT, "n", n).expect("put");
            doc.commit_with(CommitOptions::default().with_message(n.to_string()));
        }
        doc.sync()
            .receive_sync_message(&mut state, follower.ack())
            .expect("request");
        loop {
            let Some(message) = doc.sync().generate_sync_message(&mut state) else {
                break;
            };
            seen.extend(follower.take(&message).expect("changes"));
            doc.sync()
                .receive_sync_message(&mut state, follower.ack())
                .expect("ack");
        }
        assert_eq!(follower.heads, doc.get_heads());
        assert_eq!(seen, ["0", "1", "2", "3", "4"]);
    }
}
