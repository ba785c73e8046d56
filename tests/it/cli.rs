//! The `foot-triage` binary, run as a user would run it.

use serde_json::json;
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
    // A command refused before it reads its input closes the pipe first: that
    // is its answer, not the test's failure.
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing the input: {e}");
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// One run of the binary and what it must come to: the exit code, values at
/// JSON pointers in its output, and the words (a key's name, a format) its
/// one-line error must contain.
struct Run {
    args: Vec<String>,
    stdin: &'static str,
    code: i32,
    json: Vec<(&'static str, serde_json::Value)>,
    error_names: &'static [&'static str],
}

fn ok(args: &[&str], stdin: &'static str, json: Vec<(&'static str, serde_json::Value)>) -> Run {
    Run { args: args.iter().map(|a| a.to_string()).collect(), stdin, code: 0, json, error_names: &[] }
}

fn refused(args: &[&str], stdin: &'static str, error_names: &'static [&'static str]) -> Run {
    Run { args: args.iter().map(|a| a.to_string()).collect(), stdin, code: 2, json: vec![], error_names }
}

fn check(case: &Run) -> serde_json::Value {
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    let (code, out, err) = run(&args, case.stdin);
    let label = format!("{args:?} < {}", case.stdin);
    assert_eq!(code, case.code, "{label}: {err}");
    if code == 2 {
        assert!(out.is_empty(), "{label}: a refusal prints nothing on stdout");
        assert_eq!(err.lines().count(), 1, "{label}: one line, got {err}");
    }
    for needle in case.error_names {
        assert!(err.contains(needle), "{label}: {err} does not name {needle}");
    }
    if case.json.is_empty() {
        return serde_json::Value::Null;
    }
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{label}: {e}: {out}"));
    for (pointer, want) in &case.json {
        assert_eq!(v.pointer(pointer), Some(want), "{label}: {pointer}");
    }
    v
}

#[test]
fn each_command_answers_as_documented() {
    let dir = std::env::temp_dir().join(format!("foot-triage-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("answers.json");
    std::fs::write(&file, r#"{"injury": "twist_or_roll", "can_bear_weight": false}"#).unwrap();
    let table = [
        ok(
            &["assess"],
            r#"{"cold_pale_foot": true, "pain_locations": ["whole_foot"]}"#,
            vec![
                ("/triage", json!("emergency")),
                ("/ambulance", json!(true)),
                ("/triage_reasons/0/id", json!("cold_pale_foot")),
                ("/conditions/0/id", json!("acute_limb_ischemia")),
            ],
        ),
        ok(&["assess", file.to_str().unwrap()], "", vec![("/triage", json!("urgent"))]),
        // The runner's country names its number and services; the FHIR
        // response records it.
        ok(
            &["assess", "--lang", "es", "--region", "ES"],
            r#"{"cold_pale_foot": true}"#,
            vec![("/region", json!("ES")), ("/action", json!("Llama ahora al 112 y pide una ambulancia"))],
        ),
        ok(
            &["assess", "--region", "mx"],
            r#"{"cold_pale_foot": true}"#,
            vec![("/action", json!("Call an ambulance now on 911"))],
        ),
        ok(&["assess", "--region", "FR"], r#"{"cold_pale_foot": true}"#, vec![("/region", json!(null))]),
        ok(
            &["fhir", "response", "--region", "GB"],
            r#"{"fever": false}"#,
            vec![
                ("/extension/0/valueCoding/code", json!("GB")),
                ("/extension/0/valueCoding/system", json!("urn:iso:std:iso:3166")),
            ],
        ),
        ok(&["questions"], "", vec![("/contract_version", json!(3))]),
        ok(&["next"], "{}", vec![("/done", json!(false)), ("/question/phase", json!("red_flag"))]),
        ok(&["next"], r#"{"cold_pale_foot": true}"#, vec![("/done", json!(true))]),
        ok(&["fhir", "questionnaire"], "", vec![("/resourceType", json!("Questionnaire"))]),
        ok(&["fhir", "response"], r#"{"fever": false}"#, vec![("/resourceType", json!("QuestionnaireResponse"))]),
        ok(
            &["diary", "tests/fixtures/diary-two-weeks.json", "2026-11-21"],
            "",
            vec![
                ("/trend", json!("improving")),
                ("/triage", json!("self_care")),
                ("/return_plan/0/run_walk", json!(true)),
                // 420 km logged before, 22 km in the diary.
                ("/shoes/0/status", json!("check")),
            ],
        ),
        ok(&["lint"], "", vec![]),
        ok(&["--help"], "", vec![]),
        // The words follow --lang; the decisions do not change.
        ok(
            &["--lang", "es", "next"],
            "{}",
            vec![
                ("/question/id", json!("injury")),
                (
                    "/question/text",
                    json!("¿El dolor empezó con una lesión puntual, como una torcedura, una caída o un golpe?"),
                ),
            ],
        ),
        ok(
            &["assess", "--lang", "es-MX"],
            r#"{"cold_pale_foot": true}"#,
            vec![("/triage", json!("emergency")), ("/conditions/0/id", json!("acute_limb_ischemia"))],
        ),
        ok(&["--lang", "es", "questions"], "", vec![("/contract_version", json!(3))]),
        ok(
            &["--lang", "es", "fhir", "questionnaire"],
            "",
            vec![("/language", json!("es")), ("/_title/extension/0/extension/0/valueCode", json!("en"))],
        ),
        ok(
            &["fhir", "questionnaire"],
            "",
            vec![("/language", json!("en")), ("/item/0/_text/extension/0/extension/0/valueCode", json!("es"))],
        ),
        ok(&["--lang", "es", "fhir", "response"], r#"{"fever": false}"#, vec![("/language", json!("es"))]),
        refused(&["--lang", "fr", "questions"], "", &["`fr`", "es"]),
        refused(&["questions", "--lang"], "", &["--lang"]),
        refused(&["assess", "--region", "Spain"], "", &["Spain", "two letters"]),
        refused(&["assess", "--region"], "", &["--region"]),
        // Bad answers: exit 2 and one line that names the key.
        refused(&["assess"], r#"{"intensity": 14}"#, &["`intensity`"]),
        refused(&["assess"], r#"{"shoe_km": -5}"#, &["`shoe_km`"]),
        refused(&["assess"], r#"{"colour": "red"}"#, &["`colour`"]),
        refused(&["assess"], r#"{"diabetes": "yes"}"#, &["`diabetes`"]),
        refused(&["assess"], r#"{"pain_locations": "heel_bottom"}"#, &["`pain_locations`"]),
        refused(&["assess"], r#"{"pain_locations": ["heel"]}"#, &["`pain_locations`"]),
        refused(&["assess"], r#"{"age": 1e400}"#, &["JSON"]),
        refused(&["assess"], r#"{"fever": tru"#, &["JSON"]),
        refused(&["assess"], "[]", &["object"]),
        refused(&["assess"], "", &["JSON"]),
        refused(&["fhir", "response"], r#"{"fever": 3}"#, &["fever"]),
        refused(&["fhir", "patient"], "", &["fhir questionnaire"]),
        refused(&["diary", "tests/fixtures/diary-two-weeks.json", "21/11/2026"], "", &["YYYY-MM-DD"]),
        refused(&["diary", "Cargo.toml", "2026-11-21"], "", &["not JSON"]),
        refused(&["frobnicate"], "", &[]),
    ];
    for case in &table {
        check(case);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn assess_and_questions_print_every_contracted_field() {
    let (_, out, _) = run(&["assess"], r#"{"injury": "none", "pain_locations": ["heel_bottom"]}"#);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for field in ["name", "reasons_for", "reasons_against"] {
        assert!(v["conditions"][0].get(field).is_some(), "missing {field}");
    }
    assert!(v["plan"]["sections"].is_array());
    assert!(v["safety_net"].as_array().is_some_and(|a| !a.is_empty()));
    let (_, out, _) = run(&["questions"], "");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v["questions"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert!(keys.contains(&"intensity") && keys.contains(&"pain_locations"));
}

#[test]
fn cases_report_a_library_and_a_broken_folder_fails_lint() {
    // One library through the binary, with its report: the whole set, and
    // the soundness property, run once in `cases.rs`, `soundness.rs` and the
    // test command's own `foot-triage cases`.
    let (code, out, _) = run(&["cases", "knowledge/cases/safety"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("library knowledge/cases/safety: "), "{out}");
    assert!(out.contains(" passed, 0 failed"), "{out}");
    assert!(!out.contains("runners"), "no generated runners for one library: {out}");
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
}

/// The plain-text hand-off follows `--lang`: its headings and its content
/// are Spanish, and none of the English headings remain.
#[test]
fn the_summary_speaks_the_language_asked_for() {
    let answers = r#"{"injury": "none", "pain_locations": ["heel_bottom"], "fever": false}"#;
    let (code, out, err) = run(&["summary", "--lang", "es"], answers);
    assert_eq!(code, 0, "{err}");
    for spanish in ["RESUMEN DE FOOT TRIAGE", "POSIBLES CAUSAS", "RESPUESTAS", "CUÁNDO PEDIR AYUDA"] {
        assert!(out.contains(spanish), "{spanish} missing from\n{out}");
    }
    for english in ["SUMMARY", "POSSIBLE CAUSES", "ANSWERS", "WHEN TO GET HELP", "RESULT:"] {
        assert!(!out.contains(english), "{english} left in\n{out}");
    }
}
