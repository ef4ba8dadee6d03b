//! Delegated assessments between desktops through a relay in this process: a
//! manager delegates, a member answers offline and submits on reconnect, rounds of
//! review, what the relay refuses, and reminders under a controllable clock.

mod support;

use automerge::transaction::Transactable;
use automerge::ROOT;
use chrono::NaiveDateTime;
use support::{start_relay, Person, RawPeer};
use teamstead_client::{
    AssessmentDetail, AssignmentView, ExportFormat, NewAssessmentInput, ReminderKind, ReviewInput,
    Role,
};
use teamstead_model::assessment::{review, Assignees, Decision, Progress};
use teamstead_model::response::{self, Answer};
use teamstead_protocol::{DocumentId, Message};

const TEMPLATE: &str = "builtin:quarterly-check-in";

/// Alice's team with Bob and Eve as members.
async fn team(relay: &teamstead_relay::RunningRelay) -> (Person, Person, Person, String) {
    let alice = Person::sign_up(relay, "Alice").await;
    let team = alice.publish_new_team("Northwind").await;
    let bob = alice.invite(&team, Role::Member, "Bob").await;
    let eve = alice.invite(&team, Role::Member, "Eve").await;
    alice.sync().await;
    (alice, bob, eve, team)
}

/// Alice creates the quarterly check-in and delegates it to `people`.
async fn delegated(alice: &Person, team: &str, people: &[&Person], due: &str) -> String {
    let created = alice
        .client
        .create_assessment(
            team,
            NewAssessmentInput {
                title: "Q3 check-in".into(),
                description: String::new(),
                template_id: Some(TEMPLATE.into()),
                sections: None,
            },
        )
        .expect("create from template");
    let ids = people.iter().map(|p| p.user_id.clone()).collect();
    alice
        .client
        .assign_assessment(&created.id, Assignees::People(ids), Some(due))
        .expect("assign");
    alice.sync().await;
    created.id
}

/// Answers every required question of the quarterly check-in.
fn answer_all(person: &Person, assessment: &str, likert: f64) -> AssessmentDetail {
    let answers = [
        ("goals-clear", Answer::Number(likert)),
        ("goals-met", Answer::Choice("Most".into())),
        ("overloaded", Answer::Number(2.0)),
        ("focus", Answer::Number(20.0)),
        ("support", Answer::Number(likert)),
    ];
    let mut detail = None;
    for (question, answer) in answers {
        detail = Some(
            person
                .client
                .answer(assessment, question, Some(answer))
                .expect("answer"),
        );
    }
    detail.expect("answered")
}

fn row<'a>(detail: &'a AssessmentDetail, user: &str) -> &'a AssignmentView {
    detail
        .assignments
        .iter()
        .find(|a| a.user_id == user)
        .expect("assignment")
}

fn progress_of(detail: &AssessmentDetail, user: &str) -> Progress {
    row(detail, user).progress
}

/// A review with no override: approval, or a request for changes saying why.
fn decision(decision: Decision, feedback: &str) -> ReviewInput {
    ReviewInput {
        decision,
        score_override: None,
        override_reason: String::new(),
        feedback: feedback.into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_answers_offline_and_the_manager_reviews_in_rounds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, eve, team) = team(&relay).await;
    let id = delegated(&alice, &team, &[&bob, &eve], "2030-01-31").await;

    bob.sync().await;
    let inbox = bob.client.inbox().expect("inbox");
    assert_eq!(inbox.len(), 1, "the assessment reaches Bob's inbox");
    assert_eq!(
        (inbox[0].progress, inbox[0].due.as_deref()),
        (Progress::NotStarted, Some("2030-01-31"))
    );

    // Offline: drafts are saved locally, then submitted, all without the relay.
    let draft = bob
        .client
        .answer(&id, "goals-clear", Some(Answer::Number(4.0)))
        .expect("draft");
    assert!(draft.my_response.as_ref().is_some_and(|r| r.editable));
    assert_eq!(
        bob.client
            .submit_response(&id)
            .map_err(|e| e.code().to_string())
            .map(|_| ()),
        Err("unanswered".to_string()),
        "every required question first"
    );
    answer_all(&bob, &id, 4.0);
    let submitted = bob.client.submit_response(&id).expect("submit offline");
    assert_eq!(progress_of(&submitted, &bob.user_id), Progress::Submitted);
    assert!(!submitted.my_response.as_ref().is_some_and(|r| r.editable));

    // Reconnect: the submission reaches the manager, scored by the rules.
    bob.sync().await;
    alice.sync().await;
    let seen = alice.client.assessment(&id).expect("detail");
    let at_alice = row(&seen, &bob.user_id);
    assert_eq!(at_alice.progress, Progress::Submitted);
    let first_score = at_alice.auto_score.expect("scored");
    assert!(first_score > 0.0 && first_score < 100.0, "{first_score}");
    assert_eq!(progress_of(&seen, &eve.user_id), Progress::NotStarted);

    alice
        .client
        .review(
            &id,
            &bob.user_id,
            decision(Decision::ChangesRequested, "Say more about support"),
        )
        .expect("request changes");
    alice.sync().await;
    bob.sync().await;
    let reopened = bob.client.assessment(&id).expect("detail");
    let mine = reopened.my_response.as_ref().expect("mine");
    assert!(mine.editable, "the response reopens for its assignee");
    assert_eq!(mine.feedback.as_deref(), Some("Say more about support"));
    assert_eq!(
        bob.client.inbox().expect("inbox")[0].progress,
        Progress::ChangesRequested
    );

    bob.client
        .answer(&id, "support", Some(Answer::Number(5.0)))
        .expect("change an answer");
    bob.client.submit_response(&id).expect("resubmit");
    bob.sync().await;
    alice.sync().await;
    let resubmitted = alice.client.assessment(&id).expect("detail");
    let bob_row = row(&resubmitted, &bob.user_id);
    assert_eq!((bob_row.progress, bob_row.round), (Progress::Submitted, 2));
    let second_score = bob_row.auto_score.expect("scored");
    assert!(second_score > first_score, "{second_score} > {first_score}");

    alice
        .client
        .review(
            &id,
            &bob.user_id,
            ReviewInput {
                decision: Decision::Approved,
                score_override: Some(90.0),
                override_reason: "Strong quarter beyond the questions".into(),
                feedback: "Thanks".into(),
            },
        )
        .expect("approve with a new score");
    alice.sync().await;
    bob.sync().await;
    let done = bob.client.assessment(&id).expect("detail");
    assert_eq!(progress_of(&done, &bob.user_id), Progress::Approved);
    let reviews = &row(&done, &bob.user_id).reviews;
    assert_eq!(reviews.len(), 2, "both reviews are kept");
    assert_eq!(
        reviews[1].override_reason.as_deref(),
        Some("Strong quarter beyond the questions")
    );
    assert_eq!(
        bob.client
            .answer(&id, "support", Some(Answer::Number(1.0)))
            .map_err(|e| e.code().to_string())
            .map(|_| ()),
        Err("forbidden".to_string()),
        "an approved response stays as it is"
    );

    let results = alice.client.assessment_results(&id).expect("results");
    assert_eq!(
        (results.assigned, results.submitted, results.approved),
        (2, 1, 1)
    );
    assert_eq!(results.average_score, Some(90.0));
    let csv = alice
        .client
        .export_results(&id, ExportFormat::Csv)
        .expect("csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "a header and a row per assignee: {csv}");
    assert!(lines[0].starts_with("member,department,status,due,score"));
    assert!(csv.contains("Bob,,approved,2030-01-31,90,"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(
        &alice
            .client
            .export_results(&id, ExportFormat::Json)
            .expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(json["approved"], 1);
}

/// Bob's raw protocol peer: what no honest client would send.
async fn raw(relay: &teamstead_relay::RunningRelay, person: &Person) -> RawPeer {
    RawPeer::joined(relay, &person.token()).await
}

fn refused(answer: Option<Message>) -> bool {
    matches!(answer, Some(Message::Error { .. }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relay_refuses_what_is_not_yours_to_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, eve, team) = team(&relay).await;
    let vic = alice.invite(&team, Role::Viewer, "Vic").await;
    let id = delegated(&alice, &team, &[&bob, &eve], "2030-01-31").await;
    let assessment: DocumentId = id.parse().expect("id");
    bob.sync().await;
    eve.sync().await;

    // A member cannot edit the assessment.
    let mut peer = raw(&relay, &bob).await;
    let (mut doc, mut state) = peer.fetch(assessment).await;
    doc.put(ROOT, "title", "Mine now").expect("edit");
    doc.commit();
    assert!(refused(peer.push(assessment, &mut doc, &mut state).await));
    alice.sync().await;
    assert_eq!(
        alice.client.assessment(&id).expect("detail").title,
        "Q3 check-in"
    );

    // Bob submits; then neither he nor anyone else changes it.
    answer_all(&bob, &id, 3.0);
    bob.client.submit_response(&id).expect("submit");
    bob.sync().await;
    let bobs = response::doc_id(&id, &bob.user_id);
    let mut peer = raw(&relay, &bob).await;
    let (mut doc, mut state) = peer.fetch(bobs).await;
    let answers = match automerge::ReadDoc::get(&doc, ROOT, "answers").expect("get") {
        Some((_, obj)) => obj,
        None => panic!("answers"),
    };
    doc.put_object(&answers, "support", automerge::ObjType::Map)
        .expect("edit");
    doc.commit();
    assert!(
        refused(peer.push(bobs, &mut doc, &mut state).await),
        "a submitted response is read-only"
    );

    // Alice reviews; Bob's review document, with his score and her feedback, is his
    // and the managers' alone.
    alice.sync().await;
    alice
        .client
        .review(
            &id,
            &bob.user_id,
            decision(Decision::ChangesRequested, "Private feedback"),
        )
        .expect("review");
    alice.sync().await;
    let bobs_review = review::doc_id(&id, &bob.user_id);
    let mut bob_reads = raw(&relay, &bob).await;
    let (doc, _) = bob_reads.fetch(bobs_review).await;
    assert_eq!(
        review::read(&doc).expect("review").open_feedback(),
        Some("Private feedback")
    );

    // Eve sees neither Bob's response nor his review, nor can she write one in his name.
    let mut eves = raw(&relay, &eve).await;
    assert!(matches!(
        eves.request(bobs).await,
        Some(Message::DocUnavailable { .. })
    ));
    assert!(matches!(
        eves.request(bobs_review).await,
        Some(Message::DocUnavailable { .. })
    ));
    let mut forged = response::genesis(&id, &bob.user_id).expect("genesis");
    forged.put(ROOT, "status", "submitted").expect("edit");
    forged.commit();
    let mut fresh = automerge::sync::State::new();
    let other = response::doc_id(&id, &bob.user_id);
    assert!(refused(eves.push(other, &mut forged, &mut fresh).await));

    // A viewer cannot answer, even by writing a response document directly.
    let mut vics = raw(&relay, &vic).await;
    let vic_id = response::doc_id(&id, &vic.user_id);
    let mut own = response::genesis(&id, &vic.user_id).expect("genesis");
    own.put(ROOT, "status", "submitted").expect("edit");
    own.commit();
    let mut fresh = automerge::sync::State::new();
    assert!(refused(vics.push(vic_id, &mut own, &mut fresh).await));
    // Nor can a member not assigned to it.
    alice.sync().await;
    let carl = alice.invite(&team, Role::Member, "Carl").await;
    let mut carls = raw(&relay, &carl).await;
    let carl_id = response::doc_id(&id, &carl.user_id);
    let mut unassigned = response::genesis(&id, &carl.user_id).expect("genesis");
    unassigned.put(ROOT, "status", "submitted").expect("edit");
    unassigned.commit();
    let mut fresh = automerge::sync::State::new();
    assert!(refused(
        carls.push(carl_id, &mut unassigned, &mut fresh).await
    ));
    alice.sync().await;
    let results = alice.client.assessment_results(&id).expect("results");
    assert_eq!(results.submitted, 0, "Bob's submission went back to him");

    // A manager who does not own the assessment cannot review for its owner.
    let mona = alice.invite(&team, Role::Manager, "Mona").await;
    let mut monas = raw(&relay, &mona).await;
    let (mut doc, mut state) = monas.fetch(bobs_review).await;
    doc.put(ROOT, "status", "approved").expect("edit");
    doc.commit();
    assert!(refused(monas.push(bobs_review, &mut doc, &mut state).await));
}

fn local(at: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(at, "%Y-%m-%d %H:%M").expect("time")
}

fn kinds(person: &Person, at: &str) -> Vec<ReminderKind> {
    person
        .client
        .take_reminders(local(at))
        .expect("reminders")
        .into_iter()
        .map(|r| r.kind)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_fire_at_the_right_moments_under_a_controllable_clock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, bob, eve, team) = team(&relay).await;
    let id = delegated(&alice, &team, &[&bob, &eve], "2030-03-10").await;
    bob.sync().await;
    eve.sync().await;

    // Eve finishes early: she hears nothing.
    answer_all(&eve, &id, 4.0);
    eve.client.submit_response(&id).expect("submit");
    eve.sync().await;

    assert!(
        kinds(&bob, "2030-03-08 12:00").is_empty(),
        "two days before"
    );
    assert!(
        kinds(&bob, "2030-03-09 08:59").is_empty(),
        "before the working day"
    );
    assert_eq!(kinds(&bob, "2030-03-09 09:00"), [ReminderKind::DueTomorrow]);
    assert!(kinds(&bob, "2030-03-09 17:00").is_empty(), "once");
    assert_eq!(kinds(&bob, "2030-03-10 09:30"), [ReminderKind::DueToday]);
    assert!(kinds(&bob, "2030-03-10 18:00").is_empty(), "once");
    assert_eq!(kinds(&bob, "2030-03-11 00:01"), [ReminderKind::Overdue]);
    assert!(kinds(&bob, "2030-03-12 09:00").is_empty(), "once");
    assert!(kinds(&eve, "2030-03-11 00:01").is_empty(), "Eve submitted");

    // The manager hears who is late, once; then nudges Bob.
    alice.sync().await;
    let late: Vec<_> = alice
        .client
        .take_reminders(local("2030-03-11 09:00"))
        .expect("reminders");
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(
        (late[0].kind, late[0].user_id.as_str()),
        (ReminderKind::Late, bob.user_id.as_str())
    );
    assert!(kinds(&alice, "2030-03-11 10:00").is_empty(), "once");
    let listed = alice.client.list_assessments(&team).expect("list");
    assert_eq!((listed[0].assigned, listed[0].submitted), (2, 1));
    let workload = alice.client.workload(&team).expect("workload");
    let of = |user: &str| workload.iter().find(|w| w.user_id == user).expect("member");
    assert_eq!(of(&bob.user_id).open_assessments, 1, "Bob still owes his");
    assert_eq!(of(&eve.user_id).open_assessments, 0, "Eve submitted");

    // The next run of the series, for the same people: a trend of two runs.
    let again = alice
        .client
        .run_assessment_again(&id, Some("2030-06-10"))
        .expect("run again");
    assert_eq!((again.run, again.assignments.len()), (2, 2));
    let trend = alice.client.assessment_trend(&again.id).expect("trend");
    assert_eq!(trend.iter().map(|p| p.run).collect::<Vec<_>>(), [1, 2]);
    assert!(trend[0].average_score.is_some() && trend[1].average_score.is_none());

    alice.client.nudge(&id, &bob.user_id).expect("nudge");
    alice.sync().await;
    bob.sync().await;
    assert_eq!(kinds(&bob, "2030-03-11 11:00"), [ReminderKind::Nudge]);
    assert!(kinds(&bob, "2030-03-11 11:01").is_empty(), "once");

    // A device that was off the whole time shows only where things stand now.
    let bob_laptop = bob.new_device("Bob").await;
    bob_laptop.sync().await;
    let fresh = kinds(&bob_laptop, "2030-03-11 12:00");
    assert!(fresh.contains(&ReminderKind::Overdue), "{fresh:?}");
    assert!(!fresh.contains(&ReminderKind::DueTomorrow), "{fresh:?}");
}
