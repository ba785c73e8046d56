//! Triage: the decision table of `knowledge/rules.toml` plus the conditions'
//! floors. Every rule whose formula holds fires; the highest level wins, so a
//! red flag is a hard floor that nothing else can lower.
//!
//! A condition with an urgent or emergency floor applies it in two steps, by
//! its own score alone (never by its rank, so a new answer that only adds to
//! serious conditions can never take a floor away):
//! - at `meta.ranking.possible`, with at least `meta.ranking.evidence_min` of
//!   its score from its own features (not from where it hurts), it is listed
//!   as a possible cause and sets one level below its floor (an emergency
//!   condition: urgent; an urgent one: soon), so a dangerous cause is never
//!   shown as possible while the advice is home care;
//! - at `meta.ranking.floor_min_score` it sets its full floor.
//!
//! A condition managed at home declares when that home care has had its
//! chance (`review`, from the condition's own guidance): while it is a
//! possible cause and its `when` holds, the level is at least `soon`.

use serde::Serialize;

use super::ranking::Scored;
use crate::{
    answers::{Answer, Answers},
    knowledge::{Condition, KnowledgeBase, Level, RuleKind, Text, Ui, formula::Expr},
};

/// Why the level is what it is: one fired rule, with the answers that made it fire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriageReason {
    /// The rule id, or `floor_<condition>` for a floor set by a condition's score.
    pub id: Text,
    pub kind: RuleKind,
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
    /// A more specific place to go than the level's action, from the rule
    /// that leads the reasons.
    pub action: Option<Text>,
}

/// The level a condition with this floor, score and evidence sets, if any:
/// its floor from `floor_min_score`, one level below it once it is a
/// possible cause (urgent and emergency floors only: one below "soon" would
/// be self-care, which sets nothing).
pub(crate) fn floor_for(kb: &KnowledgeBase, floor: Level, score: i32, evidence: i32) -> Option<Level> {
    if score >= kb.data.meta.ranking.floor_min_score {
        Some(floor)
    } else if floor >= Level::Urgent && is_possible(kb, floor, score, evidence) {
        Some(floor.one_below())
    } else {
        None
    }
}

/// Whether a condition counts as a possible cause: its score reaches
/// `possible` and, for a condition with an urgent or emergency floor, at
/// least `evidence_min` of it comes from its features. Where it hurts alone
/// never makes a dangerous cause "possible".
pub(crate) fn is_possible(kb: &KnowledgeBase, floor: Level, score: i32, evidence: i32) -> bool {
    let tuning = kb.data.meta.ranking;
    score >= tuning.possible && (floor < Level::Urgent || evidence >= tuning.evidence_min)
}

/// What a result says to do about a cause: its `seek_care` when the level
/// reaches its floor, and otherwise its `possible_care`, the signs that would
/// call for going sooner, so one result never names two destinations.
pub fn care_text(condition: &Condition, level: Level) -> &Text {
    match &condition.possible_care {
        Some(text) if level < condition.floor => text,
        _ => &condition.seek_care,
    }
}

/// The level and its reasons: every fired rule, condition floor and review
/// timing, of which the highest level wins.
pub fn triage(kb: &KnowledgeBase, answers: &Answers, ranked: &[Scored]) -> Triage {
    let mut fired = fired_rules(kb, answers);
    fired.extend(fired_floors(kb, answers, ranked));
    fired.extend(fired_reviews(kb, answers, ranked));
    let level = fired.iter().map(|f| f.reason.level).max().unwrap_or(Level::SelfCare);
    let ambulance = level == Level::Emergency && fired.iter().any(|f| f.ambulance && f.reason.level == level);
    let stop_running = level > Level::SelfCare && fired.iter().any(|f| f.stop_running);
    let (reasons, other_findings) = reasons_at(level, fired);
    // A rule may name a more specific place to go than its level does; the
    // first such rule at the final level sets it (never over an ambulance).
    let action = if ambulance {
        None
    } else {
        reasons
            .iter()
            .find_map(|r| kb.data.rules.iter().find(|rule| rule.id == r.id).and_then(|rule| rule.action.clone()))
    };
    Triage { level, ambulance, stop_running, reasons, other_findings, action }
}

/// One reason for a level, with what it asks besides the level.
struct Fired {
    reason: TriageReason,
    ambulance: bool,
    stop_running: bool,
}

/// The rules of the decision table whose formula holds, in the table's order.
fn fired_rules(kb: &KnowledgeBase, answers: &Answers) -> Vec<Fired> {
    let fired = kb.data.rules.iter().filter(|rule| rule.when.eval(kb, answers));
    fired
        .map(|rule| Fired {
            reason: TriageReason {
                id: rule.id.clone(),
                kind: rule.kind,
                level: rule.level,
                reason: rule.reason.clone(),
                answers: shown(kb, answers, &rule.when.expr),
                source: rule.source.clone(),
                suspects: rule.suspects.clone(),
            },
            ambulance: rule.ambulance,
            stop_running: rule.stop_running,
        })
        .collect()
}

/// The floors (or the level one below, for a possible cause) that the
/// conditions above a self-care floor set by their own scores.
fn fired_floors(kb: &KnowledgeBase, answers: &Answers, ranked: &[Scored]) -> Vec<Fired> {
    let mut fired = Vec::new();
    for scored in ranked {
        let condition = &kb.data.conditions[scored.index];
        let Some(level) = floor_for(kb, condition.floor, scored.score, scored.evidence) else { continue };
        if condition.floor == Level::SelfCare {
            continue;
        }
        let full = level == condition.floor;
        let answers_shown = scored.keys.iter().filter_map(|k| answers.get(k).map(|a| show(kb, k, a))).collect();
        let values = [("condition", &*condition.name), ("seek_care", &**care_text(condition, level))];
        let reason = kb.ui_with(if full { Ui::ReasonFitsPattern } else { Ui::ReasonCannotRuleOut }, &values);
        fired.push(Fired {
            reason: TriageReason {
                id: format!("{}_{}", if full { "floor" } else { "possible" }, condition.id).into(),
                kind: RuleKind::Condition,
                level,
                reason: reason.into(),
                answers: answers_shown,
                source: condition.source.clone(),
                suspects: Some(condition.id.clone()),
            },
            ambulance: false,
            stop_running: condition.stop_running,
        });
    }
    fired
}

/// A self-managed condition whose home care has had its chance: by its own
/// score (a possible cause), never by its rank.
fn fired_reviews(kb: &KnowledgeBase, answers: &Answers, ranked: &[Scored]) -> Vec<Fired> {
    let mut fired = Vec::new();
    for scored in ranked {
        let condition = &kb.data.conditions[scored.index];
        let Some(review) = &condition.review else { continue };
        if !is_possible(kb, condition.floor, scored.score, scored.evidence) || !review.when.eval(kb, answers) {
            continue;
        }
        fired.push(Fired {
            reason: TriageReason {
                id: format!("review_{}", condition.id).into(),
                kind: RuleKind::Duration,
                level: Level::Soon,
                reason: review.reason.clone(),
                answers: shown(kb, answers, &review.when.expr),
                source: review.source.clone(),
                suspects: Some(condition.id.clone()),
            },
            ambulance: false,
            stop_running: false,
        });
    }
    fired
}

/// Splits what fired into the reasons at the final `level` (those that call
/// for an ambulance first) and the findings below it (highest first). The
/// catch-all speaks only when nothing else explains the level, and is never
/// a finding.
fn reasons_at(level: Level, fired: Vec<Fired>) -> (Vec<TriageReason>, Vec<TriageReason>) {
    let explained = fired.iter().any(|f| f.reason.level == level && f.reason.kind != RuleKind::Default);
    let (mut reasons, mut other_findings) = (Vec::new(), Vec::new());
    for Fired { reason, ambulance, .. } in fired {
        if reason.kind == RuleKind::Default && explained {
            continue;
        }
        if reason.level == level {
            // Rules that call for an ambulance lead, as they carry the action.
            if ambulance { reasons.insert(0, reason) } else { reasons.push(reason) }
        } else if reason.kind != RuleKind::Default {
            other_findings.push(reason);
        }
    }
    crate::small_sort::sort_by(&mut other_findings, |a, b| a.level > b.level);
    (reasons, other_findings)
}

fn shown(kb: &KnowledgeBase, answers: &Answers, expr: &Expr) -> Vec<AnswerShown> {
    expr.keys(kb).iter().filter_map(|k| answers.get(k).map(|a| show(kb, k, a))).collect()
}

fn show(kb: &KnowledgeBase, key: &str, answer: &Answer) -> AnswerShown {
    let question = kb.question(key);
    let mut text = kb.describe_answer(key, answer);
    if *answer == Answer::NotSure && question.is_some_and(|q| q.concerning.is_some()) {
        text.push_str(kb.ui(Ui::ReasonCountedWorrying));
    }
    AnswerShown {
        key: Text::from(key.to_string()),
        question: question.map_or_else(|| Text::from(key.to_string()), |q| q.label.clone()),
        answer: text.into(),
    }
}
