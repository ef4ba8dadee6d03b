//! Scenario 3, connection scale: many joined clients, each syncing one document,
//! all idle. The server's resident memory, in total and per connection.

use std::time::Duration;

use automerge::sync::{self, SyncDoc};
use automerge::AutoCommit;

use crate::fanout::apply_next;
use crate::peer::{self, BoxError};
use crate::targets::Target;

pub struct Outcome {
    pub before_kib: u64,
    pub after_kib: u64,
    pub connections: usize,
}

pub async fn run(target: &Target, connections: usize) -> Result<Outcome, BoxError> {
    let (id, mut doc) = target.writable_doc().await?;
    {
        let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
        crate::fanout::settle(&mut w, &mut r, id, &mut doc, &mut sync::State::new()).await?;
    }
    let before_kib = target.rss_kib();
    let mut open = Vec::with_capacity(connections);
    for _ in 0..connections {
        let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
        let mut copy = AutoCommit::new();
        let mut state = sync::State::new();
        let data = copy
            .sync()
            .generate_sync_message(&mut state)
            .map(|m| m.encode())
            .unwrap_or_default();
        w.request(id, data).await?;
        while copy.get_heads().is_empty() {
            apply_next(&mut w, &mut r, id, &mut copy, &mut state).await?;
        }
        open.push((w, r));
    }
    // Let the server settle its allocations before reading its memory.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after_kib = target.rss_kib();
    drop(open);
    Ok(Outcome {
        before_kib,
        after_kib,
        connections,
    })
}
