//! Chat between desktops through a relay in this process: delivery, offline
//! order, forged edits, live signals, unread counts, receipts, search, attachments.

mod support;

use std::sync::Arc;
use std::time::Duration;

use automerge::transaction::Transactable;
use automerge::ReadDoc;
use support::{start_relay, wait_until, Person, RawPeer};
use teamstead_client::{LiveSignalKind, MessageFilter, Role};
use teamstead_protocol::{DocumentId, Message, PresenceState};

fn bodies(person: &Person, conversation: &str) -> Vec<(String, String)> {
    person
        .client
        .list_messages(conversation, None, Some(100))
        .expect("messages")
        .messages
        .into_iter()
        .map(|m| (m.author_name, m.body))
        .collect()
}

/// Alice's team with Bob in it, and a public channel both read.
async fn team_with_channel(
    relay: &teamstead_relay::RunningRelay,
) -> (Person, Person, String, String) {
    let alice = Person::sign_up(relay, "Alice").await;
    let team = alice.publish_new_team("Northwind").await;
    // Every new team starts with #general.
    let general = alice
        .client
        .list_conversations(&team)
        .expect("conversations")[0]
        .id
        .clone();
    alice.sync().await;
    let bob = alice.invite(&team, Role::Member, "Bob").await;
    // Alice learns who joined.
    alice.sync().await;
    (alice, bob, team, general)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_arrive_and_offline_ones_arrive_once_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, team, general) = team_with_channel(&relay).await;
    assert_eq!(
        bob.client.list_conversations(&team).expect("list")[0].name,
        "general",
        "the invited see the team's channels"
    );

    alice
        .client
        .send_message(&general, "Hello @Bob", None, Vec::new())
        .expect("send");
    alice.sync().await;
    bob.sync().await;
    assert_eq!(
        bodies(&bob, &general),
        vec![("Alice".to_string(), "Hello @Bob".to_string())]
    );
    let listed = bob.client.list_conversations(&team).expect("list");
    assert_eq!((listed[0].unread, listed[0].unread_mentions), (1, 1));
    let notes = bob.client.notifications().expect("notifications");
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].kind, notes[0].read),
        (teamstead_client::NotificationKind::Mention, false)
    );
    bob.client.mark_all_notifications_read().expect("mark all");
    assert!(bob.client.notifications().expect("notifications")[0].read);

    // Offline on both sides, then each reconnects.
    for body in ["one", "two", "three"] {
        bob.client
            .send_message(&general, body, None, Vec::new())
            .expect("send offline");
    }
    let pending = bob
        .client
        .list_messages(&general, None, None)
        .expect("page")
        .messages;
    assert!(pending
        .iter()
        .filter(|m| m.author_name == "Bob")
        .all(|m| m.pending));
    alice
        .client
        .send_message(&general, "anyone?", None, Vec::new())
        .expect("send offline");
    bob.sync().await;
    alice.sync().await;
    bob.sync().await;
    bob.sync().await;
    let expected: Vec<(String, String)> = [
        ("Alice", "Hello @Bob"),
        ("Bob", "one"),
        ("Bob", "two"),
        ("Bob", "three"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let at_alice = bodies(&alice, &general);
    let at_bob = bodies(&bob, &general);
    assert_eq!(at_alice, at_bob, "both see the same conversation");
    assert_eq!(at_alice.len(), 5, "each message exactly once: {at_alice:?}");
    let bobs: Vec<_> = at_alice
        .iter()
        .filter(|(a, _)| a == "Bob")
        .cloned()
        .collect();
    assert_eq!(bobs, expected[1..].to_vec(), "in the order they were sent");
    assert!(bob
        .client
        .list_messages(&general, None, None)
        .expect("page")
        .messages
        .iter()
        .all(|m| !m.pending));

    // Unread counts and search.
    let unread = |p: &Person| p.client.list_conversations(&team).expect("list")[0].unread;
    assert_eq!(unread(&alice), 3);
    alice.client.mark_read(&general, None).expect("read");
    assert_eq!(unread(&alice), 0);
    let hits = alice
        .client
        .search_messages("two", &MessageFilter::default())
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].snippet, "\u{2}two\u{3}");
    let by_alice = MessageFilter {
        author: Some(alice.user_id.clone()),
        ..MessageFilter::default()
    };
    assert!(alice
        .client
        .search_messages("two", &by_alice)
        .expect("search")
        .is_empty());

    // Threads, edits and reactions travel too.
    let root = alice
        .client
        .list_messages(&general, None, None)
        .expect("page")
        .messages[0]
        .id
        .clone();
    bob.client
        .send_message(&general, "in a thread", Some(&root), Vec::new())
        .expect("reply");
    bob.client.react(&general, &root, "👍").expect("react");
    bob.sync().await;
    alice.sync().await;
    let thread = alice.client.thread(&general, &root).expect("thread");
    assert_eq!(thread.len(), 2);
    assert_eq!(thread[0].reply_count, 1);
    assert_eq!(thread[0].reactions[0].users, vec![bob.user_id.clone()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_edit_or_delete_is_refused_and_never_reaches_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, team, general) = team_with_channel(&relay).await;
    let carol = alice.invite(&team, Role::Member, "Carol").await;
    let sent = alice
        .client
        .send_message(&general, "The plan stands", None, Vec::new())
        .expect("send");
    alice.sync().await;

    let month = teamstead_model::channel::period_of(sent.created_at);
    let doc_id = teamstead_model::channel::period_doc_id(teamstead_model::channel::PeriodKey {
        team_id: &team,
        conversation_id: &general,
        kind: teamstead_model::conversation::ConversationKind::Channel,
        period: &month,
    });
    let mut raw = RawPeer::joined(&relay, &bob.token()).await;
    for forge in ["edit", "delete"] {
        let (mut doc, mut state) = raw.fetch(doc_id).await;
        doc.set_actor(automerge::ActorId::random());
        let messages = doc
            .get(automerge::ROOT, "messages")
            .expect("get")
            .expect("map")
            .1;
        let entry = doc.get(&messages, &sent.id).expect("get").expect("msg").1;
        if forge == "edit" {
            doc.put(&entry, "body", "The plan is off").expect("put");
        } else {
            doc.put(&entry, "deleted", true).expect("put");
            doc.put(&entry, "body", "").expect("put");
        }
        doc.commit();
        match raw.push(doc_id, &mut doc, &mut state).await {
            Some(Message::Error { message, .. }) => {
                assert!(
                    message.contains("another person's message"),
                    "{forge}: {message}"
                )
            }
            other => panic!("{forge}: expected a refusal, got {other:?}"),
        }
    }
    carol.sync().await;
    let seen = carol.client.message(&sent.id).expect("message");
    assert_eq!(
        (seen.body.as_str(), seen.deleted),
        ("The plan stands", false)
    );
    // Through the client too: the model refuses before anything is written.
    bob.sync().await;
    assert_eq!(
        bob.client
            .edit_message(&general, &sent.id, "x")
            .map_err(|e| e.code()),
        Err("forbidden")
    );
}

/// Runs a person's live sync connection until the returned sender is dropped or set.
fn live(person: &Person) -> tokio::sync::watch::Sender<bool> {
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let client = person.client.clone();
    let tokens: Arc<dyn teamstead_client::sync::TokenStore> = person.tokens.clone();
    tokio::spawn(teamstead_client::sync::run(client, tokens, stopped));
    stop
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presence_typing_and_receipts_reach_readers_only_and_expire() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, team, general) = team_with_channel(&relay).await;
    let carol = alice.invite(&team, Role::Member, "Carol").await;
    alice.sync().await;
    let secret = alice
        .client
        .create_channel(&team, "plans", true, std::slice::from_ref(&bob.user_id))
        .expect("private")
        .id;
    alice
        .client
        .send_message(&secret, "Between us", None, Vec::new())
        .expect("send");
    let first = alice
        .client
        .send_message(&general, "Morning", None, Vec::new())
        .expect("send");
    alice.sync().await;
    bob.sync().await;
    carol.sync().await;
    assert!(carol.client.list_messages(&secret, None, None).is_err());

    let mut carol_hears = carol.client.signals.subscribe();
    let _a = live(&alice);
    let _b = live(&bob);
    let _c = live(&carol);
    wait_until("Bob appears online to Alice", || {
        alice
            .client
            .presence(&team)
            .expect("presence")
            .iter()
            .any(|p| p.user_id == bob.user_id && p.state == PresenceState::Online)
    })
    .await;

    bob.client.notify_typing(&secret).expect("typing");
    bob.client.notify_typing(&general).expect("typing");
    wait_until("Alice sees Bob typing in both", || {
        alice.client.typing(&secret).expect("typing") == vec![bob.user_id.clone()]
            && alice.client.typing(&general).expect("typing") == vec![bob.user_id.clone()]
    })
    .await;
    wait_until("Carol sees Bob typing in general", || {
        carol.client.typing(&general).expect("typing") == vec![bob.user_id.clone()]
    })
    .await;
    // A typing signal lasts six seconds unless renewed.
    tokio::time::sleep(Duration::from_millis(6_500)).await;
    assert!(alice.client.typing(&general).expect("typing").is_empty());

    // Receipts: Bob reads, Alice sees him in "seen by".
    bob.client.mark_read(&general, None).expect("read");
    wait_until("Alice sees Bob has seen her message", || {
        alice
            .client
            .seen_by(&general, &first.id)
            .expect("seen")
            .contains(&bob.user_id)
    })
    .await;

    // Carol, outside the private channel, heard nothing of it.
    while let Ok(signal) = carol_hears.try_recv() {
        assert_ne!(signal.conversation_id.as_deref(), Some(secret.as_str()));
        if signal.kind == LiveSignalKind::Typing {
            assert_eq!(signal.conversation_id.as_deref(), Some(general.as_str()));
        }
    }
    // A raw peer of Carol's cannot even see the private channel's month document.
    let month = teamstead_model::channel::period_of(first.created_at);
    let hidden: DocumentId =
        teamstead_model::channel::period_doc_id(teamstead_model::channel::PeriodKey {
            team_id: &team,
            conversation_id: &secret,
            kind: teamstead_model::conversation::ConversationKind::Private,
            period: &month,
        });
    let mut raw = RawPeer::joined(&relay, &carol.token()).await;
    assert!(matches!(
        raw.request(hidden).await,
        Some(Message::DocUnavailable { .. })
    ));

    // Bob leaves: Alice hears he is offline.
    drop(_b);
    wait_until("Bob goes offline for Alice", || {
        !alice
            .client
            .presence(&team)
            .expect("presence")
            .iter()
            .any(|p| p.user_id == bob.user_id)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attachments_round_trip_and_oversize_is_refused() {
    use sha2::Digest;
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, team, _) = team_with_channel(&relay).await;
    let http = reqwest::Client::new();
    let url = |hash: &str| format!("{}/v1/teams/{team}/blobs/{hash}", relay.http_url());

    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    let hash = hex::encode(sha2::Sha256::digest(&bytes));
    let put = http
        .put(url(&hash))
        .bearer_auth(alice.token())
        .body(bytes.clone())
        .send()
        .await
        .expect("upload");
    assert_eq!(put.status(), 201);
    let got = http
        .get(url(&hash))
        .bearer_auth(bob.token())
        .send()
        .await
        .expect("download");
    assert_eq!(got.status(), 200);
    assert!(got.bytes().await.expect("body").as_ref() == bytes.as_slice());

    let big = vec![7u8; 25 * 1024 * 1024 + 1];
    let big_hash = hex::encode(sha2::Sha256::digest(&big));
    // The relay answers 413 from Content-Length before reading the body; the
    // client may see that answer or, still sending, a reset connection.
    let refused = http
        .put(url(&big_hash))
        .bearer_auth(alice.token())
        .body(big)
        .send()
        .await;
    if let Ok(refused) = refused {
        assert_eq!(refused.status(), 413);
        let body: serde_json::Value = refused.json().await.expect("json");
        assert_eq!(body["code"], "attachment_too_large");
    }
    let missing = http
        .get(url(&big_hash))
        .bearer_auth(alice.token())
        .send()
        .await
        .expect("download");
    assert_eq!(missing.status(), 404, "nothing of it was stored");

    let damaged = http
        .put(url(&"0".repeat(64)))
        .bearer_auth(alice.token())
        .body(b"not what the name says".to_vec())
        .send()
        .await
        .expect("upload");
    assert_eq!(damaged.status(), 400);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sent_attachment_downloads_byte_identical_with_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, _team, general) = team_with_channel(&relay).await;
    let files = tempfile::tempdir().expect("files");

    let path = files.path().join("site plan.pdf");
    let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 241) as u8).collect();
    std::fs::write(&path, &bytes).expect("write");
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let progress = {
        let seen = seen.clone();
        Arc::new(move |done, total| {
            if let Ok(mut seen) = seen.lock() {
                seen.push((done, total));
            }
        })
    };
    let attachment = alice
        .client
        .upload_attachment(alice.store(), &general, &path, progress.clone())
        .await
        .expect("upload");
    assert_eq!(
        (
            attachment.name.as_str(),
            attachment.size,
            attachment.mime.as_str()
        ),
        ("site plan.pdf", 3_000_000, "application/pdf")
    );
    let reported = seen.lock().expect("progress").clone();
    assert!(reported.len() > 1, "progress in steps: {reported:?}");
    assert_eq!(reported.last(), Some(&(3_000_000, 3_000_000)));
    alice
        .client
        .send_message(&general, "", None, vec![attachment.clone()])
        .expect("send");
    alice.sync().await;
    bob.sync().await;

    let received = bob
        .client
        .list_messages(&general, None, None)
        .expect("page");
    let carried = &received.messages.last().expect("the message").attachments;
    assert_eq!(carried, &vec![attachment.clone()]);
    let local = bob
        .client
        .fetch_attachment(
            bob.store(),
            &general,
            &attachment.sha256,
            &attachment.name,
            progress,
        )
        .await
        .expect("download");
    assert_eq!(std::fs::read(&local).expect("read"), bytes);
    // Asking again answers from the cache.
    let again = bob
        .client
        .fetch_attachment(
            bob.store(),
            &general,
            &attachment.sha256,
            &attachment.name,
            Arc::new(|_, _| {}),
        )
        .await
        .expect("cached");
    assert_eq!(again, local);

    // Over the limit: refused before anything is read or sent.
    let big = files.path().join("video.mov");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(25 * 1024 * 1024 + 1))
        .expect("a large file");
    let refused = alice
        .client
        .upload_attachment(alice.store(), &general, &big, Arc::new(|_, _| {}))
        .await;
    assert_eq!(refused.map_err(|e| e.code()), Err("attachment_too_large"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn desktop_notifications_skip_muted_conversations_and_quiet_hours() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, team, general) = team_with_channel(&relay).await;
    let direct = alice
        .client
        .open_direct(&team, std::slice::from_ref(&bob.user_id))
        .expect("direct")
        .id;
    const NOON: u32 = 12 * 60;
    let say = |conversation: &str, body: &str| {
        alice
            .client
            .send_message(conversation, body, None, Vec::new())
            .expect("send");
    };
    let shown = |minute| {
        bob.client
            .take_desktop_notifications(minute)
            .expect("notifications")
            .into_iter()
            .map(|n| (n.kind, n.body))
            .collect::<Vec<_>>()
    };
    use teamstead_client::NotificationKind::{Direct, Mention};

    say(&general, "Lunch, @Bob?");
    say(&general, "Not for Bob");
    say(&direct, "Just between us");
    alice.sync().await;
    bob.sync().await;
    let mut first = shown(NOON);
    first.sort_by(|a, b| a.1.cmp(&b.1));
    assert_eq!(
        first,
        vec![
            (Direct, "Just between us".to_string()),
            (Mention, "Lunch, @Bob?".to_string())
        ]
    );
    assert!(shown(NOON).is_empty(), "each message is shown once");

    // Muted: nothing from that conversation.
    let mut settings = bob.client.notification_settings().expect("settings");
    settings.muted.push(direct.clone());
    bob.client
        .set_notification_settings(settings.clone())
        .expect("mute");
    say(&direct, "Still there?");
    alice.sync().await;
    bob.sync().await;
    assert!(shown(NOON).is_empty());

    // Quiet hours (22:00 to 07:00): nothing at night, even for a mention.
    settings.dnd_start = Some("22:00".into());
    settings.dnd_end = Some("07:00".into());
    bob.client
        .set_notification_settings(settings)
        .expect("quiet hours");
    say(&general, "@Bob the build broke");
    alice.sync().await;
    bob.sync().await;
    assert!(shown(23 * 60).is_empty());
    // Notifications are listed in the centre all the same.
    assert!(bob
        .client
        .notifications()
        .expect("centre")
        .iter()
        .any(|n| n.body == "@Bob the build broke"));
}
