//! Acknowledgements without the walk through history.
//!
//! Most sync messages a relay receives carry no changes: a peer telling us
//! which heads it now has. automerge 0.12 handles each by walking every
//! ancestor of those heads (`filter_changes` → `ChangeGraph::remove_ancestors`)
//! to drop the changes it has from the hashes we sent, even when there is
//! nothing to drop: time in proportion to the document's whole history, paid by
//! every peer for every change (automerge/automerge#1042). With 100 readers of a
//! busy document that is most of the relay's time.
//!
//! `receive` does what `receive_sync_message` does for such a message, field by
//! field, but keeps the sent hashes more cheaply: it drops them all once the
//! peer has exactly our heads (it then has every one of them), and otherwise
//! only its heads. What it keeps is a superset of what automerge keeps, all of
//! it changes the peer has, so nothing the peer lacks is held back. Past
//! `MAX_SENT` kept hashes, the message takes automerge's own path.

use automerge::sync::{self, Capability, MessageFlags, SyncDoc};
use automerge::{AutoCommit, ChangeHash};

/// Beyond this many unacknowledged sent hashes, let automerge prune them exactly.
const MAX_SENT: usize = 4_096;

/// Applies a sync message to `state`: an acknowledgement (no changes) here,
/// anything else through automerge's `receive_sync_message`.
pub fn receive(
    doc: &mut AutoCommit,
    state: &mut sync::State,
    message: sync::Message,
) -> Result<(), automerge::AutomergeError> {
    if !message.changes.is_empty() || state.sent_hashes.len() > MAX_SENT {
        return doc.sync().receive_sync_message(state, message);
    }
    state.in_flight = false;
    let before_heads = doc.get_heads();
    if let Some(flags) = message.flags {
        let mut caps = vec![Capability::MessageV2];
        if flags.contains(MessageFlags::SUPPORTS_SYNC_RESET) {
            caps.push(Capability::SyncReset);
        }
        state.their_capabilities = Some(caps);
        if flags.contains(MessageFlags::SYNC_RESET) {
            state.sent_hashes.clear();
        }
        state.peer_read_only = flags.contains(MessageFlags::READ_ONLY);
    }
    if message.heads == before_heads {
        // They have everything we have, so everything we sent.
        state.sent_hashes.clear();
        state.last_sent_heads.clone_from(&message.heads);
    } else if message.heads == state.last_sent_heads {
        // Everything we sent is an ancestor of the heads we last sent, and they
        // have those: readers that acknowledge the same broadcast end in the
        // same state, so the next one is generated once for all of them.
        state.sent_hashes.clear();
    } else {
        for head in &message.heads {
            state.sent_hashes.remove(head);
        }
    }
    // Which of their heads we have: the missing ones come from a hash lookup
    // (reading a change's metadata would decode it).
    let missing = doc.get_missing_deps(&message.heads);
    let known: Vec<ChangeHash> = message
        .heads
        .iter()
        .filter(|head| !missing.contains(head))
        .copied()
        .collect();
    if known.len() == message.heads.len() {
        state.shared_heads.clone_from(&message.heads);
        // A peer that lost all its data: start over with it.
        if message.heads.is_empty() {
            state.last_sent_heads = Vec::new();
            state.sent_hashes.clear();
        }
    } else {
        let mut shared = state.shared_heads.clone();
        shared.extend(known);
        shared.sort();
        shared.dedup();
        state.shared_heads = shared;
    }
    state.their_have = Some(message.have);
    state.their_heads = Some(message.heads);
    state.their_need = Some(message.need);
    Ok(())
}

#[cfg(test)]
mod tests {
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ReadDoc, ROOT};

    /// Syncs a relay document with a peer until quiet; the relay side takes
    /// every message through `receive`.
    fn converge(relay: &mut AutoCommit, rs: &mut State, peer: &mut AutoCommit, ps: &mut State) {
        for _ in 0..20 {
            let mut quiet = true;
            if let Some(m) = relay.sync().generate_sync_message(rs) {
                peer.sync()
                    .receive_sync_message(ps, m)
                    .expect("peer receives");
                quiet = false;
            }
            if let Some(m) = peer.sync().generate_sync_message(ps) {
                super::receive(relay, rs, m).expect("relay receives");
                quiet = false;
            }
            if quiet {
                return;
            }
        }
        panic!("sync did not settle");
    }

    #[test]
    fn a_relay_taking_acknowledgements_the_short_way_still_converges() {
        let mut relay = AutoCommit::new();
        let mut readers: Vec<(AutoCommit, State, State)> = (0..3)
            .map(|_| (AutoCommit::new(), State::new(), State::new()))
            .collect();
        for n in 0..50_i64 {
            relay.put(ROOT, "count", n).expect("put");
            relay.commit();
            // Readers catch up unevenly: some every change, some every few.
            for (i, (peer, rs, ps)) in readers.iter_mut().enumerate() {
                if n % (i as i64 + 1) == 0 {
                    converge(&mut relay, rs, peer, ps);
                }
            }
            // A reader writes too now and then.
            if n % 7 == 0 {
                let (peer, rs, ps) = &mut readers[1];
                peer.put(ROOT, "note", format!("from reader {n}"))
                    .expect("put");
                peer.commit();
                converge(&mut relay, rs, peer, ps);
            }
        }
        for (peer, rs, ps) in readers.iter_mut() {
            converge(&mut relay, rs, peer, ps);
            assert_eq!(peer.get_heads(), relay.get_heads());
            let count = peer
                .get(ROOT, "count")
                .expect("get")
                .and_then(|(v, _)| v.as_i64());
            assert_eq!(count, Some(49));
        }
    }
}
