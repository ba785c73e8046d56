//! The case libraries: runner cases as data, each with the triage a
//! clinician would give (a level, or a floor and a ceiling) and a condition
//! that belongs in the top three. Each case is run twice: with all its
//! answers at once, and through the adaptive flow with a simulated runner
//! who answers only what is asked. `cargo test` checks them and
//! `foot-triage cases` prints the figures (native only: the cases are TOML).
//!
//! The libraries are the folders of `knowledge/cases/`:
//! - `library/`: the cases written with the rules (they measure agreement
//!   with ourselves);
//! - `safety/`: every probe and interview of the clinical safety review, with
//!   the floor the review asks for;
//! - `blind/`: cases written from guidelines by someone who never read the
//!   rules. Their gold answers are never edited to match the engine; a
//!   disagreement is recorded in the case (`disagreement`);
//! - `holdout/`: a second blind batch, written after the engine was
//!   calibrated and never tuned against: the honest measure;
//! - `benign/`: a third blind batch of presentations guidance manages at
//!   home (with a few controls that guidance refers), for over-triage.

use std::{fmt::Write as _, path::Path};

use serde::{Deserialize, Serialize};

use crate::{
    answers::{Answer, Answers},
    engine::{Assessment, assess, next_question},
    knowledge::{Concerning, KnowledgeBase, Level, Question},
};

/// How a case is judged: with all answers, through the flow, or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Both runs are checked (the default).
    #[default]
    Both,
    /// Only the assessment with all answers is checked (a probe of the rules).
    All,
    /// Only the run through the flow is checked (an interview).
    Flow,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    /// The vignette in plain words (blind cases).
    #[serde(default)]
    pub story: String,
    /// The guidance the gold answer comes from (blind cases).
    #[serde(default)]
    pub guideline: String,
    pub rationale: String,
    /// The exact level a clinician expects. Either this, or a floor (with an
    /// optional ceiling), is required.
    #[serde(default)]
    pub triage: Option<Level>,
    /// The lowest acceptable level: anything below is under-triage.
    #[serde(default)]
    pub floor: Option<Level>,
    /// The highest acceptable level: anything above is over-triage.
    #[serde(default)]
    pub ceiling: Option<Level>,
    #[serde(default)]
    pub ambulance: Option<bool>,
    /// A condition that must be in the top three (first, with `first`).
    #[serde(default)]
    pub condition: Option<String>,
    #[serde(default)]
    pub first: bool,
    /// Plan items that must not appear, and items that must.
    #[serde(default)]
    pub plan_excludes: Vec<String>,
    #[serde(default)]
    pub plan_includes: Vec<String>,
    /// Whether the assessment must count as complete (a red flag answered).
    #[serde(default)]
    pub complete: Option<bool>,
    #[serde(default)]
    pub mode: Mode,
    /// `over_triage` or `under_triage`: a trap for one kind of mistake.
    #[serde(default)]
    pub trap: Option<String>,
    /// Where we disagree with a blind case's gold answer, and why. The gold
    /// answer stays; the case still counts against us.
    #[serde(default)]
    pub disagreement: Option<String>,
    /// The safety review's probe id and the level its build returned.
    #[serde(default)]
    pub probe: Option<String>,
    #[serde(default)]
    pub before: Option<Level>,
    pub answers: toml::Table,
}

impl Case {
    /// The acceptable range of levels.
    pub fn range(&self) -> (Level, Level) {
        match (self.triage, self.floor, self.ceiling) {
            (Some(t), _, _) => (t, t),
            (None, Some(f), c) => (f, c.unwrap_or(Level::Emergency)),
            (None, None, c) => (Level::SelfCare, c.unwrap_or(Level::Emergency)),
        }
    }

    /// The level the case expects, for exact-match figures: its `triage`, or
    /// else its floor.
    pub fn expected(&self) -> Level {
        self.range().0
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

/// Reads every `*.toml` case file in a folder (and its subfolders), or one file.
pub fn load(path: &Path) -> Result<Vec<Case>, String> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed: CaseFile = toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        cases.extend(parsed.cases);
    }
    Ok(cases)
}

fn collect(path: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Whether every failure of a library fails the run. The blind libraries
/// (`blind`, and `holdout` and `benign`, written later and never tuned against) measure
/// the engine: they fail it only when an urgent or emergency case is
/// under-triaged, with all answers or through the flow; the rest are figures.
pub fn strict(library: &str) -> bool {
    !matches!(library, "blind" | "holdout" | "benign")
}

/// Whether a library's results pass under its policy (see [`strict`]).
pub fn passes(library: &str, results: &[CaseResult]) -> bool {
    if strict(library) {
        results.iter().all(|r| r.failures().is_empty())
    } else {
        figures(results, false).serious_under_triaged == 0 && figures(results, true).serious_under_triaged == 0
    }
}

/// The libraries under a cases folder: one per subfolder, in name order.
pub fn libraries(root: &Path) -> Result<Vec<(String, Vec<Case>)>, String> {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .map_err(|e| format!("{}: {e}", root.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| Ok((d.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), load(d)?)))
        .collect()
}

/// One run of a case: with all answers, or through the flow.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub level: Level,
    pub ambulance: bool,
    /// 1-based rank of the expected condition, if it is ranked at all.
    pub rank: Option<usize>,
    /// The run is judged on its ranking: the case names a condition, and the
    /// result shows a differential (an emergency reached through the flow
    /// does not).
    pub ranked: bool,
    /// Screens shown (all answers: none).
    pub screens: usize,
    /// The flow stopped at its screen limit.
    pub at_limit: bool,
    /// Screens from the first screen with a concerning answer to the end,
    /// when the run ends at an emergency.
    pub screens_to_emergency: Option<usize>,
    pub failures: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub id: String,
    pub floor: Level,
    pub ceiling: Level,
    pub expected: Level,
    pub mode: Mode,
    pub all: Run,
    pub flow: Run,
}

impl CaseResult {
    /// Every failure that counts for this case's mode.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.mode != Mode::Flow {
            out.extend(self.all.failures.iter().cloned());
        }
        if self.mode != Mode::All {
            out.extend(self.flow.failures.iter().map(|f| format!("flow: {f}")));
        }
        out
    }
}

/// Runs one case with all its answers and through the adaptive flow.
pub fn check(kb: &KnowledgeBase, case: &Case) -> CaseResult {
    let json = serde_json::to_value(&case.answers).unwrap_or_default();
    let (answers, rejected) = match Answers::from_value(kb, &json) {
        Ok(a) => (a, None),
        Err(e) => (Answers::new(), Some(format!("answers rejected: {e}"))),
    };
    let mut all = judge(kb, case, &answers, &assess(kb, &answers), 0);
    all.failures.extend(rejected.clone());
    let flow = simulate(kb, case, &answers);
    let (floor, ceiling) = case.range();
    CaseResult { id: case.id.clone(), floor, ceiling, expected: case.expected(), mode: case.mode, all, flow }
}

fn judge(kb: &KnowledgeBase, case: &Case, answers: &Answers, result: &Assessment, screens: usize) -> Run {
    let mut failures = Vec::new();
    let (floor, ceiling) = case.range();
    if result.triage < floor {
        failures.push(format!("triage {} below {}", result.triage.as_str(), floor.as_str()));
    } else if result.triage > ceiling {
        failures.push(format!("triage {} above {}", result.triage.as_str(), ceiling.as_str()));
    }
    if let Some(amb) = case.ambulance {
        if amb != result.ambulance && result.triage == Level::Emergency {
            failures.push(format!("ambulance {} instead of {amb}", result.ambulance));
        }
    }
    let rank = case.condition.as_deref().and_then(|c| rank_of(kb, answers, c));
    // An emergency shows no differential (the flow stops at the danger sign,
    // often before the location), so a flow run that ends at an emergency is
    // not judged on its ranking.
    let ranked = !(screens > 0 && result.triage == Level::Emergency);
    if let Some(condition) = case.condition.as_ref().filter(|_| ranked) {
        if kb.condition(condition).is_none() {
            failures.push(format!("unknown condition {condition}"));
        }
        match rank {
            Some(1) => {}
            Some(r) if r <= 3 && !case.first => {}
            Some(r) => {
                failures.push(format!("{condition} ranked {r}{}", if case.first { ", wanted first" } else { "" }))
            }
            None => failures.push(format!("{condition} not ranked")),
        }
    }
    let items: Vec<&str> = result.plan.sections.iter().flat_map(|s| s.items.iter().map(|i| &*i.id)).collect();
    for id in &case.plan_excludes {
        if items.contains(&id.as_str()) {
            failures.push(format!("plan shows {id}"));
        }
    }
    for id in &case.plan_includes {
        if !items.contains(&id.as_str()) {
            failures.push(format!("plan lacks {id}"));
        }
    }
    if let Some(complete) = case.complete {
        if complete != result.complete {
            failures.push(format!("complete is {}", result.complete));
        }
    }
    Run {
        level: result.triage,
        ambulance: result.ambulance,
        rank: rank.filter(|_| ranked),
        ranked: ranked && case.condition.is_some(),
        screens,
        at_limit: false,
        screens_to_emergency: None,
        failures,
    }
}

/// The adaptive flow with a simulated runner: each question asked gets the
/// case's answer, or, when the case does not mention it, what a runner
/// without that sign would say (see [`unstated`]).
fn simulate(kb: &KnowledgeBase, case: &Case, answers: &Answers) -> Run {
    let mut shown = Answers::new();
    let mut screens = 0;
    let mut first_concerning = None;
    let mut at_limit = false;
    for _ in 0..kb.data.questions.len() + 1 {
        let next = next_question(kb, &shown);
        at_limit = next.at_limit;
        let questions = next.questions();
        if questions.is_empty() {
            break;
        }
        screens += 1;
        for q in questions {
            let value = answers.get(&q.id).cloned().unwrap_or_else(|| unstated(q));
            if first_concerning.is_none() && is_concerning(q, &value) {
                first_concerning = Some(screens);
            }
            // An answer the question cannot take ends the run; the case's
            // answers were validated above, so this is only a guard.
            if shown.set(kb, &q.id, value).is_err() {
                break;
            }
        }
    }
    let result = assess(kb, &shown);
    let mut run = judge(kb, case, &shown, &result, screens);
    run.at_limit = at_limit;
    if result.triage == Level::Emergency {
        run.screens_to_emergency = first_concerning.map(|f| screens + 1 - f);
    }
    run
}

fn is_concerning(q: &Question, value: &Answer) -> bool {
    matches!(
        (q.concerning, value),
        (Some(_), Answer::NotSure) | (Some(Concerning::Yes), Answer::Yes) | (Some(Concerning::No), Answer::No)
    )
}

/// The 1-based position of a condition in the full ranking of these answers.
fn rank_of(kb: &KnowledgeBase, answers: &Answers, condition: &str) -> Option<usize> {
    crate::engine::rank(kb, answers).iter().position(|s| kb.data.conditions[s.index].id == condition).map(|p| p + 1)
}

/// What a runner without the sign answers to a question the case does not
/// mention: the knowledge's usual answer ("no swelling", "yes, it is
/// improving", the reassuring yes/no answer), and "not sure" to anything
/// else. A case therefore lists the findings that are present.
pub fn unstated(q: &Question) -> Answer {
    crate::knowledge::usual_answer(q).unwrap_or(Answer::NotSure)
}

/// One library's figures for one kind of run, as the literature reports them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub cases: usize,
    pub passed: usize,
    pub exact_triage: usize,
    pub in_range: usize,
    pub under_triaged: usize,
    /// Under-triaged cases whose expected level is urgent or emergency.
    pub serious_under_triaged: usize,
    pub over_triaged: usize,
    pub emergencies: usize,
    pub emergencies_caught: usize,
    pub self_care: usize,
    pub self_care_kept: usize,
    /// Runs judged on their ranking (see [`Run::ranked`]), and how many put
    /// the expected condition first or in the top three.
    pub with_condition: usize,
    pub top1: usize,
    pub top3: usize,
    pub median_screens: usize,
    pub max_screens: usize,
    pub at_limit: usize,
    /// The most screens between the first concerning answer and an emergency.
    pub max_screens_to_emergency: usize,
}

/// The figures of a library, with all answers and through the flow.
pub fn figures(results: &[CaseResult], flow: bool) -> Figures {
    let run = |r: &CaseResult| if flow { r.flow.clone() } else { r.all.clone() };
    let runs: Vec<(Run, &CaseResult)> = results.iter().map(|r| (run(r), r)).collect();
    let count = |f: &dyn Fn(&Run, &CaseResult) -> bool| runs.iter().filter(|(run, r)| f(run, r)).count();
    let mut screens: Vec<usize> = runs.iter().map(|(run, _)| run.screens).collect();
    screens.sort_unstable();
    Figures {
        cases: results.len(),
        passed: count(&|run, _| run.failures.is_empty()),
        exact_triage: count(&|run, r| run.level == r.expected),
        in_range: count(&|run, r| run.level >= r.floor && run.level <= r.ceiling),
        under_triaged: count(&|run, r| run.level < r.floor),
        serious_under_triaged: count(&|run, r| run.level < r.floor && r.floor >= Level::Urgent),
        over_triaged: count(&|run, r| run.level > r.ceiling),
        emergencies: count(&|_, r| r.floor == Level::Emergency),
        emergencies_caught: count(&|run, r| r.floor == Level::Emergency && run.level == Level::Emergency),
        self_care: count(&|_, r| r.ceiling == Level::SelfCare),
        self_care_kept: count(&|run, r| r.ceiling == Level::SelfCare && run.level == Level::SelfCare),
        with_condition: count(&|run, _| run.ranked),
        top1: count(&|run, _| run.rank == Some(1)),
        top3: count(&|run, _| run.rank.is_some_and(|k| k <= 3)),
        median_screens: screens.get(screens.len() / 2).copied().unwrap_or(0),
        max_screens: screens.last().copied().unwrap_or(0),
        at_limit: count(&|run, _| run.at_limit),
        max_screens_to_emergency: runs.iter().filter_map(|(run, _)| run.screens_to_emergency).max().unwrap_or(0),
    }
}

/// A library's figures as a short text table: with all answers, then
/// through the flow, then every failure that counts.
pub fn report(name: &str, results: &[CaseResult]) -> String {
    let (a, f) = (figures(results, false), figures(results, true));
    let pct = |x: usize, n: usize| if n == 0 { 0.0 } else { 100.0 * x as f64 / n as f64 };
    let mut out = String::new();
    let _ = writeln!(out, "library {name}: {} cases", a.cases);
    let _ = writeln!(out, "                          all answers      through the flow");
    let row = |out: &mut String, label: &str, x: usize, y: usize, n: usize, m: usize| {
        let _ = writeln!(out, "  {label:<24}{x:>4} ({:>3.0}%)       {y:>4} ({:>3.0}%)", pct(x, n), pct(y, m));
    };
    row(&mut out, "triage exact", a.exact_triage, f.exact_triage, a.cases, f.cases);
    row(&mut out, "triage in range", a.in_range, f.in_range, a.cases, f.cases);
    let _ = writeln!(out, "  {:<24}{:>4}              {:>4}", "under-triaged", a.under_triaged, f.under_triaged);
    let _ = writeln!(
        out,
        "  {:<24}{:>4}              {:>4}",
        "  of urgent/emergency", a.serious_under_triaged, f.serious_under_triaged
    );
    let _ = writeln!(out, "  {:<24}{:>4}              {:>4}", "over-triaged", a.over_triaged, f.over_triaged);
    let _ = writeln!(
        out,
        "  {:<24}{:>4} of {:<4}        {:>4} of {}",
        "emergencies caught", a.emergencies_caught, a.emergencies, f.emergencies_caught, f.emergencies
    );
    row(&mut out, "self-care kept", a.self_care_kept, f.self_care_kept, a.self_care, f.self_care);
    row(&mut out, "cause first", a.top1, f.top1, a.with_condition, f.with_condition);
    row(&mut out, "cause in top 3", a.top3, f.top3, a.with_condition, f.with_condition);
    let _ = writeln!(
        out,
        "  {:<24}{:>4}              {:>4}   (a flow run that ends at an emergency shows no causes)",
        "  judged on the cause", a.with_condition, f.with_condition
    );
    let _ = writeln!(
        out,
        "  screens: median {}, max {}, at the limit {}; emergency banner within {} screens of the first red flag",
        f.median_screens, f.max_screens, f.at_limit, f.max_screens_to_emergency
    );
    let failed: Vec<&CaseResult> = results.iter().filter(|r| !r.failures().is_empty()).collect();
    for r in &failed {
        let _ = writeln!(out, "  FAIL {}: {}", r.id, r.failures().join("; "));
    }
    let _ = writeln!(out, "  {} passed, {} failed", results.len() - failed.len(), failed.len());
    out
}
