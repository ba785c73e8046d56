//! Soundness, the interview's first law: the flow may stop only when no
//! answer to a question it has not asked could raise the level.
//!
//! Given the answers so far, a question is *pending* when it is unanswered
//! and its gate (`ask_when`) may still hold once other pending questions are
//! answered; every other unanswered question will stay unanswered, so it
//! keeps the engine's meaning of "unanswered". Formulas are then read in
//! three values (`formula::Tri`): a rule above the current level whose
//! formula may still hold, a condition whose floor its score could still
//! reach, or a self-managed condition whose review could still call for
//! `soon`, is *live*. While anything is live, the questions that can settle it
//! must be asked: the pending questions it reads that are open now, or, when
//! they are gated, the open questions their gates read, and so on.
//!
//! Why this is sound: when nothing is live, every rule above the level is
//! false and every floor above it out of reach for every way the pending
//! questions could be answered, so the full answers cannot give more. What it
//! leaves to the knowledge is that a gate never hides a question a rule needs
//! (an answer set where a rule fires only through a question whose gate is
//! shut): the linter's `hidden_by_gate` looks for one, and the soundness
//! property over generated runners checks the whole.

use super::triage::{floor_for, is_possible};
use crate::{
    answers::Answers,
    knowledge::{Condition, KnowledgeBase, Level, Phase, QuestionRole, formula::Tri},
};

/// Which unanswered questions may still be asked (by position in
/// `data.questions`). Diary questions are never asked.
pub(crate) fn pending(kb: &KnowledgeBase, answers: &Answers) -> Vec<bool> {
    let questions = &kb.data.questions;
    let unanswered: Vec<bool> = questions.iter().map(|q| q.phase != Phase::Diary && !answers.contains(&q.id)).collect();
    // Built up from the questions open now: a question joins once its gate
    // may hold, given what has joined so far. Growing from below, rather than
    // shrinking from every unanswered question, leaves out gates that only
    // hold through each other (two questions each asked only after the
    // other), which the flow could never open. Joining only turns gates from
    // false to unknown, so this settles within one pass per question.
    let mut pending: Vec<bool> =
        questions.iter().enumerate().map(|(i, q)| unanswered[i] && q.ask_when.eval(kb, answers)).collect();
    loop {
        let mut changed = false;
        for (i, q) in questions.iter().enumerate() {
            if pending[i] || !unanswered[i] {
                continue;
            }
            let joined = |key: &str| kb.question_index(key).is_some_and(|at| pending[at]);
            if q.ask_when.expr.eval_partial(kb, answers, &joined).may_hold() {
                pending[i] = true;
                changed = true;
            }
        }
        if !changed {
            return pending;
        }
    }
}

/// The open questions (position in `data.questions`, in file order) that
/// must be asked before the flow may stop at `level`: each can settle a rule
/// or a floor that could still raise it.
pub(crate) fn needed(kb: &KnowledgeBase, answers: &Answers, level: Level) -> Vec<usize> {
    let pending = pending(kb, answers);
    let is_pending = |key: &str| kb.question_index(key).is_some_and(|at| pending[at]);
    let mut seeds: Vec<String> = Vec::new();
    for rule in kb.data.rules.iter().filter(|r| r.level > level) {
        if rule.when.expr.eval_partial(kb, answers, &is_pending) == Tri::Unknown {
            seeds.extend(rule.when.expr.keys(kb).into_iter().filter(|k| is_pending(k)));
        }
    }
    for condition in kb.data.conditions.iter().filter(|c| c.floor > level || c.review.is_some()) {
        seeds.extend(condition_keys(kb, answers, condition, level, &is_pending));
    }
    // From what can settle a live item to what can be asked now: a gated
    // question is reached through the open questions its gate reads.
    let mut seen = vec![false; kb.data.questions.len()];
    let mut needed = Vec::new();
    while let Some(key) = seeds.pop() {
        let Some(at) = kb.question_index(&key) else { continue };
        if seen[at] || !pending[at] {
            continue;
        }
        seen[at] = true;
        let q = &kb.data.questions[at];
        if q.ask_when.eval(kb, answers) {
            needed.push(at);
        } else {
            seeds.extend(q.ask_when.expr.keys(kb).into_iter().filter(|k| is_pending(k)));
        }
    }
    // The crate's own sort, as everywhere in the bundle (the standard
    // library's costs kilobytes).
    crate::small_sort::sort_by(&mut needed, |a, b| a < b);
    needed
}

/// The best this condition's score and evidence could become once the
/// pending questions are answered, with the pending questions that could lift
/// it: a feature that holds adds its weight, one that may still hold adds it
/// only if positive, and where it hurts, if not yet asked, could match the
/// best place.
fn score_bound(
    kb: &KnowledgeBase,
    answers: &Answers,
    condition: &Condition,
    is_pending: &dyn Fn(&str) -> bool,
) -> (i32, i32, Vec<String>) {
    let location = kb.role_id(QuestionRole::Location);
    let (now, _) = super::ranking::score_and_evidence(kb, answers, condition);
    let holding: i32 = condition.features.iter().filter(|f| f.when.eval(kb, answers)).map(|f| f.weight).sum();
    let mut score = now - holding;
    let mut evidence = 0;
    let mut keys = Vec::new();
    if is_pending(location) {
        score += condition.locations.iter().map(|(_, w)| *w).max().unwrap_or(0).max(0);
        keys.push(location.to_string());
    }
    for feature in condition.features.iter() {
        let gain = match feature.when.expr.eval_partial(kb, answers, is_pending) {
            Tri::True => feature.weight,
            Tri::Unknown => {
                // What can lift the score: a positive feature coming true, or
                // a negative one that holds now turning false.
                if feature.weight > 0 || feature.when.eval(kb, answers) {
                    keys.extend(feature.when.expr.keys(kb).into_iter().filter(|k| is_pending(k)));
                }
                feature.weight.max(0)
            }
            Tri::False => 0,
        };
        score += gain;
        evidence += gain;
    }
    (score, evidence, keys)
}

/// The pending questions that could settle whether this condition raises the
/// level above `level`: through its floor, or through its review (home care
/// that has had its chance sets `soon`); none when neither could.
fn condition_keys(
    kb: &KnowledgeBase,
    answers: &Answers,
    condition: &Condition,
    level: Level,
    is_pending: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let (score, evidence, mut keys) = score_bound(kb, answers, condition, is_pending);
    if floor_for(kb, condition.floor, score, evidence).is_some_and(|reachable| reachable > level) {
        return keys;
    }
    let Some(review) = condition.review.as_ref().filter(|_| level < Level::Soon) else { return Vec::new() };
    let timing = review.when.expr.eval_partial(kb, answers, is_pending);
    if !timing.may_hold() || !is_possible(kb, condition.floor, score, evidence) {
        return Vec::new();
    }
    if timing == Tri::Unknown {
        keys.extend(review.when.expr.keys(kb).into_iter().filter(|k| is_pending(k)));
    }
    keys
}
