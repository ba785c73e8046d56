//! The adaptive questionnaire, driven the way the widget drives it: one
//! table of partial answers and the screen `next_question` must show, through
//! one `check` helper, then walks through the whole flow.

use foot_triage::{Answers, knowledge::Phase, next_question};
use serde_json::json;

use crate::support::{answers, kb, reassuring};

/// What the next screen must be.
enum Expect {
    /// A screen with exactly these questions, in this order (one question
    /// prints as `question`, several as a checklist).
    Screen(&'static [&'static str]),
    /// The flow is done.
    Done,
}

fn check(given: serde_json::Value, expect: Expect) {
    let next = next_question(kb(), &answers(given.clone()));
    let ids: Vec<&str> = next.questions().iter().map(|q| q.id.as_ref()).collect();
    match expect {
        Expect::Screen(want) => {
            assert!(!next.done, "{given}: done ({}) instead of {want:?}", next.reason);
            assert_eq!(ids, want, "{given}");
            assert_eq!(next.question.is_some(), want.len() == 1, "{given}: one question prints as `question`");
            assert_eq!(next.group.is_some(), want.len() > 1, "{given}: a checklist carries its group");
        }
        Expect::Done => assert!(next.done && ids.is_empty(), "{given}: {ids:?} instead of done"),
    }
}

#[test]
fn screens_follow_the_red_flags_the_location_and_the_story() {
    use Expect::*;
    const FOOT_NOW: [&str; 9] = [
        "cold_pale_foot",
        "mottled_foot",
        "cannot_move_toes",
        "can_bear_weight",
        "redness_warmth",
        "spreading_redness",
        "open_wound",
        "deep_wound",
        "foot_drop",
    ];
    let with_deformity: Vec<&str> = [&FOOT_NOW[..3], &["visible_deformity"], &FOOT_NOW[3..]].concat();
    let no_injury = json!({"injury": "none"});
    let foot_fine = json!({"injury": "none", "cold_pale_foot": false, "mottled_foot": false, "cannot_move_toes": false,
        "can_bear_weight": true, "redness_warmth": false, "spreading_redness": false, "open_wound": false,
        "deep_wound": false, "foot_drop": false});
    let mut diabetic = foot_fine.clone();
    for (key, value) in [
        ("fever", false),
        ("feels_very_unwell", false),
        ("feels_unwell", false),
        ("diabetes", true),
        ("calf_swelling_one_side", false),
        ("breathless_or_chest_pain", false),
        ("spinal_warning_signs", false),
        ("dark_urine", false),
        ("little_urine", false),
    ] {
        diabetic[key] = json!(value);
    }
    let table: Vec<(serde_json::Value, Expect)> = vec![
        // The injury question comes first: it decides which checks apply.
        (json!({}), Screen(&["injury"])),
        // Then the state of the foot, as one checklist; a puncture and foot
        // drop are on it for every runner.
        (no_injury.clone(), Screen(&FOOT_NOW)),
        // After a twist the checklist includes the deformity check, in its
        // place in the file.
        (json!({"injury": "twist_or_roll"}), Screen(Vec::leak(with_deformity))),
        // After a stub, where it hurts is asked before the deformity check,
        // so a bent lesser toe is not sent to the emergency department.
        (json!({"injury": "stub_or_kick"}), Screen(&FOOT_NOW)),
        // Whole-body signs on one screen every runner sees: the spinal
        // screen, a swollen calf and the urine after a hard effort among them.
        (
            foot_fine.clone(),
            Screen(&[
                "fever",
                "feels_very_unwell",
                "feels_unwell",
                "diabetes",
                "calf_swelling_one_side",
                "breathless_or_chest_pain",
                "spinal_warning_signs",
                "dark_urine",
                "little_urine",
            ]),
        ),
        // A red flag that an answer opens is asked before the location: with
        // diabetes, a change of shape and a warm, swollen foot (Charcot).
        (diabetic, Screen(&["visible_deformity", "warm_swollen_foot"])),
        // An emergency ends the flow at once...
        (json!({"cold_pale_foot": "not_sure"}), Done),
        (json!({"breathless_or_chest_pain": true}), Done),
        // ...unless one more check decides between an ambulance and the
        // emergency department: a deformed ankle, and the foot's state not
        // yet asked (a cold foot or a wound would call an ambulance).
        (
            json!({"injury": "twist_or_roll", "pain_locations": ["outer_ankle"], "visible_deformity": true}),
            Screen(&FOOT_NOW),
        ),
    ];
    for (given, expect) in table {
        check(given, expect);
    }
}

#[test]
fn a_whole_interview_asks_red_flags_first_and_stays_short() {
    let mut given = Answers::new();
    let mut phases = Vec::new();
    let mut screens = 0;
    loop {
        let next = next_question(kb(), &given);
        let questions: Vec<_> = next.questions().into_iter().cloned().collect();
        if questions.is_empty() {
            break;
        }
        screens += 1;
        assert!(screens <= kb().data.meta.flow.max_screens, "more than the screen limit");
        phases.push(questions[0].phase);
        for q in questions {
            // Every question offered is open and unanswered.
            assert!(!given.contains(&q.id) && q.ask_when.eval(kb(), &given), "{} offered", q.id);
            given.set(kb(), &q.id, reassuring(&q)).unwrap();
        }
        assert_eq!(next_question(kb(), &given).asked, screens, "`asked` counts screens");
    }
    assert_eq!(phases[0], Phase::RedFlag);
    let location = phases.iter().position(|p| *p == Phase::Location).expect("location asked");
    assert!(phases[..location].iter().all(|p| *p == Phase::RedFlag), "{phases:?}");
    assert!(screens <= 14, "{screens} screens for a runner with no warning sign");
}

#[test]
fn an_injury_opens_the_deformity_question_and_skips_onset() {
    let mut given = answers(json!({"injury": "fall_or_impact"}));
    let mut asked = Vec::new();
    for _ in 0..30 {
        let next = next_question(kb(), &given);
        let questions: Vec<_> = next.questions().into_iter().cloned().collect();
        if questions.is_empty() {
            break;
        }
        for q in questions {
            asked.push(q.id.to_string());
            given.set(kb(), &q.id, reassuring(&q)).unwrap();
        }
    }
    assert!(asked.contains(&"visible_deformity".to_string()), "{asked:?}");
    assert!(!asked.contains(&"onset".to_string()), "{asked:?}");
}
