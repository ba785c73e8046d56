//! Gates that match the rules: a question's `ask_when` must never hide an
//! answer a rule needs.
//!
//! The flow asks a question only while its gate holds, so a runner's full
//! answers and the answers the flow can collect from them differ by every
//! question whose gate stays shut. If a rule fires on the first and not on
//! the second, the interview can end below the level the runner's answers
//! call for, however well it chooses what to ask: the flow is only as sound
//! as its gates. The linter's `HiddenByGate` asks the solver for such an
//! answer set, rule by rule; `engine::soundness` relies on there being none.

use std::collections::BTreeSet;

use super::solver::Solver;
use crate::{
    answers::Answers,
    knowledge::{KnowledgeBase, Level, Phase, formula::Expr},
};

/// A rule that fires on some answers only through a question the flow could
/// not ask on those answers.
#[derive(Debug, Clone)]
pub struct Hidden {
    pub rule: String,
    /// The questions the flow could not ask, whose answers the rule needed.
    pub hidden: Vec<String>,
    /// The answers that show it.
    pub answers: Answers,
}

/// The answers a flow that asks every question while its gate is open would
/// collect from `full`: a question joins once its gate holds on what has
/// joined before it, until nothing more can.
pub fn reachable(kb: &KnowledgeBase, full: &Answers) -> Answers {
    let mut waiting: Vec<(usize, &str)> =
        full.iter().filter_map(|(key, _)| kb.question_index(key).map(|at| (at, key))).collect();
    waiting.sort_unstable();
    let mut got = Answers::new();
    loop {
        let before = waiting.len();
        waiting.retain(|&(at, key)| {
            let q = &kb.data.questions[at];
            if q.phase == Phase::Diary || !q.ask_when.eval(kb, &got) {
                return true;
            }
            // Answers were validated when `full` was built, so this holds.
            let _ = got.set(kb, key, full.get(key).cloned().unwrap_or(crate::answers::Answer::NotSure));
            false
        });
        if waiting.len() == before {
            return got;
        }
    }
}

/// Every rule a gate can hide, with an answer set that shows it. Rules that
/// read the diary are left out: the diary, not the interview, answers them.
pub fn hidden_by_gate(kb: &KnowledgeBase) -> Vec<Hidden> {
    let everything: BTreeSet<String> = kb.data.questions.iter().map(|q| q.id.to_string()).collect();
    let solver = Solver::new(kb, everything);
    let mut out = Vec::new();
    // A rule at the catch-all's level cannot be hidden into under-triage.
    for rule in kb.data.rules.iter().filter(|r| r.level > Level::SelfCare) {
        let keys = rule.when.expr.keys(kb);
        if keys.iter().any(|k| kb.question(k).is_some_and(|q| q.phase == Phase::Diary)) {
            continue;
        }
        // The search must also try the answers the gates read, two gates
        // deep, so each gate is added as "it holds or it does not".
        let mut gates: Vec<Expr> = Vec::new();
        let mut seen: BTreeSet<String> = keys.iter().cloned().collect();
        let mut frontier = keys;
        for _ in 0..2 {
            let mut next = Vec::new();
            for key in &frontier {
                let Some(q) = kb.question(key) else { continue };
                if matches!(q.ask_when.expr, Expr::True) {
                    continue;
                }
                gates
                    .push(Expr::Or(vec![q.ask_when.expr.clone(), Expr::Not(Box::new(q.ask_when.expr.clone()))].into()));
                for k in q.ask_when.expr.keys(kb) {
                    if seen.insert(k.clone()) {
                        next.push(k);
                    }
                }
            }
            frontier = next;
        }
        let goal = Expr::And(std::iter::once(rule.when.expr.clone()).chain(gates).collect::<Vec<_>>().into());
        let read = goal.keys(kb);
        // An answer set shows a hidden rule when the rule fires on it, the
        // answers the flow could collect give a lower level, and it is a
        // runner's whole answer set: no question the formulas read is left
        // out while the flow would have asked it.
        let hides = |a: &Answers| {
            if !rule.when.eval(kb, a) {
                return false;
            }
            let got = reachable(kb, a);
            if rule.when.eval(kb, &got) {
                return false;
            }
            let whole = read.iter().all(|k| {
                a.contains(k) || kb.question(k).is_none_or(|q| q.phase == Phase::Diary || !q.ask_when.eval(kb, &got))
            });
            whole && crate::engine::assess(kb, &got).triage < rule.level
        };
        if let Some(answers) = solver.solve_where(&goal, &Answers::new(), &hides) {
            let got = reachable(kb, &answers);
            let hidden =
                rule.when.expr.keys(kb).into_iter().filter(|k| answers.contains(k) && !got.contains(k)).collect();
            out.push(Hidden { rule: rule.id.to_string(), hidden, answers });
        }
    }
    out
}
