//! Property tests over arbitrary valid answers: the engine never panics,
//! always decides, is deterministic, and red flags only ever raise the level.

use foot_triage::{
    Answer, Answers, Level, assess,
    knowledge::{Concerning, QuestionKind},
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
        // Removing it again never raises the level.
        prop_assert!(low <= high);
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
        if let Some(q) = next.question {
            prop_assert!(!answers.contains(&q.id));
            prop_assert!(!next.done);
        } else {
            prop_assert!(next.done);
        }
    }
}
