use super::review::{self, ReviewKey};
use super::*;
use crate::response::{self, Answer, Answering};
use crate::team::{self, Department, Member, Role};

pub(crate) const MANAGER: &str = "manager";

fn question(id: &str, kind: QuestionKind, weight: f64, scoring: Scoring) -> Question {
    Question {
        id: id.into(),
        prompt: format!("Question {id}"),
        kind,
        weight,
        required: true,
        scoring,
    }
}

fn sections() -> Vec<Section> {
    vec![Section {
        id: "s1".into(),
        title: "Goals".into(),
        questions: vec![
            question(
                "q1",
                QuestionKind::Likert,
                1.0,
                Scoring::Linear { reverse: false },
            ),
            question(
                "q2",
                QuestionKind::YesNo,
                1.0,
                Scoring::Expect { yes: true },
            ),
        ],
    }]
}

pub(crate) fn team() -> Team {
    let mut doc = AutoCommit::new();
    let owner = Member::new(MANAGER.into(), "Manager", Role::Owner, 1).expect("member");
    let mut t = team::init(&mut doc, "Acme", owner, 1).expect("team");
    for (id, role, dept) in [
        ("bob", Role::Member, Some("eng")),
        ("eve", Role::Member, Some("eng")),
        ("vic", Role::Viewer, Some("eng")),
        ("sam", Role::Member, None),
        ("mia", Role::Member, None),
    ] {
        let mut m = Member::new(id.into(), id, role, 1).expect("member");
        m.department = dept.map(Into::into);
        t.members.insert(id.into(), m);
    }
    t.departments.insert(
        "eng".into(),
        Department {
            id: "eng".into(),
            name: "Engineering".into(),
            lead: None,
        },
    );
    t
}

fn new_assessment(doc: &mut AutoCommit) -> Assessment {
    init(
        doc,
        NewAssessment {
            team_id: "team",
            owner: MANAGER,
            title: "Quarterly check-in",
            description: "",
            sections: sections(),
            template_id: None,
            series: None,
        },
        1,
    )
    .expect("init")
}

/// An assessment assigned to `users`, and its document.
pub(crate) fn assigned(users: &[&str]) -> (AutoCommit, Assessment) {
    let mut doc = AutoCommit::new();
    new_assessment(&mut doc);
    let people = Assignees::People(users.iter().map(|u| u.to_string()).collect());
    let a = assign(&mut doc, MANAGER, &team(), &people, Some("2030-01-31"), 2).expect("assign");
    (doc, a)
}

/// Bob's review document, as the manager starts it.
fn review_doc(user: &str) -> AutoCommit {
    review::genesis(ReviewKey {
        team_id: "team",
        assessment_id: "assessment",
        assignee: user,
        owner: MANAGER,
    })
    .expect("genesis")
}

fn on<'a>(a: &'a Assessment, r: Option<&'a ReviewDoc>) -> Answering<'a> {
    Answering {
        assessment: a,
        review: r,
    }
}

fn verdict(decision: Decision, feedback: &str) -> Verdict<'_> {
    Verdict {
        decision,
        score_override: None,
        feedback,
    }
}

#[test]
fn a_response_goes_round_until_approved() {
    let (_, a) = assigned(&["bob"]);
    let mut rd = review_doc("bob");
    let mut r = response::genesis("assessment", "bob").expect("genesis");
    response::answer(&mut r, "bob", on(&a, None), "q1", Some(Answer::Number(5.0))).expect("q1");
    response::answer(
        &mut r,
        "bob",
        on(&a, None),
        "q2",
        Some(Answer::YesNo(false)),
    )
    .expect("q2");
    let draft = response::read(&r).expect("read");
    let early = review::decide(
        &mut rd,
        MANAGER,
        &a,
        &draft,
        verdict(Decision::Approved, ""),
        3,
    );
    assert_eq!(
        early.map_err(|e| e.code()),
        Err("invalid_input"),
        "not submitted yet"
    );
    let submitted = response::submit(&mut r, "bob", on(&a, None), 4).expect("submit");
    assert_eq!(
        questions::score(&a.sections, &submitted.answers),
        Some(50.0)
    );
    assert_eq!(
        review::decide(
            &mut rd,
            MANAGER,
            &a,
            &submitted,
            verdict(Decision::ChangesRequested, " "),
            5
        )
        .map_err(|e| e.code()),
        Err("empty"),
        "changes need feedback"
    );
    assert_eq!(
        review::decide(
            &mut rd,
            "bob",
            &a,
            &submitted,
            verdict(Decision::Approved, ""),
            5
        )
        .map(|_| ()),
        Err(ModelError::Forbidden("review an assessment you do not own"))
    );
    let state = review::decide(
        &mut rd,
        MANAGER,
        &a,
        &submitted,
        verdict(Decision::ChangesRequested, "Check q2"),
        5,
    )
    .expect("request changes");
    assert_eq!(state.round, 2);
    assert_eq!(
        Progress::of(Some(&state), Some(&submitted)),
        Progress::ChangesRequested
    );
    assert_eq!(state.open_feedback(), Some("Check q2"));
    // The reopened round is a draft again for bob.
    let draft = response::answer(
        &mut r,
        "bob",
        on(&a, Some(&state)),
        "q2",
        Some(Answer::YesNo(true)),
    )
    .expect("fix");
    assert_eq!(
        (draft.round, draft.status),
        (2, response::ResponseStatus::Draft)
    );
    let resubmitted = response::submit(&mut r, "bob", on(&a, Some(&state)), 6).expect("resubmit");
    assert_eq!(
        Progress::of(Some(&state), Some(&resubmitted)),
        Progress::Submitted
    );
    let state = review::decide(
        &mut rd,
        MANAGER,
        &a,
        &resubmitted,
        verdict(Decision::Approved, "Thanks"),
        7,
    )
    .expect("approve");
    assert_eq!(state.score(), Some(100.0));
    assert_eq!(
        response::answer(
            &mut r,
            "bob",
            on(&a, Some(&state)),
            "q1",
            Some(Answer::Number(1.0))
        )
        .map(|_| ()),
        Err(ModelError::Forbidden("change a submitted response"))
    );
    let rescore = Verdict {
        decision: Decision::Rescored,
        score_override: Some((80.0, "q2 was only partly done")),
        feedback: "",
    };
    let state = review::decide(&mut rd, MANAGER, &a, &resubmitted, rescore, 8).expect("rescore");
    assert_eq!(state.score(), Some(80.0));
    let kept = review::read(&AutoCommit::load(&rd.save()).expect("load")).expect("read");
    assert_eq!(kept.reviews.len(), 3, "every review is kept");
    assert_eq!(
        kept.reviews[2].override_reason.as_deref(),
        Some("q2 was only partly done")
    );
    assert_eq!(kept.reviews[2].auto_score, Some(100.0));
}

#[test]
fn only_the_owner_changes_it_and_questions_freeze_once_assigned() {
    let (mut doc, _) = assigned(&["bob"]);
    let team = team();
    let people = Assignees::People(vec!["eve".into()]);
    assert_eq!(
        assign(&mut doc, "bob", &team, &people, None, 3).map(|_| ()),
        Err(ModelError::Forbidden("assign an assessment you do not own"))
    );
    assert_eq!(
        edit(&mut doc, MANAGER, "New title", "", Some(vec![])).map_err(|e| e.code()),
        Err("questions_fixed")
    );
    assert_eq!(
        edit(&mut doc, MANAGER, "New title", "", None)
            .expect("edit")
            .title,
        "New title"
    );
    let mut rd = review_doc("bob");
    assert_eq!(
        review::nudge(&mut rd, "eve", 3).map(|_| ()),
        Err(ModelError::Forbidden("review an assessment you do not own"))
    );
    assert_eq!(
        review::nudge(&mut rd, MANAGER, 3).expect("nudge").nudges,
        vec![3]
    );
}

#[test]
fn a_department_means_its_members_who_write_and_viewers_never_answer() {
    let mut doc = AutoCommit::new();
    new_assessment(&mut doc);
    let team = team();
    let viewer = Assignees::People(vec!["vic".into()]);
    assert_eq!(
        assign(&mut doc, MANAGER, &team, &viewer, None, 2).map_err(|e| e.code()),
        Err("invalid_input")
    );
    let dept = Assignees::Department("eng".into());
    let a = assign(&mut doc, MANAGER, &team, &dept, Some("2030-02-01"), 2).expect("assign");
    let mut who: Vec<&str> = a.assignments.keys().map(String::as_str).collect();
    who.sort_unstable();
    assert_eq!(who, ["bob", "eve"]);
    assert_eq!(a.assignments["bob"].department.as_deref(), Some("eng"));
    let unknown = Assignees::Department("ops".into());
    assert_eq!(
        assign(&mut doc, MANAGER, &team, &unknown, None, 2).map_err(|e| e.code()),
        Err("not_found")
    );
}

#[test]
fn scoring_rules_weigh_each_kind_of_answer() {
    let choice = question(
        "c",
        QuestionKind::SingleChoice {
            options: vec!["a".into(), "b".into(), "c".into()],
        },
        2.0,
        Scoring::Points {
            points: vec![0.0, 1.0, 4.0],
        },
    );
    assert_eq!(
        questions::answer_fraction(&choice, Some(&Answer::Choice("b".into()))),
        Some(0.25)
    );
    let multi = question(
        "m",
        QuestionKind::MultipleChoice {
            options: vec!["a".into(), "b".into(), "wrong".into()],
        },
        1.0,
        Scoring::Points {
            points: vec![1.0, 1.0, -1.0],
        },
    );
    let picked = Answer::Choices(vec!["a".into(), "wrong".into()]);
    assert_eq!(questions::answer_fraction(&multi, Some(&picked)), Some(0.0));
    let reversed = question(
        "r",
        QuestionKind::Likert,
        1.0,
        Scoring::Linear { reverse: true },
    );
    assert_eq!(
        questions::answer_fraction(&reversed, Some(&Answer::Number(2.0))),
        Some(0.75)
    );
    let scale = question(
        "s",
        QuestionKind::Scale { min: 0, max: 40 },
        1.0,
        Scoring::Linear { reverse: false },
    );
    assert_eq!(
        questions::answer_fraction(&scale, Some(&Answer::Number(10.0))),
        Some(0.25)
    );
    let free = question("f", QuestionKind::FreeText, 0.0, Scoring::None);
    assert_eq!(
        questions::answer_fraction(&free, Some(&Answer::Text("x".into()))),
        None
    );
    assert_eq!(
        questions::answer_fraction(&scale, None),
        Some(0.0),
        "blank earns nothing"
    );
    let mismatched = question(
        "x",
        QuestionKind::YesNo,
        1.0,
        Scoring::Linear { reverse: false },
    );
    let sections = vec![Section {
        id: "s".into(),
        title: "S".into(),
        questions: vec![mismatched],
    }];
    assert_eq!(
        questions::validate_sections(&sections).map_err(|e| e.code()),
        Err("invalid_input")
    );
}

#[test]
fn results_count_only_submitted_answers() {
    let (_, a) = assigned(&["bob", "eve", "sam"]);
    let mut responses = HashMap::new();
    for (user, likert, yes, submit) in [
        ("bob", 5.0, true, true),
        ("eve", 3.0, false, true),
        ("sam", 1.0, false, false),
    ] {
        let mut r = response::genesis("assessment", user).expect("genesis");
        response::answer(
            &mut r,
            user,
            on(&a, None),
            "q1",
            Some(Answer::Number(likert)),
        )
        .expect("q1");
        response::answer(&mut r, user, on(&a, None), "q2", Some(Answer::YesNo(yes))).expect("q2");
        if submit {
            response::submit(&mut r, user, on(&a, None), 5).expect("submit");
        }
        responses.insert(user.to_string(), response::read(&r).expect("read"));
    }
    let mut rd = review_doc("bob");
    let bob = review::decide(
        &mut rd,
        MANAGER,
        &a,
        &responses["bob"],
        verdict(Decision::Approved, ""),
        6,
    )
    .expect("approve");
    let reviews = HashMap::from([("bob".to_string(), bob)]);
    let results = results::compute(&a, &responses, &reviews, &team());
    assert_eq!(
        (results.assigned, results.submitted, results.approved),
        (3, 2, 1)
    );
    assert_eq!(results.average_score, Some(62.5), "bob 100, eve 25");
    let q1 = &results.questions[0];
    assert_eq!(q1.mean, Some(4.0));
    assert_eq!(q1.counts[4], ("5".to_string(), 1));
    assert_eq!(
        q1.counts[0],
        ("1".to_string(), 0),
        "sam's draft is not counted"
    );
    let eng = &results.departments[0];
    assert_eq!(
        (eng.assigned, eng.submitted, eng.average_score),
        (2, 2, Some(62.5))
    );
    let sam = results
        .members
        .iter()
        .find(|m| m.user_id == "sam")
        .expect("sam");
    assert_eq!((sam.progress, sam.score), (Progress::InProgress, None));
}
