use super::*;

const KEY: PeriodKey<'static> = PeriodKey {
    team_id: "team",
    conversation_id: "general",
    kind: ConversationKind::Channel,
    period: "2026-11",
};

fn channel() -> AutoCommit {
    let mut doc = genesis(KEY).expect("genesis");
    doc.set_actor(ActorId::random());
    doc
}

fn say<'a>(author: &'a str, body: &'a str) -> NewMessage<'a> {
    NewMessage {
        author,
        body,
        ..NewMessage::default()
    }
}

#[test]
fn only_authors_edit_and_the_history_keeps_each_version() {
    let mut doc = channel();
    let m = post(&mut doc, say("alice", "Hello"), 1).expect("post");
    assert_eq!(
        edit(&mut doc, "bob", &m.id, "Bye", 2).map(|_| ()),
        Err(ModelError::Forbidden("change someone else's message"))
    );
    edit(&mut doc, "alice", &m.id, "Hello all", 3).expect("edit");
    let edited = edit(&mut doc, "alice", &m.id, "Hello, all", 4).expect("edit");
    assert_eq!(edited.body, "Hello, all");
    let versions: Vec<(&str, Millis)> = edited
        .history
        .iter()
        .map(|e| (e.body.as_str(), e.edited_at))
        .collect();
    assert_eq!(versions, vec![("Hello", 1), ("Hello all", 3)]);
    let loaded = read(&AutoCommit::load(&doc.save()).expect("load")).expect("read");
    assert_eq!(loaded.messages[&m.id].history.len(), 2);
}

#[test]
fn deleting_leaves_a_tombstone_and_managers_moderate_only_team_channels() {
    let mut doc = channel();
    let m = post(&mut doc, say("alice", "Hello"), 1).expect("post");
    assert_eq!(
        delete(&mut doc, "bob", false, &m.id, 2).map(|_| ()),
        Err(ModelError::Forbidden("delete someone else's message"))
    );
    let gone = delete(&mut doc, "carol", true, &m.id, 3).expect("manager deletes");
    assert!(gone.deleted);
    assert_eq!(gone.body, "");
    assert_eq!(gone.deleted_by.as_deref(), Some("carol"));

    let mut direct = genesis(PeriodKey {
        kind: ConversationKind::Direct,
        ..KEY
    })
    .expect("genesis");
    let m = post(&mut direct, say("alice", "Psst"), 1).expect("post");
    assert_eq!(
        delete(&mut direct, "carol", true, &m.id, 2).map(|_| ()),
        Err(ModelError::Forbidden("delete someone else's message"))
    );
}

#[test]
fn reactions_toggle_per_person() {
    let mut doc = channel();
    let m = post(&mut doc, say("alice", "Ship it?"), 1).expect("post");
    toggle_reaction(&mut doc, "bob", &m.id, "👍", 2).expect("react");
    toggle_reaction(&mut doc, "carol", &m.id, "👍", 3).expect("react");
    toggle_reaction(&mut doc, "carol", &m.id, "🎉", 4).expect("react");
    let m2 = toggle_reaction(&mut doc, "bob", &m.id, "👍", 5).expect("unreact");
    assert_eq!(
        m2.reactions_by_emoji(),
        vec![
            ("👍".to_string(), vec!["carol".to_string()]),
            ("🎉".to_string(), vec!["carol".to_string()])
        ]
    );
    assert_eq!(message(&doc, &m.id).expect("read").reactions, m2.reactions);
}

#[test]
fn two_devices_starting_the_same_month_offline_keep_both_messages() {
    let mut a = channel();
    let mut b = channel();
    let from_a = post(&mut a, say("alice", "first"), 1).expect("a");
    let from_b = post(&mut b, say("bob", "also first"), 2).expect("b");
    a.merge(&mut b).expect("merge");
    let merged = read(&a).expect("read");
    assert!(merged.messages.contains_key(&from_a.id));
    assert!(merged.messages.contains_key(&from_b.id));
    assert_eq!(
        a.get_changes(&[])
            .iter()
            .filter(|c| c.hash() == genesis_hash(KEY).expect("hash"))
            .count(),
        1
    );
    assert_ne!(
        period_doc_id(KEY),
        period_doc_id(PeriodKey {
            period: "2026-12",
            ..KEY
        })
    );
}

#[test]
fn messages_need_text_or_a_well_formed_attachment() {
    let mut doc = channel();
    assert_eq!(
        post(&mut doc, say("alice", "  "), 1).map_err(|e| e.code()),
        Err("empty")
    );
    let file = Attachment {
        sha256: "ab".repeat(32),
        name: "plan.pdf".into(),
        size: 10,
        mime: "application/pdf".into(),
    };
    let only_file = NewMessage {
        attachments: vec![file.clone()],
        ..say("alice", "")
    };
    assert_eq!(post(&mut doc, only_file, 1).expect("post").body, "");
    let huge = NewMessage {
        attachments: vec![Attachment {
            size: MAX_ATTACHMENT_BYTES + 1,
            ..file.clone()
        }],
        ..say("alice", "big")
    };
    assert_eq!(
        post(&mut doc, huge, 1).map_err(|e| e.code()),
        Err("too_long")
    );
    let bad = NewMessage {
        attachments: vec![Attachment {
            sha256: "nope".into(),
            ..file
        }],
        ..say("alice", "x")
    };
    assert_eq!(
        post(&mut doc, bad, 1).map_err(|e| e.code()),
        Err("invalid_input")
    );
}

#[test]
fn mentions_match_names_and_channel() {
    let members = vec![
        ("u1".to_string(), "Amara Okafor".to_string()),
        ("u2".to_string(), "Amara".to_string()),
        ("u3".to_string(), "Jonas".to_string()),
    ];
    assert_eq!(
        extract_mentions("hi @amara okafor and @Jonas, @channel!", &members),
        vec!["u1".to_string(), "u3".to_string(), "channel".to_string()]
    );
    assert_eq!(
        extract_mentions("@Amara: and @Jonasx", &members),
        vec!["u2".to_string()]
    );
    assert!(extract_mentions("mail me at a@example.com", &members).is_empty());
}

#[test]
fn periods_are_utc_months() {
    assert_eq!(period_of(0), "1970-01");
    // 2026-11-30T23:59:59.999Z and a millisecond later.
    assert_eq!(period_of(1_796_083_199_999), "2026-11");
    assert_eq!(period_of(1_796_083_200_000), "2026-12");
    assert_eq!(previous_period("2026-01").as_deref(), Some("2025-12"));
    assert_eq!(previous_period("2026-11").as_deref(), Some("2026-10"));
    assert_eq!(previous_period("2026-13"), None);
}
