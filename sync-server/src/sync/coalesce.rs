//! Sync messages that queued up from one peer for one document, taken as one.
//!
//! automerge sends a new message for every local change, acknowledged or not,
//! so a peer writing fast sends faster than one message at a time can be
//! applied, checked and committed (each commit waits for the disk). While the
//! relay handles one, the next ones wait in the socket: taking them together
//! costs one apply, one check, one commit and one broadcast.
//!
//! Receiving the merged message is receiving them in turn: every change, then
//! the peer's state as its last message tells it (heads, have, need replace
//! the earlier ones, which the later ones supersede). The hub takes a merged
//! message whole or not at all: if it cannot (a change refused), it takes the
//! messages one by one, so a refusal takes no other message's changes with it.

use automerge::sync;

/// The most messages taken as one, so one peer cannot hold a document long.
pub const MAX_MESSAGES: usize = 512;

/// One encoded sync message carrying what `messages` carry, in order; `None`
/// if any of them does not decode, or if one before the last carries a signal
/// that the last would hide (a sync reset, or empty heads: a peer that lost
/// its data). Those go one by one.
pub fn merge(messages: &[Vec<u8>]) -> Option<Vec<u8>> {
    let mut decoded = messages
        .iter()
        .map(|m| sync::Message::decode(m).ok())
        .collect::<Option<Vec<_>>>()?;
    let mut last = decoded.pop()?;
    let signals = |m: &sync::Message| {
        m.heads.is_empty()
            || m.flags
                .is_some_and(|f| f.contains(sync::MessageFlags::SYNC_RESET))
    };
    if decoded.iter().any(signals) {
        return None;
    }
    let mut chunks: Vec<Vec<u8>> = Vec::new();
    for message in decoded.iter().chain(std::iter::once(&last)) {
        chunks.extend(message.changes.iter().map(<[u8]>::to_vec));
    }
    last.changes = chunks.into();
    Some(last.encode())
}

#[cfg(test)]
mod tests {
    use automerge::sync::{State, SyncDoc};
    use automerge::transaction::Transactable;
    use automerge::{AutoCommit, ReadDoc, ROOT};

    use super::merge;

    /// A writer's messages for ten changes, merged, bring the relay the same
    /// document and leave it knowing the writer's latest heads.
    #[test]
    fn merged_messages_bring_every_change() {
        let mut writer = AutoCommit::new();
        let mut writer_state = State::new();
        let mut relay = AutoCommit::new();
        let mut relay_state = State::new();
        // The opening exchange: the writer learns what the relay has.
        let hello = writer.sync().generate_sync_message(&mut writer_state);
        relay
            .sync()
            .receive_sync_message(&mut relay_state, hello.expect("hello"))
            .expect("hello");
        let answer = relay.sync().generate_sync_message(&mut relay_state);
        writer
            .sync()
            .receive_sync_message(&mut writer_state, answer.expect("answer"))
            .expect("answer");
        let mut queued = Vec::new();
        for n in 0..10_i64 {
            writer.put(ROOT, "n", n).expect("put");
            writer.put(ROOT, format!("k{n}"), n).expect("put");
            writer.commit();
            if let Some(m) = writer.sync().generate_sync_message(&mut writer_state) {
                queued.push(m.encode());
            }
        }
        assert!(queued.len() > 1, "one message per change");
        let merged = merge(&queued).expect("all decode");
        let message = automerge::sync::Message::decode(&merged).expect("decode");
        relay
            .sync()
            .receive_sync_message(&mut relay_state, message)
            .expect("apply");
        assert_eq!(relay.get_heads(), writer.get_heads());
        assert_eq!(relay_state.their_heads, Some(writer.get_heads()));
        let n = relay
            .get(ROOT, "n")
            .expect("get")
            .and_then(|(v, _)| v.as_i64());
        assert_eq!(n, Some(9));
        assert!(merge(&[queued[0].clone(), b"not a sync message".to_vec()]).is_none());
        // A peer saying it has nothing, then more: its messages go one by one.
        let empty = AutoCommit::new()
            .sync()
            .generate_sync_message(&mut State::new())
            .expect("empty");
        assert!(merge(&[empty.encode(), queued[0].clone()]).is_none());
    }
}
