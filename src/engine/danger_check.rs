//! The danger-sign check, for a browser where the full triage cannot run
//! (`shell::fallback` draws it, the build renders it, `embed.js` looks its
//! outcomes up). It asks only the two checklists every runner sees, so what
//! each sign calls for is worked out here, once, from `assess` itself: the
//! level of those signs with every other sign of the check absent, and the
//! higher of an injury and none (the check does not ask which). No rule is
//! written a second time.
//!
//! A combination can call for more than its signs alone (redness with a
//! fever is a possible infection): every pair that does is listed, and every
//! trio that calls for more than its signs and pairs, so the lookup is exact
//! up to three signs; a property test (`tests/it/danger_check.rs`) checks it
//! against `assess` on larger sets too.

use crate::{
    answers::{Answer, Answers},
    engine::assess,
    knowledge::{KnowledgeBase, Level, Question, usual_answer, worrying_answer},
};

/// The checklists of the check: the two every runner sees.
pub const CHECKS: [&str; 2] = ["foot_now", "body_now"];

/// What a set of signs calls for, as one small number the page compares:
/// 0 home care, 1 soon, 2 today, 3 the emergency department, 4 an ambulance.
pub type Outcome = u8;

/// The outcome of a triage's level.
pub fn outcome_of(level: Level, ambulance: bool) -> Outcome {
    match (level, ambulance) {
        (Level::Emergency, true) => 4,
        (Level::Emergency, false) => 3,
        (Level::Urgent, _) => 2,
        (Level::Soon, _) => 1,
        (Level::SelfCare, _) => 0,
    }
}

/// The level and ambulance flag an outcome stands for.
pub fn level_of(outcome: Outcome) -> (Level, bool) {
    match outcome {
        4 => (Level::Emergency, true),
        3 => (Level::Emergency, false),
        2 => (Level::Urgent, false),
        1 => (Level::Soon, false),
        _ => (Level::SelfCare, false),
    }
}

/// A sign as the check marks it: ticked (its worrying answer), or its own
/// "Not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Yes,
    NotSure,
}

/// The check, worked out.
#[derive(Debug, Clone)]
pub struct DangerCheck<'k> {
    /// Each checklist and its signs, in order.
    pub groups: Vec<(&'static str, Vec<&'k Question>)>,
    /// Each sign's outcome ticked, and "not sure".
    pub signs: Vec<(&'k Question, Outcome, Outcome)>,
    /// Each combination (by sign index) that calls for more than its parts.
    pub combos: Vec<(Vec<usize>, Outcome)>,
}

/// The check's signs, group by group: each checklist question whose gate can
/// hold before anything but the injury is known (as it is when the injury is
/// "not sure").
pub fn groups(kb: &KnowledgeBase) -> Vec<(&'static str, Vec<&Question>)> {
    let mut unsure = Answers::new();
    let _ = unsure.set(kb, "injury", Answer::NotSure);
    CHECKS
        .iter()
        .map(|&group| {
            let questions = kb
                .data
                .questions
                .iter()
                .filter(|q| q.group.as_deref() == Some(group) && q.ask_when.eval(kb, &unsure))
                .collect();
            (group, questions)
        })
        .collect()
}

/// What `assess` gives for these marks, every other sign of `all` absent,
/// at the higher of an injury and none.
pub fn assessed(kb: &KnowledgeBase, all: &[&Question], marks: &[(&Question, Mark)]) -> Outcome {
    [Answer::Choice("none".into()), Answer::NotSure]
        .into_iter()
        .map(|injury| {
            let mut answers = Answers::new();
            let _ = answers.set(kb, "injury", injury);
            for q in all {
                let marked = marks.iter().find(|(s, _)| s.id == q.id).map(|(s, m)| match m {
                    Mark::Yes => worrying_answer(s),
                    Mark::NotSure => Answer::NotSure,
                });
                if let Some(value) = marked.or_else(|| usual_answer(q)) {
                    let _ = answers.set(kb, &q.id, value);
                }
            }
            let a = assess(kb, &answers);
            outcome_of(a.triage, a.ambulance)
        })
        .max()
        .unwrap_or(4)
}

/// The check for `kb`: its signs, what each calls for, and the combinations
/// of two or three ticked signs that call for more than their parts.
pub fn danger_check(kb: &KnowledgeBase) -> DangerCheck<'_> {
    let groups = groups(kb);
    let all: Vec<&Question> = groups.iter().flat_map(|(_, qs)| qs.iter().copied()).collect();
    let signs: Vec<(&Question, Outcome, Outcome)> = all
        .iter()
        .map(|&q| (q, assessed(kb, &all, &[(q, Mark::Yes)]), assessed(kb, &all, &[(q, Mark::NotSure)])))
        .collect();
    let n = all.len();
    let ticked =
        |members: &[usize]| -> Vec<(&Question, Mark)> { members.iter().map(|&m| (all[m], Mark::Yes)).collect() };
    let mut combos: Vec<(Vec<usize>, Outcome)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let pair = assessed(kb, &all, &ticked(&[i, j]));
            if pair > signs[i].1.max(signs[j].1) {
                combos.push((vec![i, j], pair));
            }
        }
    }
    let mut check = DangerCheck { groups, signs, combos };
    let mut trios = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            for k in j + 1..n {
                let members = [i, j, k];
                let trio = assessed(kb, &all, &ticked(&members));
                let marks: Vec<(usize, Mark)> = members.iter().map(|&m| (m, Mark::Yes)).collect();
                if trio > check.decide(&marks) {
                    trios.push((members.to_vec(), trio));
                }
            }
        }
    }
    check.combos.extend(trios);
    check
}

impl DangerCheck<'_> {
    /// Every sign, in order.
    pub fn all(&self) -> Vec<&Question> {
        self.signs.iter().map(|(q, _, _)| *q).collect()
    }

    /// What marked signs (by index) call for, by lookup, as `embed.js` does
    /// it: the highest of each sign's own and of every combination whose
    /// signs are all marked (a mark of either kind counts).
    pub fn decide(&self, marks: &[(usize, Mark)]) -> Outcome {
        let own = marks.iter().map(|&(i, m)| if m == Mark::Yes { self.signs[i].1 } else { self.signs[i].2 });
        let combos = self
            .combos
            .iter()
            .filter(|(members, _)| members.iter().all(|m| marks.iter().any(|(i, _)| i == m)))
            .map(|(_, o)| *o);
        own.chain(combos).max().unwrap_or(0)
    }
}
