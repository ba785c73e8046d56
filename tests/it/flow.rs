//! The adaptive questionnaire, driven the way the widget drives it.

use foot_triage::{Answers, knowledge::Phase, next_question};
use serde_json::json;

use crate::support::{answers, kb, reassuring};

#[test]
fn red_flags_come_first_then_location() {
    let mut given = Answers::new();
    let mut phases = Vec::new();
    for _ in 0..40 {
        let next = next_question(kb(), &given);
        let Some(q) = next.question else { break };
        phases.push(q.phase);
        let answer = reassuring(&q);
        given.set(kb(), &q.id, answer).unwrap();
    }
    assert_eq!(phases[0], Phase::RedFlag);
    let first_location = phases.iter().position(|p| *p == Phase::Location).expect("location asked");
    assert!(phases[..first_location].iter().all(|p| *p == Phase::RedFlag), "{phases:?}");
    assert!(phases.len() <= kb().data.meta.flow.max_questions + 1, "{} questions", phases.len());
}

#[test]
fn every_question_offered_is_unanswered_and_open() {
    let partial =
        answers(json!({"injury": "twist_or_roll", "cold_pale_foot": false, "pain_locations": ["outer_ankle"]}));
    let next = next_question(kb(), &partial);
    let q = next.question.expect("more to ask");
    assert!(!partial.contains(&q.id));
    assert!(q.ask_when.eval(kb(), &partial));
    assert_eq!(next.asked, 3);
}

#[test]
fn it_stops_at_an_emergency_and_says_why() {
    let next = next_question(kb(), &answers(json!({"breathless_or_chest_pain": "not_sure"})));
    assert!(next.done);
    assert!(next.question.is_none());
    assert!(!next.reason.is_empty());
}

#[test]
fn an_injury_opens_the_deformity_question_and_skips_onset() {
    let mut given = answers(json!({"injury": "fall_or_impact"}));
    let mut asked = Vec::new();
    for _ in 0..30 {
        let Some(q) = next_question(kb(), &given).question else { break };
        asked.push(q.id.to_string());
        given.set(kb(), &q.id, reassuring(&q)).unwrap();
    }
    assert!(asked.contains(&"visible_deformity".to_string()), "{asked:?}");
    assert!(!asked.contains(&"onset".to_string()), "{asked:?}");
}
