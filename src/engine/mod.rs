//! The engine: `assess` turns answers into a triage level, a ranked
//! differential and a plan; `next_question` picks what to ask next.
//!
//! **Both are pure functions of the knowledge base and the answers: no IO, no
//! clock, no global mutable state, no web types.**

pub mod calculators;
pub mod danger_check;
mod flow;
mod plan;
mod ranking;
mod soundness;
mod summary;
mod triage;
mod value;

use serde::Serialize;

pub use flow::{Next, next_question, screens_answered};
pub use plan::{Plan, PlanItem, PlanSection};
pub use ranking::{Scored, rank};
pub use summary::{AnswerLines, answer_lines, plain_text};
pub use triage::{AnswerShown, TriageReason};

use crate::{
    answers::Answers,
    knowledge::{KnowledgeBase, Level, Phase, RuleKind, Text},
};

/// The whole result of one triage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The not-a-diagnosis notice; every result carries it.
    pub notice: Text,
    /// False when none of the danger-sign questions was answered: the
    /// result then says so instead of offering home care as safe.
    pub complete: bool,
    pub knowledge_version: Text,
    /// The country whose services the words name (ISO 3166), when the
    /// knowledge was filled for one (`KnowledgeBase::for_region`).
    pub region: Option<Text>,
    pub triage: Level,
    /// On emergencies that threaten life or limb: call an ambulance.
    pub ambulance: bool,
    /// The action in plain words ("See a clinician today").
    pub action: Text,
    pub timeframe: Text,
    /// The fired rules that set the level, with the answers behind each.
    pub triage_reasons: Vec<TriageReason>,
    /// Other warning signs found, below the final level.
    pub other_findings: Vec<TriageReason>,
    pub conditions: Vec<RankedCondition>,
    pub plan: Plan,
    /// What would change the advice, and when to come back.
    pub safety_net: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedCondition {
    pub id: Text,
    pub name: Text,
    /// `strong`, `possible` or `less_likely`.
    pub likelihood: &'static str,
    pub score: i32,
    pub description: Text,
    pub seek_care: Text,
    pub reasons_for: Vec<Text>,
    pub reasons_against: Vec<Text>,
}

pub fn assess(kb: &KnowledgeBase, answers: &Answers) -> Assessment {
    let ranked = ranking::rank(kb, answers);
    let triage = triage::triage(kb, answers, &ranked);
    let suspected = plan::suspected(kb, &ranked);
    // A suspected cause that says to stop running (a possible stress
    // fracture) stops the running plan too, even when its floor is not
    // reached: "Stop running" and "add 10% next week" never show together.
    let stop_running = triage.stop_running
        || (triage.level > Level::SelfCare && suspected.iter().any(|s| kb.data.conditions[s.index].stop_running));
    let situation = plan::Situation { level: triage.level, stop_running, ambulance: triage.ambulance };
    let plan = plan::build(kb, answers, situation, &suspected);
    let info = kb.level(triage.level);
    let complete = answers.iter().any(|(k, _)| kb.question(k).is_some_and(|q| q.phase == Phase::RedFlag));
    let action = match info {
        _ if !complete && triage.level == Level::SelfCare => kb.data.meta.incomplete.clone(),
        Some(info) if triage.ambulance => info.action_for(true).clone(),
        _ if triage.action.is_some() => triage.action.clone().unwrap_or_default(),
        Some(info) => info.action.clone(),
        None => Text::Borrowed(triage.level.as_str()),
    };
    let safety_net = safety_net(kb, answers, triage.level, &suspected);
    let conditions = listed(kb, &ranked, triage.level);
    Assessment {
        notice: kb.data.meta.notice.clone(),
        complete,
        knowledge_version: kb.data.meta.version.clone(),
        region: kb.country().map(|r| r.id.clone()),
        triage: triage.level,
        ambulance: triage.ambulance,
        action,
        timeframe: info.map(|i| i.timeframe.clone()).unwrap_or_default(),
        triage_reasons: if !complete && triage.level == Level::SelfCare {
            vec![TriageReason {
                id: "incomplete".into(),
                kind: RuleKind::Default,
                level: Level::SelfCare,
                reason: kb.data.meta.incomplete.clone(),
                answers: Vec::new(),
                source: kb.data.meta.source.clone(),
                suspects: None,
            }]
        } else {
            triage.reasons
        },
        other_findings: triage.other_findings,
        conditions,
        plan,
        safety_net,
    }
}

/// The safety net: the knowledge's items for this level and these answers,
/// then, below an emergency, when to get the first suspected cause seen.
fn safety_net(kb: &KnowledgeBase, answers: &Answers, level: Level, suspected: &[&ranking::Scored]) -> Vec<Text> {
    let mut net: Vec<Text> = kb
        .data
        .safety_net
        .iter()
        .filter(|s| s.levels.contains(&level) && s.when.eval(kb, answers))
        .map(|s| s.text.clone())
        .collect();
    if let Some(first) = suspected.first() {
        let condition = &kb.data.conditions[first.index];
        if level < Level::Emergency {
            net.push(format!("{}: {}", condition.name, triage::care_text(condition, level)).into());
        }
    }
    net
}

/// The causes to list, best first, each with its likelihood in the
/// knowledge's terms and its reasons.
fn listed(kb: &KnowledgeBase, ranked: &[ranking::Scored], level: Level) -> Vec<RankedCondition> {
    let tuning = kb.data.meta.ranking;
    ranked
        .iter()
        .enumerate()
        // The top `listed_min` always (the literature's top-three measure),
        // and beyond them only those with real support, up to `listed_max`.
        .take_while(|(i, s)| *i < tuning.listed_min || (*i < tuning.listed_max && s.score >= tuning.possible))
        .map(|(_, s)| {
            let c = &kb.data.conditions[s.index];
            RankedCondition {
                id: c.id.clone(),
                name: c.name.clone(),
                likelihood: if s.score >= tuning.strong {
                    "strong"
                } else if triage::is_possible(kb, c.floor, s.score, s.evidence) {
                    "possible"
                } else {
                    "less_likely"
                },
                score: s.score,
                description: c.description.clone(),
                seek_care: triage::care_text(c, level).clone(),
                reasons_for: s.reasons_for.clone(),
                reasons_against: s.reasons_against.clone(),
            }
        })
        .collect()
}

/// The interface text naming a likelihood (`RankedCondition::likelihood`).
pub fn likelihood_text(likelihood: &str) -> crate::knowledge::Ui {
    use crate::knowledge::Ui;
    match likelihood {
        "strong" => Ui::LikelihoodStrong,
        "possible" => Ui::LikelihoodPossible,
        _ => Ui::LikelihoodLessLikely,
    }
}
