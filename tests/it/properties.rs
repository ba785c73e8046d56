//! Property tests over arbitrary valid answers: the engine never panics,
//! always decides and is deterministic; red flags only ever raise the level
//! and always do something; a dangerous cause listed as possible always
//! carries its level; and no plan shows what its situation rules out
//! (issue 10, the safety invariants; issue 11, removing a reassuring answer).

use foot_triage::{
    Answer, Answers, Level, assess,
    knowledge::{Concerning, QuestionKind, usual_answer},
    next_question,
};
use proptest::prelude::*;

use crate::support::kb;

/// One random draw per question: whether it is answered, and raw material for
/// a valid answer of its kind.
fn arbitrary_answers() -> impl Strategy<Value = Answers> {
    let n = kb().data.questions.len();
    prop::collection::vec((0u8..4, any::<u32>(), 0.0f64..1.0), n).prop_map(|draws| {
        let mut answers = Answers::new();
        for (q, (present, pick, fraction)) in kb().data.questions.iter().zip(draws) {
            if present == 0 {
                continue;
            }
            let answer = if present == 1 {
                Answer::NotSure
            } else {
                match q.kind {
                    QuestionKind::YesNo => {
                        if pick % 2 == 0 {
                            Answer::Yes
                        } else {
                            Answer::No
                        }
                    }
                    QuestionKind::Single => Answer::Choice(q.options[pick as usize % q.options.len()].id.to_string()),
                    QuestionKind::Multi => Answer::Choices(
                        q.options
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| pick & (1 << (i % 32)) != 0)
                            .map(|(_, o)| o.id.to_string())
                            .collect(),
                    ),
                    QuestionKind::Number => {
                        let (min, max) = (q.min.unwrap_or(0.0), q.max.unwrap_or(100.0).min(1000.0));
                        Answer::Number((min + fraction * (max - min)).round())
                    }
                }
            };
            answers.set(kb(), &q.id, answer).expect("generated answers are valid");
        }
        answers
    })
}

fn red_flag_questions() -> Vec<(String, Answer)> {
    kb().data
        .questions
        .iter()
        .filter_map(|q| match q.concerning {
            Some(Concerning::Yes) => Some((q.id.to_string(), Answer::Yes)),
            Some(Concerning::No) => Some((q.id.to_string(), Answer::No)),
            None => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn assess_always_decides_and_is_deterministic(answers in arbitrary_answers()) {
        let a = assess(kb(), &answers);
        let b = assess(kb(), &answers);
        prop_assert_eq!(&a, &b);
        prop_assert!(Level::ALL.contains(&a.triage));
        prop_assert!(!a.triage_reasons.is_empty());
        prop_assert!(a.conditions.len() >= 3);
        prop_assert!(!a.ambulance || a.triage == Level::Emergency);
        let json = serde_json::to_string(&a).unwrap();
        prop_assert!(json.contains("not a diagnosis"));
    }

    #[test]
    fn adding_a_red_flag_never_lowers_the_level(answers in arbitrary_answers(), pick in any::<usize>()) {
        let flags = red_flag_questions();
        let (key, worrying) = &flags[pick % flags.len()];
        let mut without = answers.clone();
        without.remove(key);
        let mut with = answers.clone();
        with.set(kb(), key, worrying.clone()).unwrap();
        let (low, high) = (assess(kb(), &without).triage, assess(kb(), &with).triage);
        prop_assert!(high >= low, "adding {} lowered {:?} to {:?}", key, low, high);
    }

    /// A red flag always does something: the worrying answer (or "not sure")
    /// to any question that `escalates`, wherever the flow can ask it (its
    /// gate open), never leaves the level at self-care, and never comes with
    /// the "nothing needs a clinician" reason.
    #[test]
    fn a_red_flag_always_raises_the_level(answers in arbitrary_answers(), pick in any::<usize>()) {
        let flags: Vec<_> = kb().data.questions.iter().filter(|q| q.escalates).collect();
        let q = flags[pick % flags.len()];
        let mut without = answers.clone();
        without.remove(&q.id);
        if !q.ask_when.eval(kb(), &without) {
            return Ok(());
        }
        for worrying in [Answer::NotSure, worrying_answer(q)] {
            let mut with = answers.clone();
            with.set(kb(), &q.id, worrying.clone()).unwrap();
            let a = assess(kb(), &with);
            prop_assert!(a.triage > Level::SelfCare, "{} = {:?} left self-care", q.id, worrying);
            prop_assert!(!a.triage_reasons.iter().any(|r| r.id == "no_warning_signs"), "{} = {:?}", q.id, worrying);
        }
    }

    /// The exact rule: every condition with an urgent or emergency floor that
    /// the result lists as "possible" or "strong" holds the level at least
    /// one below its floor (so never at self-care); listed "strong" with a
    /// score at `floor_min_score`, at its floor.
    #[test]
    fn a_dangerous_cause_shown_carries_its_level(answers in arbitrary_answers()) {
        let a = assess(kb(), &answers);
        let min = kb().data.meta.ranking.floor_min_score;
        for c in &a.conditions {
            let floor = kb().condition(&c.id).unwrap().floor;
            if floor < Level::Urgent || c.likelihood == "less_likely" {
                continue;
            }
            let needed = if c.score >= min { floor } else { floor.one_below() };
            prop_assert!(a.triage >= needed, "{} listed {} at {:?} (score {})", c.id, c.likelihood, a.triage, c.score);
        }
    }

    /// No plan shows an item its situation rules out: once told to stop
    /// running, nothing that runs, loads or rolls the foot; with diabetes,
    /// nothing barefoot or cold; on a numb foot, nothing cold; with a fever,
    /// nothing that masks it. The contradictions are data
    /// (`[[contradiction]]`); this checks the engine applies them all.
    #[test]
    fn no_plan_contradicts_its_situation(answers in arbitrary_answers()) {
        let a = assess(kb(), &answers);
        for c in kb().data.contradictions.iter() {
            if !((c.stop_running && a.plan.stop_running) || c.when.eval(kb(), &answers)) {
                continue;
            }
            for item in a.plan.sections.iter().flat_map(|s| s.items.iter()) {
                let advice = kb().advice_item(&item.id).unwrap();
                prop_assert!(!advice.traits.iter().any(|t| c.excludes.contains(t)), "{} shown despite {}", item.id, c.id);
            }
        }
        // The three the safety review named, stated directly.
        let items: Vec<&str> = a.plan.sections.iter().flat_map(|s| s.items.iter().map(|i| i.id.as_ref())).collect();
        if a.plan.stop_running {
            for id in ["run_walk", "ten_percent_rule", "cross_training", "ball_roll", "frozen_bottle_roll", "calf_raises"] {
                prop_assert!(!items.contains(&id), "{} shown with stop running", id);
            }
        }
        if kb().question("diabetes").is_some_and(|_| answers.get("diabetes").is_some_and(|d| *d != Answer::No)) {
            for id in ["towel_scrunches", "toe_lifts", "marble_pickups", "golf_ball_warmup", "ice_pack", "frozen_bottle_roll"] {
                prop_assert!(!items.contains(&id), "{} shown with diabetes", id);
            }
        }
        if answers.get("numbness_tingling").is_some_and(|n| *n != Answer::No) {
            prop_assert!(!items.contains(&"ice_pack") && !items.contains(&"frozen_bottle_roll"), "cold on a numb foot");
        }
    }

    /// Removing a reassuring answer never lowers the level: an unanswered
    /// question errs toward care.
    #[test]
    fn removing_a_reassuring_answer_never_lowers_the_level(answers in arbitrary_answers(), pick in any::<usize>()) {
        let qs = &kb().data.questions;
        let q = &qs[pick % qs.len()];
        let Some(usual) = usual_answer(q) else { return Ok(()) };
        let mut with = answers.clone();
        with.set(kb(), &q.id, usual.clone()).unwrap();
        let mut without = answers.clone();
        without.remove(&q.id);
        let (reassured, unknown) = (assess(kb(), &with).triage, assess(kb(), &without).triage);
        prop_assert!(unknown >= reassured, "removing {} = {:?} lowered {:?} to {:?}", q.id, usual, reassured, unknown);
    }

    #[test]
    fn answers_survive_a_json_round_trip(answers in arbitrary_answers()) {
        let text = answers.to_json().to_string();
        let back = Answers::from_json(kb(), &text).unwrap();
        prop_assert_eq!(back, answers);
    }

    #[test]
    fn next_question_never_repeats_and_never_panics(answers in arbitrary_answers()) {
        let next = next_question(kb(), &answers);
        let questions = next.questions();
        prop_assert_eq!(next.done, questions.is_empty());
        for q in questions {
            prop_assert!(!answers.contains(&q.id), "{} asked again", q.id);
            prop_assert!(q.ask_when.eval(kb(), &answers), "{} asked while closed", q.id);
        }
    }
}

/// The worrying answer to a yes/no question with a `concerning` answer.
fn worrying_answer(q: &foot_triage::knowledge::Question) -> Answer {
    match q.concerning {
        Some(Concerning::No) => Answer::No,
        _ => Answer::Yes,
    }
}
