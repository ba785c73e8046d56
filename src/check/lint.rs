//! The knowledge linter: checks the content the way a compiler checks code.
//! `cargo test` runs it on the embedded knowledge, and `foot-triage lint DIR`
//! runs it on a folder a clinician is editing.

use std::collections::BTreeSet;

pub use super::problem::{Problem, ProblemKind};
use super::solver::Solver;
use crate::{
    answers::Answers,
    knowledge::{
        AdviceRole, Control, KnowledgeBase, Level, Question, QuestionKind, QuestionRole, RuleKind,
        formula::{Expr, Formula},
    },
};

/// The safety-relevant items (rules, safety-net texts, advice with a caution,
/// level texts) whose only support is the project's digest or a commercial
/// article: not a problem, but where a clinical reviewer should look first.
/// Each comes with the grade of its weakest-only support.
pub fn weak_evidence(kb: &KnowledgeBase) -> Vec<(String, &'static str)> {
    let weak = |field: &str| -> Option<&'static str> {
        let grades: Vec<&str> = KnowledgeBase::cited(field).filter_map(|id| kb.source(id)).map(|s| &*s.grade).collect();
        let (digest, commercial) = (grades.contains(&"digest"), grades.contains(&"commercial_article"));
        if grades.is_empty() || !grades.iter().all(|g| *g == "digest" || *g == "commercial_article") {
            return None;
        }
        Some(match (digest, commercial) {
            (true, true) => "a commercial article and the digest",
            (true, false) => "the digest only",
            _ => "a commercial article only",
        })
    };
    let d = &kb.data;
    let items = d
        .rules
        .iter()
        .filter(|r| r.kind != RuleKind::Default)
        .map(|r| (format!("rule {}", r.id), &*r.source))
        .chain(d.safety_net.iter().map(|x| (format!("safety net {}", x.id), &*x.source)))
        .chain(d.advice.iter().filter(|a| a.caution.is_some()).map(|a| (format!("advice {}", a.id), &*a.source)))
        .chain(d.levels.iter().map(|l| (format!("level {}", l.id.as_str()), &*l.source)));
    items.filter_map(|(id, source)| weak(source).map(|g| (id, g))).collect()
}

/// Every problem found, in a stable order.
pub fn lint(kb: &KnowledgeBase) -> Vec<Problem> {
    let mut l = Linter { kb, problems: Vec::new() };
    l.ids();
    l.provenance();
    l.contract();
    l.possible_care();
    l.problems.extend(super::care_regions::problems(kb));
    l.references();
    let reachable = l.reachability();
    // The deeper checks evaluate formulas, which only makes sense once every
    // formula parses and names real questions of the right kind.
    let sound = |p: &Problem| {
        !matches!(p.kind, ProblemKind::BadFormula | ProblemKind::UnknownReference | ProblemKind::TypeMismatch)
    };
    if l.problems.iter().all(sound) {
        l.rules_fire(&reachable);
        l.gates_match_rules();
        l.advice_selected(&reachable);
        l.conditions_first(&reachable);
    }
    l.problems.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    l.problems
}

struct Linter<'a> {
    kb: &'a KnowledgeBase,
    problems: Vec<Problem>,
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !id.starts_with('_')
        && !id.ends_with('_')
        && !id.contains("__")
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let ok = |p: &str, len: usize| p.len() == len && p.chars().all(|c| c.is_ascii_digit());
    if !(ok(y, 4) && ok(m, 2) && ok(d, 2)) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

impl Linter<'_> {
    fn report(&mut self, kind: ProblemKind, id: &str, message: impl Into<String>) {
        self.problems.push(Problem { kind, id: id.to_string(), message: message.into() });
    }

    fn ids(&mut self) {
        let d = &self.kb.data;
        let groups: Vec<(&str, Vec<&str>)> = vec![
            ("question", d.questions.iter().map(|q| q.id.as_ref()).collect()),
            ("fact", d.facts.iter().map(|q| q.id.as_ref()).collect()),
            ("rule", d.rules.iter().map(|q| q.id.as_ref()).collect()),
            ("condition", d.conditions.iter().map(|q| q.id.as_ref()).collect()),
            ("advice", d.advice.iter().map(|q| q.id.as_ref()).collect()),
            ("section", d.sections.iter().map(|q| q.id.as_ref()).collect()),
            ("safety_net", d.safety_net.iter().map(|q| q.id.as_ref()).collect()),
            ("source", d.sources.iter().map(|q| q.id.as_ref()).collect()),
        ];
        for (what, ids) in &groups {
            let mut seen = BTreeSet::new();
            for id in ids {
                if !is_snake_case(id) {
                    self.report(ProblemKind::BadId, id, format!("{what} ids must be snake_case"));
                }
                if !seen.insert(*id) {
                    self.report(ProblemKind::DuplicateId, id, format!("two {what}s have this id"));
                }
            }
        }
        for q in d.questions.iter() {
            let mut seen = BTreeSet::new();
            for o in q.options.iter() {
                if !is_snake_case(&o.id) {
                    self.report(ProblemKind::BadId, &q.id, format!("option `{}` is not snake_case", o.id));
                }
                if !seen.insert(&o.id) {
                    self.report(ProblemKind::DuplicateId, &q.id, format!("option `{}` appears twice", o.id));
                }
            }
        }
        for f in d.facts.iter() {
            if self.kb.question(&f.id).is_some() {
                self.report(ProblemKind::DuplicateId, &f.id, "a fact may not share its name with a question");
            }
        }
    }

    fn provenance(&mut self) {
        let d = &self.kb.data;
        let items = d
            .questions
            .iter()
            .map(|q| (&*q.id, q.provenance()))
            .chain(d.facts.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.rules.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.conditions.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.conditions.iter().filter_map(|x| x.review.as_ref().map(|r| (&*x.id, r.provenance()))))
            .chain(d.advice.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.safety_net.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.contradictions.iter().map(|x| (&*x.id, x.provenance())))
            .chain(d.levels.iter().map(|x| (x.id.as_str(), x.provenance())))
            .chain(d.care_regions.iter().map(|x| (&*x.id, x.provenance())))
            .chain([
                ("meta", d.meta.provenance()),
                ("meta.shoes", d.meta.shoes.provenance()),
                ("meta.load", d.meta.load.provenance()),
                ("meta.diary", d.meta.diary.provenance()),
            ]);
        let mut found = Vec::new();
        for (id, p) in items {
            if KnowledgeBase::cited(p.source).next().is_none() {
                found.push((id.to_string(), "no source".to_string()));
            }
            for cited in KnowledgeBase::cited(p.source) {
                if self.kb.source(cited).is_none() {
                    found.push((id.to_string(), format!("source `{cited}` is not in knowledge/meta.toml")));
                }
            }
            if !is_date(p.last_reviewed) {
                found.push((id.to_string(), format!("last_reviewed `{}` is not a YYYY-MM-DD date", p.last_reviewed)));
            }
        }
        for (id, message) in found {
            self.report(ProblemKind::BadProvenance, &id, message);
        }
    }

    /// The contract between the code and the knowledge: every role the code
    /// names is held by exactly one item that fits it.
    fn contract(&mut self) {
        let d = &self.kb.data;
        for role in QuestionRole::ALL {
            let holders: Vec<&Question> = d.questions.iter().filter(|q| q.role == Some(role)).collect();
            let name = format!("{role:?}");
            match holders.as_slice() {
                [] => {
                    self.report(ProblemKind::BrokenContract, &name, "no question holds this role, which the code needs")
                }
                [q] => {
                    if q.kind != role.kind() {
                        let message = format!("`{}` holds it, but the role needs a {:?} question", q.id, role.kind());
                        self.report(ProblemKind::BrokenContract, &name, message);
                    }
                    for option in role.options() {
                        if !q.options.iter().any(|o| o.id == *option) {
                            let message = format!("`{}` lacks the option `{option}`, which the code sets", q.id);
                            self.report(ProblemKind::BrokenContract, &name, message);
                        }
                    }
                }
                many => {
                    let ids: Vec<&str> = many.iter().map(|q| &*q.id).collect();
                    self.report(ProblemKind::BrokenContract, &name, format!("held by {}: one only", ids.join(", ")));
                }
            }
        }
        for role in AdviceRole::ALL {
            let name = format!("{role:?}");
            match d.advice.iter().filter(|a| a.role == Some(role)).count() {
                1 => {}
                0 => self.report(
                    ProblemKind::BrokenContract,
                    &name,
                    "no advice item holds this role, which the code needs",
                ),
                _ => self.report(ProblemKind::BrokenContract, &name, "held by more than one advice item"),
            }
        }
    }

    /// Checks that every name resolves and every formula fits the questions
    /// it tests, one kind of item at a time. The order is the order problems
    /// are found in, which the final sort keeps among equal kinds and ids.
    fn references(&mut self) {
        self.fact_references();
        self.question_references();
        self.contradiction_references();
        self.problems.extend(super::foot_map::problems(self.kb));
        self.advice_traits();
        self.rule_references();
        self.level_texts();
        self.catch_all();
        self.condition_references();
        self.advice_references();
        self.safety_net_references();
    }

    fn fact_references(&mut self) {
        for (i, f) in self.kb.data.facts.iter().enumerate() {
            self.formula(&f.id, &f.when, Some(i));
        }
    }

    fn question_references(&mut self) {
        for q in self.kb.data.questions.iter() {
            self.formula(&q.id, &q.ask_when, None);
            self.formula(&q.id, &q.required_when, None);
            self.question_kind_fits(q);
        }
    }

    /// Checks that what a question declares fits its kind: a `concerning`
    /// answer, options, the foot map, an `absent` answer and `escalates`.
    fn question_kind_fits(&mut self, q: &Question) {
        if q.kind != QuestionKind::YesNo && q.concerning.is_some() {
            self.report(ProblemKind::TypeMismatch, &q.id, "only yes/no questions can have a `concerning` answer");
        }
        if matches!(q.kind, QuestionKind::Single | QuestionKind::Multi) && q.options.is_empty() {
            self.report(ProblemKind::TypeMismatch, &q.id, "a choice question needs options");
        }
        if q.control == Some(Control::FootMap) && q.kind != QuestionKind::Multi {
            self.report(ProblemKind::TypeMismatch, &q.id, "only a multiple-choice question can use the foot map");
        }
        if let Some(absent) = &q.absent {
            let fits = match q.kind {
                QuestionKind::YesNo => absent == "yes" || absent == "no",
                QuestionKind::Single => q.options.iter().any(|o| o.id == *absent),
                _ => false,
            };
            if !fits {
                let message = format!("`absent = \"{absent}\"` is not an answer it takes");
                self.report(ProblemKind::TypeMismatch, &q.id, message);
            }
        }
        if q.escalates && q.concerning.is_none() {
            self.report(ProblemKind::TypeMismatch, &q.id, "a question that `escalates` needs a `concerning` answer");
        }
    }

    fn contradiction_references(&mut self) {
        for c in self.kb.data.contradictions.iter() {
            self.formula(&c.id, &c.when, None);
        }
    }

    /// Every trait an advice item declares is one some contradiction can
    /// exclude; a trait nothing excludes is most likely misspelt.
    fn advice_traits(&mut self) {
        let d = &self.kb.data;
        for a in d.advice.iter() {
            for t in a.traits.iter() {
                if !d.contradictions.iter().any(|c| c.excludes.contains(t)) {
                    let message = format!("trait `{t}` is excluded by no contradiction");
                    self.report(ProblemKind::UnknownReference, &a.id, message);
                }
            }
        }
    }

    fn rule_references(&mut self) {
        let kb = self.kb;
        for r in kb.data.rules.iter() {
            self.formula(&r.id, &r.when, None);
            if let Some(c) = &r.suspects {
                if kb.condition(c).is_none() {
                    self.report(ProblemKind::UnknownReference, &r.id, format!("suspects unknown condition `{c}`"));
                }
            }
        }
    }

    fn level_texts(&mut self) {
        for level in Level::ALL {
            if self.kb.level(level).is_none() {
                self.report(ProblemKind::UnknownReference, level.as_str(), "this level has no [[level]] text");
            }
        }
    }

    /// The decision table ends with a catch-all, so every input gets a level.
    fn catch_all(&mut self) {
        if !self.kb.data.rules.iter().any(|r| r.level == Level::SelfCare && r.when.expr == Expr::True) {
            self.report(ProblemKind::NoCatchAll, "rules", "add a self-care rule with `when = \"true\"`");
        }
    }

    fn condition_references(&mut self) {
        let kb = self.kb;
        for c in kb.data.conditions.iter() {
            for f in c.features.iter() {
                self.formula(&c.id, &f.when, None);
            }
            for (place, _) in c.locations.iter() {
                if !kb.role(QuestionRole::Location).is_some_and(|q| q.options.iter().any(|o| &o.id == place)) {
                    self.report(ProblemKind::UnknownReference, &c.id, format!("unknown pain location `{place}`"));
                }
            }
            for a in c.advice.iter() {
                if kb.advice_item(a).is_none() {
                    self.report(ProblemKind::UnknownReference, &c.id, format!("unknown advice `{a}`"));
                }
            }
        }
    }

    fn advice_references(&mut self) {
        let kb = self.kb;
        for a in kb.data.advice.iter() {
            self.formula(&a.id, &a.when, None);
            if !kb.data.sections.iter().any(|s| s.id == a.section) {
                self.report(ProblemKind::UnknownReference, &a.id, format!("unknown section `{}`", a.section));
            }
            for n in a.not_for.iter() {
                if kb.condition(n).is_none() {
                    self.report(ProblemKind::UnknownReference, &a.id, format!("not_for names unknown `{n}`"));
                }
            }
        }
    }

    fn safety_net_references(&mut self) {
        for s in self.kb.data.safety_net.iter() {
            self.formula(&s.id, &s.when, None);
        }
    }

    /// Checks one formula's syntax, names and types. `fact_index` is set for
    /// facts, which may only use facts defined before them (no cycles).
    fn formula(&mut self, owner: &str, formula: &Formula, fact_index: Option<usize>) {
        let mut found: Vec<(ProblemKind, String)> = Vec::new();
        super::formulas::check_expr(self.kb, &formula.expr, fact_index, &mut found);
        for (kind, message) in found {
            self.report(kind, owner, format!("{message} (in `{}`)", formula.text));
        }
    }

    /// The questions that some answers can reach, found as a fixed point.
    fn reachability(&mut self) -> BTreeSet<String> {
        let kb = self.kb;
        let mut reachable: BTreeSet<String> = BTreeSet::new();
        loop {
            let solver = Solver::new(kb, reachable.clone());
            let before = reachable.len();
            for q in kb.data.questions.iter() {
                if !reachable.contains(&*q.id) && solver.solve(&q.ask_when.expr, &Answers::new()).is_some() {
                    reachable.insert(q.id.to_string());
                }
            }
            if reachable.len() == before {
                break;
            }
        }
        for q in kb.data.questions.iter() {
            if !reachable.contains(&*q.id) {
                self.report(ProblemKind::UnreachableQuestion, &q.id, format!("no answers open `{}`", q.ask_when));
            }
        }
        reachable
    }

    fn possible_care(&mut self) {
        for c in self.kb.data.conditions.iter().filter(|c| c.floor > Level::SelfCare && c.possible_care.is_none()) {
            let message = "its floor is above self-care, so it needs a `possible_care`: what to do while it is only possible, without naming a second destination";
            self.report(ProblemKind::NoPossibleCare, &c.id, message);
        }
        for c in self.kb.data.conditions.iter().filter(|c| c.floor == Level::SelfCare && c.review.is_none()) {
            let message = "it is managed at home, so it needs a `[condition.review]`: when home care has had its chance, from its guidance";
            self.report(ProblemKind::NoReviewTiming, &c.id, message);
        }
    }

    fn gates_match_rules(&mut self) {
        for h in super::gates::hidden_by_gate(self.kb) {
            let message = format!(
                "it fires on {} but the flow could not ask {} there (its gate is shut); widen the gate or make the rule need what the gate needs",
                h.answers.to_json(),
                h.hidden.join(", ")
            );
            self.report(ProblemKind::HiddenByGate, &h.rule, message);
        }
    }

    fn rules_fire(&mut self, reachable: &BTreeSet<String>) {
        let solver = Solver::new(self.kb, reachable.clone());
        let dead: Vec<(String, String)> = self
            .kb
            .data
            .rules
            .iter()
            .filter(|r| solver.solve(&r.when.expr, &Answers::new()).is_none())
            .map(|r| (r.id.to_string(), r.when.text.to_string()))
            .collect();
        for (id, text) in dead {
            self.report(ProblemKind::RuleNeverFires, &id, format!("no reachable answers make `{text}` true"));
        }
    }

    fn advice_selected(&mut self, reachable: &BTreeSet<String>) {
        let solver = Solver::new(self.kb, reachable.clone());
        let mut found = Vec::new();
        for a in self.kb.data.advice.iter() {
            let listed = self.kb.data.conditions.iter().any(|c| c.advice.contains(&a.id));
            if !a.general && !listed {
                found.push((a.id.clone(), "no condition lists it and it is not general".to_string()));
            } else if a.levels.is_empty() {
                found.push((a.id.clone(), "it has no levels".to_string()));
            } else if solver.solve(&a.when.expr, &Answers::new()).is_none() {
                found.push((a.id.clone(), format!("`{}` can never hold", a.when)));
            }
        }
        for (id, message) in found {
            self.report(ProblemKind::AdviceNeverSelected, &id, message);
        }
    }

    /// Reports each condition for which the solver finds no answers that
    /// rank it first.
    fn conditions_first(&mut self, reachable: &BTreeSet<String>) {
        let kb = self.kb;
        let solver = Solver::new(kb, reachable.clone());
        let missing: Vec<_> = kb
            .data
            .conditions
            .iter()
            .enumerate()
            .filter(|(ci, _)| !solver.can_rank_first(*ci))
            .map(|(_, c)| c.id.clone())
            .collect();
        for id in missing {
            self.report(ProblemKind::ConditionNeverFirst, &id, "no answer set found that ranks it first");
        }
    }
}
