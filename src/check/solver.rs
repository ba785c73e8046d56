//! A small solver over formulas, for the linter: finds an answer set that
//! makes a formula true, so "can this rule ever fire?" and "can this question
//! ever be asked?" have checked answers rather than guesses.
//!
//! Formulas are first put in negation normal form (facts expanded, `not`
//! pushed down to single tests); then a backtracking search tries, key by key,
//! the handful of answers that can make a difference: each option, the
//! options a formula names, and the numbers either side of each threshold.

use std::collections::{BTreeMap, BTreeSet};

use crate::answers::{Answer, Answers};
use crate::knowledge::{
    KnowledgeBase, QuestionKind,
    formula::{CmpOp, Expr, Scope},
};

/// A formula in negation normal form: `Lit(test, false)` means "not test".
#[derive(Debug, Clone)]
enum Nnf {
    True,
    False,
    Lit(Expr, bool),
    And(Vec<Nnf>),
    Or(Vec<Nnf>),
}

fn nnf(kb: &KnowledgeBase, expr: &Expr, positive: bool, depth: usize) -> Nnf {
    if depth > 32 {
        return Nnf::False;
    }
    match expr {
        Expr::True => {
            if positive {
                Nnf::True
            } else {
                Nnf::False
            }
        }
        Expr::Invalid(_) | Expr::CmpTo(..) => Nnf::False,
        Expr::Name(name) => match kb.fact(name) {
            Some(fact) => nnf(kb, fact, positive, depth + 1),
            None => Nnf::Lit(Expr::Is(name.clone(), "yes".into()), positive),
        },
        Expr::Not(inner) => nnf(kb, inner, !positive, depth + 1),
        Expr::And(items) | Expr::Or(items) => {
            let parts = items.iter().map(|e| nnf(kb, e, positive, depth + 1)).collect();
            if matches!(expr, Expr::And(_)) == positive { Nnf::And(parts) } else { Nnf::Or(parts) }
        }
        test => Nnf::Lit(test.clone(), positive),
    }
}

/// Which questions may take a value during the search; the rest stay unanswered.
pub struct Solver<'a> {
    kb: &'a KnowledgeBase,
    allowed: BTreeSet<String>,
}

impl<'a> Solver<'a> {
    pub fn new(kb: &'a KnowledgeBase, allowed: BTreeSet<String>) -> Self {
        Solver { kb, allowed }
    }

    /// An answer set, extending `start`, that makes `expr` true; keys already
    /// in `start` keep their answers.
    pub fn solve(&self, expr: &Expr, start: &Answers) -> Option<Answers> {
        let form = nnf(self.kb, expr, true, 0);
        let domains = self.domains(&form);
        let mut answers = start.clone();
        let mut found = None;
        self.search(&form, &domains, &mut answers, &mut |a| {
            found = Some(a.clone());
            true
        });
        found
    }

    /// An answer set, extending `start`, that makes `expr` true and passes
    /// `accept`; the search backtracks through every candidate until one does.
    pub fn solve_where(&self, expr: &Expr, start: &Answers, accept: &dyn Fn(&Answers) -> bool) -> Option<Answers> {
        let form = nnf(self.kb, expr, true, 0);
        let domains = self.domains(&form);
        let mut answers = start.clone();
        let mut found = None;
        self.search(&form, &domains, &mut answers, &mut |a| {
            if !accept(a) {
                return false;
            }
            found = Some(a.clone());
            true
        });
        found
    }

    /// Every answer worth trying for each key a formula reads.
    fn domains(&self, form: &Nnf) -> BTreeMap<String, Vec<Option<Answer>>> {
        let mut named: BTreeMap<String, (BTreeSet<String>, Vec<f64>)> = BTreeMap::new();
        collect(form, &mut named);
        named
            .into_iter()
            .map(|(key, (options, bounds))| {
                let mut domain: Vec<Option<Answer>> = vec![None];
                if let (Some(q), true) = (self.kb.question(&key), self.allowed.contains(&key)) {
                    domain.push(Some(Answer::NotSure));
                    match q.kind {
                        QuestionKind::YesNo => domain.extend([Some(Answer::Yes), Some(Answer::No)]),
                        QuestionKind::Single => {
                            domain.extend(q.options.iter().map(|o| Some(Answer::Choice(o.id.to_string()))))
                        }
                        QuestionKind::Multi => {
                            let named: Vec<String> =
                                options.into_iter().filter(|o| q.options.iter().any(|x| &x.id == o)).take(10).collect();
                            // Every subset of the named options, or, when a
                            // formula names many, those of at most two (the
                            // search grows with the product of the domains).
                            let most = if named.len() > 6 { 2 } else { named.len() };
                            for mask in 0u32..(1 << named.len()) {
                                if mask.count_ones() as usize > most {
                                    continue;
                                }
                                let set = named.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0);
                                domain.push(Some(Answer::Choices(set.map(|(_, o)| o.clone()).collect())));
                            }
                            let all = q.options.iter().map(|o| o.id.to_string()).collect();
                            domain.push(Some(Answer::Choices(all)));
                        }
                        QuestionKind::Number => {
                            let (min, max) = (q.min.unwrap_or(-1e6), q.max.unwrap_or(1e6));
                            let mut values = vec![min, max];
                            for b in bounds {
                                values.extend([b - 1.0, b, b + 1.0]);
                            }
                            values.retain(|v| *v >= min && *v <= max);
                            values.sort_by(f64::total_cmp);
                            values.dedup();
                            domain.extend(values.into_iter().map(|v| Some(Answer::Number(v))));
                        }
                    }
                }
                (key, domain)
            })
            .collect()
    }

    fn search(
        &self,
        form: &Nnf,
        domains: &BTreeMap<String, Vec<Option<Answer>>>,
        answers: &mut Answers,
        k: &mut dyn FnMut(&mut Answers) -> bool,
    ) -> bool {
        match form {
            Nnf::True => k(answers),
            Nnf::False => false,
            Nnf::Or(items) => items.iter().any(|item| self.search(item, domains, answers, k)),
            Nnf::And(items) => self.search_all(items, domains, answers, k),
            Nnf::Lit(test, positive) => {
                let key = test_key(test);
                if answers.contains(key) || !domains.contains_key(key) {
                    return test.eval(self.kb, answers) == *positive && k(answers);
                }
                for value in &domains[key] {
                    if let Some(v) = value {
                        if answers.set(self.kb, key, v.clone()).is_err() {
                            continue;
                        }
                    }
                    if test.eval(self.kb, answers) == *positive && k(answers) {
                        return true;
                    }
                    answers.remove(key);
                }
                false
            }
        }
    }

    fn search_all(
        &self,
        items: &[Nnf],
        domains: &BTreeMap<String, Vec<Option<Answer>>>,
        answers: &mut Answers,
        k: &mut dyn FnMut(&mut Answers) -> bool,
    ) -> bool {
        match items.split_first() {
            None => k(answers),
            Some((first, rest)) => {
                self.search(first, domains, answers, &mut |a: &mut Answers| self.search_all(rest, domains, a, k))
            }
        }
    }
}

fn test_key(test: &Expr) -> &str {
    match test {
        Expr::Is(k, _)
        | Expr::In(k, _)
        | Expr::Has(k, _)
        | Expr::Within(k, _)
        | Expr::Cmp(k, _, _)
        | Expr::Answered(k)
        | Expr::Name(k) => k,
        _ => "",
    }
}

fn collect(form: &Nnf, named: &mut BTreeMap<String, (BTreeSet<String>, Vec<f64>)>) {
    match form {
        Nnf::True | Nnf::False => {}
        Nnf::And(items) | Nnf::Or(items) => items.iter().for_each(|i| collect(i, named)),
        Nnf::Lit(test, _) => {
            let entry = named.entry(test_key(test).to_string()).or_default();
            match test {
                Expr::Is(_, v) => {
                    entry.0.insert(v.to_string());
                }
                Expr::In(_, vs) | Expr::Has(_, vs) | Expr::Within(_, vs) => {
                    entry.0.extend(vs.iter().map(|v| v.to_string()))
                }
                Expr::Cmp(_, op, b) => {
                    entry.1.push(*b);
                    if *op == CmpOp::Eq {
                        entry.1.push(*b);
                    }
                }
                _ => {}
            }
        }
    }
}
