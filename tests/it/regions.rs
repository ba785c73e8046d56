//! Regions: a runner is sent to their own country's services and number, in
//! either language, and a region never changes a decision.

use foot_triage::{KnowledgeBase, assess, engine::plain_text, knowledge::LANGUAGES};
use serde_json::json;

use crate::support::answers;

/// A cold, pale foot: an ambulance now.
fn emergency() -> serde_json::Value {
    json!({"cold_pale_foot": true})
}

/// A rolled ankle that cannot be ruled out by the Ottawa rules: seen today.
fn urgent() -> serde_json::Value {
    json!({"injury":"twist_or_roll","can_bear_weight":"not_sure","pain_locations":["outer_ankle"],
           "point_bone_tenderness":true,"tender_spots":["lateral_malleolus"],"duration_days":3,"timing":[],"swelling":"mild"})
}

/// Every country's service names, so a row can say none of them shows.
const SERVICES: [&str; 9] =
    ["NHS 111", "A&E", "urgent care", "IMSS", "centro de salud", "PAC", "GP", "emergency room", "sala de emergencias"];

/// One runner in one language and region: what their result must say (the
/// action, the plan and the safety net, as the summary prints them), and
/// which services it must not name.
struct Row {
    lang: &'static str,
    region: &'static str,
    answers: fn() -> serde_json::Value,
    says: &'static [&'static str],
    not: &'static [&'static str],
}

fn check(row: &Row) {
    let kb = KnowledgeBase::in_language(row.lang).expect("built").for_region(row.region, None);
    let a = answers((row.answers)());
    let assessment = assess(kb, &a);
    let text = format!("{}\n{}", assessment.action, plain_text(kb, &a, &assessment));
    let label = format!("{} {}", row.lang, row.region);
    for want in row.says {
        assert!(text.contains(want), "{label}: should say `{want}`:\n{text}");
    }
    for unwanted in row.not {
        assert!(!text.contains(unwanted), "{label}: should not name `{unwanted}`:\n{text}");
    }
    assert!(!text.contains("{care."), "{label}: an unfilled placeholder:\n{text}");
}

#[test]
fn each_region_names_its_own_number_and_services() {
    let others = |keep: &[&str]| -> &'static [&'static str] {
        Box::leak(SERVICES.iter().copied().filter(|s| !keep.contains(s)).collect::<Vec<_>>().into_boxed_slice())
    };
    let rows = [
        Row { lang: "es", region: "ES", answers: emergency, says: &["al 112"], not: &["999", "911"] },
        Row {
            lang: "es",
            region: "ES",
            answers: urgent,
            says: &["centro de salud", "al 112"],
            not: others(&["centro de salud", "PAC"]),
        },
        Row { lang: "es", region: "MX", answers: emergency, says: &["al 911"], not: &["112", "999"] },
        Row { lang: "es", region: "MX", answers: urgent, says: &["IMSS", "al 911"], not: others(&["IMSS"]) },
        Row {
            lang: "es",
            region: "US",
            answers: urgent,
            says: &["urgent care", "al 911"],
            not: others(&["urgent care", "sala de emergencias"]),
        },
        Row {
            lang: "es",
            region: "GB",
            answers: urgent,
            says: &["NHS 111", "al 999"],
            not: others(&["NHS 111", "GP", "A&E"]),
        },
        Row {
            lang: "es", region: "AR", answers: urgent, says: &["número de emergencias de tu país"], not: &SERVICES
        },
        Row { lang: "en", region: "ES", answers: emergency, says: &["on 112"], not: &["999", "911"] },
        Row {
            lang: "en",
            region: "ES",
            answers: urgent,
            says: &["centro de salud"],
            not: others(&["centro de salud", "PAC"]),
        },
        Row { lang: "en", region: "MX", answers: urgent, says: &["IMSS", "on 911"], not: others(&["IMSS"]) },
        Row { lang: "en", region: "US", answers: emergency, says: &["on 911"], not: &["112", "999", "A&E"] },
        Row {
            lang: "en",
            region: "US",
            answers: urgent,
            says: &["urgent care"],
            not: others(&["urgent care", "emergency room"]),
        },
        Row { lang: "en", region: "GB", answers: emergency, says: &["on 999"], not: &["112", "911"] },
        Row { lang: "en", region: "GB", answers: urgent, says: &["NHS 111"], not: others(&["NHS 111", "GP", "A&E"]) },
        Row { lang: "en", region: "IE", answers: urgent, says: &["on 112", "GP out-of-hours"], not: others(&["GP"]) },
        Row { lang: "en", region: "", answers: urgent, says: &["your local emergency number"], not: &SERVICES },
        Row { lang: "en", region: "FR", answers: emergency, says: &["your local emergency number"], not: &SERVICES },
    ];
    rows.iter().for_each(check);
}

/// Where to go now, when no ambulance is needed: a hospital, by the name the
/// runner's country gives it.
#[test]
fn the_emergency_department_has_its_local_name() {
    for (lang, region, says) in [
        ("es", "ES", "Ve ahora a urgencias de un hospital"),
        ("es", "US", "Ve ahora a la sala de emergencias de un hospital (ER)"),
        ("en", "GB", "Go to A&E (the emergency department) now"),
        ("en", "US", "Go to an emergency room (ER) now"),
        ("en", "", "Go to a hospital emergency department now"),
    ] {
        let kb = KnowledgeBase::in_language(lang).expect("built").for_region(region, None);
        let action = &kb.level(foot_triage::knowledge::Level::Emergency).expect("a level").action;
        assert_eq!(action, says, "{lang} {region}");
    }
}

/// A clinic's own number replaces the region's wherever the number is said.
#[test]
fn a_clinics_number_replaces_the_regions() {
    for (lang, region, says) in [("es", "ES", "al 061"), ("en", "GB", "on 061"), ("en", "", "on 061")] {
        let kb = KnowledgeBase::in_language(lang).expect("built").for_region(region, Some("061"));
        let assessment = assess(kb, &answers(emergency()));
        assert!(assessment.action.contains(says), "{lang} {region}: {}", assessment.action);
        assert!(kb.data.meta.emergency.contains(says), "{lang} {region}: {}", kb.data.meta.emergency);
    }
}

/// Every text of every region in every language is filled, and a region
/// changes the words only: the same level, causes and plan items for each
/// case of the libraries.
#[test]
fn regions_fill_every_text_and_never_change_a_decision() {
    let raw = KnowledgeBase::embedded();
    let codes: Vec<&str> = raw.data.care_regions.iter().map(|r| &*r.id).collect();
    let libraries =
        foot_triage::check::cases::libraries(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/cases"))
            .expect("the case libraries load");
    for language in LANGUAGES {
        for code in &codes {
            let kb = KnowledgeBase::in_language(language.code).expect("built").for_region(code, None);
            let mut data = kb.data.clone();
            foot_triage::knowledge::catalogue::visit(&mut data, &mut |id, text| {
                assert!(!text.contains("{care."), "{} {code}: {id} is not filled: {text}", language.code);
            });
            for (_, library) in &libraries {
                for case in library.iter().take(40) {
                    let Ok(given) = serde_json::to_value(&case.answers).map(answers) else { continue };
                    let (a, b) = (assess(raw, &given), assess(kb, &given));
                    let ids = |x: &foot_triage::Assessment| {
                        let items: Vec<_> =
                            x.plan.sections.iter().flat_map(|s| s.items.iter().map(|i| i.id.clone())).collect();
                        (x.triage, x.ambulance, x.conditions.iter().map(|c| c.id.clone()).collect::<Vec<_>>(), items)
                    };
                    assert_eq!(ids(&a), ids(&b), "{} {code}: case {}", language.code, case.id);
                }
            }
        }
    }
}
