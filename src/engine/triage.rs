//! Triage: the decision table of `knowledge/rules.toml` plus the top
//! condition's floor. Every rule whose formula holds fires; the highest level
//! wins, so a red flag is a hard floor that nothing else can lower.

use serde::Serialize;

use super::ranking::{self, Scored};
use crate::{
    answers::{Answer, Answers},
    knowledge::{KnowledgeBase, Level, Text, formula::Expr},
};

/// Why the level is what it is: one fired rule, with the answers that made it fire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriageReason {
    /// The rule id, or `floor_<condition>` for a floor set by a condition's score.
    pub id: Text,
    pub kind: Text,
    pub level: Level,
    pub reason: Text,
    pub answers: Vec<AnswerShown>,
    pub source: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspects: Option<Text>,
}

/// One answer as shown next to a reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerShown {
    pub key: Text,
    pub question: Text,
    pub answer: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Triage {
    pub level: Level,
    pub ambulance: bool,
    pub stop_running: bool,
    /// Fired rules at the final level, most specific first.
    pub reasons: Vec<TriageReason>,
    /// Fired rules below the final level (never the catch-all).
    pub other_findings: Vec<TriageReason>,
}

/// The level alone, for the adaptive flow's look-ahead: the same decision as
/// `triage`, without building any explanation or ranking. Floors need only
/// each condition's score, so it scores them without collecting reasons.
pub fn level_only(kb: &KnowledgeBase, answers: &Answers) -> Level {
    let min = kb.data.meta.ranking.floor_min_score;
    let mut level = kb
        .data
        .conditions
        .iter()
        .filter(|c| c.floor > Level::SelfCare && ranking::score_only(kb, answers, c) >= min)
        .map(|c| c.floor)
        .max()
        .unwrap_or(Level::SelfCare);
    for rule in kb.data.rules.iter() {
        if rule.level > level && rule.when.eval(kb, answers) {
            level = rule.level;
        }
    }
    level
}

/// The conditions whose floor applies: every one whose own score reaches
/// `floor_min_score`. This depends on each condition's score alone, never on
/// the ranking, so a new red-flag answer (which only adds to the scores of
/// serious conditions) can never take a floor away.
fn floors<'a>(kb: &'a KnowledgeBase, ranked: &'a [Scored]) -> impl Iterator<Item = &'a Scored> + 'a {
    let min = kb.data.meta.ranking.floor_min_score;
    ranked.iter().filter(move |s| s.score >= min && kb.data.conditions[s.index].floor > Level::SelfCare)
}

pub fn triage(kb: &KnowledgeBase, answers: &Answers, ranked: &[Scored]) -> Triage {
    let mut fired: Vec<(TriageReason, bool, bool)> = Vec::new();
    for rule in kb.data.rules.iter() {
        if !rule.when.eval(kb, answers) {
            continue;
        }
        let reason = TriageReason {
            id: rule.id.clone(),
            kind: rule.kind.clone(),
            level: rule.level,
            reason: rule.reason.clone(),
            answers: shown(kb, answers, &rule.when.expr),
            source: rule.source.clone(),
            suspects: rule.suspects.clone(),
        };
        fired.push((reason, rule.ambulance, rule.stop_running));
    }
    for scored in floors(kb, ranked) {
        let condition = &kb.data.conditions[scored.index];
        let answers_shown = scored.keys.iter().filter_map(|k| answers.get(k).map(|a| show(kb, k, a))).collect();
        fired.push((
            TriageReason {
                id: format!("floor_{}", condition.id).into(),
                kind: "condition".into(),
                level: condition.floor,
                reason: format!("Your answers fit this pattern: {}. {}", condition.name, condition.seek_care).into(),
                answers: answers_shown,
                source: condition.source.clone(),
                suspects: Some(condition.id.clone()),
            },
            false,
            condition.stop_running,
        ));
    }
    let level = fired.iter().map(|(r, _, _)| r.level).max().unwrap_or(Level::SelfCare);
    let ambulance = level == Level::Emergency && fired.iter().any(|(r, amb, _)| *amb && r.level == level);
    let stop_running = level > Level::SelfCare && fired.iter().any(|(_, _, stop)| *stop);
    let (mut reasons, mut other_findings) = (Vec::new(), Vec::new());
    for (reason, amb, _) in fired {
        if reason.level == level {
            // Rules that call for an ambulance lead, as they carry the action.
            if amb { reasons.insert(0, reason) } else { reasons.push(reason) }
        } else if reason.kind != "default" {
            other_findings.push(reason);
        }
    }
    crate::small_sort::sort_by(&mut other_findings, |a, b| a.level > b.level);
    Triage { level, ambulance, stop_running, reasons, other_findings }
}

fn shown(kb: &KnowledgeBase, answers: &Answers, expr: &Expr) -> Vec<AnswerShown> {
    expr.keys(kb).iter().filter_map(|k| answers.get(k).map(|a| show(kb, k, a))).collect()
}

fn show(kb: &KnowledgeBase, key: &str, answer: &Answer) -> AnswerShown {
    let question = kb.question(key);
    let mut text = kb.describe_answer(key, answer);
    if *answer == Answer::NotSure && question.is_some_and(|q| q.concerning.is_some()) {
        text.push_str(" (counted as the worrying answer, to be safe)");
    }
    AnswerShown {
        key: Text::from(key.to_string()),
        question: question.map_or_else(|| Text::from(key.to_string()), |q| q.label.clone()),
        answer: text.into(),
    }
}
