//! The plan: advice items chosen by the triage level and the suspected
//! conditions, grouped into the sections of `knowledge/advice.toml`.

use serde::Serialize;

use super::ranking::Scored;
use crate::{
    answers::Answers,
    knowledge::{Advice, Condition, Dose, KnowledgeBase, Level, List, Text, Tool},
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Set when a rule or a suspected condition says to stop running.
    pub stop_running: bool,
    /// The stop-running notice from the knowledge base, when it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_running_notice: Option<Text>,
    pub sections: Vec<PlanSection>,
    /// The plan at a glance, "today and this week": the ids of the few items
    /// that matter most, section by section (each section's `today` count),
    /// the leading cause's own advice first, in the order it lists it.
    pub today: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanSection {
    pub id: Text,
    pub title: Text,
    /// The interactive tool that goes with this section, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool: Option<Tool>,
    pub items: Vec<PlanItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    pub steps: List<Text>,
    pub dose: Dose,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caution: Option<Text>,
    pub source: Text,
    /// The suspected conditions this item is for (empty for general advice).
    pub for_conditions: Vec<Text>,
}

/// Conditions that shape the plan: the top three that reach the "possible"
/// score, or the first one alone when nothing does.
pub fn suspected<'a>(kb: &KnowledgeBase, ranked: &'a [Scored]) -> Vec<&'a Scored> {
    let possible = kb.data.meta.ranking.possible;
    let mut out: Vec<&Scored> =
        ranked.iter().take(kb.data.meta.ranking.suspected).filter(|s| s.score >= possible).collect();
    if out.is_empty() {
        out.extend(ranked.first());
    }
    out
}

/// What the triage decided that the plan depends on.
#[derive(Debug, Clone, Copy)]
pub struct Situation {
    pub level: Level,
    pub stop_running: bool,
    pub ambulance: bool,
}

/// The advice traits that must not appear in this situation: the union of
/// the `excludes` of every `[[contradiction]]` that applies.
pub fn excluded_traits<'a>(kb: &'a KnowledgeBase, answers: &Answers, stop_running: bool) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for c in kb.data.contradictions.iter() {
        if (c.stop_running && stop_running) || c.when.eval(kb, answers) {
            for t in c.excludes.iter() {
                if !out.contains(&&**t) {
                    out.push(t);
                }
            }
        }
    }
    out
}

pub fn build(kb: &KnowledgeBase, answers: &Answers, situation: Situation, suspected: &[&Scored]) -> Plan {
    let Situation { stop_running, .. } = situation;
    let suspected_ids: Vec<&str> = suspected.iter().map(|s| &*kb.data.conditions[s.index].id).collect();
    let excluded = excluded_traits(kb, answers, stop_running);
    let sections: Vec<PlanSection> = kb
        .data
        .sections
        .iter()
        .filter_map(|section| {
            let items: Vec<PlanItem> = kb
                .data
                .advice
                .iter()
                .filter(|a| a.section == section.id)
                .filter_map(|a| select(kb, answers, situation, &suspected_ids, &excluded, a))
                .collect();
            (!items.is_empty()).then(|| PlanSection {
                id: section.id.clone(),
                title: section.title.clone(),
                tool: section.tool,
                items,
            })
        })
        .collect();
    let stop_running_notice = stop_running.then(|| kb.data.meta.stop_running.clone());
    let leading = suspected.first().map(|s| &kb.data.conditions[s.index]);
    let today = at_a_glance(kb, &sections, leading);
    Plan { stop_running, stop_running_notice, sections, today }
}

/// The ids of the plan at a glance: from each section, its `today` count of
/// items, those the leading cause lists first (in its order), then the rest in
/// plan order.
fn at_a_glance(kb: &KnowledgeBase, sections: &[PlanSection], leading: Option<&Condition>) -> Vec<Text> {
    let rank = |id: &str| leading.and_then(|c| c.advice.iter().position(|a| &**a == id)).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for section in sections {
        let count = kb.data.sections.iter().find(|s| s.id == section.id).map_or(0, |s| s.today as usize);
        let mut items: Vec<&PlanItem> = section.items.iter().collect();
        // A stable sort keeps plan order among equals (the bundle's own:
        // the standard library's costs kilobytes).
        crate::small_sort::sort_by(&mut items, |a, b| rank(&a.id) < rank(&b.id));
        out.extend(items.into_iter().take(count).map(|i| i.id.clone()));
    }
    out
}

fn select(
    kb: &KnowledgeBase,
    answers: &Answers,
    situation: Situation,
    suspected: &[&str],
    excluded: &[&str],
    advice: &Advice,
) -> Option<PlanItem> {
    if !advice.levels.contains(&situation.level) || !advice.when.eval(kb, answers) {
        return None;
    }
    if advice.ambulance.is_some_and(|a| a != situation.ambulance) {
        return None;
    }
    if suspected.iter().any(|s| advice.not_for.iter().any(|n| n == s)) {
        return None;
    }
    // An item whose trait a contradiction excludes never appears: no running
    // plan after "stop running", nothing barefoot with diabetes, no cold on a
    // numb foot (`knowledge/advice.toml`, `[[contradiction]]`).
    if advice.traits.iter().any(|t| excluded.contains(&&**t)) {
        return None;
    }
    let for_conditions: Vec<Text> = suspected
        .iter()
        .filter(|s| kb.condition(s).is_some_and(|c| c.advice.contains(&advice.id)))
        .map(|s| Text::from(s.to_string()))
        .collect();
    if !advice.general && for_conditions.is_empty() {
        return None;
    }
    Some(PlanItem {
        id: advice.id.clone(),
        title: advice.title.clone(),
        summary: advice.summary.clone(),
        steps: advice.steps.clone(),
        dose: advice.dose.clone(),
        caution: advice.caution.clone(),
        source: advice.source.clone(),
        for_conditions,
    })
}
