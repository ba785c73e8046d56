//! The adaptive questionnaire: what to show next, and when to stop.
//!
//! A screen is one question, or a checklist of related yes/no questions that
//! share a `group` (`knowledge/questions.toml`). The order:
//! 1. The red flags, in file order, while their gates are open; never
//!    skipped, and "not sure" counts as the worrying answer. A red flag that
//!    a later answer opens (sole bruising once the midfoot is marked) is
//!    asked as soon as it opens.
//! 2. Where it hurts, then the story (onset, duration, bone tenderness,
//!    numbness), always, while their gates are open.
//! 3. Detail questions, one per screen, chosen by their worth
//!    (`engine::value`): the information their answer is expected to give
//!    about which of the leading conditions it is, plus the chance that it
//!    raises the triage level.
//!
//! It stops at once at an emergency; after the story, when the leading
//! cause is clearly ahead and no question is likely to raise the level, or
//! when no question is worth asking; and at `meta.flow.max_screens`.
//! It is deterministic: ties go to the question earlier in the file.

use serde::Serialize;

use super::{ranking, soundness, value};
use crate::{
    answers::Answers,
    knowledge::{Group, KnowledgeBase, Level, Phase, Question, Text, Ui},
};

#[derive(Debug, Clone, Serialize)]
pub struct Next {
    /// True when there is nothing more worth asking.
    pub done: bool,
    /// The next screen's question, when it asks one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    /// The next screen's questions, when it is a checklist of several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// The checklist's heading and help, with `questions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// Why this screen now, or why the flow stopped.
    pub reason: Text,
    /// How many screens the answers so far fill: each answer outside a
    /// checklist is one, each checklist answered (in part or whole) one. A
    /// checklist item that an answer opened later (a Charcot check once
    /// diabetes is ticked) is shown on a screen of its own but counted with
    /// its checklist, so this can be one short.
    pub asked: usize,
    /// The flow stopped because it reached its screen limit.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_limit: bool,
}

impl Next {
    /// The questions of the next screen (none when done).
    pub fn questions(&self) -> Vec<&Question> {
        self.question.iter().chain(self.questions.iter()).collect()
    }

    fn done(reason: &str, asked: usize) -> Next {
        Next {
            done: true,
            question: None,
            questions: Vec::new(),
            group: None,
            reason: Text::from(reason.to_string()),
            asked,
            at_limit: false,
        }
    }
}

/// How many screens a set of answers fills (see [`Next::asked`]).
pub fn screens_answered(kb: &KnowledgeBase, answers: &Answers) -> usize {
    let mut groups: Vec<&str> = Vec::new();
    let mut screens = 0;
    for (key, _) in answers.iter() {
        match kb.question(key).and_then(|q| q.group.as_deref()) {
            Some(g) if groups.contains(&g) => {}
            Some(g) => {
                groups.push(g);
                screens += 1;
            }
            None => screens += 1,
        }
    }
    screens
}

pub fn next_question(kb: &KnowledgeBase, answers: &Answers) -> Next {
    let asked = screens_answered(kb, answers);
    let ranked = ranking::rank(kb, answers);
    let base = value::Baseline::new(kb, answers, &ranked);
    if base.level == Level::Emergency {
        // Going to the emergency department and calling an ambulance differ
        // for the runner: when no ambulance rule holds yet, one more screen
        // may ask the question that decides it (a crushed foot's swelling).
        return match ambulance_question(kb, answers) {
            Some(q) => screen(kb, answers, q, kb.ui(Ui::FlowAmbulanceCheck), asked),
            None => Next::done(kb.ui(Ui::FlowDangerPresent), asked),
        };
    }
    let tuning = kb.data.meta.flow;
    // Soundness first (`engine::soundness`): while an open question could
    // still raise the level, the flow asks it, the screen limit included.
    let needed = soundness::needed(kb, answers, base.level);
    let at_limit = asked >= tuning.max_screens;
    if at_limit && needed.is_empty() {
        return Next { at_limit: true, ..Next::done(kb.ui(Ui::FlowEnough), asked) };
    }
    let open = |q: &&Question| !answers.contains(&q.id) && q.ask_when.eval(kb, answers);
    let is_needed = |q: &Question| kb.question_index(&q.id).is_some_and(|at| needed.binary_search(&at).is_ok());
    // Red flags, location and story: the first open one, by phase then file
    // order, with the rest of its checklist. A detail question whose
    // `required_when` holds is asked with the story.
    let phase = |q: &Question| match q.phase {
        Phase::Detail if q.required_when.eval(kb, answers) => Phase::Story,
        p => p,
    };
    let first = kb
        .data
        .questions
        .iter()
        .filter(|q| phase(q) < Phase::Detail && (!at_limit || is_needed(q)))
        .filter(open)
        .min_by_key(|q| phase(q));
    if let Some(q) = first {
        let reason = match phase(q) {
            Phase::RedFlag => Ui::FlowRedFlags,
            Phase::Location => Ui::FlowLocation,
            _ => Ui::FlowStory,
        };
        return screen(kb, answers, q, kb.ui(reason), asked);
    }
    // Detail questions. What soundness needs comes first, the most telling
    // of it first; then, by worth, a question worth asking for the level (a
    // fair chance of raising it) or, while the leading cause is not yet
    // clearly ahead, for the ranking (enough information).
    let separated = base.leader_probability() >= tuning.stop_probability;
    let must = needed.iter().any(|&at| phase(&kb.data.questions[at]) == Phase::Detail);
    let mut trial = Answers::new();
    let mut best: Option<(&Question, value::Worth)> = None;
    for (index, q) in kb.data.questions.iter().enumerate() {
        if phase(q) != Phase::Detail || !open(&q) || (must && !is_needed(q)) {
            continue;
        }
        let worth = value::worth(kb, answers, &base, index, q, &mut trial);
        let for_level = worth.level_gain >= tuning.min_level_chance;
        let for_ranking = !separated && worth.information >= tuning.min_information;
        if (must || for_level || for_ranking) && best.is_none_or(|(_, b)| worth.total(kb) > b.total(kb)) {
            best = Some((q, worth));
        }
    }
    let Some((q, worth)) = best else {
        let reason = if separated { Ui::FlowSeparated } else { Ui::FlowNothingChanges };
        return Next::done(kb.ui(reason), asked);
    };
    let level_matters = must || worth.level_gain >= tuning.min_level_chance;
    let reason = if level_matters && worth.information < tuning.min_information {
        kb.ui(Ui::FlowSign).to_string()
    } else {
        let names: Vec<String> =
            base.shortlist.iter().take(2).map(|&i| kb.data.conditions[i].name.to_ascii_lowercase()).collect();
        let (first, second) = (names.first().map_or("", String::as_str), names.get(1).map_or("", String::as_str));
        kb.ui_with(Ui::FlowTellApart, &[("first", first), ("second", second)])
    };
    screen(kb, answers, q, &reason, asked)
}

/// The screen that shows `q`: the question alone, or its checklist (every
/// open, unanswered question of its group, in file order).
fn screen(kb: &KnowledgeBase, answers: &Answers, q: &Question, reason: &str, asked: usize) -> Next {
    let reason = Text::from(reason.to_string());
    let group = q.group.as_deref().and_then(|g| kb.group(g));
    let members: Vec<Question> = match group {
        Some(g) => kb
            .data
            .questions
            .iter()
            .filter(|m| m.group.as_deref() == Some(&*g.id))
            .filter(|m| !answers.contains(&m.id) && m.ask_when.eval(kb, answers))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    if members.len() < 2 {
        return Next {
            done: false,
            question: Some(q.clone()),
            questions: Vec::new(),
            group: None,
            reason,
            asked,
            at_limit: false,
        };
    }
    Next { done: false, question: None, questions: members, group: group.cloned(), reason, asked, at_limit: false }
}

/// At an emergency without an ambulance: the first open question (in file
/// order) an answer to which would make an ambulance rule hold, if any. None
/// when an ambulance is already called for.
fn ambulance_question<'a>(kb: &'a KnowledgeBase, answers: &Answers) -> Option<&'a Question> {
    let calls =
        |a: &Answers| kb.data.rules.iter().any(|r| r.ambulance && r.level == Level::Emergency && r.when.eval(kb, a));
    if calls(answers) {
        return None;
    }
    let mut trial = Answers::new();
    kb.data.questions.iter().enumerate().find_map(|(index, q)| {
        let readers = kb.readers(index);
        let relevant = q.phase != Phase::Diary
            && !answers.contains(&q.id)
            && q.ask_when.eval(kb, answers)
            && readers.rules.iter().any(|&r| kb.data.rules[r].ambulance);
        let decides = relevant
            && value::probes(q).into_iter().any(|probe| {
                trial.clone_from(answers);
                trial.set(kb, &q.id, probe).is_ok() && calls(&trial)
            });
        decides.then_some(q)
    })
}
