//! The hazard log (`knowledge/safety/hazards.toml`): each hazard, its cause,
//! the knowledge that controls it, the cases and properties that verify it,
//! and its risk before and after. Native only: it is read by the tests, which
//! check that every id it names exists, and by `foot-triage hazards`, which
//! prints it for clinicians as `knowledge/safety/hazard-log.md`.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::knowledge::KnowledgeBase;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Log {
    pub meta: LogMeta,
    #[serde(rename = "hazard")]
    pub hazards: Vec<Hazard>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogMeta {
    pub standard: String,
    pub review: String,
    pub last_reviewed: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    pub id: String,
    /// The safety review's finding (C1, M4, m7) or the issue it came from.
    pub finding: String,
    pub title: String,
    pub harm: String,
    pub cause: String,
    pub controls: Controls,
    /// Case ids, from any library, that pin the controls.
    #[serde(default)]
    pub cases: Vec<String>,
    /// Property tests (functions in `tests/it/properties.rs`) that check it.
    #[serde(default)]
    pub properties: Vec<String>,
    pub initial: Risk,
    pub residual: Risk,
    #[serde(default)]
    pub residual_note: String,
}

/// The knowledge items that control a hazard, by kind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controls {
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub facts: Vec<String>,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub advice: Vec<String>,
    #[serde(default)]
    pub contradictions: Vec<String>,
    /// Settings and fields of `meta.toml` (`ranking.evidence_min`).
    #[serde(default)]
    pub meta: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub severity: String,
    pub likelihood: String,
    pub risk: u8,
}

const SEVERITIES: [&str; 5] = ["minor", "significant", "considerable", "major", "catastrophic"];
const LIKELIHOODS: [&str; 5] = ["very_low", "low", "medium", "high", "very_high"];

impl Risk {
    /// The DCB0129 rating for this severity and likelihood (1 to 5).
    fn rating(&self) -> Option<u8> {
        let s = SEVERITIES.iter().position(|x| *x == self.severity)?;
        let l = LIKELIHOODS.iter().position(|x| *x == self.likelihood)?;
        // The standard's matrix (rows by severity, columns by likelihood from
        // very low to very high): 1 for a minor, very unlikely harm up to 5
        // for a catastrophic harm that is likely, or a major one that is
        // very likely.
        const MATRIX: [[u8; 5]; 5] =
            [[1, 1, 2, 2, 3], [1, 2, 2, 3, 4], [2, 2, 3, 3, 4], [2, 3, 3, 4, 5], [3, 4, 4, 5, 5]];
        Some(MATRIX[s][l])
    }
}

pub fn parse(text: &str) -> Result<Log, String> {
    toml::from_str(text).map_err(|e| e.to_string())
}

/// Every problem with the log: an id that names nothing, a risk whose rating
/// disagrees with the matrix, a residual risk above the initial one.
/// `cases` are the ids of every case library, `properties` the source of the
/// property tests, `meta` the text of `knowledge/meta.toml`.
pub fn check(log: &Log, kb: &KnowledgeBase, cases: &[String], properties: &str, meta: &str) -> Vec<String> {
    let mut out = Vec::new();
    let d = &kb.data;
    for h in &log.hazards {
        let mut missing = |kind: &str, id: &str, found: bool| {
            if !found {
                out.push(format!("{}: {kind} `{id}` does not exist", h.id));
            }
        };
        let c = &h.controls;
        c.rules.iter().for_each(|id| missing("rule", id, d.rules.iter().any(|r| r.id == *id)));
        c.facts.iter().for_each(|id| missing("fact", id, kb.fact_def(id).is_some()));
        c.questions.iter().for_each(|id| missing("question", id, kb.question(id).is_some()));
        c.conditions.iter().for_each(|id| missing("condition", id, kb.condition(id).is_some()));
        c.advice.iter().for_each(|id| missing("advice", id, kb.advice_item(id).is_some()));
        c.contradictions
            .iter()
            .for_each(|id| missing("contradiction", id, d.contradictions.iter().any(|x| x.id == *id)));
        for path in &c.meta {
            let field = path.rsplit('.').next().unwrap_or(path);
            missing("meta field", path, meta.lines().any(|l| l.trim_start().starts_with(&format!("{field} ="))));
        }
        h.cases.iter().for_each(|id| missing("case", id, cases.contains(id)));
        for p in &h.properties {
            missing("property", p, properties.contains(&format!("fn {p}(")));
        }
        for (name, risk) in [("initial", &h.initial), ("residual", &h.residual)] {
            match risk.rating() {
                Some(r) if r == risk.risk => {}
                Some(r) => out.push(format!("{}: {name} risk is {} but the matrix gives {r}", h.id, risk.risk)),
                None => out.push(format!("{}: {name} severity or likelihood is not a DCB0129 term", h.id)),
            }
        }
        if h.residual.risk > h.initial.risk {
            out.push(format!("{}: the residual risk is above the initial one", h.id));
        }
    }
    out
}

/// The log as a Markdown page for clinicians.
pub fn markdown(log: &Log) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Hazard log\n");
    let _ = writeln!(
        out,
        "Generated from `knowledge/safety/hazards.toml` by `foot-triage hazards`; edit that file, not this page.\n"
    );
    let _ = writeln!(out, "- Standard: {}", log.meta.standard);
    let _ = writeln!(out, "- Started from: {}", log.meta.review);
    let _ = writeln!(out, "- Last reviewed: {}", log.meta.last_reviewed);
    let _ = writeln!(
        out,
        "- This is the developers' structured log, not a clinical safety officer's sign-off. Risk ratings use the DCB0129 matrix (1 acceptable to 5 unacceptable).\n"
    );
    let _ = writeln!(out, "| Hazard | Finding | Initial risk | Residual risk |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    for h in &log.hazards {
        let _ = writeln!(out, "| {} {} | {} | {} | {} |", h.id, h.title, h.finding, h.initial.risk, h.residual.risk);
    }
    for h in &log.hazards {
        let _ = writeln!(out, "\n## {}: {}\n", h.id, h.title);
        let _ = writeln!(out, "- **Finding:** {}", h.finding);
        let _ = writeln!(out, "- **Harm:** {}", h.harm);
        let _ = writeln!(out, "- **Cause:** {}", h.cause);
        let c = &h.controls;
        let mut controls = Vec::new();
        for (kind, ids) in [
            ("rules", &c.rules),
            ("facts", &c.facts),
            ("questions", &c.questions),
            ("conditions", &c.conditions),
            ("advice", &c.advice),
            ("contradictions", &c.contradictions),
            ("settings", &c.meta),
        ] {
            if !ids.is_empty() {
                controls
                    .push(format!("{kind} {}", ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")));
            }
        }
        let _ = writeln!(out, "- **Controls:** {}", controls.join("; "));
        let list = |ids: &[String]| {
            if ids.is_empty() {
                "none".to_string()
            } else {
                ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
            }
        };
        let _ = writeln!(out, "- **Verified by cases:** {}", list(&h.cases));
        let _ = writeln!(out, "- **Verified by properties:** {}", list(&h.properties));
        let _ = writeln!(
            out,
            "- **Risk:** initial {} ({}, {}); residual {} ({}, {})",
            h.initial.risk,
            h.initial.severity,
            h.initial.likelihood.replace('_', " "),
            h.residual.risk,
            h.residual.severity,
            h.residual.likelihood.replace('_', " ")
        );
        if !h.residual_note.is_empty() {
            let _ = writeln!(out, "- **What remains:** {}", h.residual_note);
        }
    }
    out
}
