use automerge::transaction::Transactable;
use automerge::{AutoCommit, ReadDoc, ROOT};

use super::*;
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
    check_write(doc, meta, who, &before, &after)
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

#[test]
fn a_message_changes_only_by_its_author() {
    let mut doc = AutoCommit::new();
    channel::init(&mut doc, "t", "general", "2026-11").expect("init");
    let message = channel::post(&mut doc, "mia", "Hello", 1).expect("post");
    doc.commit();
    let meta = DocMeta {
        kind: DocKind::Channel,
        team_id: "t".into(),
        subject: None,
    };
    let max = actor("max", Some(Role::Member));
    judge(&mut doc, &meta, max, |d| {
        channel::post(d, "max", "Hi", 2).expect("post");
    })
    .expect("own message");
    let forged = judge(&mut doc, &meta, max, |d| {
        channel::post(d, "mia", "I quit", 3).expect("post");
    });
    assert_eq!(forged.map_err(|e| e.code()), Err("forbidden"));
    let edit = judge(&mut doc, &meta, max, |d| {
        channel::edit(d, "mia", &message.id, "Bye", 4).expect("edit");
    });
    assert_eq!(edit.map_err(|e| e.code()), Err("forbidden"));
}

#[test]
fn a_response_is_its_assignees_until_submitted() {
    let mut doc = AutoCommit::new();
    response::init(&mut doc, "assessment", "mia").expect("init");
    doc.commit();
    let meta = describe(&doc, "r").expect("describe");
    assert_eq!(meta.subject.as_deref(), Some("mia"));
    let max = actor("max", Some(Role::Manager));
    assert_eq!(access(&meta, max), Access::Read);
    let mia = actor("mia", Some(Role::Member));
    judge(&mut doc, &meta, mia, |d| {
        response::submit(d, "mia", 5).expect("submit");
    })
    .expect("submit");
    let after = judge(&mut doc, &meta, mia, |d| {
        d.put(ROOT, "status", "draft").expect("put");
    });
    assert_eq!(after.map_err(|e| e.code()), Err("forbidden"));
    let stranger = actor("eve", Some(Role::Member));
    assert_eq!(access(&meta, stranger), Access::None);
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
