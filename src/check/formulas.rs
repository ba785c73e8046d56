//! The linter's check of one formula against the questionnaire: every name
//! it uses is a question or an earlier fact, and each test fits the kind of
//! question it tests.

use crate::knowledge::{KnowledgeBase, Question, QuestionKind, formula::Expr};

use super::problem::ProblemKind;

/// Adds to `out` every unknown name and mismatched test in `expr`.
/// `fact_index` is set for a fact's own formula, which may only use the facts
/// defined before it (so facts cannot form a cycle).
pub fn check_expr(kb: &KnowledgeBase, expr: &Expr, fact_index: Option<usize>, out: &mut Vec<(ProblemKind, String)>) {
    use ProblemKind::*;
    let question = |key: &str, out: &mut Vec<(ProblemKind, String)>| {
        let q = kb.question(key);
        if q.is_none() {
            out.push((UnknownReference, format!("unknown question `{key}`")));
        }
        q
    };
    let option_ok = |q: &Question, v: &str| v == "not_sure" || q.options.iter().any(|o| o.id == v);
    match expr {
        Expr::True => {}
        Expr::Invalid(message) => out.push((BadFormula, message.to_string())),
        Expr::CmpTo(_, _, name) => out.push((BadFormula, format!("`{name}` was not resolved to a number"))),
        Expr::Name(name) => match (kb.data.facts.iter().position(|f| &f.id == name), kb.question(name)) {
            (Some(i), _) => {
                if fact_index.is_some_and(|me| i >= me) {
                    out.push((UnknownReference, format!("fact `{name}` must be defined before it is used")));
                }
            }
            (None, Some(q)) if q.kind != QuestionKind::YesNo => {
                out.push((TypeMismatch, format!("`{name}` is not a yes/no question; write `{name} is ...`")))
            }
            (None, Some(_)) => {}
            (None, None) => out.push((UnknownReference, format!("unknown question or fact `{name}`"))),
        },
        Expr::Is(key, value) => {
            if let Some(q) = question(key, out) {
                let ok = match q.kind {
                    QuestionKind::YesNo => matches!(value.as_ref(), "yes" | "no" | "not_sure"),
                    QuestionKind::Single | QuestionKind::Multi => option_ok(q, value),
                    QuestionKind::Number => false,
                };
                if !ok {
                    out.push((TypeMismatch, format!("`{key}` cannot be `{value}`")));
                }
            }
        }
        Expr::In(key, values) | Expr::Has(key, values) | Expr::Within(key, values) => {
            if let Some(q) = question(key, out) {
                let kind_ok = match expr {
                    Expr::In(..) => q.kind == QuestionKind::Single,
                    Expr::Has(..) => matches!(q.kind, QuestionKind::Single | QuestionKind::Multi),
                    _ => q.kind == QuestionKind::Multi,
                };
                if !kind_ok {
                    out.push((
                        TypeMismatch,
                        format!("`{key}` is a {:?} question and cannot be tested this way", q.kind),
                    ));
                }
                for v in values.iter().filter(|v| !option_ok(q, v)) {
                    out.push((UnknownReference, format!("`{key}` has no option `{v}`")));
                }
            }
        }
        Expr::Cmp(key, _, _) => {
            if let Some(q) = question(key, out) {
                if q.kind != QuestionKind::Number {
                    out.push((TypeMismatch, format!("`{key}` is not a number question")));
                }
            }
        }
        Expr::Answered(key) => {
            question(key, out);
        }
        Expr::Not(inner) => check_expr(kb, inner, fact_index, out),
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| check_expr(kb, e, fact_index, out)),
    }
}
