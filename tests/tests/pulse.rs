//! Pulse surveys through a relay in this process: answers stay with the relay,
//! managers see aggregates only and only once enough people answered, and no
//! department cut (or what it leaves over) covers fewer than the threshold.

mod support;

use std::collections::HashMap;

use support::{start_relay, Person, RawPeer};
use teamstead_client::{Cadence, PulseInput, Role};
use teamstead_model::pulse;
use teamstead_protocol::Message;

/// A new survey starting today.
fn survey(title: &str, questions: &[&str], cadence: Cadence, allow_comment: bool) -> PulseInput {
    PulseInput {
        id: String::new(),
        title: title.into(),
        questions: questions.iter().map(|q| q.to_string()).collect(),
        allow_comment,
        cadence,
        starts: None,
        active: true,
    }
}

/// An answer document written by hand, every question answered `value`, as no
/// honest client would send it.
fn forged_answer(
    key: pulse::AnswerKey<'_>,
    questions: &[pulse::PulseQuestion],
    value: i64,
) -> automerge::AutoCommit {
    use automerge::transaction::Transactable;
    let mut doc = pulse::answer_genesis(key).expect("genesis");
    doc.set_actor(automerge::ActorId::random());
    let answers = automerge::ReadDoc::get(&doc, automerge::ROOT, "answers")
        .expect("get")
        .expect("answers")
        .1;
    for q in questions {
        doc.put(&answers, q.id.as_str(), value).expect("put");
    }
    doc.put(automerge::ROOT, "submitted_at", 5_i64)
        .expect("put");
    doc.commit();
    doc
}

fn answers(view: &teamstead_client::PulseView, value: i64) -> HashMap<String, i64> {
    view.pulse
        .questions
        .iter()
        .map(|q| (q.id.clone(), value))
        .collect()
}

/// Alice's published team with `names` as members, everyone synced.
async fn team_of(
    relay: &teamstead_relay::RunningRelay,
    names: &[&str],
) -> (Person, String, Vec<Person>) {
    let alice = Person::sign_up(relay, "Alice").await;
    let team = alice.publish_new_team("Northwind").await;
    let mut people = Vec::new();
    for name in names {
        people.push(alice.invite(&team, Role::Member, name).await);
    }
    alice.sync().await;
    (alice, team, people)
}

/// `person` syncs, answers every question `value`, and sends it to the relay.
async fn answer_through_relay(
    person: &Person,
    team: &str,
    pulse_id: &str,
    value: i64,
    comment: Option<&str>,
) {
    person.sync().await;
    let view = person
        .client
        .pulses(team)
        .expect("pulses")
        .into_iter()
        .find(|p| p.pulse.id == pulse_id)
        .expect("the survey reached them");
    assert!(!view.answered);
    let done = person
        .client
        .answer_pulse(team, pulse_id, answers(&view, value), comment)
        .expect("answer");
    assert!(done.answered);
    person.sync().await;
}

/// What the relay has published for a survey, as the manager syncs it now.
async fn results_at(
    manager: &Person,
    team: &str,
    pulse_id: &str,
) -> teamstead_client::PulseResultsView {
    manager.sync().await;
    manager
        .client
        .pulse_results(team, pulse_id)
        .expect("results")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn managers_see_only_aggregates_of_enough_answers_and_never_an_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, team, people) =
        team_of(&relay, &["Bob", "Carol", "Dan", "Erin", "Finn", "Gus"]).await;
    assert_eq!(
        alice
            .client
            .set_pulse_threshold(&team, 2)
            .map_err(|e| e.code().to_string()),
        Err("invalid_input".to_string()),
        "3 to 10"
    );
    let survey = alice
        .client
        .save_pulse(
            &team,
            survey(
                "Weekly pulse",
                &["I can do my best work here.", "My workload is sustainable."],
                Cadence::Weekly,
                true,
            ),
        )
        .expect("survey");
    let pulse_id = survey.pulse.id.clone();
    alice.sync().await;

    for (i, person) in people.iter().take(4).enumerate() {
        answer_through_relay(person, &team, &pulse_id, 1 + i as i64, None).await;
    }
    let results = results_at(&alice, &team, &pulse_id).await;
    assert_eq!(results.threshold, 5);
    let period = &results.periods[0].results;
    assert_eq!((period.received, period.published), (4, 0));
    assert!(period.questions.is_empty(), "nothing below the threshold");

    let comment = Some("More focus time, please");
    answer_through_relay(&people[4], &team, &pulse_id, 5, comment).await;
    let results = results_at(&alice, &team, &pulse_id).await;
    let period = &results.periods[0].results;
    assert_eq!((period.received, period.published), (5, 5));
    let first = &survey.pulse.questions[0].id;
    assert_eq!(period.questions[first].mean, 3.0, "answers 1..5");
    assert_eq!(period.questions[first].distribution, vec![1, 1, 1, 1, 1]);
    assert_eq!(period.comments, vec!["More focus time, please".to_string()]);
    let published = serde_json::to_string(&results).expect("json");
    for person in &people {
        assert!(
            !published.contains(&person.user_id),
            "aggregates name nobody"
        );
    }

    // A sixth answer alone would show in the difference: nothing moves.
    let comment = Some("Too many meetings");
    answer_through_relay(&people[5], &team, &pulse_id, 1, comment).await;
    let after = results_at(&alice, &team, &pulse_id).await;
    let period6 = &after.periods[0].results;
    assert_eq!((period6.received, period6.published), (6, 5));
    assert_eq!(period6.questions, period.questions);
    assert_eq!(period6.comments, period.comments);

    // Every way to an individual answer is closed: the manager's raw request for
    // each answer document, a colleague's, and answering twice.
    let current = survey.current_period.clone().expect("started today");
    let answer_of = |person: &Person| {
        pulse::answer_doc_id(pulse::AnswerKey {
            team_id: &team,
            pulse_id: &pulse_id,
            period: &current,
            user_id: &person.user_id,
        })
    };
    let mut manager = RawPeer::joined(&relay, &alice.token()).await;
    for person in &people {
        assert!(
            matches!(
                manager.request(answer_of(person)).await,
                Some(Message::DocUnavailable { .. })
            ),
            "the manager cannot read {}'s answer",
            person.user_id
        );
    }
    let mut colleague = RawPeer::joined(&relay, &people[0].token()).await;
    assert!(matches!(
        colleague.request(answer_of(&people[1])).await,
        Some(Message::DocUnavailable { .. })
    ));
    assert!(
        matches!(
            colleague
                .request(pulse::results_doc_id(&team, &pulse_id))
                .await,
            Some(Message::DocUnavailable { .. })
        ),
        "members do not read the results either"
    );
    let view = people[0].client.pulses(&team).expect("pulses").remove(0);
    assert_eq!(
        people[0]
            .client
            .answer_pulse(&team, &pulse_id, answers(&view, 5), None)
            .map_err(|e| e.code().to_string())
            .map(|_| ()),
        Err("already_answered".to_string()),
        "one answer per period"
    );

    // An answer out of range, written straight to the relay, is refused and
    // changes nothing.
    let hal = alice.invite(&team, Role::Member, "Hal").await;
    let key = pulse::AnswerKey {
        team_id: &team,
        pulse_id: &pulse_id,
        period: &current,
        user_id: &hal.user_id,
    };
    let mut forged = forged_answer(key, &survey.pulse.questions, 9);
    let mut raw = RawPeer::joined(&relay, &hal.token()).await;
    let mut state = automerge::sync::State::new();
    let answer = raw
        .push(pulse::answer_doc_id(key), &mut forged, &mut state)
        .await;
    assert!(matches!(answer, Some(Message::Error { .. })), "{answer:?}");
    alice.sync().await;
    let unchanged = alice
        .client
        .pulse_results(&team, &pulse_id)
        .expect("results");
    assert_eq!(unchanged.periods[0].results.received, 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn departments_too_small_are_never_shown_and_figures_move_in_steps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let (alice, team, people) = team_of(&relay, &["Bob", "Carol", "Dan", "Erin", "Finn"]).await;
    alice
        .client
        .set_pulse_threshold(&team, 3)
        .expect("threshold");
    let eng = alice
        .client
        .save_department(&team, None, "Engineering", None)
        .expect("eng")
        .departments[0]
        .id
        .clone();
    let ops = alice
        .client
        .save_department(&team, None, "Operations", None)
        .expect("ops")
        .departments
        .iter()
        .find(|d| d.name == "Operations")
        .expect("ops")
        .id
        .clone();
    for (i, person) in people.iter().enumerate() {
        let dept = if i < 3 { &eng } else { &ops };
        alice
            .client
            .set_placement(&team, &person.user_id, Some(dept), None)
            .expect("place");
    }
    let survey = alice
        .client
        .save_pulse(
            &team,
            survey(
                "Pulse",
                &["I know what is expected of me."],
                Cadence::Monthly,
                false,
            ),
        )
        .expect("survey");
    alice.sync().await;
    // Erin (Operations) first, then Bob and Carol (Engineering): the first figures
    // come at 3 answers, when no department has 3.
    let order = [3, 0, 1, 2, 4];
    for person in order.iter().map(|i| &people[*i]) {
        answer_through_relay(person, &team, &survey.pulse.id, 4, None).await;
    }
    let results = results_at(&alice, &team, &survey.pulse.id).await;
    let period = &results.periods[0].results;
    assert_eq!(
        (period.received, period.published),
        (5, 3),
        "published at 3; the next figures wait for 3 more"
    );
    assert_eq!(period.questions[&survey.pulse.questions[0].id].count, 3);
    assert!(
        period.departments.is_empty(),
        "neither department had 3 answers among those published: {:?}",
        period.departments
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_period_of_a_survey_reminds_once_until_answered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let relay = start_relay(dir.path()).await;
    let alice = Person::sign_up(&relay, "Alice").await;
    let team = alice.publish_new_team("Northwind").await;
    let bob = alice.invite(&team, Role::Member, "Bob").await;
    alice.sync().await;
    let survey = alice
        .client
        .save_pulse(
            &team,
            survey(
                "Weekly pulse",
                &["I can do my best work here."],
                Cadence::Weekly,
                false,
            ),
        )
        .expect("survey");
    alice.sync().await;
    bob.sync().await;
    let today = chrono::Local::now().date_naive();
    let at = |time: &str| {
        let t = chrono::NaiveTime::parse_from_str(time, "%H:%M").expect("time");
        bob.client
            .take_reminders(today.and_time(t))
            .expect("reminders")
            .into_iter()
            .filter(|r| r.kind == teamstead_client::ReminderKind::Pulse)
            .count()
    };
    assert_eq!(at("08:00"), 0, "before the working day");
    assert_eq!(at("09:30"), 1);
    assert_eq!(at("10:00"), 0, "once a period");
    let view = bob.client.pulses(&team).expect("pulses").remove(0);
    assert_eq!(view.pulse.id, survey.pulse.id);
    bob.client
        .answer_pulse(&team, &view.pulse.id, answers(&view, 4), None)
        .expect("answer");
    // A second device that never showed it: answered, so nothing to remind.
    bob.sync().await;
    let laptop = bob.new_device("Bob").await;
    laptop.sync().await;
    let t = chrono::NaiveTime::parse_from_str("11:00", "%H:%M").expect("time");
    let on_laptop = laptop
        .client
        .take_reminders(today.and_time(t))
        .expect("reminders");
    assert!(
        on_laptop
            .iter()
            .all(|r| r.kind != teamstead_client::ReminderKind::Pulse),
        "{on_laptop:?}"
    );
}
