//! The hazard log: every id it names exists (knowledge items, cases in any
//! library, property tests), its risks follow the DCB0129 matrix, every
//! finding of the safety review in scope has a hazard, and the clinicians'
//! page is current.

use std::path::Path;

use foot_triage::check::{cases, hazards};

use crate::support::kb;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn log() -> hazards::Log {
    let text = std::fs::read_to_string(root().join("knowledge/safety/hazards.toml")).unwrap();
    hazards::parse(&text).unwrap_or_else(|e| panic!("hazards.toml: {e}"))
}

#[test]
fn every_id_in_the_hazard_log_exists_and_every_risk_follows_the_matrix() {
    let ids: Vec<String> = cases::libraries(&root().join("knowledge/cases"))
        .unwrap()
        .into_iter()
        .flat_map(|(_, cases)| cases.into_iter().map(|c| c.id))
        .collect();
    let properties = ["properties.rs", "soundness.rs", "danger_check.rs"]
        .map(|f| std::fs::read_to_string(root().join("tests/it").join(f)).unwrap())
        .join("\n");
    let meta = std::fs::read_to_string(root().join("knowledge/meta.toml")).unwrap();
    let problems = hazards::check(&log(), kb(), &ids, &properties, &meta);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_critical_and_major_finding_has_a_hazard() {
    let log = log();
    let findings: Vec<&str> = log.hazards.iter().flat_map(|h| h.finding.split(", ")).collect();
    // Both reviews: the first's C1 to C3 and M1 to M15, the second's NC1 and
    // NM1 to NM11.
    let first =
        ["C1", "C2", "C3"].into_iter().chain((1..=15).map(|n| Box::leak(format!("M{n}").into_boxed_str()) as &str));
    let second = std::iter::once("NC1").chain((1..=11).map(|n| Box::leak(format!("NM{n}").into_boxed_str()) as &str));
    let wanted = first.chain(second);
    for f in wanted {
        assert!(findings.contains(&f), "no hazard for finding {f}");
    }
    for h in &log.hazards {
        assert!(!h.cases.is_empty() || h.finding.starts_with("M15"), "{} is verified by no case", h.id);
    }
}

#[test]
fn the_hazard_page_is_generated_from_the_log() {
    let page = std::fs::read_to_string(root().join("knowledge/safety/hazard-log.md")).unwrap();
    assert!(
        page == hazards::markdown(&log()),
        "knowledge/safety/hazard-log.md is out of date: run `cargo run --bin foot-triage -- hazards > knowledge/safety/hazard-log.md`"
    );
}
