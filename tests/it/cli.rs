//! The `foot-triage` binary, run as a user would run it.

use std::{
    io::Write,
    process::{Command, Stdio},
};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_foot-triage"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn assess_prints_the_contracted_fields() {
    let (code, out, _) = run(&["assess"], r#"{"cold_pale_foot": true, "pain_locations": ["whole_foot"]}"#);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["triage"], "emergency");
    assert_eq!(v["ambulance"], true);
    assert_eq!(v["triage_reasons"][0]["id"], "cold_pale_foot");
    assert_eq!(v["conditions"][0]["id"], "acute_limb_ischemia");
    for field in ["name", "reasons_for", "reasons_against"] {
        assert!(v["conditions"][0].get(field).is_some(), "missing {field}");
    }
    assert!(v["plan"]["sections"].is_array());
    assert!(v["safety_net"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn assess_reads_a_file_argument() {
    let dir = std::env::temp_dir().join(format!("foot-triage-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("answers.json");
    std::fs::write(&file, r#"{"injury": "twist_or_roll", "can_bear_weight": false}"#).unwrap();
    let (code, out, _) = run(&["assess", file.to_str().unwrap()], "");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 0);
    assert!(out.contains(r#""triage": "urgent""#));
}

#[test]
fn bad_input_exits_nonzero_with_one_line_naming_the_key() {
    let table = [
        (r#"{"intensity": 14}"#, "`intensity`"),
        (r#"{"shoe_km": -5}"#, "`shoe_km`"),
        (r#"{"colour": "red"}"#, "`colour`"),
        (r#"{"diabetes": "yes"}"#, "`diabetes`"),
        (r#"{"pain_locations": "heel_bottom"}"#, "`pain_locations`"),
        (r#"{"pain_locations": ["heel"]}"#, "`pain_locations`"),
        (r#"{"age": 1e400}"#, "JSON"),
        (r#"{"fever": tru"#, "JSON"),
        ("[]", "object"),
        ("", "JSON"),
    ];
    for (input, needle) in table {
        let (code, out, err) = run(&["assess"], input);
        assert_eq!(code, 2, "{input}: {err}");
        assert!(out.is_empty(), "{input}");
        assert_eq!(err.lines().count(), 1, "{input}: {err}");
        assert!(err.contains(needle), "{input}: {err}");
    }
}

#[test]
fn questions_prints_the_contract() {
    let (code, out, _) = run(&["questions"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["contract_version"], 2);
    let keys: Vec<&str> = v["questions"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert!(keys.contains(&"intensity") && keys.contains(&"pain_locations"));
}

#[test]
fn next_asks_red_flags_first_and_stops_at_an_emergency() {
    let (_, out, _) = run(&["next"], "{}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["done"], false);
    assert_eq!(v["question"]["phase"], "red_flag");
    let (_, out, _) = run(&["next"], r#"{"cold_pale_foot": true}"#);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["done"], true);
}

#[test]
fn lint_and_cases_succeed_and_usage_errors_fail() {
    assert_eq!(run(&["lint"], "").0, 0);
    let (code, out, _) = run(&["cases"], "");
    assert_eq!(code, 0, "{out}");
    // One report per library, and the rule-writers' and safety libraries
    // have no failure at all.
    for name in ["blind", "holdout", "library", "safety"] {
        assert!(out.contains(&format!("library {name}: ")), "{out}");
    }
    assert!(out.matches(" passed, 0 failed").count() >= 2, "{out}");
    // A clinician's folder with one broken rule fails with the problem named.
    let dir = std::env::temp_dir().join(format!("foot-triage-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/knowledge");
    let patch: toml::Table =
        toml::from_str(&std::fs::read_to_string(fixtures.join("bad_formula.toml")).unwrap()).unwrap();
    let text = std::fs::read_to_string(fixtures.join("valid.toml")).unwrap() + "\n" + patch["append"].as_str().unwrap();
    std::fs::write(dir.join("all.toml"), text).unwrap();
    let (code, out, _) = run(&["lint", dir.to_str().unwrap()], "");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("BadFormula in `broken_rule`"), "{out}");
    assert_eq!(run(&["frobnicate"], "").0, 2);
    assert_eq!(run(&["--help"], "").0, 0);
}

#[test]
fn fhir_exports_print_resources_and_refuse_bad_use() {
    let (code, out, _) = run(&["fhir", "questionnaire"], "");
    assert_eq!(code, 0);
    assert!(out.contains("\"resourceType\": \"Questionnaire\""));
    let (code, out, _) = run(&["fhir", "response"], r#"{"fever": false}"#);
    assert_eq!(code, 0);
    assert!(out.contains("\"resourceType\": \"QuestionnaireResponse\""));
    let (code, _, err) = run(&["fhir", "response"], r#"{"fever": 3}"#);
    assert_eq!(code, 2);
    assert!(err.contains("fever"), "{err}");
    let (code, _, err) = run(&["fhir", "patient"], "");
    assert_eq!(code, 2);
    assert!(err.contains("fhir questionnaire"), "{err}");
}

#[test]
fn diary_reviews_a_backup_as_of_a_date() {
    let (code, out, _) = run(&["diary", "tests/fixtures/diary-two-weeks.json", "2026-11-21"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["trend"], "improving");
    assert_eq!(v["triage"], "self_care");
    assert_eq!(v["return_plan"][0]["run_walk"], true);
    assert_eq!(v["shoes"][0]["status"], "check", "420 km + 22 km");
    let (code, _, err) = run(&["diary", "tests/fixtures/diary-two-weeks.json", "21/11/2026"], "");
    assert_eq!(code, 2);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    let (code, _, err) = run(&["diary", "Cargo.toml", "2026-11-21"], "");
    assert_eq!(code, 2);
    assert!(err.contains("not JSON"), "{err}");
}
