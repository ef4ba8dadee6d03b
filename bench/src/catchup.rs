//! Scenario 4, offline catch-up: two clients edit one board while disconnected,
//! then reconnect at once; the time until both hold identical heads.

use std::sync::Arc;
use std::time::{Duration, Instant};

use automerge::sync::{self, SyncDoc};
use automerge::transaction::Transactable;
use automerge::{AutoCommit, ChangeHash, ObjType, ReadDoc, ROOT};
use teamstead_protocol::DocumentId;
use tokio::sync::watch;

use crate::fanout::{apply_next, settle};
use crate::peer::{self, BoxError};
use crate::targets::Target;

pub async fn run(target: &Target, edits: usize) -> Result<Duration, BoxError> {
    let (id, mut doc) = target.writable_doc().await?;
    if doc.get(ROOT, "tasks")?.is_none() {
        doc.put_object(ROOT, "tasks", ObjType::Map)?;
        doc.commit();
    }
    let mut a = doc.fork();
    {
        let (mut w, mut r) = peer::connect(&target.url, target.token()).await?;
        settle(&mut w, &mut r, id, &mut doc, &mut sync::State::new()).await?;
    }
    let mut b = doc.fork();

    // Offline: each side writes its own tasks and retitles a shared one.
    for (side, copy) in [("a", &mut a), ("b", &mut b)] {
        let Some((_, tasks)) = copy.get(ROOT, "tasks")? else {
            return Err("no tasks map".into());
        };
        for n in 0..edits {
            let task = copy.put_object(&tasks, format!("{side}{n}"), ObjType::Map)?;
            copy.put(&task, "title", format!("Task {n} from {side}"))?;
            copy.commit();
        }
    }

    let started = Instant::now();
    let (a_heads_tx, mut a_heads) = watch::channel(Vec::new());
    let (b_heads_tx, mut b_heads) = watch::channel(Vec::new());
    let url = Arc::new(target.url.clone());
    let token = target.token().map(str::to_string);
    let sides = [(a, a_heads_tx), (b, b_heads_tx)].map(|(copy, heads)| {
        let (url, token) = (url.clone(), token.clone());
        tokio::spawn(async move { keep_syncing(&url, token.as_deref(), id, copy, heads).await })
    });
    let deadline = started + Duration::from_secs(120);
    loop {
        let same = {
            let (x, y) = (a_heads.borrow_and_update(), b_heads.borrow_and_update());
            !x.is_empty() && *x == *y
        };
        if same {
            break;
        }
        if Instant::now() > deadline {
            return Err("no convergence within 2 minutes".into());
        }
        tokio::select! {
            _ = a_heads.changed() => {}
            _ = b_heads.changed() => {}
            _ = tokio::time::sleep(Duration::from_millis(50)) => {}
        }
    }
    let took = started.elapsed();
    for side in sides {
        side.abort();
    }
    Ok(took)
}

/// Connects, offers everything it has, and applies what comes until aborted,
/// publishing its heads after every step.
async fn keep_syncing(
    url: &str,
    token: Option<&str>,
    id: DocumentId,
    mut doc: AutoCommit,
    heads: watch::Sender<Vec<ChangeHash>>,
) -> Result<(), BoxError> {
    let (mut w, mut r) = peer::connect(url, token).await?;
    let mut state = sync::State::new();
    if let Some(message) = doc.sync().generate_sync_message(&mut state) {
        w.sync(id, message.encode()).await?;
    }
    loop {
        apply_next(&mut w, &mut r, id, &mut doc, &mut state).await?;
        let mut now = doc.get_heads();
        now.sort();
        let _ = heads.send(now);
    }
}
