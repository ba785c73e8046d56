//! The adaptive questionnaire: which question to ask next, and when to stop.
//!
//! Order: red flags first (all of them, while their gates are open), then
//! where it hurts, then the story (onset, injury, duration), then only the
//! detail questions that best tell the leading candidates apart. It stops as
//! soon as an emergency is found, when the leader is clearly ahead, when no
//! question would change anything, or at the question limit.

use serde::Serialize;

use super::{ranking, triage};
use crate::{
    answers::{Answer, Answers},
    knowledge::{KnowledgeBase, Level, Phase, Question, QuestionKind, Text},
};

/// A question as the flow hands it out: the questionnaire item itself.
pub type QuestionView = Question;

#[derive(Debug, Clone, Serialize)]
pub struct Next {
    /// True when there is nothing more worth asking.
    pub done: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<QuestionView>,
    /// Why this question now, or why the flow stopped.
    pub reason: Text,
    /// How many questions have been answered (including "not sure").
    pub asked: usize,
    /// The flow stopped because it reached its question limit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_limit: bool,
}

impl Next {
    /// The questions of the next screen (none when done).
    pub fn questions(&self) -> Vec<&Question> {
        self.question.iter().collect()
    }
}

/// How many leading conditions the look-ahead compares.
const LOOKAHEAD: usize = 4;

pub fn next_question(kb: &KnowledgeBase, answers: &Answers) -> Next {
    let asked = answers.len();
    let done =
        |reason: &str| Next { done: true, question: None, reason: Text::from(reason.to_string()), asked, at_limit: false };
    let base_level = triage::level_only(kb, answers);
    if base_level == Level::Emergency {
        return done("A danger sign is present: act on the advice now.");
    }
    let open: Vec<&Question> =
        kb.data.questions.iter().filter(|q| !answers.contains(&q.id) && q.ask_when.eval(kb, answers)).collect();
    if let Some(q) = open.iter().find(|q| q.phase < Phase::Detail) {
        let reason = match q.phase {
            Phase::RedFlag => "Checking for danger signs first.",
            Phase::Location => "Where it hurts narrows things down the most.",
            _ => "How it started decides which checks apply.",
        };
        return Next { done: false, question: Some((*q).clone()), reason: reason.into(), asked, at_limit: false };
    }
    let tuning = kb.data.meta.flow;
    let ranked = ranking::rank(kb, answers);
    if asked >= tuning.max_questions {
        return Next { at_limit: true, ..done("That is enough to give useful advice.") };
    }
    let (first, second) = (ranked.first().map_or(0, |s| s.score), ranked.get(1).map_or(0, |s| s.score));
    if first >= tuning.stop_min_score && first - second >= tuning.stop_margin {
        return done("One cause clearly fits best.");
    }
    let leaders: Vec<usize> = ranked.iter().take(LOOKAHEAD).map(|s| s.index).collect();
    let best = open
        .iter()
        .filter(|q| q.phase == Phase::Detail)
        .map(|q| (*q, information(kb, answers, q, &leaders, base_level)))
        .filter(|(_, gain)| *gain > 0)
        // `max_by_key` keeps the last of equals; reversing keeps the first in
        // knowledge order, so ties are stable and reviewable.
        .rev()
        .max_by_key(|(_, gain)| *gain);
    match best {
        Some((q, _)) => {
            let names: Vec<String> =
                leaders.iter().take(2).map(|&i| kb.data.conditions[i].name.to_ascii_lowercase()).collect();
            Next {
                done: false,
                question: Some(q.clone()),
                reason: format!("This helps tell apart {}.", names.join(" and ")).into(),
                asked,
                at_limit: false,
            }
        }
        None => done("No further question would change the advice."),
    }
}

/// How much a question could change the picture: the spread, over its
/// possible answers, of the score gaps between the leading conditions, plus a
/// large bonus when some answer would change the triage level.
fn information(kb: &KnowledgeBase, answers: &Answers, q: &Question, leaders: &[usize], base: Level) -> i32 {
    let mut trial = answers.clone();
    let probes = probes(q);
    let mut gaps: Vec<(i32, i32)> = vec![(i32::MAX, i32::MIN); leaders.len() * leaders.len()];
    let mut level_changes = false;
    for probe in probes {
        if trial.set(kb, &q.id, probe).is_err() {
            continue;
        }
        let scores: Vec<i32> =
            leaders.iter().map(|&i| ranking::score_only(kb, &trial, &kb.data.conditions[i])).collect();
        for i in 0..scores.len() {
            for j in (i + 1)..scores.len() {
                let gap = scores[i] - scores[j];
                let slot = &mut gaps[i * leaders.len() + j];
                *slot = (slot.0.min(gap), slot.1.max(gap));
            }
        }
        if !level_changes {
            level_changes = triage::level_only(kb, &trial) != base;
        }
    }
    let spread: i32 = gaps.iter().filter(|(lo, hi)| lo <= hi).map(|(lo, hi)| hi - lo).sum();
    spread + if level_changes { 20 } else { 0 }
}

/// The answers the look-ahead tries for a question.
fn probes(q: &Question) -> Vec<Answer> {
    match q.kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::Single => q.options.iter().map(|o| Answer::Choice(o.id.to_string())).collect(),
        QuestionKind::Multi => std::iter::once(Answer::Choices(Vec::new()))
            .chain(q.options.iter().map(|o| Answer::Choices(vec![o.id.to_string()])))
            .collect(),
        QuestionKind::Number => q.probes.iter().map(|&n| Answer::Number(n)).collect(),
    }
}
