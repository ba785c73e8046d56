//! The knowledge linter: the embedded content is clean, and each minimal
//! broken fixture in `tests/fixtures/knowledge/` yields exactly its problem.

use std::path::Path;

use foot_triage::check::{
    lint::{ProblemKind, lint},
    load,
};

use crate::support::kb;

/// A fixture's knowledge: `valid.toml` with the fixture's patch applied. A
/// patch states only its difference: `append` is added at the end, and each
/// `[[replace]]` swaps one exact piece of text that must occur once.
fn fixture_text(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/knowledge");
    let mut text = std::fs::read_to_string(dir.join("valid.toml")).expect("valid fixture exists");
    if name == "valid" {
        return text;
    }
    let patch: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("fixture exists"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    for r in patch.get("replace").and_then(|v| v.as_array()).into_iter().flatten() {
        let (find, with) = (r["find"].as_str().unwrap(), r["with"].as_str().unwrap());
        assert_eq!(text.matches(find).count(), 1, "{name}: `{find}` must occur once in valid.toml");
        text = text.replace(find, with);
    }
    if let Some(extra) = patch.get("append").and_then(|v| v.as_str()) {
        text.push('\n');
        text.push_str(extra);
    }
    text
}

fn fixture(name: &str) -> Vec<ProblemKind> {
    let kb = load::from_toml_str(name, &fixture_text(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    lint(&kb).into_iter().map(|p| p.kind).collect()
}

#[test]
fn the_embedded_knowledge_is_clean() {
    let problems = lint(kb());
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
}

/// Each lint fixture is named after the one problem it has (the kind's
/// snake_case code); the valid fixture has none.
#[test]
fn each_fixture_has_exactly_its_problem() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/knowledge");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() > 10, "fixtures: {names:?}");
    for name in names {
        let found: Vec<String> =
            fixture(&name).into_iter().map(|k| serde_json::to_value(k).unwrap().as_str().unwrap().into()).collect();
        let expected: Vec<String> = if name == "valid" { vec![] } else { vec![name.clone()] };
        assert_eq!(found, expected, "fixture {name}");
    }
}

#[test]
fn the_knowledge_folder_on_disk_matches_the_embedded_copy() {
    // The embedded copy is the compact bytes build.rs wrote, read back by
    // the hand-written reader; the folder is read at run time by the TOML
    // loader. Equal data means neither lost anything (every field, formula
    // tree and number).
    let on_disk = load::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")).expect("loads");
    // Equal data lints the same: `the_embedded_knowledge_is_clean` does it once.
    assert_eq!(on_disk.data, kb().data);
}

/// The content the sources require (issue 1's list): each id must exist.
#[test]
fn every_item_has_provenance_and_the_required_ids_exist() {
    let d = &kb().data;
    type Exists = dyn Fn(&str) -> bool;
    let table: [(&str, &str, &Exists); 3] = [
        (
            "condition",
            concat!(
                "plantar_fasciitis calcaneal_stress_fracture achilles_tendinopathy ",
                "achilles_rupture bone_spur metatarsalgia metatarsal_stress_fracture ",
                "mortons_neuroma sesamoiditis bunion hallux_rigidus ",
                "extensor_tendinopathy navicular_stress_fracture lisfranc_injury ",
                "lace_compression_neuropathy tarsal_tunnel_syndrome ",
                "posterior_tibial_tendon_dysfunction peroneal_tendinopathy ",
                "lateral_ankle_sprain ankle_fracture fifth_metatarsal_fracture ",
                "toe_fracture athletes_foot blister black_toenail cellulitis ",
                "diabetic_foot_infection gout general_overuse_doms deep_vein_thrombosis ",
                "acute_limb_ischemia acute_compartment_syndrome"
            ),
            &|id| kb().condition(id).is_some(),
        ),
        (
            "answer key",
            concat!(
                "age sex diabetes missed_periods pain_locations side onset injury ",
                "snap_or_pop duration_days rest_tried_days improving_with_rest ",
                "pain_character intensity timing can_bear_weight walks_with_limp ",
                "single_leg_heel_raise swelling bruising sole_bruising redness_warmth ",
                "spreading_redness visible_deformity numbness_tingling ",
                "numbness_resolves_when_laces_loosened point_bone_tenderness ",
                "heel_squeeze_pain open_wound itching_or_peeling_skin ",
                "calf_swelling_one_side cold_pale_foot fever feels_very_unwell ",
                "breathless_or_chest_pain weekly_distance_change_pct shoe_km new_shoes ",
                "tight_laces_or_narrow_shoes recent_hills_or_speedwork foot_type ",
                "previous_injury_same_area"
            ),
            &|id| kb().question(id).is_some(),
        ),
        (
            "advice",
            concat!(
                "ice_pack elevation compression_wrap wall_calf_stretch toe_wall_stretch ",
                "kneeling_toe_stretch towel_stretch frozen_bottle_roll ball_roll ",
                "calf_foam_roll towel_scrunches toe_lifts golf_ball_warmup toe_raises ",
                "marble_pickups calf_raises ankle_alphabet single_leg_balance ",
                "shoe_replacement shoe_rotation shoe_fit wide_toe_box relacing ",
                "ten_percent_rule run_walk cross_training no_hills gradual_return"
            ),
            &|id| kb().advice_item(id).is_some(),
        ),
    ];
    for (what, ids, exists) in table {
        for id in ids.split_whitespace() {
            assert!(exists(id), "missing {what} {id}");
        }
    }
    assert!(d.rules.iter().all(|r| !r.source.is_empty() && !r.last_reviewed.is_empty()));
}

#[test]
fn the_contract_document_is_generated_from_the_questionnaire() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/answers-contract.md")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_foot-triage")).arg("contract").output().unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    assert!(
        doc == generated,
        "docs/answers-contract.md is out of date: run `cargo run --bin foot-triage -- contract > docs/answers-contract.md`"
    );
    for q in kb().data.questions.iter() {
        assert!(doc.contains(&format!("| `{}` |", q.id)), "docs/answers-contract.md lacks `{}`", q.id);
    }
}
