//! Formulas read over answers that are still coming: three-valued (Kleene)
//! evaluation, for the flow's question "could a later answer still make this
//! hold?".
//!
//! A question that is unanswered but may still be asked is *pending*: a test
//! on it is `Unknown`, because a later answer could go either way. A question
//! that is unanswered and can never be asked keeps the engine's meaning of
//! "unanswered" (every test false, `not` true), since the flow will end with
//! it unanswered. Kleene logic is sound for what follows: when a formula is
//! `False` here, it is false for every way the pending questions could be
//! answered, and when it is `True`, it is true for every one.

use super::{Expr, Scope, is};
use crate::answers::Answers;

/// A truth value that may not be known yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    False,
    Unknown,
    True,
}

impl Tri {
    fn of(b: bool) -> Tri {
        if b { Tri::True } else { Tri::False }
    }

    fn not(self) -> Tri {
        match self {
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::False,
        }
    }

    /// Whether the value may still turn out true.
    pub fn may_hold(self) -> bool {
        self != Tri::False
    }
}

impl Expr {
    /// The formula's value once the `pending` questions are answered, as far
    /// as it is known now (see the module's comment).
    pub fn eval_partial(&self, scope: &dyn Scope, answers: &Answers, pending: &dyn Fn(&str) -> bool) -> Tri {
        self.partial(scope, answers, pending, 0)
    }

    fn partial(&self, scope: &dyn Scope, answers: &Answers, pending: &dyn Fn(&str) -> bool, depth: usize) -> Tri {
        // Facts only use facts defined before them (the linter checks it), so
        // the bound is a guard against a broken knowledge base.
        if depth > 32 {
            return Tri::False;
        }
        let test = |key: &str| {
            if answers.get(key).is_none() && pending(key) { Tri::Unknown } else { Tri::of(self.eval(scope, answers)) }
        };
        match self {
            Expr::True => Tri::True,
            Expr::Invalid(_) | Expr::CmpTo(..) => Tri::False,
            Expr::Name(name) => match scope.fact(name) {
                Some(fact) => fact.partial(scope, answers, pending, depth + 1),
                None if answers.get(name).is_none() && pending(name) => Tri::Unknown,
                None => Tri::of(is(scope, answers, name, "yes")),
            },
            Expr::Is(key, _)
            | Expr::In(key, _)
            | Expr::Has(key, _)
            | Expr::Within(key, _)
            | Expr::Cmp(key, _, _)
            | Expr::Answered(key) => test(key),
            Expr::Not(inner) => inner.partial(scope, answers, pending, depth + 1).not(),
            // "and" is false as soon as one part is, "or" true as soon as one
            // part is; otherwise unknown if any part is.
            Expr::And(items) => combine(items, Tri::False, |e| e.partial(scope, answers, pending, depth + 1)),
            Expr::Or(items) => combine(items, Tri::True, |e| e.partial(scope, answers, pending, depth + 1)),
        }
    }
}

/// Kleene "and" (`decisive` false) or "or" (`decisive` true) over `items`:
/// the decisive value if any part has it, else unknown if any part is
/// unknown, else the other value.
fn combine(items: &[Expr], decisive: Tri, value: impl Fn(&Expr) -> Tri) -> Tri {
    let mut out = decisive.not();
    for item in items {
        match value(item) {
            v if v == decisive => return decisive,
            Tri::Unknown => out = Tri::Unknown,
            _ => {}
        }
    }
    out
}
