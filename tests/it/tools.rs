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

#[test]
fn the_shoe_check_uses_the_reconciled_range_in_either_unit() {
    let status = |d, u| shoe_check(kb(), d, u).unwrap().status;
    assert_eq!(status(0.0, DistanceUnit::Km), ShoeStatus::Fine);
    assert_eq!(status(399.0, DistanceUnit::Km), ShoeStatus::Fine);
    assert_eq!(status(400.0, DistanceUnit::Km), ShoeStatus::Check);
    assert_eq!(status(699.0, DistanceUnit::Km), ShoeStatus::Check);
    assert_eq!(status(700.0, DistanceUnit::Km), ShoeStatus::Replace);
    // 250 mi is 402 km: inside the range; 240 mi (386 km) is not yet.
    assert_eq!(status(250.0, DistanceUnit::Mi), ShoeStatus::Check);
    assert_eq!(status(240.0, DistanceUnit::Mi), ShoeStatus::Fine);
    assert_eq!(status(435.0, DistanceUnit::Mi), ShoeStatus::Replace);
    let message = shoe_check(kb(), 500.0, DistanceUnit::Mi).unwrap().message;
    assert!(message.contains("mi") && !message.contains("km"), "{message}");
}

#[test]
fn calculators_refuse_impossible_distances_with_a_message() {
    for bad in [-1.0, f64::NAN, f64::INFINITY, 1e9] {
        let e = shoe_check(kb(), bad, DistanceUnit::Km).unwrap_err();
        assert_eq!(*e.kind(), DistanceErrorKind::OutOfRange, "{e}");
        assert!(e.message().starts_with("Enter"), "{e}");
        assert!(load_plan(kb(), bad, DistanceUnit::Mi).is_err());
    }
    let zero = load_plan(kb(), 0.0, DistanceUnit::Km).unwrap_err();
    assert_eq!(*zero.kind(), DistanceErrorKind::NothingToGrow, "{zero}");
    assert!(zero.message().contains("run/walk"), "{zero}");
}

#[test]
fn the_load_plan_for_twenty_km() {
    let plan = load_plan(kb(), 20.0, DistanceUnit::Km).unwrap();
    let distances: Vec<f64> = plan.weeks.iter().map(|w| w.distance).collect();
    assert_eq!(distances, vec![22.0, 24.2, 26.6, 22.0]);
    assert!(plan.weeks[3].lighter && !plan.weeks[2].lighter);
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
