use super::*;
use crate::response::{self, Answer};
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

fn verdict(decision: Decision, feedback: &str) -> Verdict<'_> {
    Verdict {
        decision,
        score_override: None,
        feedback,
    }
}

#[test]
fn a_response_goes_round_until_approved() {
    let (mut doc, a) = assigned(&["bob"]);
    let mut r = response::genesis("assessment", "bob").expect("genesis");
    response::answer(&mut r, "bob", &a, "q1", Some(Answer::Number(5.0))).expect("q1");
    response::answer(&mut r, "bob", &a, "q2", Some(Answer::YesNo(false))).expect("q2");
    let early = review(
        &mut doc,
        MANAGER,
        &response::read(&r).expect("read"),
        verdict(Decision::Approved, ""),
        3,
    );
    assert_eq!(
        early.map_err(|e| e.code()),
        Err("invalid_input"),
        "not submitted yet"
    );
    let submitted = response::submit(&mut r, "bob", &a, 4).expect("submit");
    assert_eq!(
        questions::score(&a.sections, &submitted.answers),
        Some(50.0)
    );
    assert_eq!(
        review(
            &mut doc,
            MANAGER,
            &submitted,
            verdict(Decision::ChangesRequested, " "),
            5
        )
        .map_err(|e| e.code()),
        Err("empty"),
        "changes need feedback"
    );
    let a = review(
        &mut doc,
        MANAGER,
        &submitted,
        verdict(Decision::ChangesRequested, "Check q2"),
        5,
    )
    .expect("request changes");
    assert_eq!(a.assignments["bob"].round, 2);
    assert_eq!(
        Progress::of(&a.assignments["bob"], Some(&submitted)),
        Progress::ChangesRequested
    );
    // The reopened round is a draft again for bob.
    let draft = response::answer(&mut r, "bob", &a, "q2", Some(Answer::YesNo(true))).expect("fix");
    assert_eq!(
        (draft.round, draft.status),
        (2, response::ResponseStatus::Draft)
    );
    let resubmitted = response::submit(&mut r, "bob", &a, 6).expect("resubmit");
    assert_eq!(
        Progress::of(&a.assignments["bob"], Some(&resubmitted)),
        Progress::Submitted
    );
    let a = review(
        &mut doc,
        MANAGER,
        &resubmitted,
        verdict(Decision::Approved, "Thanks"),
        7,
    )
    .expect("approve");
    assert_eq!(a.reviewed_score("bob"), Some(100.0));
    assert_eq!(
        response::answer(&mut r, "bob", &a, "q1", Some(Answer::Number(1.0))).map(|_| ()),
        Err(ModelError::Forbidden("change a submitted response"))
    );
    let rescore = Verdict {
        decision: Decision::Rescored,
        score_override: Some((80.0, "q2 was only partly done")),
        feedback: "",
    };
    let a = review(&mut doc, MANAGER, &resubmitted, rescore, 8).expect("rescore");
    assert_eq!(a.reviewed_score("bob"), Some(80.0));
    let kept = AutoCommit::load(&doc.save()).expect("load");
    let reviews = &read(&kept).expect("read").reviews["bob"];
    assert_eq!(reviews.len(), 3, "every review is kept");
    assert_eq!(
        reviews[2].override_reason.as_deref(),
        Some("q2 was only partly done")
    );
    assert_eq!(reviews[2].auto_score, Some(100.0));
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
        Err("invalid_input")
    );
    assert_eq!(
        edit(&mut doc, MANAGER, "New title", "", None)
            .expect("edit")
            .title,
        "New title"
    );
    assert_eq!(
        nudge(&mut doc, "eve", "bob", 3).map(|_| ()),
        Err(ModelError::Forbidden(
            "nudge for an assessment you do not own"
        ))
    );
    assert_eq!(
        nudge(&mut doc, MANAGER, "bob", 3)
            .expect("nudge")
            .assignments["bob"]
            .nudges,
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
    let (mut doc, a) = assigned(&["bob", "eve", "sam"]);
    let mut responses = HashMap::new();
    for (user, likert, yes, submit) in [
        ("bob", 5.0, true, true),
        ("eve", 3.0, false, true),
        ("sam", 1.0, false, false),
    ] {
        let mut r = response::genesis("assessment", user).expect("genesis");
        response::answer(&mut r, user, &a, "q1", Some(Answer::Number(likert))).expect("q1");
        response::answer(&mut r, user, &a, "q2", Some(Answer::YesNo(yes))).expect("q2");
        if submit {
            response::submit(&mut r, user, &a, 5).expect("submit");
        }
        responses.insert(user.to_string(), response::read(&r).expect("read"));
    }
    let a = review(
        &mut doc,
        MANAGER,
        &responses["bob"],
        verdict(Decision::Approved, ""),
        6,
    )
    .expect("approve");
    let results = results::compute(&a, &responses, &team());
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
