//! How much a question is worth asking next: the information its answer is
//! expected to give about which condition it is, and the chance that it
//! raises the triage level.
//!
//! The model is small and deterministic:
//! - The leading conditions (`meta.flow.shortlist`) get probabilities from
//!   their scores, `p_i ∝ exp(score_i / temperature)`.
//! - How likely condition `i` makes answer `a` follows from how the answer
//!   would change its score: `P(a | i) ∝ base(a) · exp(Δscore_i(a) /
//!   temperature)`, where `base` gives a sign that no leading condition
//!   predicts the rate `meta.flow.sign_rate` (most runners do not have it).
//! - The information is the mutual information between the condition and
//!   the answer, in bits. The level's part is the expected number of steps
//!   the answer raises the level by.
//!
//! Only the rules and conditions that read the question are re-evaluated for
//! each possible answer (`KnowledgeBase::readers`); everything else keeps its
//! value from the answers already given.

use super::{ranking, triage};
use crate::{
    answers::{Answer, Answers},
    knowledge::{KnowledgeBase, Level, Question, QuestionKind},
};

/// What the engine already knows before trying a question's answers.
pub(crate) struct Baseline {
    /// Shortlisted conditions (positions in `data.conditions`), best first.
    pub shortlist: Vec<usize>,
    pub scores: Vec<i32>,
    pub probabilities: Vec<f64>,
    /// The level each rule and each condition's floor sets now.
    rule_levels: Vec<Option<Level>>,
    condition_levels: Vec<Option<Level>>,
    pub level: Level,
}

impl Baseline {
    pub fn new(kb: &KnowledgeBase, answers: &Answers, ranked: &[ranking::Scored]) -> Baseline {
        let tuning = kb.data.meta.flow;
        let shortlist: Vec<usize> = ranked.iter().take(tuning.shortlist.max(1)).map(|s| s.index).collect();
        let scores: Vec<i32> = ranked.iter().take(shortlist.len()).map(|s| s.score).collect();
        let probabilities = softmax(&scores, tuning.temperature);
        let rule_levels: Vec<Option<Level>> =
            kb.data.rules.iter().map(|r| r.when.eval(kb, answers).then_some(r.level)).collect();
        let mut condition_levels = vec![None; kb.data.conditions.len()];
        for s in ranked {
            condition_levels[s.index] = triage::floor_for(kb, kb.data.conditions[s.index].floor, s.score, s.evidence);
        }
        let level =
            rule_levels.iter().chain(condition_levels.iter()).flatten().copied().max().unwrap_or(Level::SelfCare);
        Baseline { shortlist, scores, probabilities, rule_levels, condition_levels, level }
    }

    /// The probability of the leading condition.
    pub fn leader_probability(&self) -> f64 {
        self.probabilities.first().copied().unwrap_or(1.0)
    }
}

/// A question's worth: bits of information about the condition, and the
/// expected number of level steps it raises.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Worth {
    pub information: f64,
    pub level_gain: f64,
}

impl Worth {
    pub fn total(self, kb: &KnowledgeBase) -> f64 {
        self.information + kb.data.meta.flow.level_weight * self.level_gain
    }
}

/// The worth of asking `q` (at position `index`) next.
pub(crate) fn worth(
    kb: &KnowledgeBase,
    answers: &Answers,
    base: &Baseline,
    index: usize,
    q: &Question,
    trial: &mut Answers,
) -> Worth {
    let tuning = kb.data.meta.flow;
    let probes = probes(q);
    let readers = kb.readers(index);
    let (k, n) = (base.shortlist.len(), probes.len());
    if n < 2 || k == 0 {
        return Worth::default();
    }
    let prior = base_rates(q, &probes, tuning.sign_rate);
    // likelihood[i * n + a] = P(a | condition i); levels[a] = the level after a.
    let mut likelihood = vec![0.0; k * n];
    let mut levels = vec![base.level; n];
    for (a, probe) in probes.iter().enumerate() {
        trial.clone_from(answers);
        if trial.set(kb, &q.id, probe.clone()).is_err() {
            continue;
        }
        for (i, &c) in base.shortlist.iter().enumerate() {
            let delta = if readers.conditions.contains(&c) {
                ranking::score_only(kb, trial, &kb.data.conditions[c]) - base.scores[i]
            } else {
                0
            };
            likelihood[i * n + a] = prior[a] * (f64::from(delta) / tuning.temperature).exp();
        }
        levels[a] = level_after(kb, base, readers, trial);
    }
    for row in likelihood.chunks_mut(n) {
        let sum: f64 = row.iter().sum();
        if sum > 0.0 {
            row.iter_mut().for_each(|x| *x /= sum);
        }
    }
    let before = entropy(&base.probabilities);
    let mut after = 0.0;
    let mut level_gain = 0.0;
    let mut posterior = vec![0.0; k];
    for a in 0..n {
        let p_answer: f64 = (0..k).map(|i| base.probabilities[i] * likelihood[i * n + a]).sum();
        if p_answer <= 0.0 {
            continue;
        }
        for i in 0..k {
            posterior[i] = base.probabilities[i] * likelihood[i * n + a] / p_answer;
        }
        after += p_answer * entropy(&posterior);
        level_gain += p_answer * f64::from(steps(base.level, levels[a]));
    }
    Worth { information: (before - after).max(0.0), level_gain }
}

/// The level once `trial` holds one more answer: only the rules and
/// conditions that read it are evaluated again.
fn level_after(kb: &KnowledgeBase, base: &Baseline, readers: &crate::knowledge::Readers, trial: &Answers) -> Level {
    let mut level = Level::SelfCare;
    for (r, l) in base.rule_levels.iter().enumerate() {
        let now = if readers.rules.contains(&r) {
            let rule = &kb.data.rules[r];
            rule.when.eval(kb, trial).then_some(rule.level)
        } else {
            *l
        };
        level = level.max(now.unwrap_or(Level::SelfCare));
    }
    for (c, l) in base.condition_levels.iter().enumerate() {
        let now = if readers.conditions.contains(&c) {
            let condition = &kb.data.conditions[c];
            let (score, evidence) = ranking::score_and_evidence(kb, trial, condition);
            triage::floor_for(kb, condition.floor, score, evidence)
        } else {
            *l
        };
        level = level.max(now.unwrap_or(Level::SelfCare));
    }
    level
}

fn steps(from: Level, to: Level) -> u8 {
    (to as u8).saturating_sub(from as u8)
}

fn softmax(scores: &[i32], temperature: f64) -> Vec<f64> {
    let top = scores.iter().copied().max().unwrap_or(0);
    let weights: Vec<f64> = scores.iter().map(|&s| (f64::from(s - top) / temperature).exp()).collect();
    let sum: f64 = weights.iter().sum();
    weights.iter().map(|w| w / sum).collect()
}

fn entropy(p: &[f64]) -> f64 {
    p.iter().filter(|&&x| x > 0.0).map(|&x| -x * x.log2()).sum()
}

/// How often each answer comes up when no leading condition predicts it:
/// the runner-without-the-sign answer (`absent`, or the reassuring yes/no
/// answer) takes `1 - sign_rate`, and the others share `sign_rate`; a
/// question without such an answer spreads evenly.
fn base_rates(q: &Question, probes: &[Answer], sign_rate: f64) -> Vec<f64> {
    let usual = crate::knowledge::usual_answer(q);
    match probes.iter().position(|p| Some(p) == usual.as_ref()) {
        Some(at) => {
            let rest = sign_rate / (probes.len() - 1) as f64;
            (0..probes.len()).map(|i| if i == at { 1.0 - sign_rate } else { rest }).collect()
        }
        None => vec![1.0 / probes.len() as f64; probes.len()],
    }
}

/// The answers the look-ahead tries for a question.
pub(crate) fn probes(q: &Question) -> Vec<Answer> {
    match q.kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::Single => q.options.iter().map(|o| Answer::Choice(o.id.to_string())).collect(),
        QuestionKind::Multi => std::iter::once(Answer::Choices(Vec::new()))
            .chain(q.options.iter().map(|o| Answer::Choices(vec![o.id.to_string()])))
            .collect(),
        QuestionKind::Number => q.probes.iter().map(|&n| Answer::Number(n)).collect(),
    }
}
