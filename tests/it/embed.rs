//! The widget's embed options and its saved-progress records, through their
//! public functions (the browser side is covered by tests/e2e).

use foot_triage::{
    Answer,
    json::Json,
    saved::{Restored, SCHEMA, Saved, UnreadableKind, decode, encode},
    units::DistanceUnit,
    widget_config::{Theme, WidgetConfig},
};
use serde_json::json;

use crate::support::{answers, kb};

fn read(pairs: &[(&str, &str)]) -> (WidgetConfig, Vec<String>) {
    WidgetConfig::read(|name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
}

#[test]
fn good_options_are_taken_as_given() {
    let (c, warnings) = read(&[
        ("units", "MI"),
        ("lang", "es-MX"),
        ("region", "mx"),
        ("theme", "dark"),
        ("clinic-name", "Riverside Physio"),
        ("clinic-url", "https://riverside.example/book?src=foot"),
        ("clinic-phone", "+44 (0)20 7946 0000"),
        ("booking-url", "https://riverside.example/book/foot"),
        ("emergency-number", "999"),
        ("remember", "off"),
        ("id", "sidebar-1"),
    ]);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(c.units, DistanceUnit::Mi);
    assert_eq!(c.lang, "es");
    assert_eq!(c.region.as_deref(), Some("MX"));
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.clinic_name.as_deref(), Some("Riverside Physio"));
    assert_eq!(c.clinic_url.as_deref(), Some("https://riverside.example/book?src=foot"));
    assert_eq!(c.tel_link().as_deref(), Some("tel:+442079460000"));
    assert_eq!(c.booking_url.as_deref(), Some("https://riverside.example/book/foot"));
    assert_eq!(c.emergency_number.as_deref(), Some("999"));
    // The clinic's number is said in place of the region's; without one,
    // the region's, and with neither, none.
    assert_eq!(c.number_to_call().as_deref(), Some("999"));
    assert_eq!(read(&[("region", "ES")]).0.number_to_call().as_deref(), Some("112"));
    assert_eq!(read(&[]).0.number_to_call(), None);
    assert!(!c.storage_allowed);
    assert_eq!(c.instance.as_deref(), Some("sidebar-1"));
}

#[test]
fn bad_options_fall_back_to_the_default_with_one_warning_each() {
    let long = "x".repeat(10_000);
    let bad = [
        ("units", "parsecs"),
        ("lang", "fr"),
        ("region", "FR"),
        ("theme", "neon"),
        ("clinic-name", long.as_str()),
        ("clinic-url", "javascript:alert(1)"),
        ("clinic-phone", "call us"),
        ("booking-url", "http://riverside.example/book"),
        ("emergency-number", "<b>112</b>"),
        ("remember", "maybe"),
        ("id", "a b"),
    ];
    let (c, warnings) = read(&bad);
    let defaults = WidgetConfig { storage_allowed: true, ..WidgetConfig::default() };
    assert_eq!(c, defaults);
    assert_eq!(warnings.len(), bad.len(), "{warnings:#?}");
    assert!(warnings.iter().all(|w| w.starts_with("foot-triage: ") && w.len() < 200), "{warnings:#?}");
    // Not only the scheme: an https URL that could break out of an attribute.
    for url in ["http://x.example", "https://", "https://a.example/\"onmouseover=", "https://user@evil.example"] {
        assert_eq!(read(&[("clinic-url", url)]).0.clinic_url, None, "{url}");
    }
    // Empty values are simply absent, with no warning.
    assert_eq!(read(&[("units", "  ")]), (defaults, vec![]));
}

fn sample() -> Saved {
    let given = answers(json!({"injury": "none", "cold_pale_foot": false, "mottled_foot": false,
        "pain_locations": ["heel_bottom"], "duration_days": 5}));
    let screen = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Saved {
        answers: given,
        screens: vec![
            screen(&["injury"]),
            screen(&["cold_pale_foot", "mottled_foot"]),
            screen(&["pain_locations"]),
            screen(&["duration_days"]),
        ],
    }
}

#[test]
fn a_saved_record_round_trips_and_carries_its_schema() {
    let record = encode(kb(), &sample());
    assert_eq!(record.get("schema"), Some(&Json::Number(f64::from(SCHEMA))));
    assert_eq!(decode(kb(), &record), Ok(Restored { saved: sample(), migrated_from: None }));
}

#[test]
fn a_schema_1_record_is_migrated_in_questionnaire_order() {
    let old = Json::from(&json!({"version": 1, "answers": {"duration_days": 5, "injury": "none",
        "pain_locations": ["heel_bottom"]}}));
    let restored = decode(kb(), &old).expect("migrates");
    assert_eq!(restored.migrated_from, Some(1));
    assert_eq!(restored.saved.answers.get("duration_days"), Some(&Answer::Number(5.0)));
    let order: Vec<&str> =
        kb().data.questions.iter().map(|q| &*q.id).filter(|id| restored.saved.asked().any(|a| a == id)).collect();
    assert_eq!(restored.saved.asked().collect::<Vec<_>>(), order);
    assert!(restored.saved.screens.iter().all(|s| s.len() == 1));
}

/// Schema 2 (one question per screen, before checklists): each answer
/// becomes its own screen, in the order given.
#[test]
fn a_schema_2_record_becomes_one_screen_per_answer() {
    let old = Json::from(&json!({"schema": 2, "knowledge": "2026.11.21", "asked": ["injury", "fever"],
        "answers": {"injury": "none", "fever": false}}));
    let restored = decode(kb(), &old).expect("migrates");
    assert_eq!(restored.migrated_from, Some(2));
    assert_eq!(restored.saved.screens, vec![vec!["injury".to_string()], vec!["fever".to_string()]]);
}

#[test]
fn unreadable_records_are_refused_with_a_reason() {
    use UnreadableKind::*;
    let check = |bad: serde_json::Value, want: UnreadableKind| {
        let e = decode(kb(), &Json::from(&bad)).expect_err(&bad.to_string());
        assert_eq!(*e.kind(), want, "{bad}: {e}");
        assert!(!e.message().is_empty());
    };
    for (bad, want) in [
        (json!("just text"), NotAnObject),
        (json!({"schema": 2}), Answers),
        (json!({"schema": 4, "screens": [], "answers": {}}), Newer),
        (json!({"schema": 3, "asked": ["injury"], "answers": {"injury": "none"}}), Order),
        (json!({"schema": 3, "screens": [[]], "answers": {}}), Order),
        (json!({"schema": 3, "screens": [["injury"], ["injury"]], "answers": {"injury": "none"}}), Order),
        (json!({"schema": 2, "asked": ["injury"], "answers": {"injury": 7}}), Answers),
        (json!({"schema": 2, "asked": ["fever"], "answers": {"injury": "none"}}), Order),
        (json!({"schema": 2, "asked": [], "answers": {"no_such_question": true}}), Answers),
        (json!({"version": 7, "answers": {}}), UnknownSchema),
    ] {
        check(bad, want);
    }
}
