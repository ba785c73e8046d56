//! The knowledge linter: checks the content the way a compiler checks code.
//! `cargo test` runs it on the embedded knowledge, and `foot-triage lint DIR`
//! runs it on a folder a clinician is editing.

use std::{collections::BTreeSet, fmt};

use serde::Serialize;

use super::solver::Solver;
use crate::{
    answers::{Answer, Answers},
    engine::Scored,
    knowledge::{
        AdviceRole, Control, KnowledgeBase, Level, QuestionKind, QuestionRole, RuleKind,
        formula::{Expr, Formula},
    },
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// Occurs when an id is not snake_case (lower-case letters, digits, `_`).
    BadId,
    /// Occurs when two items of one kind share an id, or a fact is named like a question.
    DuplicateId,
    /// Occurs when something names a question, option, fact, condition,
    /// advice item, section, level or source that does not exist.
    UnknownReference,
    /// Occurs when a formula does not parse.
    BadFormula,
    /// Occurs when a formula tests a question in a way its kind cannot answer
    /// (a number compared to an option, a yes/no question with `has`).
    TypeMismatch,
    /// Occurs when an item has no known `source` or no valid `last_reviewed` date.
    BadProvenance,
    /// Occurs when no answers can ever open a question's `ask_when` gate.
    UnreachableQuestion,
    /// Occurs when no reachable answers can make a triage rule fire.
    RuleNeverFires,
    /// Occurs when no answer set the linter can find ranks a condition first.
    ConditionNeverFirst,
    /// Occurs when a rule fires on some answers only through a question whose
    /// gate (`ask_when`) is shut on those answers, so the flow could never
    /// ask it and the interview could end below the level the answers call for.
    HiddenByGate,
    /// Occurs when a condition with a floor above self-care has no
    /// `possible_care`: the text a result shows while the condition is only
    /// possible and the level is below its floor.
    NoPossibleCare,
    /// Occurs when a condition managed at home (a self-care floor) does not
    /// say when home care has had its chance (`[condition.review]`).
    NoReviewTiming,
    /// Occurs when no condition lists an advice item and it is not general,
    /// or when its `when` can never hold.
    AdviceNeverSelected,
    /// Occurs when the rules have no self-care catch-all (`when = "true"`).
    NoCatchAll,
    /// Occurs when a role the code relies on (`role` on a question or an
    /// advice item) is held by no item, by two, or by a question of the wrong
    /// kind or without the options the code names.
    BrokenContract,
    /// Occurs when a foot-map region has neither ellipses nor a path, or an
    /// outline, landmark or region path is not an SVG path (outlines and
    /// region paths must also be closed).
    BadDrawing,
    /// Occurs when the care regions do not have exactly one fallback, the
    /// fallback has an emergency number or another region has none, a
    /// region's id is not an ISO 3166 code (two capital letters) or repeats,
    /// its status is not `draft` or `reviewed`, or a text names a
    /// `{care.<slot>}` that does not exist.
    BadCareRegion,
    /// Occurs when a translation lacks an entry the English has, or an entry
    /// has no text in its language yet.
    MissingTranslation,
    /// Occurs when a translation has an entry (or a key in one) the English
    /// does not have.
    ExtraTranslation,
    /// Occurs when a translation's `{name}` placeholders differ from its English.
    PlaceholderMismatch,
    /// Occurs when a translation is empty.
    EmptyTranslation,
    /// Occurs when the English an entry was translated from has changed since.
    StaleTranslation,
    /// Occurs when an entry's status is not `draft` or `reviewed`, or a
    /// reviewed entry lacks its reviewer or date.
    BadReview,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The id of the item at fault.
    pub id: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} in `{}`: {}", self.kind, self.id, self.message)
    }
}

/// Every problem found, in a stable order.
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
            let holders: Vec<&crate::knowledge::Question> =
                d.questions.iter().filter(|q| q.role == Some(role)).collect();
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

    fn references(&mut self) {
        let kb = self.kb;
        let d = &kb.data;
        for (i, f) in d.facts.iter().enumerate() {
            self.formula(&f.id, &f.when, Some(i));
        }
        for q in d.questions.iter() {
            self.formula(&q.id, &q.ask_when, None);
            self.formula(&q.id, &q.required_when, None);
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
                    self.report(
                        ProblemKind::TypeMismatch,
                        &q.id,
                        format!("`absent = \"{absent}\"` is not an answer it takes"),
                    );
                }
            }
            if q.escalates && q.concerning.is_none() {
                self.report(
                    ProblemKind::TypeMismatch,
                    &q.id,
                    "a question that `escalates` needs a `concerning` answer",
                );
            }
        }
        for c in d.contradictions.iter() {
            self.formula(&c.id, &c.when, None);
        }
        // The foot map: every region is a real option drawn on a real view,
        // and every option of a foot-map question is drawn unless it says not.
        let maps: Vec<&crate::knowledge::Question> =
            d.questions.iter().filter(|q| q.control == Some(Control::FootMap)).collect();
        for r in d.regions.iter() {
            if !d.views.iter().any(|v| v.id == r.view) {
                self.report(ProblemKind::UnknownReference, &r.option, format!("drawn on an unknown view `{}`", r.view));
            }
            if !maps.iter().any(|q| q.options.iter().any(|o| o.id == r.option)) {
                self.report(
                    ProblemKind::UnknownReference,
                    &r.option,
                    "a region for an option no foot-map question has",
                );
            }
        }
        for r in d.regions.iter() {
            if r.shapes.is_empty() && r.path.is_none() {
                self.report(ProblemKind::BadDrawing, &r.option, format!("region on `{}` has no shape", r.view));
            }
            if r.path.as_deref().is_some_and(|p| !is_svg_path(p, true)) {
                self.report(ProblemKind::BadDrawing, &r.option, "region path is not a closed SVG path");
            }
        }
        for v in d.views.iter() {
            if !is_svg_path(&v.outline, true) {
                self.report(ProblemKind::BadDrawing, &v.id, "outline is not a closed SVG path");
            }
            if v.landmarks.iter().any(|l| !is_svg_path(l, false)) {
                self.report(ProblemKind::BadDrawing, &v.id, "a landmark is not an SVG path");
            }
        }
        for q in &maps {
            for o in q.options.iter() {
                let drawn = d.regions.iter().any(|r| r.option == o.id);
                if drawn != o.drawn {
                    let message =
                        if o.drawn { "has no region on the foot map" } else { "is drawn, but says `drawn = false`" };
                    self.report(ProblemKind::UnknownReference, &o.id, format!("option of `{}` {message}", q.id));
                }
            }
        }
        for a in d.advice.iter() {
            for t in a.traits.iter() {
                if !d.contradictions.iter().any(|c| c.excludes.contains(t)) {
                    self.report(
                        ProblemKind::UnknownReference,
                        &a.id,
                        format!("trait `{t}` is excluded by no contradiction"),
                    );
                }
            }
        }
        for r in d.rules.iter() {
            self.formula(&r.id, &r.when, None);
            if let Some(c) = &r.suspects {
                if kb.condition(c).is_none() {
                    self.report(ProblemKind::UnknownReference, &r.id, format!("suspects unknown condition `{c}`"));
                }
            }
        }
        for level in Level::ALL {
            if kb.level(level).is_none() {
                self.report(ProblemKind::UnknownReference, level.as_str(), "this level has no [[level]] text");
            }
        }
        if !d.rules.iter().any(|r| r.level == Level::SelfCare && r.when.expr == Expr::True) {
            self.report(ProblemKind::NoCatchAll, "rules", "add a self-care rule with `when = \"true\"`");
        }
        for c in d.conditions.iter() {
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
        for a in d.advice.iter() {
            self.formula(&a.id, &a.when, None);
            if !d.sections.iter().any(|s| s.id == a.section) {
                self.report(ProblemKind::UnknownReference, &a.id, format!("unknown section `{}`", a.section));
            }
            for n in a.not_for.iter() {
                if kb.condition(n).is_none() {
                    self.report(ProblemKind::UnknownReference, &a.id, format!("not_for names unknown `{n}`"));
                }
            }
        }
        for s in d.safety_net.iter() {
            self.formula(&s.id, &s.when, None);
        }
    }

    /// Checks one formula's syntax, names and types. `fact_index` is set for
    /// facts, which may only use facts defined before them (no cycles).
    fn formula(&mut self, owner: &str, formula: &Formula, fact_index: Option<usize>) {
        let mut found: Vec<(ProblemKind, String)> = Vec::new();
        check_expr(self.kb, &formula.expr, fact_index, &mut found);
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

    /// For each condition, searches for answers that rank it first: its best
    /// location and features first, then single-answer changes that widen its
    /// lead. A condition it cannot place first is reported.
    fn conditions_first(&mut self, reachable: &BTreeSet<String>) {
        let kb = self.kb;
        let solver = Solver::new(kb, reachable.clone());
        let mut missing = Vec::new();
        for (ci, c) in kb.data.conditions.iter().enumerate() {
            let mut answers = Answers::new();
            if let Some((place, _)) = c.locations.iter().max_by_key(|(_, w)| *w) {
                let location = kb.role_id(QuestionRole::Location);
                if reachable.contains(location) {
                    let _ = answers.set(kb, location, Answer::Choices(vec![place.to_string()]));
                }
            }
            let mut features: Vec<_> = c.features.iter().filter(|f| f.weight > 0).collect();
            features.sort_by_key(|f| -f.weight);
            for f in features {
                if let Some(next) = solver.solve(&f.when.expr, &answers) {
                    if lead(kb, &next, ci) >= lead(kb, &answers, ci) {
                        answers = next;
                    }
                }
            }
            if !ranks_first(kb, &answers, ci) && !climb(kb, reachable, &mut answers, ci) {
                missing.push(c.id.clone());
            }
        }
        for id in missing {
            self.report(ProblemKind::ConditionNeverFirst, &id, "no answer set found that ranks it first");
        }
    }
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

fn climb(kb: &KnowledgeBase, reachable: &BTreeSet<String>, answers: &mut Answers, ci: usize) -> bool {
    for _ in 0..3 {
        let mut improved = false;
        for q in kb.data.questions.iter().filter(|q| reachable.contains(&*q.id)) {
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
            for candidate in candidates {
                let mut trial = answers.clone();
                if trial.set(kb, &q.id, candidate).is_ok() && lead(kb, &trial, ci) > lead(kb, answers, ci) {
                    *answers = trial;
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

fn check_expr(kb: &KnowledgeBase, expr: &Expr, fact_index: Option<usize>, out: &mut Vec<(ProblemKind, String)>) {
    use ProblemKind::*;
    let question = |key: &str, out: &mut Vec<(ProblemKind, String)>| {
        let q = kb.question(key);
        if q.is_none() {
            out.push((UnknownReference, format!("unknown question `{key}`")));
        }
        q
    };
    let option_ok = |q: &crate::knowledge::Question, v: &str| v == "not_sure" || q.options.iter().any(|o| o.id == v);
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

/// An SVG path's data as the foot map writes it: starts with a move, holds
/// only path commands and numbers, and (when `closed`) ends by closing.
fn is_svg_path(d: &str, closed: bool) -> bool {
    let d = d.trim();
    d.starts_with(['M', 'm'])
        && d.chars().all(|c| "MmLlHhVvCcSsQqTtAaZz0123456789 ,.-+eE\n".contains(c))
        && (!closed || d.ends_with(['Z', 'z']))
}
