//! Sync figures: how long two desktops take to converge after 1,000 offline edits
//! each, and how much memory the relay binary holds per idle connection.
//! `cargo bench -p teamstead-tests --bench sync`; TEAMSTEAD_BENCH_EDITS and
//! TEAMSTEAD_BENCH_CONNECTIONS change the sizes.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::{board_id, Person, RawPeer};
use teamstead_client::{Place, Role};
use teamstead_protocol::DocumentId;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        convergence(env_number("TEAMSTEAD_BENCH_EDITS", 1000)).await;
        idle_connections(env_number("TEAMSTEAD_BENCH_CONNECTIONS", 1000)).await;
    });
}

/// Two people edit one board offline, then both reconnect at once: the time until
/// both hold identical heads, through the relay binary.
async fn convergence(edits: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut relay, addr) = teamstead_tests::spawn_relay([
        "--listen".as_ref(),
        "127.0.0.1:0".as_ref(),
        "--data-dir".as_ref(),
        dir.path().as_os_str(),
    ]);
    let url = format!("http://{addr}");
    let alice = Person::sign_up_at(&url, "Alice").await;
    let team = alice.publish_new_team("Bench").await;
    let board = board_id(&alice, &team);
    let bob = alice.invite(&team, Role::Member, "Bob").await;
    alice.sync().await;
    bob.sync().await;

    // Offline: half new tasks, half edits of them.
    let started = Instant::now();
    for person in [&alice, &bob] {
        let mut ids = Vec::new();
        for n in 0..edits {
            if n % 2 == 0 || ids.is_empty() {
                let id = person
                    .client
                    .create_task(&board, &format!("Task {n}"), Place::default(), None)
                    .expect("task")
                    .summary
                    .id;
                ids.push(id);
            } else {
                let patch = teamstead_client::TaskPatch {
                    title: Some(format!("Edited {n}")),
                    ..Default::default()
                };
                person
                    .client
                    .update_task(&board, &ids[n % ids.len()], patch)
                    .expect("edit");
            }
        }
    }
    let writing = started.elapsed();

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let started = Instant::now();
    let runners: Vec<_> = [&alice, &bob]
        .into_iter()
        .map(|p| {
            tokio::spawn(teamstead_client::sync::run(
                p.client.clone(),
                p.tokens.clone(),
                stopped.clone(),
            ))
        })
        .collect();
    loop {
        let a = alice.client.document_heads(&board).expect("heads");
        let b = bob.client.document_heads(&board).expect("heads");
        if a == b
            && alice
                .client
                .list_tasks(&board)
                .map(|t| t.len())
                .unwrap_or(0)
                == edits
        {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no convergence in 2 minutes"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let converged = started.elapsed();
    let _ = stop.send(true);
    for runner in runners {
        let _ = runner.await;
    }
    let _ = relay.kill();
    let _ = relay.wait();
    println!("## Offline convergence (2 clients x {edits} edits, relay binary on loopback)");
    println!(
        "- writing the edits locally: {:.0} ms for {}",
        writing.as_secs_f64() * 1000.0,
        edits * 2
    );
    println!(
        "- reconnect to identical heads: {:.0} ms",
        converged.as_secs_f64() * 1000.0
    );
}

/// Joined peers, each subscribed to one board, doing nothing: the relay's memory.
async fn idle_connections(count: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut relay, addr) = teamstead_tests::spawn_relay([
        "--listen".as_ref(),
        "127.0.0.1:0".as_ref(),
        "--data-dir".as_ref(),
        dir.path().as_os_str(),
    ]);
    let url = format!("http://{addr}");
    let alice = Person::sign_up_at(&url, "Alice").await;
    let team = alice.publish_new_team("Idle").await;
    alice.sync().await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    let token = alice.token();

    let before = rss_kib(relay.id());
    let mut peers = Vec::with_capacity(count);
    for _ in 0..count {
        let mut peer = RawPeer::joined_at(&url, &token).await;
        let _ = peer.fetch(board).await;
        peers.push(peer);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let after = rss_kib(relay.id());
    let per = (after.saturating_sub(before)) as f64 / count as f64;
    println!("## Idle connections (relay binary, each joined and syncing one board)");
    println!(
        "- relay resident memory before: {:.1} MiB",
        before as f64 / 1024.0
    );
    println!(
        "- with {count} idle connections: {:.1} MiB",
        after as f64 / 1024.0
    );
    println!("- per connection: {per:.1} KiB");
    drop(peers);
    let _ = relay.kill();
    let _ = relay.wait();
}
