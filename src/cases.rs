//! The case library: runner cases as data, each with the triage a clinician
//! would give and a condition that belongs in the top three. One runner
//! checks them all for `cargo test`, and `foot-triage cases` prints the
//! figures (native only: the cases are TOML).

use std::{fmt::Write as _, path::Path};

use serde::{Deserialize, Serialize};

use crate::{
    answers::{Answer, Answers},
    engine::{assess, next_question},
    knowledge::{KnowledgeBase, Level},
};

#[derive(Debug, Clone, Deserialize)]
pub struct Case {
    pub id: String,
    pub rationale: String,
    pub triage: Level,
    #[serde(default)]
    pub ambulance: Option<bool>,
    pub condition: String,
    #[serde(default)]
    pub first: bool,
    pub answers: toml::Table,
}

#[derive(Deserialize)]
struct CaseFile {
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

/// Reads every `*.toml` case file in a folder, or one file.
pub fn load(path: &Path) -> Result<Vec<Case>, String> {
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed: CaseFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        cases.extend(parsed.cases);
    }
    Ok(cases)
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub id: String,
    pub expected: Level,
    pub got: Level,
    pub ambulance: bool,
    /// 1-based rank of the expected condition, if listed at all.
    pub rank: Option<usize>,
    /// Questions the adaptive flow asked before stopping.
    pub questions: usize,
    /// The level when only the adaptive flow's questions are answered.
    pub adaptive_level: Level,
    pub adaptive_rank: Option<usize>,
    pub failures: Vec<String>,
}

/// Runs one case through `assess` and through the adaptive flow.
pub fn check(kb: &KnowledgeBase, case: &Case) -> CaseResult {
    let mut failures = Vec::new();
    let json = serde_json::to_value(&case.answers).unwrap_or_default();
    let answers = match Answers::from_value(kb, &json) {
        Ok(a) => a,
        Err(e) => {
            failures.push(format!("answers rejected: {e}"));
            Answers::new()
        }
    };
    let result = assess(kb, &answers);
    let rank = rank_of(kb, &answers, &case.condition);
    if result.triage != case.triage {
        failures.push(format!("triage {} instead of {}", result.triage.as_str(), case.triage.as_str()));
    }
    if let Some(amb) = case.ambulance {
        if amb != result.ambulance {
            failures.push(format!("ambulance {} instead of {amb}", result.ambulance));
        }
    }
    match rank {
        Some(1) => {}
        Some(r) if r <= 3 && !case.first => {}
        Some(r) => {
            failures.push(format!("{} ranked {r}{}", case.condition, if case.first { ", wanted first" } else { "" }))
        }
        None => failures.push(format!("{} not ranked", case.condition)),
    }
    if kb.condition(&case.condition).is_none() {
        failures.push(format!("unknown condition {}", case.condition));
    }
    // The adaptive flow, revealing the case's answer to each question asked
    // (or "not sure" when the case does not say).
    let mut shown = Answers::new();
    for _ in 0..kb.data.questions.len() + 1 {
        let next = next_question(kb, &shown);
        let Some(q) = next.question else { break };
        let value = answers.get(&q.id).cloned().unwrap_or_else(|| unstated(&q));
        if shown.set(kb, &q.id, value).is_err() {
            break;
        }
    }
    let adaptive = assess(kb, &shown);
    CaseResult {
        id: case.id.clone(),
        expected: case.triage,
        got: result.triage,
        ambulance: result.ambulance,
        rank,
        questions: shown.len(),
        adaptive_level: adaptive.triage,
        adaptive_rank: rank_of(kb, &shown, &case.condition),
        failures,
    }
}

/// The 1-based position of a condition in the full ranking of these answers.
fn rank_of(kb: &KnowledgeBase, answers: &Answers, condition: &str) -> Option<usize> {
    crate::engine::rank(kb, answers).iter().position(|s| kb.data.conditions[s.index].id == condition).map(|p| p + 1)
}

/// What a case that leaves a question out is taken to answer when the flow
/// asks it: the reassuring answer to a yes/no question (a case lists the
/// findings that are present), and "not sure" to anything else.
fn unstated(q: &crate::knowledge::Question) -> Answer {
    use crate::knowledge::{Concerning, QuestionKind};
    match (q.kind, q.concerning) {
        (QuestionKind::YesNo, Some(Concerning::No)) => Answer::Yes,
        (QuestionKind::YesNo, _) => Answer::No,
        _ => Answer::NotSure,
    }
}

/// The library's figures, as the literature reports them.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub cases: usize,
    pub passed: usize,
    pub exact_triage: usize,
    pub under_triaged: usize,
    pub over_triaged: usize,
    pub emergencies: usize,
    pub emergencies_caught: usize,
    pub self_care: usize,
    pub self_care_kept: usize,
    pub top1: usize,
    pub top3: usize,
    pub mean_questions: f64,
    pub adaptive_exact_triage: usize,
    pub adaptive_under_triaged: usize,
    pub adaptive_top3: usize,
}

pub fn summarize(results: &[CaseResult]) -> Summary {
    let n = results.len();
    let count = |f: &dyn Fn(&CaseResult) -> bool| results.iter().filter(|r| f(r)).count();
    Summary {
        cases: n,
        passed: count(&|r| r.failures.is_empty()),
        exact_triage: count(&|r| r.got == r.expected),
        under_triaged: count(&|r| r.got < r.expected),
        over_triaged: count(&|r| r.got > r.expected),
        emergencies: count(&|r| r.expected == Level::Emergency),
        emergencies_caught: count(&|r| r.expected == Level::Emergency && r.got == Level::Emergency),
        self_care: count(&|r| r.expected == Level::SelfCare),
        self_care_kept: count(&|r| r.expected == Level::SelfCare && r.got == Level::SelfCare),
        top1: count(&|r| r.rank == Some(1)),
        top3: count(&|r| r.rank.is_some_and(|k| k <= 3)),
        mean_questions: if n == 0 { 0.0 } else { results.iter().map(|r| r.questions as f64).sum::<f64>() / n as f64 },
        adaptive_exact_triage: count(&|r| r.adaptive_level == r.expected),
        adaptive_under_triaged: count(&|r| r.adaptive_level < r.expected),
        adaptive_top3: count(&|r| r.adaptive_rank.is_some_and(|k| k <= 3)),
    }
}

/// The summary as a short text table.
pub fn report(results: &[CaseResult]) -> String {
    let s = summarize(results);
    let pct = |a: usize, b: usize| {
        if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 }
    };
    let mut out = String::new();
    for r in results.iter().filter(|r| !r.failures.is_empty()) {
        let _ = writeln!(out, "FAIL {}: {}", r.id, r.failures.join("; "));
    }
    let _ = writeln!(out, "cases                 {}", s.cases);
    let _ = writeln!(out, "exact triage          {} ({:.0}%)", s.exact_triage, pct(s.exact_triage, s.cases));
    let _ = writeln!(out, "under-triaged         {}", s.under_triaged);
    let _ = writeln!(out, "over-triaged          {}", s.over_triaged);
    let _ = writeln!(out, "emergencies caught    {} of {}", s.emergencies_caught, s.emergencies);
    let _ = writeln!(out, "self-care kept        {} of {}", s.self_care_kept, s.self_care);
    let _ = writeln!(out, "condition first       {} ({:.0}%)", s.top1, pct(s.top1, s.cases));
    let _ = writeln!(out, "condition in top 3    {} ({:.0}%)", s.top3, pct(s.top3, s.cases));
    let _ = writeln!(out, "adaptive: questions   {:.1} on average", s.mean_questions);
    let _ = writeln!(
        out,
        "adaptive: exact       {} ({:.0}%), under-triaged {}",
        s.adaptive_exact_triage,
        pct(s.adaptive_exact_triage, s.cases),
        s.adaptive_under_triaged
    );
    let _ = writeln!(out, "adaptive: top 3       {} ({:.0}%)", s.adaptive_top3, pct(s.adaptive_top3, s.cases));
    let _ = writeln!(out, "{} passed, {} failed", s.passed, s.cases - s.passed);
    out
}
