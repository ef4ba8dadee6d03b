//! Several desktops converging through a relay in this process: offline edits,
//! invitations, and everything the relay must refuse.

mod support;

use automerge::transaction::Transactable;
use automerge::{ReadDoc, ROOT};
use support::{board_id, start_relay, wait_until, Person, RawPeer};
use teamstead_client::{Place, Role, Status, TaskPatch};
use teamstead_protocol::{DocumentId, Message};

/// Alice's team on the relay, with Bob and Carol in it as members.
async fn team_of_three(relay: &teamstead_relay::RunningRelay) -> (Person, Person, Person, String) {
    let alice = Person::sign_up(relay, "Alice").await;
    let team = alice.client.create_team("Northwind").expect("team").id;
    alice
        .client
        .publish_team(alice.store(), &team)
        .await
        .expect("publish");
    alice.sync().await;
    let invite = alice
        .client
        .create_invitation(alice.store(), &team, Role::Member, None, Some(2))
        .await
        .expect("invite");
    let bob = Person::sign_up(relay, "Bob").await;
    let carol = Person::sign_up(relay, "Carol").await;
    for person in [&bob, &carol] {
        person
            .client
            .join_team(person.store(), &invite.code)
            .await
            .expect("join");
        person.sync().await;
    }
    alice.sync().await;
    (alice, bob, carol, team)
}

/// A member's entry in a team document read over the protocol.
fn member_entry(team: &automerge::AutoCommit, user_id: &str) -> automerge::ObjId {
    let members = team.get(ROOT, "members").expect("get").expect("members").1;
    team.get(&members, user_id).expect("get").expect("member").1
}

fn titles(person: &Person, board: &str) -> Vec<(String, String, Status)> {
    let mut tasks: Vec<_> = person
        .client
        .list_tasks(board)
        .expect("tasks")
        .into_iter()
        .map(|t| (t.id, t.title, t.status))
        .collect();
    tasks.sort_by(|a, b| a.0.cmp(&b.0));
    tasks
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_clients_converge_after_offline_edits_in_any_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, carol, team) = team_of_three(&relay).await;
    let board = board_id(&alice, &team);
    assert_eq!(
        board_id(&bob, &team),
        board,
        "the invited see the team's board"
    );

    let shared = alice
        .client
        .create_task(&board, "Shared task", Place::default(), None)
        .expect("task")
        .summary
        .id;
    alice.sync().await;
    bob.sync().await;
    carol.sync().await;

    // Offline: each edits the same board, and the same task.
    for (person, name) in [(&alice, "alice"), (&bob, "bob"), (&carol, "carol")] {
        for n in 0..5 {
            person
                .client
                .create_task(&board, &format!("{name} {n}"), Place::default(), None)
                .expect("task");
        }
        let patch = TaskPatch {
            description: Some(format!("notes from {name}")),
            ..TaskPatch::default()
        };
        person
            .client
            .update_task(&board, &shared, patch)
            .expect("edit");
    }
    bob.client
        .move_task(
            &board,
            &shared,
            Place::Status(Status::InProgress),
            None,
            false,
        )
        .expect("move");

    // Back online in a scrambled order; a second round lets everyone catch up.
    for person in [&carol, &alice, &bob, &alice, &carol, &bob] {
        person.sync().await;
    }
    let expected = titles(&alice, &board);
    assert_eq!(expected.len(), 16);
    assert_eq!(titles(&bob, &board), expected);
    assert_eq!(titles(&carol, &board), expected);
    let heads = alice.client.document_heads(&board).expect("heads");
    assert_eq!(bob.client.document_heads(&board).expect("heads"), heads);
    assert_eq!(carol.client.document_heads(&board).expect("heads"), heads);
    for person in [&alice, &bob, &carol] {
        let status = person.client.sync_status().expect("status");
        assert_eq!(status.pending_changes, 0);
    }
    relay.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_people_editing_one_description_at_once_both_keep_their_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _carol, team) = team_of_three(&relay).await;
    let board = board_id(&alice, &team);
    let task = alice
        .client
        .create_task(&board, "Launch plan", Place::default(), None)
        .expect("task")
        .summary
        .id;
    let describe = |text: &str| TaskPatch {
        description: Some(text.into()),
        ..TaskPatch::default()
    };
    alice
        .client
        .update_task(&board, &task, describe("We launch in spring."))
        .expect("first words");
    alice.sync().await;
    bob.sync().await;

    // Both edit the same text before either hears of the other's edit.
    alice
        .client
        .update_task(&board, &task, describe("Plan: We launch in spring."))
        .expect("alice edits");
    bob.client
        .update_task(
            &board,
            &task,
            describe("We launch in spring. Budget: two people."),
        )
        .expect("bob edits");
    for person in [&alice, &bob, &alice] {
        person.sync().await;
    }
    let merged = "Plan: We launch in spring. Budget: two people.";
    for person in [&alice, &bob] {
        let text = person.client.task(&board, &task).expect("task").description;
        assert_eq!(text, merged);
    }
    // Each side's history names the other for their edit, from the change itself.
    let history = bob.client.task_history(&board, &task).expect("history");
    let names: Vec<&str> = history
        .iter()
        .filter(|e| e.fields.contains(&"description"))
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        names.contains(&"Alice") && names.contains(&"Bob"),
        "{names:?}"
    );
    relay.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_badge_tells_the_truth_through_an_outage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let addr = relay.addr;
    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.client.create_team("Solo").expect("team").id;
    alice
        .client
        .publish_team(alice.store(), &team)
        .await
        .expect("publish");
    let board = board_id(&alice, &team);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let runner = tokio::spawn(teamstead_client::sync::run(
        alice.client.clone(),
        alice.tokens.clone(),
        stopped,
    ));
    let synced = |p: &Person| {
        let s = p.client.sync_status().expect("status");
        s.label == "Synced" && s.pending_changes == 0
    };
    wait_until("synced", || synced(&alice)).await;
    assert!(alice
        .client
        .sync_status()
        .expect("status")
        .last_heard_from
        .is_some());

    relay.shutdown().await.expect("shutdown");
    wait_until("offline", || {
        alice.client.sync_status().expect("status").label == "Offline"
    })
    .await;
    alice
        .client
        .create_task(&board, "One", Place::default(), None)
        .expect("task");
    alice
        .client
        .create_task(&board, "Two", Place::default(), None)
        .expect("task");
    assert_eq!(
        alice.client.sync_status().expect("status").pending_changes,
        2
    );

    // The relay comes back on the same address; the connection finds it again.
    let mut config = teamstead_relay::Config::local(dir.path().to_path_buf());
    config.listen = addr;
    let relay = teamstead_relay::start(config).await.expect("restart");
    wait_until("synced again", || synced(&alice)).await;
    let _ = stop.send(true);
    runner.await.expect("join").expect("run");
    relay.shutdown().await.expect("shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outsiders_cannot_tell_a_document_exists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, _bob, _carol, team) = team_of_three(&relay).await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    let eve = Person::sign_up(&relay, "Eve").await;
    let mut raw = RawPeer::joined(&relay, &eve.token()).await;
    let existing = raw.request(board).await;
    let missing = raw.request(DocumentId::new()).await;
    assert!(
        matches!(existing, Some(Message::DocUnavailable { document_id, .. }) if document_id == board)
    );
    assert!(matches!(missing, Some(Message::DocUnavailable { .. })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_cannot_change_roles_and_viewers_only_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _carol, team) = team_of_three(&relay).await;
    let team_doc: DocumentId = team.parse().expect("id");

    // Bob edits the team document by hand to make himself owner.
    let mut raw = RawPeer::joined(&relay, &bob.token()).await;
    let (mut doc, mut state) = raw.fetch(team_doc).await;
    let me = member_entry(&doc, &bob.user_id);
    doc.put(&me, "role", "owner").expect("put");
    doc.commit();
    let answer = raw.push(team_doc, &mut doc, &mut state).await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("refused")),
        "got {answer:?}"
    );
    alice.sync().await;
    let roles = alice.client.members(&team).expect("members");
    let bob_role = roles
        .iter()
        .find(|m| m.user_id == bob.user_id)
        .map(|m| m.role);
    assert_eq!(
        bob_role,
        Some(Role::Member),
        "the forged role never arrived"
    );

    // A viewer reads the board but cannot write it.
    let vic = alice.invite(&team, Role::Viewer, "Vic").await;
    let board = board_id(&vic, &team);
    let mut raw = RawPeer::joined(&relay, &vic.token()).await;
    let (mut doc, mut state) = raw.fetch(board.parse().expect("id")).await;
    doc.put(ROOT, "name", "Viewer was here").expect("put");
    doc.commit();
    let answer = raw
        .push(board.parse().expect("id"), &mut doc, &mut state)
        .await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("refused")),
        "got {answer:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_under_another_devices_actor_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _carol, team) = team_of_three(&relay).await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    alice
        .client
        .create_task(&board.to_string(), "By Alice", Place::default(), None)
        .expect("task");
    alice.sync().await;

    let mut raw = RawPeer::joined(&relay, &bob.token()).await;
    let (mut doc, mut state) = raw.fetch(board).await;
    // Bob signs a change with the actor of Alice's device.
    let alices_actor = doc
        .get_changes(&[])
        .iter()
        .map(|c| c.actor_id().clone())
        .find(|a| a.to_hex_string() != "00")
        .expect("an actor");
    doc.set_actor(alices_actor);
    doc.put(ROOT, "name", "Forged").expect("put");
    doc.commit();
    let answer = raw.push(board, &mut doc, &mut state).await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("another device")),
        "got {answer:?}"
    );
    // The connection still works: the board can be fetched again, unforged.
    let mut again = RawPeer::joined(&relay, &bob.token()).await;
    let (fresh, _) = again.fetch(board).await;
    let name = fresh
        .get(ROOT, "name")
        .expect("get")
        .map(|(v, _)| v.to_string());
    assert_ne!(name.as_deref(), Some("\"Forged\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_removed_member_loses_access_on_an_open_connection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, carol, team) = team_of_three(&relay).await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    let mut raw = RawPeer::joined(&relay, &bob.token()).await;
    let _ = raw.fetch(board).await;

    alice
        .client
        .remove_member(alice.store(), &team, &bob.user_id)
        .await
        .expect("remove");
    alice
        .client
        .create_task(&board.to_string(), "Secret plan", Place::default(), None)
        .expect("task");
    alice.sync().await;

    // Nothing of the new task reaches Bob's open connection…
    while let Some(message) = raw.recv_within(std::time::Duration::from_millis(500)).await {
        assert!(
            !matches!(&message, Message::Sync { document_id, .. } if *document_id == board),
            "a removed member received the board"
        );
    }
    // …and asking again, on the same connection, finds nothing.
    assert!(matches!(
        raw.request(board).await,
        Some(Message::DocUnavailable { .. })
    ));

    // The same when the removal is a change to the team document, made offline
    // in the manager's people view and synced later.
    let mut carols = RawPeer::joined(&relay, &carol.token()).await;
    let _ = carols.fetch(board).await;
    let people = alice
        .client
        .remove_from_team(&team, &carol.user_id)
        .expect("remove offline");
    assert!(people.people.iter().all(|p| p.user_id != carol.user_id));
    alice.sync().await;
    assert!(matches!(
        carols.request(board).await,
        Some(Message::DocUnavailable { .. })
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ephemeral_messages_reach_only_readers_of_the_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, carol, team) = team_of_three(&relay).await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    let eve = Person::sign_up(&relay, "Eve").await;

    let mut from_bob = RawPeer::joined(&relay, &bob.token()).await;
    let mut to_carol = RawPeer::joined(&relay, &carol.token()).await;
    let mut to_eve = RawPeer::joined(&relay, &eve.token()).await;
    let _ = from_bob.fetch(board).await;
    let _ = to_carol.fetch(board).await;
    assert!(matches!(
        to_eve.request(board).await,
        Some(Message::DocUnavailable { .. })
    ));

    from_bob
        .send(&Message::Ephemeral {
            sender_id: from_bob.peer_id.clone(),
            target_id: "relay".into(),
            document_id: board,
            count: 1,
            session_id: "bob-session".into(),
            data: b"typing".to_vec(),
        })
        .await;
    let mut carol_got = None;
    while let Some(message) = to_carol
        .recv_within(std::time::Duration::from_secs(3))
        .await
    {
        if let Message::Ephemeral { data, .. } = message {
            carol_got = Some(data);
            break;
        }
    }
    assert_eq!(carol_got.as_deref(), Some(&b"typing"[..]));
    assert!(
        to_eve
            .recv_within(std::time::Duration::from_millis(500))
            .await
            .is_none(),
        "an outsider heard an ephemeral message"
    );
}

/// A writer that sends a message per change without waiting (as automerge
/// does when edits come fast) has every change stored and passed on, whether
/// the relay takes its queued messages one by one or together.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_sync_messages_arrives_whole() {
    use automerge::sync::SyncDoc;
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _carol, team) = team_of_three(&relay).await;
    let board: DocumentId = board_id(&alice, &team).parse().expect("id");
    let mut reader = RawPeer::joined(&relay, &bob.token()).await;
    let (mut seen, mut seen_state) = reader.fetch(board).await;

    let mut writer = RawPeer::joined(&relay, &alice.token()).await;
    let (mut doc, mut state) = writer.fetch(board).await;
    let list = doc
        .put_object(ROOT, "burst", automerge::ObjType::List)
        .expect("list");
    doc.commit();
    const EDITS: usize = 300;
    for n in 0..EDITS {
        doc.insert(&list, n, n as u64).expect("insert");
        doc.commit();
        if let Some(message) = doc.sync().generate_sync_message(&mut state) {
            writer.sync_bytes(board, message.encode()).await;
        }
    }
    assert!(
        writer.push(board, &mut doc, &mut state).await.is_none(),
        "nothing was refused"
    );

    // The reader hears of all of it.
    let burst_len = |doc: &automerge::AutoCommit| {
        doc.get(ROOT, "burst")
            .expect("get")
            .map_or(0, |(_, list)| doc.length(&list))
    };
    while burst_len(&seen) < EDITS {
        match reader.recv_within(std::time::Duration::from_secs(10)).await {
            Some(Message::Sync { data, .. }) => {
                let message = automerge::sync::Message::decode(&data).expect("sync message");
                seen.sync()
                    .receive_sync_message(&mut seen_state, message)
                    .expect("apply");
                if let Some(reply) = seen.sync().generate_sync_message(&mut seen_state) {
                    reader.sync_bytes(board, reply.encode()).await;
                }
            }
            Some(_) => {}
            None => panic!("the reader stopped at {} of {EDITS}", burst_len(&seen)),
        }
    }

    // And the relay stored all of it: a relay started afresh on the same data has it.
    drop((reader, writer));
    relay.shutdown().await.expect("shutdown");
    let relay = start_relay(dir.path()).await;
    let mut later = RawPeer::joined(&relay, &bob.token()).await;
    let (stored, _) = later.fetch(board).await;
    assert_eq!(burst_len(&stored), EDITS);
}

/// A change the relay refuses, sent right behind one it accepts, takes nothing
/// with it: whether the two messages are taken together or apart, the first
/// is stored and the second refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_change_does_not_take_the_one_before_it_down() {
    use automerge::sync::SyncDoc;
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _carol, team) = team_of_three(&relay).await;
    let team_doc: DocumentId = team.parse().expect("id");

    let mut raw = RawPeer::joined(&relay, &bob.token()).await;
    let (mut doc, mut state) = raw.fetch(team_doc).await;
    let me = member_entry(&doc, &bob.user_id);
    // His own profile: allowed. Then his role: refused. Sent back to back.
    doc.put(&me, "title", "Night owl").expect("put");
    doc.commit();
    let allowed = doc
        .sync()
        .generate_sync_message(&mut state)
        .expect("message");
    doc.put(&me, "role", "owner").expect("put");
    doc.commit();
    let refused = doc
        .sync()
        .generate_sync_message(&mut state)
        .expect("message");
    raw.sync_bytes(team_doc, allowed.encode()).await;
    raw.sync_bytes(team_doc, refused.encode()).await;
    let answer = raw.push(team_doc, &mut doc, &mut state).await;
    assert!(
        matches!(&answer, Some(Message::Error { message, .. }) if message.contains("refused")),
        "got {answer:?}"
    );

    let mut again = RawPeer::joined(&relay, &alice.token()).await;
    let (stored, _) = again.fetch(team_doc).await;
    let bob_there = member_entry(&stored, &bob.user_id);
    let field = |name: &str| {
        stored
            .get(&bob_there, name)
            .expect("get")
            .map(|(v, _)| v.to_string())
    };
    assert_eq!(field("title").as_deref(), Some("\"Night owl\""));
    assert_ne!(field("role").as_deref(), Some("\"owner\""));
}
