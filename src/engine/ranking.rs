//! The ranked differential: every condition scored from the answers, with
//! plain-language reasons for and against drawn from its features.

use serde::Serialize;

use crate::{
    answers::{Answer, Answers},
    knowledge::{Condition, KnowledgeBase, QuestionRole, Text, Ui},
};

/// One condition's score and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scored {
    /// Index into `KnowledgeBase::data.conditions`.
    #[serde(skip)]
    pub index: usize,
    pub score: i32,
    /// The part of the score that comes from the condition's own features
    /// (their weights, for and against), not from its prior or where it hurts.
    pub evidence: i32,
    pub reasons_for: Vec<Text>,
    pub reasons_against: Vec<Text>,
    /// Answer keys behind the reasons, for the clinician summary.
    #[serde(skip)]
    pub keys: Vec<Text>,
}

/// Scores every condition and sorts them: highest score first, and on a tie
/// the order of `knowledge/conditions.toml`, so equal answers always give the
/// same order.
pub fn rank(kb: &KnowledgeBase, answers: &Answers) -> Vec<Scored> {
    let mut scored: Vec<Scored> =
        kb.data.conditions.iter().enumerate().map(|(i, c)| score_one(kb, answers, i, c)).collect();
    crate::small_sort::sort_by(&mut scored, |a, b| (b.score, a.index) < (a.score, b.index));
    scored
}

/// The score of one condition, without the reasons; the adaptive flow calls
/// this many times per question, so it allocates nothing.
pub fn score_only(kb: &KnowledgeBase, answers: &Answers, condition: &Condition) -> i32 {
    score_and_evidence(kb, answers, condition).0
}

/// The score and the evidence behind it (see [`Scored::evidence`]), without
/// the reasons; allocates nothing.
pub fn score_and_evidence(kb: &KnowledgeBase, answers: &Answers, condition: &Condition) -> (i32, i32) {
    let mut score = condition.prior + location_score(kb, answers, condition).0;
    let mut evidence = 0;
    for feature in condition.features.iter() {
        if feature.when.eval(kb, answers) {
            score += feature.weight;
            evidence += feature.weight;
        }
    }
    (score, evidence)
}

fn score_one(kb: &KnowledgeBase, answers: &Answers, index: usize, condition: &Condition) -> Scored {
    let (location, location_reason) = location_score(kb, answers, condition);
    let mut out = Scored {
        index,
        score: condition.prior + location,
        evidence: 0,
        reasons_for: Vec::new(),
        reasons_against: Vec::new(),
        keys: Vec::new(),
    };
    match location_reason {
        Some(reason) if location > 0 => out.reasons_for.push(reason.into()),
        Some(reason) => out.reasons_against.push(reason.into()),
        None => {}
    }
    if location != 0 {
        out.keys.push(kb.role_id(QuestionRole::Location).to_string().into());
    }
    for feature in condition.features.iter() {
        if !feature.when.eval(kb, answers) {
            continue;
        }
        out.score += feature.weight;
        out.evidence += feature.weight;
        if feature.weight >= 0 {
            out.reasons_for.push(feature.reason.clone());
        } else {
            out.reasons_against.push(feature.reason.clone());
        }
        for key in feature.when.expr.keys(kb) {
            if answers.contains(&key) && !out.keys.iter().any(|k| *k == key) {
                out.keys.push(key.into());
            }
        }
    }
    out
}

/// The weight of the best-matching marked location, or the miss penalty when
/// places were marked and none is typical for the condition.
fn location_score(kb: &KnowledgeBase, answers: &Answers, condition: &Condition) -> (i32, Option<String>) {
    let location = kb.role_id(QuestionRole::Location);
    let Some(Answer::Choices(marked)) = answers.get(location) else {
        return (0, None);
    };
    if marked.is_empty() || condition.locations.is_empty() {
        return (0, None);
    }
    let best = marked
        .iter()
        .filter_map(|m| condition.locations.iter().find(|(place, _)| place == m).map(|(_, w)| (m, *w)))
        .max_by_key(|(_, w)| *w);
    match best {
        Some((place, weight)) => {
            let place = kb.option_label(location, place).to_ascii_lowercase();
            let reason = kb.ui_with(Ui::ReasonTypicalPlace, &[("place", &place)]);
            (weight, Some(reason))
        }
        None => {
            let typical: Vec<String> = condition
                .locations
                .iter()
                .filter(|(_, w)| *w >= kb.data.meta.ranking.typical_place)
                .map(|(place, _)| kb.option_label(location, place).to_ascii_lowercase())
                .collect();
            let reason = kb.ui_with(Ui::ReasonUsualPlace, &[("places", &kb.list_or(&typical))]);
            (-kb.data.meta.ranking.location_miss, Some(reason))
        }
    }
}
