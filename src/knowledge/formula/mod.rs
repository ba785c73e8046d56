//! The small condition language that rules, features, facts and question
//! gates are written in, so a clinician can read them as sentences.
//!
//! ```text
//! fever and (spreading_redness or feels_very_unwell)
//! injury in [twist_or_roll, fall_or_impact] and can_bear_weight is no
//! pain_locations has [heel_bottom, arch] and duration_days > 7
//! ```
//!
//! **Unanswered questions make every test false.** `fever`, `fever is no`,
//! `x in [...]`, `x has ...` and `x > 3` are all false when `x` was not
//! answered; only `not` turns that around (`not fever` is true when fever was
//! not asked), which is why red-flag rules never need `not`. "Not sure" counts
//! as the question's worrying answer (its `concerning` value) and as nothing
//! else; `answered(x)` is true only for a real answer, not for "not sure".

mod partial;
mod syntax;

use super::text::Text;
use crate::answers::{Answer, Answers};

pub use partial::Tri;
pub use syntax::{CONSTANTS, CmpOp, Expr, Formula};

/// What a formula needs from its surroundings while it is evaluated.
pub trait Scope {
    /// The expression of a named fact, if `name` is one.
    fn fact(&self, name: &str) -> Option<&Expr>;
    /// The worrying answer of a yes/no question (`Answer::Yes` or `Answer::No`),
    /// which "not sure" is read as.
    fn concerning(&self, key: &str) -> Option<&Answer>;
}

impl Formula {
    pub fn eval(&self, scope: &dyn Scope, answers: &Answers) -> bool {
        self.expr.eval(scope, answers)
    }
}

impl Expr {
    pub fn eval(&self, scope: &dyn Scope, answers: &Answers) -> bool {
        match self {
            Expr::True => true,
            Expr::Name(name) => match scope.fact(name) {
                Some(fact) => fact.eval(scope, answers),
                None => is(scope, answers, name, "yes"),
            },
            Expr::Is(key, value) => is(scope, answers, key, value),
            Expr::In(key, values) => match answers.get(key) {
                Some(Answer::Choice(c)) => contains(values, c),
                _ => false,
            },
            Expr::Has(key, values) => match answers.get(key) {
                Some(Answer::Choices(cs)) => cs.iter().any(|c| contains(values, c)),
                Some(Answer::Choice(c)) => contains(values, c),
                _ => false,
            },
            Expr::Within(key, values) => match answers.get(key) {
                Some(Answer::Choices(cs)) => !cs.is_empty() && cs.iter().all(|c| contains(values, c)),
                _ => false,
            },
            Expr::Cmp(key, op, bound) => match answers.get(key) {
                Some(Answer::Number(n)) => op.apply(*n, *bound),
                _ => false,
            },
            Expr::Answered(key) => matches!(answers.get(key), Some(a) if *a != Answer::NotSure),
            Expr::Not(inner) => !inner.eval(scope, answers),
            Expr::And(items) => items.iter().all(|e| e.eval(scope, answers)),
            Expr::Or(items) => items.iter().any(|e| e.eval(scope, answers)),
            // A named bound is resolved when the knowledge loads.
            Expr::Invalid(_) | Expr::CmpTo(..) => false,
        }
    }

    /// Visits every question key this expression reads, expanding facts.
    pub fn visit_keys(&self, scope: &dyn Scope, f: &mut dyn FnMut(&str)) {
        self.visit_keys_depth(scope, f, 0);
    }

    fn visit_keys_depth(&self, scope: &dyn Scope, f: &mut dyn FnMut(&str), depth: usize) {
        // Facts may only use facts defined before them (the linter checks it),
        // so the depth bound is only a guard against a broken knowledge base.
        if depth > 32 {
            return;
        }
        match self {
            Expr::True | Expr::Invalid(_) => {}
            Expr::CmpTo(k, _, _) => f(k),
            Expr::Name(name) => match scope.fact(name) {
                Some(fact) => fact.visit_keys_depth(scope, f, depth + 1),
                None => f(name),
            },
            Expr::Is(k, _) | Expr::In(k, _) | Expr::Has(k, _) | Expr::Within(k, _) | Expr::Cmp(k, _, _) => f(k),
            Expr::Answered(k) => f(k),
            Expr::Not(inner) => inner.visit_keys_depth(scope, f, depth + 1),
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| e.visit_keys_depth(scope, f, depth + 1)),
        }
    }

    /// The question keys this expression reads, in first-use order.
    pub fn keys(&self, scope: &dyn Scope) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        self.visit_keys(scope, &mut |k| {
            if !keys.iter().any(|x| x == k) {
                keys.push(k.to_string());
            }
        });
        keys
    }
}

fn contains(values: &[Text], c: &str) -> bool {
    values.iter().any(|v| v == c)
}

fn is(scope: &dyn Scope, answers: &Answers, key: &str, value: &str) -> bool {
    let Some(answer) = answers.get(key) else {
        return false;
    };
    match (answer, value) {
        (Answer::Yes, "yes") | (Answer::No, "no") | (Answer::NotSure, "not_sure") => true,
        (Answer::NotSure, "yes") => scope.concerning(key) == Some(&Answer::Yes),
        (Answer::NotSure, "no") => scope.concerning(key) == Some(&Answer::No),
        (Answer::Choice(c), v) => c == v,
        (Answer::Choices(cs), v) => cs.iter().any(|c| c == v),
        _ => false,
    }
}
