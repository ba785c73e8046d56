//! A small solver over formulas, for the linter: finds an answer set that
//! makes a formula true, so "can this rule ever fire?" and "can this question
//! ever be asked?" have checked answers rather than guesses.
//!
//! Formulas are first put in negation normal form (facts expanded, `not`
//! pushed down to single tests); then a backtracking search tries, key by key,
//! the handful of answers that can make a difference: each option, the
//! options a formula names, and the numbers either side of each threshold.
//!
//! It also answers "can this condition ever rank first?": from answers that
//! favour the condition, a hill-climb over single-answer changes widens its
//! lead over the others until it leads or nothing helps.

use std::collections::{BTreeMap, BTreeSet};

use crate::answers::{Answer, Answers};
use crate::engine::Scored;
use crate::knowledge::{
    KnowledgeBase, Question, QuestionKind, QuestionRole,
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

/// The search for answers that rank a condition first. A condition is named
/// by its index in the knowledge's list, as the ranking names it.
impl Solver<'_> {
    /// Whether some answers the solver may give rank condition `ci` first:
    /// its best location and features first, then single-answer changes that
    /// widen its lead.
    pub fn can_rank_first(&self, ci: usize) -> bool {
        let mut answers = self.favouring(ci);
        ranks_first(self.kb, &answers, ci) || self.climb(&mut answers, ci)
    }

    /// Answers that favour condition `ci`: its heaviest place (when the
    /// location question may be answered), then each of its positive
    /// features, heaviest first, kept when it does not shrink the lead.
    fn favouring(&self, ci: usize) -> Answers {
        let kb = self.kb;
        let condition = &kb.data.conditions[ci];
        let mut answers = Answers::new();
        if let Some((place, _)) = condition.locations.iter().max_by_key(|(_, w)| *w) {
            let location = kb.role_id(QuestionRole::Location);
            if self.allowed.contains(location) {
                let _ = answers.set(kb, location, Answer::Choices(vec![place.to_string()]));
            }
        }
        let mut features: Vec<_> = condition.features.iter().filter(|f| f.weight > 0).collect();
        features.sort_by_key(|f| -f.weight);
        for f in features {
            if let Some(next) = self.solve(&f.when.expr, &answers) {
                if lead(kb, &next, ci) >= lead(kb, &answers, ci) {
                    answers = next;
                }
            }
        }
        answers
    }

    /// Up to three passes over the allowed questions, keeping every single
    /// answer that widens condition `ci`'s lead; true as soon as it ranks
    /// first.
    fn climb(&self, answers: &mut Answers, ci: usize) -> bool {
        let kb = self.kb;
        // The current lead, kept rather than ranked again for every candidate.
        let mut best = lead(kb, answers, ci);
        for _ in 0..3 {
            let mut improved = false;
            for q in kb.data.questions.iter().filter(|q| self.allowed.contains(&*q.id)) {
                for candidate in answers_to_try(q) {
                    let mut trial = answers.clone();
                    if trial.set(kb, &q.id, candidate).is_err() {
                        continue;
                    }
                    let widened = lead(kb, &trial, ci);
                    if widened > best {
                        (*answers, best) = (trial, widened);
                        improved = true;
                    }
                }
                if ranks_first(kb, answers, ci) {
                    return true;
                }
            }
            if !improved {
                break;
            }
        }
        ranks_first(kb, answers, ci)
    }
}

/// The answers the climb tries for one question: every answer of a yes/no
/// question, each option alone, a number question's probes and bounds, and
/// "not sure".
fn answers_to_try(q: &Question) -> Vec<Answer> {
    let mut candidates: Vec<Answer> = match q.kind {
        QuestionKind::YesNo => vec![Answer::Yes, Answer::No],
        QuestionKind::Single => q.options.iter().map(|o| Answer::Choice(o.id.to_string())).collect(),
        QuestionKind::Multi => q.options.iter().map(|o| Answer::Choices(vec![o.id.to_string()])).collect(),
        QuestionKind::Number => {
            let mut v = q.probes.to_vec();
            v.extend(q.min);
            v.extend(q.max);
            v.into_iter().map(Answer::Number).collect()
        }
    };
    candidates.push(Answer::NotSure);
    candidates
}

fn ranked(kb: &KnowledgeBase, answers: &Answers) -> Vec<Scored> {
    crate::engine::rank(kb, answers)
}

fn ranks_first(kb: &KnowledgeBase, answers: &Answers, ci: usize) -> bool {
    ranked(kb, answers).first().is_some_and(|s| s.index == ci)
}

/// The condition's score minus the best other score.
fn lead(kb: &KnowledgeBase, answers: &Answers, ci: usize) -> i32 {
    let r = ranked(kb, answers);
    let own = r.iter().find(|s| s.index == ci).map_or(0, |s| s.score);
    let other = r.iter().filter(|s| s.index != ci).map(|s| s.score).max().unwrap_or(0);
    own - other
}
