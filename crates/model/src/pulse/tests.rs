use super::*;

fn pulse(cadence: Cadence) -> Pulse {
    Pulse {
        id: "p".into(),
        title: "Weekly pulse".into(),
        questions: vec![
            PulseQuestion {
                id: "q1".into(),
                prompt: "I can do my best work here.".into(),
            },
            PulseQuestion {
                id: "q2".into(),
                prompt: "My workload is sustainable.".into(),
            },
        ],
        allow_comment: true,
        cadence,
        starts: "2026-11-02".into(),
        active: true,
        created_by: "m".into(),
        created_at: 1,
    }
}

fn answer(dept: Option<&str>, q1: i64, comment: Option<&str>) -> Submitted {
    Submitted {
        department: dept.map(Into::into),
        answers: HashMap::from([("q1".to_string(), q1), ("q2".to_string(), 3)]),
        comment: comment.map(Into::into),
    }
}

#[test]
fn periods_follow_the_cadence() {
    let weekly = pulse(Cadence::Weekly);
    assert_eq!(period_of(&weekly, "2026-11-01"), None, "before it starts");
    assert_eq!(
        period_of(&weekly, "2026-11-02").as_deref(),
        Some("2026-11-02")
    );
    assert_eq!(
        period_of(&weekly, "2026-11-15").as_deref(),
        Some("2026-11-09")
    );
    let biweekly = pulse(Cadence::Biweekly);
    assert_eq!(
        period_of(&biweekly, "2026-11-24").as_deref(),
        Some("2026-11-16")
    );
    let monthly = Pulse {
        starts: "2026-01-31".into(),
        ..pulse(Cadence::Monthly)
    };
    assert_eq!(
        period_of(&monthly, "2026-03-01").as_deref(),
        Some("2026-02-28")
    );
    assert_eq!(
        period_of(&monthly, "2026-03-31").as_deref(),
        Some("2026-03-31")
    );
}

#[test]
fn nothing_is_published_below_the_threshold_and_figures_move_in_steps() {
    let questions = pulse(Cadence::Weekly).questions;
    let four: Vec<Submitted> = (0..4).map(|i| answer(None, 1 + i % 5, None)).collect();
    let r = aggregate(&four, &questions, 5, None);
    assert_eq!((r.received, r.published), (4, 0));
    assert!(r.questions.is_empty() && r.comments.is_empty());

    let mut five = four.clone();
    five.push(answer(None, 5, Some("More focus time")));
    let r = aggregate(&five, &questions, 5, Some(&r));
    assert_eq!((r.received, r.published), (5, 5));
    assert_eq!(r.questions["q1"].distribution, vec![1, 1, 1, 1, 1]);
    assert_eq!(r.questions["q1"].mean, 3.0);
    assert_eq!(r.comments, vec!["More focus time".to_string()]);

    // A sixth answer alone would be isolated by subtraction: nothing moves.
    let mut six = five.clone();
    six.push(answer(None, 1, Some("Too many meetings")));
    let r6 = aggregate(&six, &questions, 5, Some(&r));
    assert_eq!((r6.received, r6.published), (6, 5));
    assert_eq!(r6.questions, r.questions);
    assert_eq!(r6.comments, r.comments);

    let ten: Vec<Submitted> = six
        .iter()
        .cloned()
        .chain((0..4).map(|_| answer(None, 4, None)))
        .collect();
    let r10 = aggregate(&ten, &questions, 5, Some(&r6));
    assert_eq!(r10.published, 10);
    assert_eq!(r10.comments.len(), 2);
}

#[test]
fn no_department_or_remainder_smaller_than_the_threshold_is_shown() {
    let questions = pulse(Cadence::Weekly).questions;
    // eng 5, ops 5, sales 2: showing eng and ops would leave sales' 2 as the
    // remainder, so ops (as small as eng) is hidden too, leaving 7 unshown.
    let mut answers: Vec<Submitted> = (0..5).map(|_| answer(Some("eng"), 4, None)).collect();
    answers.extend((0..5).map(|_| answer(Some("ops"), 2, None)));
    answers.extend((0..2).map(|_| answer(Some("sales"), 5, None)));
    let r = aggregate(&answers, &questions, 5, None);
    assert_eq!(r.departments.len(), 1, "{:?}", r.departments.keys());
    let covered: u64 = r.departments.values().map(|d| d.count).sum();
    assert!(r.received - covered >= 5);
    // Everyone in departments that are each big enough, nobody outside: all shown.
    let even: Vec<Submitted> = (0..10)
        .map(|i| answer(Some(if i < 5 { "eng" } else { "ops" }), 3, None))
        .collect();
    let r = aggregate(&even, &questions, 5, None);
    assert_eq!(r.departments.len(), 2);
    assert_eq!(r.departments["eng"].means["q1"], 3.0);
}

#[test]
fn answers_are_whole_and_final() {
    let p = pulse(Cadence::Weekly);
    let key = AnswerKey {
        team_id: "t",
        pulse_id: "p",
        period: "2026-11-02",
        user_id: "mia",
    };
    let mut doc = answer_genesis(key).expect("genesis");
    assert_eq!(answer_doc_id(key), answer_doc_id(key));
    let partial = HashMap::from([("q1".to_string(), 4)]);
    assert_eq!(
        submit_answer(&mut doc, "mia", &p, partial, None, 5).map_err(|e| e.code()),
        Err("unanswered")
    );
    let out_of_range = HashMap::from([("q1".to_string(), 9), ("q2".to_string(), 3)]);
    assert_eq!(
        submit_answer(&mut doc, "mia", &p, out_of_range, None, 5).map_err(|e| e.code()),
        Err("invalid_input")
    );
    let whole = HashMap::from([("q1".to_string(), 4), ("q2".to_string(), 3)]);
    submit_answer(&mut doc, "mia", &p, whole.clone(), Some("ok"), 5).expect("submit");
    assert_eq!(
        submit_answer(&mut doc, "mia", &p, whole, None, 6).map_err(|e| e.code()),
        Err("already_answered"),
        "once"
    );
}
