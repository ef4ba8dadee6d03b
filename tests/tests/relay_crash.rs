//! The relay binary is killed with SIGKILL while a client writes. After a restart,
//! every change it had acknowledged is there, and the clients converge.

mod support;

use std::process::Command;
use std::time::Duration;

use support::{board_id, Person};
use teamstead_client::{Place, Role};
use teamstead_tests::spawn_relay;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_changes_survive_a_sigkill_of_the_relay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().as_os_str();
    let (mut relay, addr) = spawn_relay([
        "--listen".as_ref(),
        "127.0.0.1:0".as_ref(),
        "--data-dir".as_ref(),
        data,
    ]);
    let url = format!("http://{addr}");

    let alice = Person::sign_up_at(&url, "Alice").await;
    let team = alice.publish_new_team("Crashers").await;
    let board = board_id(&alice, &team);
    let bob = alice.invite(&team, Role::Member, "Bob").await;

    // Write and sync until the relay dies under us; keep what it acknowledged.
    let pid = relay.id();
    let killer = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    });
    let mut acknowledged = Vec::new();
    let mut written = Vec::new();
    for n in 0.. {
        let title = format!("Task {n}");
        alice
            .client
            .create_task(&board, &title, Place::default(), None)
            .expect("local write never fails");
        written.push(title);
        let synced =
            teamstead_client::sync::sync_once(&alice.client, alice.store(), Duration::from_secs(5))
                .await;
        if synced.is_err() {
            break;
        }
        acknowledged.clone_from(&written);
    }
    killer.await.expect("killer");
    let _ = relay.wait();
    assert!(
        acknowledged.len() >= 2,
        "some writes were acknowledged before the kill"
    );

    let (mut relay, _) = spawn_relay([
        "--listen".as_ref(),
        addr.as_ref(),
        "--data-dir".as_ref(),
        data,
    ]);
    let fresh = alice.new_device("Alice").await;
    fresh.sync().await;
    let on_relay: Vec<String> = fresh
        .client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    for title in &acknowledged {
        assert!(
            on_relay.contains(title),
            "{title} was acknowledged but is gone"
        );
    }

    // Everyone converges, the unacknowledged write included.
    alice.sync().await;
    bob.sync().await;
    let mut mine: Vec<String> = alice
        .client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    let mut theirs: Vec<String> = bob
        .client
        .list_tasks(&board)
        .expect("tasks")
        .into_iter()
        .map(|t| t.title)
        .collect();
    mine.sort();
    theirs.sort();
    assert_eq!(mine.len(), written.len());
    assert_eq!(mine, theirs);
    let _ = relay.kill();
    let _ = relay.wait();
}
