//! The plan's calculators (shoe check, training-load plan) and the plain-text
//! summary, through the engine's public functions and the CLI.

use foot_triage::{
    assess,
    engine::{
        calculators::{DistanceErrorKind, ShoeStatus, load_plan, shoe_check},
        plain_text,
    },
    knowledge::Tool,
    units::DistanceUnit,
};
use proptest::prelude::*;
use serde_json::json;

use crate::support::{answers, kb};

/// What a calculator must come to for a distance: a shoe status, a four-week
/// plan (its distances), or a refusal of a kind.
#[derive(Debug)]
enum Want {
    Shoe(ShoeStatus),
    Plan([f64; 4]),
    Refused(DistanceErrorKind),
}

fn check(calculator: &str, distance: f64, unit: DistanceUnit, want: Want) {
    let label = format!("{calculator} {distance} {unit:?}");
    match (calculator, want) {
        ("shoe", Want::Shoe(status)) => assert_eq!(shoe_check(kb(), distance, unit).unwrap().status, status, "{label}"),
        ("load", Want::Plan(weeks)) => {
            let plan = load_plan(kb(), distance, unit).unwrap();
            let got: Vec<f64> = plan.weeks.iter().map(|w| w.distance).collect();
            assert_eq!(got, weeks, "{label}");
            assert!(plan.weeks[3].lighter && !plan.weeks[2].lighter, "{label}: the fourth week is lighter");
        }
        ("shoe", Want::Refused(kind)) => {
            let e = shoe_check(kb(), distance, unit).unwrap_err();
            assert_eq!(*e.kind(), kind, "{label}: {e}");
        }
        ("load", Want::Refused(kind)) => {
            let e = load_plan(kb(), distance, unit).unwrap_err();
            assert_eq!(*e.kind(), kind, "{label}: {e}");
        }
        (calculator, want) => panic!("no such row: {calculator} {want:?}"),
    }
}

#[test]
fn calculators_in_either_unit_and_their_refusals() {
    use DistanceErrorKind::*;
    use DistanceUnit::*;
    use ShoeStatus::*;
    let table = [
        // The reconciled shoe range, 400 to 700 km.
        ("shoe", 0.0, Km, Want::Shoe(Fine)),
        ("shoe", 399.0, Km, Want::Shoe(Fine)),
        ("shoe", 400.0, Km, Want::Shoe(Check)),
        ("shoe", 699.0, Km, Want::Shoe(Check)),
        ("shoe", 700.0, Km, Want::Shoe(Replace)),
        // 250 mi is 402 km: inside the range; 240 mi (386 km) is not yet.
        ("shoe", 250.0, Mi, Want::Shoe(Check)),
        ("shoe", 240.0, Mi, Want::Shoe(Fine)),
        ("shoe", 435.0, Mi, Want::Shoe(Replace)),
        // 10% a week for three weeks, then a lighter week.
        ("load", 20.0, Km, Want::Plan([22.0, 24.2, 26.6, 22.0])),
        ("load", 0.0, Km, Want::Refused(NothingToGrow)),
    ];
    for (calculator, distance, unit, want) in table {
        check(calculator, distance, unit, want);
    }
    for bad in [-1.0, f64::NAN, f64::INFINITY, 1e9] {
        check("shoe", bad, Km, Want::Refused(OutOfRange));
        check("load", bad, Mi, Want::Refused(OutOfRange));
    }
    let message = shoe_check(kb(), 500.0, Mi).unwrap().message;
    assert!(message.contains("mi") && !message.contains("km"), "the message speaks the runner's unit: {message}");
}

proptest! {
    #[test]
    fn no_week_rises_more_than_ten_percent(this_week in 0.1f64..500.0) {
        let plan = load_plan(kb(), this_week, DistanceUnit::Km).unwrap();
        let mut previous = this_week;
        for week in &plan.weeks {
            prop_assert!(week.distance <= previous * 1.1 + 1e-9, "{} after {}", week.distance, previous);
            prop_assert!(week.distance >= 0.0);
            previous = week.distance;
        }
    }
}

#[test]
fn calculators_appear_only_in_plans_that_allow_running() {
    let tools = |v| {
        let a = assess(kb(), &answers(v));
        a.plan.sections.iter().filter_map(|s| s.tool).collect::<Vec<_>>()
    };
    let self_care = json!({"injury": "none", "onset": "gradual", "duration_days": 10,
        "pain_locations": ["heel_bottom"], "timing": ["first_steps_morning"], "intensity": 4});
    assert_eq!(tools(self_care), vec![Tool::ShoeCheck, Tool::LoadPlan]);
    let emergency = json!({"cold_pale_foot": true});
    assert!(tools(emergency).is_empty());
}

#[test]
fn the_summary_leads_with_the_notice_and_the_action() {
    let given =
        answers(json!({"injury": "twist_or_roll", "can_bear_weight": false, "pain_locations": ["outer_ankle"]}));
    let a = assess(kb(), &given);
    let text = plain_text(kb(), &given, &a);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].contains("not a diagnosis"), "{text}");
    assert!(lines[3].starts_with("RESULT: ") && lines[3].contains(&*a.action), "{text}");
    assert!(text.contains(&*a.conditions[0].name));
    assert!(text.contains("- Can take four steps: no"), "{text}");
}
