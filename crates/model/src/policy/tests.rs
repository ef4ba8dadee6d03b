use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ROOT};

use super::*;
use crate::conversation::ConversationKind;
use crate::team::{self, Member};
use crate::{channel, response};

fn actor<'a>(user_id: &'a str, role: Option<Role>) -> Actor<'a> {
    Actor { user_id, role }
}

fn team_doc() -> AutoCommit {
    let mut doc = AutoCommit::new();
    let owner = Member::new("olive".into(), "Olive", Role::Owner, 1).expect("owner");
    team::init(&mut doc, "Acme", owner, 1).expect("init");
    for (id, role) in [("max", Role::Manager), ("mia", Role::Member)] {
        let m = Member::new(id.into(), id, role, 2).expect("member");
        team::add_member(&mut doc, "olive", m).expect("add");
    }
    doc.commit();
    doc
}

fn team_meta() -> DocMeta {
    DocMeta {
        kind: DocKind::Team,
        team_id: "t".into(),
        subject: None,
    }
}

/// Applies `edit` and asks the policy whether `who` may make it.
fn judge(
    doc: &mut AutoCommit,
    meta: &DocMeta,
    who: Actor<'_>,
    edit: impl FnOnce(&mut AutoCommit),
) -> Result<()> {
    let before = doc.get_heads();
    edit(doc);
    doc.commit();
    let after = doc.get_heads();
    check_write(doc, meta, who, Context::default(), &before, &after)
}

/// As `judge`, for a response whose assignment stands at `assignment`.
fn judge_response(
    doc: &mut AutoCommit,
    meta: &DocMeta,
    who: Actor<'_>,
    assignment: Option<AssignmentState>,
    edit: impl FnOnce(&mut AutoCommit),
) -> Result<()> {
    let before = doc.get_heads();
    edit(doc);
    doc.commit();
    let after = doc.get_heads();
    check_write(
        doc,
        meta,
        who,
        Context {
            assignment,
            ..Context::default()
        },
        &before,
        &after,
    )
}

fn set_member_field(doc: &mut AutoCommit, member: &str, field: &str, value: &str) {
    let members = doc.get(ROOT, "members").expect("get").expect("members").1;
    let entry = doc.get(&members, member).expect("get").expect("entry").1;
    doc.put(&entry, field, value).expect("put");
}

#[test]
fn a_member_edits_only_their_own_profile() {
    let mut doc = team_doc();
    let mia = actor("mia", Some(Role::Member));
    judge(&mut doc, &team_meta(), mia, |d| {
        set_member_field(d, "mia", "title", "Designer")
    })
    .expect("own title");
    let own_role = judge(&mut doc, &team_meta(), mia, |d| {
        set_member_field(d, "mia", "role", "owner")
    });
    assert_eq!(own_role.map_err(|e| e.code()), Err("forbidden"));
    let other = judge(&mut doc, &team_meta(), mia, |d| {
        set_member_field(d, "max", "title", "Intern")
    });
    assert_eq!(other.map_err(|e| e.code()), Err("forbidden"));
    let rename = judge(&mut doc, &team_meta(), mia, |d| {
        d.put(ROOT, "name", "Mine").expect("put");
    });
    assert_eq!(rename.map_err(|e| e.code()), Err("forbidden"));
}

#[test]
fn managers_run_the_team_but_not_its_owners() {
    let mut doc = team_doc();
    let max = actor("max", Some(Role::Manager));
    judge(&mut doc, &team_meta(), max, |d| {
        set_member_field(d, "mia", "role", "viewer")
    })
    .expect("demote a member");
    let demote_owner = judge(&mut doc, &team_meta(), max, |d| {
        set_member_field(d, "olive", "role", "member")
    });
    assert_eq!(demote_owner.map_err(|e| e.code()), Err("forbidden"));
    let olive = actor("olive", Some(Role::Owner));
    let last_owner = judge(&mut doc, &team_meta(), olive, |d| {
        set_member_field(d, "olive", "role", "member")
    });
    assert_eq!(last_owner.map_err(|e| e.code()), Err("last_owner"));
}

fn channel_doc(kind: ConversationKind) -> (AutoCommit, DocMeta) {
    let mut doc = channel::genesis(channel::PeriodKey {
        team_id: "t",
        conversation_id: "general",
        kind,
        period: "2026-11",
    })
    .expect("genesis");
    doc.set_actor(automerge::ActorId::random());
    let meta = describe(&doc, "c").expect("describe");
    (doc, meta)
}

fn say<'a>(author: &'a str, body: &'a str) -> channel::NewMessage<'a> {
    channel::NewMessage {
        author,
        body,
        ..Default::default()
    }
}

#[test]
fn a_message_changes_only_by_its_author() {
    let (mut doc, meta) = channel_doc(ConversationKind::Channel);
    let message = channel::post(&mut doc, say("mia", "Hello"), 1).expect("post");
    doc.commit();
    let max = actor("max", Some(Role::Member));
    judge(&mut doc, &meta, max, |d| {
        channel::post(d, say("max", "Hi"), 2).expect("post");
    })
    .expect("own message");
    let forged = judge(&mut doc, &meta, max, |d| {
        channel::post(d, say("mia", "I quit"), 3).expect("post");
    });
    assert_eq!(forged.map_err(|e| e.code()), Err("forbidden"));
    let edit = judge(&mut doc, &meta, max, |d| {
        channel::edit(d, "mia", &message.id, "Bye", 4).expect("edit");
    });
    assert_eq!(edit.map_err(|e| e.code()), Err("forbidden"));
    let header = judge(&mut doc, &meta, max, |d| {
        d.put(ROOT, "conversation_kind", "direct").expect("put");
    });
    assert_eq!(header.map_err(|e| e.code()), Err("forbidden"));
}

#[test]
fn anyone_reacts_but_only_as_themselves() {
    let (mut doc, meta) = channel_doc(ConversationKind::Channel);
    let message = channel::post(&mut doc, say("mia", "Lunch?"), 1).expect("post");
    doc.commit();
    let max = actor("max", Some(Role::Member));
    judge(&mut doc, &meta, max, |d| {
        channel::toggle_reaction(d, "max", &message.id, "🍕", 2).expect("react");
    })
    .expect("own reaction");
    let forged = judge(&mut doc, &meta, max, |d| {
        channel::toggle_reaction(d, "mia", &message.id, "🍕", 3).expect("react");
    });
    assert_eq!(forged.map_err(|e| e.code()), Err("forbidden"));
}

#[test]
fn managers_delete_in_team_channels_but_not_in_direct_messages() {
    for (kind, allowed) in [
        (ConversationKind::Channel, true),
        (ConversationKind::Direct, false),
    ] {
        let (mut doc, meta) = channel_doc(kind);
        let message = channel::post(&mut doc, say("mia", "Oops"), 1).expect("post");
        doc.commit();
        let max = actor("max", Some(Role::Manager));
        let edit_as_manager = judge(&mut doc, &meta, max, |d| {
            let messages = d.get(ROOT, "messages").expect("get").expect("map").1;
            let entry = d.get(&messages, &message.id).expect("get").expect("msg").1;
            d.put(&entry, "body", "rewritten").expect("put");
        });
        assert_eq!(edit_as_manager.map_err(|e| e.code()), Err("forbidden"));
        doc = AutoCommit::load(&doc.save_after(&[])).expect("reload");
        doc.set_actor(automerge::ActorId::random());
        let deleted = judge(&mut doc, &meta, max, |d| {
            channel::delete(d, "max", true, &message.id, 2)
                .map(|_| ())
                .unwrap_or_else(|_| {
                    // The model refuses in a direct message; forge the tombstone by hand.
                    let messages = d.get(ROOT, "messages").expect("get").expect("map").1;
                    let entry = d.get(&messages, &message.id).expect("get").expect("msg").1;
                    d.put(&entry, "deleted", true).expect("put");
                })
        });
        assert_eq!(deleted.is_ok(), allowed, "{kind:?}");
    }
}

#[test]
fn members_start_conversations_and_change_only_their_own() {
    let mut doc = team_doc();
    let mia = actor("mia", Some(Role::Member));
    let mut made = None;
    judge(&mut doc, &team_meta(), mia, |d| {
        made = Some(
            crate::conversation::create_channel(d, "mia", "random", false, &[], 3).expect("create"),
        );
    })
    .expect("a member starts a channel");
    let made = made.expect("made");
    let max = actor("max", Some(Role::Manager));
    judge(&mut doc, &team_meta(), max, |d| {
        crate::conversation::create_channel(d, "max", "leads", true, &[], 4).expect("create");
    })
    .expect("a manager starts one");
    let leads = team::read(&doc)
        .expect("team")
        .conversations
        .into_values()
        .find(|c| c.name == "leads")
        .expect("leads");
    let hijack = judge(&mut doc, &team_meta(), mia, |d| {
        let all = d.get(ROOT, "conversations").expect("get").expect("map").1;
        let entry = d.get(&all, &leads.id).expect("get").expect("entry").1;
        d.put(&entry, "kind", "channel").expect("put");
    });
    assert_eq!(hijack.map_err(|e| e.code()), Err("forbidden"));
    judge(&mut doc, &team_meta(), mia, |d| {
        crate::conversation::rename_channel(d, "mia", &made.id, "watercooler").expect("rename");
    })
    .expect("rename own");
    let vic = actor("vic", Some(Role::Viewer));
    let viewer = judge(&mut doc, &team_meta(), vic, |d| {
        let all = d.get(ROOT, "conversations").expect("get").expect("map").1;
        d.put_object(&all, "x", automerge::ObjType::Map)
            .expect("put");
    });
    assert_eq!(viewer.map_err(|e| e.code()), Err("forbidden"));
}

#[test]
fn a_response_is_its_assignees_until_submitted_and_reopened_only_by_a_new_round() {
    let (_, assessment) = crate::assessment::tests::assigned(&["mia"]);
    let mut doc = response::genesis("assessment", "mia").expect("genesis");
    let meta = describe(&doc, "r").expect("describe");
    assert_eq!(meta.subject.as_deref(), Some("mia"));
    let max = actor("max", Some(Role::Manager));
    assert_eq!(access(&meta, max), Access::Read);
    let mia = actor("mia", Some(Role::Member));
    let round = |n| {
        Some(AssignmentState {
            round: n,
            approved: false,
        })
    };
    let unassigned = judge_response(&mut doc, &meta, mia, None, |d| {
        d.put(ROOT, "status", "submitted").expect("put");
    });
    assert_eq!(unassigned.map_err(|e| e.code()), Err("forbidden"));
    doc = response::genesis("assessment", "mia").expect("genesis");
    judge_response(&mut doc, &meta, mia, round(1), |d| {
        let answer = Some(response::Answer::Number(4.0));
        let on = response::Answering {
            assessment: &assessment,
            review: None,
        };
        response::answer(d, "mia", on, "q1", answer).expect("answer");
        let answer = Some(response::Answer::YesNo(true));
        response::answer(d, "mia", on, "q2", answer).expect("answer");
        response::submit(d, "mia", on, 5).expect("submit");
    })
    .expect("submit");
    let after = judge_response(&mut doc, &meta, mia, round(1), |d| {
        d.put(ROOT, "status", "draft").expect("put");
    });
    assert_eq!(after.map_err(|e| e.code()), Err("forbidden"));
    let ahead = judge_response(&mut doc, &meta, mia, round(2), |d| {
        d.put(ROOT, "status", "draft").expect("put");
        d.put(ROOT, "round", 3_u64).expect("put");
    });
    assert_eq!(
        ahead.map_err(|e| e.code()),
        Err("forbidden"),
        "round 3 is not open"
    );
    judge_response(&mut doc, &meta, mia, round(2), |d| {
        d.put(ROOT, "status", "draft").expect("put");
        d.put(ROOT, "round", 2_u64).expect("put");
    })
    .expect("the reopened round");
    let approved = Some(AssignmentState {
        round: 2,
        approved: true,
    });
    judge_response(&mut doc, &meta, mia, round(2), |d| {
        d.put(ROOT, "status", "submitted").expect("put");
    })
    .expect("resubmit");
    let late = judge_response(&mut doc, &meta, mia, approved, |d| {
        d.put(ROOT, "status", "draft").expect("put");
    });
    assert_eq!(late.map_err(|e| e.code()), Err("forbidden"));
    let stranger = actor("eve", Some(Role::Member));
    assert_eq!(access(&meta, stranger), Access::None);
    let viewer = actor("mia", Some(Role::Viewer));
    assert!(
        check_create(&meta, viewer).is_err(),
        "a viewer cannot answer"
    );
}

#[test]
fn outsiders_see_nothing_and_viewers_only_read() {
    let meta = DocMeta {
        kind: DocKind::Board,
        team_id: "t".into(),
        subject: None,
    };
    assert_eq!(access(&meta, actor("eve", None)), Access::None);
    assert_eq!(
        access(&meta, actor("vic", Some(Role::Viewer))),
        Access::Read
    );
    assert_eq!(
        access(&meta, actor("mia", Some(Role::Member))),
        Access::Write
    );
    let user = DocMeta {
        kind: DocKind::User,
        team_id: String::new(),
        subject: Some("mia".into()),
    };
    assert_eq!(
        access(&user, actor("olive", Some(Role::Owner))),
        Access::None
    );
    assert_eq!(access(&user, actor("mia", None)), Access::Write);
    assert!(check_create(&team_meta(), actor("olive", Some(Role::Owner))).is_err());
}

#[test]
fn a_document_without_a_kind_is_not_described() {
    let mut doc = AutoCommit::new();
    doc.put(ROOT, "name", "what am I").expect("put");
    assert_eq!(
        describe(&doc, "x").map_err(|e| e.code()),
        Err("invalid_input")
    );
    assert!(doc.get(ROOT, "kind").expect("get").is_none());
}

fn board_meta() -> DocMeta {
    DocMeta {
        kind: DocKind::Board,
        team_id: "t".into(),
        subject: None,
    }
}

#[test]
fn a_time_entry_changes_only_by_its_person() {
    use crate::board::{self, time, NewTask};
    let mut doc = AutoCommit::new();
    board::init(&mut doc, "t", "Board", 1).expect("init");
    let task = board::create_task(&mut doc, NewTask::titled("Work", "todo", "mia"), 1)
        .expect("task")
        .id;
    let entry = time::start_timer(&mut doc, &task, "mia", 10).expect("timer");
    doc.commit();
    let meta = board_meta();
    let max = actor("max", Some(Role::Member));
    let mia = actor("mia", Some(Role::Member));
    // Anyone edits the task itself, and starts their own timer on it.
    judge(&mut doc, &meta, max, |d| {
        let patch = board::TaskPatch {
            title: Some("Work, renamed".into()),
            ..Default::default()
        };
        board::update_task(d, &task, patch, 20).expect("rename");
        time::start_timer(d, &task, "max", 20).expect("max's timer");
    })
    .expect("own entry and the task");
    // Mia stops her own.
    judge(&mut doc, &meta, mia, |d| {
        time::stop_timer(d, &task, "mia", 40).expect("stop");
    })
    .expect("her own entry");
    // Max may not rewrite or remove Mia's entry, nor add one in her name.
    let logs = |d: &AutoCommit| {
        let (_, tasks) = d.get(ROOT, "tasks").expect("get").expect("tasks");
        let (_, t) = d.get(&tasks, task.as_str()).expect("get").expect("task");
        let (_, logs) = d.get(&t, "time_logs").expect("get").expect("logs");
        logs
    };
    let forged_edit = judge(&mut doc, &meta, max, |d| {
        let logs = logs(d);
        let (_, first) = d.get(&logs, 0).expect("get").expect("entry");
        d.put(&first, "ended_at", 9_000_i64).expect("put");
    });
    assert_eq!(forged_edit.map_err(|e| e.code()), Err("forbidden"));
    let forged_delete = judge(&mut doc, &meta, max, |d| {
        let logs = logs(d);
        d.delete(&logs, 0).expect("delete");
    });
    assert_eq!(forged_delete.map_err(|e| e.code()), Err("forbidden"));
    let forged_add = judge(&mut doc, &meta, max, |d| {
        let entry = time::Entry {
            started_at: 100,
            ended_at: 200,
            note: None,
        };
        time::add_entry(d, &task, "mia", entry).expect("entry in mia's name");
    });
    assert_eq!(forged_add.map_err(|e| e.code()), Err("forbidden"));
    assert_eq!(entry.user_id, "mia");
}
