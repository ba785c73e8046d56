//! Soundness as a property, at scale: generated runners go through the
//! interview, and the level it reaches is compared with the level of their
//! full answers.
//!
//! Each runner answers every question of the interview, coherently (the
//! statements of `knowledge/cases/runners.toml`: a tender spot only when a
//! bone hurts, spreading redness is redness), with each danger sign at a few
//! percent and "not sure" now and then. The runner then answers only what
//! the flow asks, from those answers. The flow is sound when it never ends
//! below `assess` of the full answers; a runner for whom it does is shrunk
//! (every answer that is not needed to show it becomes the usual one) and
//! reported as an answers JSON.

use serde::Deserialize;

use crate::{
    answers::{Answer, Answers},
    engine::{assess, next_question},
    knowledge::{Concerning, KnowledgeBase, Level, Phase, Question, QuestionKind, formula::Formula, usual_answer},
};

/// The generator's settings, as `knowledge/cases/runners.toml` writes them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    pub sign_rate: f64,
    pub not_sure_rate: f64,
    pub common_rate: f64,
    pub runners: usize,
    pub seed: u64,
    #[serde(default)]
    pub range: Vec<Range>,
    #[serde(default)]
    pub coherent: Vec<Coherent>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub question: String,
    pub low: f64,
    pub high: f64,
}

/// One thing a real runner's answers cannot contradict.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coherent {
    pub question: String,
    /// The question can have a sign only while this holds; otherwise it takes
    /// its usual answer.
    #[serde(default)]
    pub only_when: Option<String>,
    /// While this holds, the question has its sign (or `value`, when given).
    #[serde(default)]
    pub implied_by: Option<String>,
    /// The answer `implied_by` gives: `yes` or `no`.
    #[serde(default)]
    pub value: Option<String>,
    /// A number no larger than this other number.
    #[serde(default)]
    pub at_most: Option<String>,
    pub why: String,
}

impl Spec {
    pub fn parse(text: &str) -> Result<Spec, String> {
        toml::from_str(text).map_err(|e| format!("runners.toml: {e}"))
    }
}

/// A small, fast, deterministic random source (SplitMix64): the same seed
/// always gives the same runners, so a failure can be replayed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The source of runner number `i` of a run from `seed`, so any runner
    /// can be made again on its own.
    pub fn for_runner(seed: u64, i: usize) -> Rng {
        Rng(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// The questions a runner answers: every one the interview can ask.
fn asked(q: &Question) -> bool {
    q.phase != Phase::Diary
}

/// One runner: a whole, coherent answer set.
pub fn runner(kb: &KnowledgeBase, spec: &Spec, rng: &mut Rng) -> Answers {
    let mut answers = Answers::new();
    for q in kb.data.questions.iter().filter(|q| asked(q)) {
        let answer = draw(q, spec, rng);
        // Every drawn answer is valid for its question by construction.
        let _ = answers.set(kb, &q.id, answer);
    }
    cohere(kb, spec, &mut answers);
    answers
}

fn draw(q: &Question, spec: &Spec, rng: &mut Rng) -> Answer {
    let usual = usual_answer(q);
    if q.kind != QuestionKind::Number && rng.chance(spec.not_sure_rate) {
        return Answer::NotSure;
    }
    match q.kind {
        QuestionKind::YesNo => {
            let sign = match q.concerning {
                Some(Concerning::Yes) => Some(Answer::Yes),
                Some(Concerning::No) => Some(Answer::No),
                None => None,
            };
            match sign {
                Some(worrying) if rng.chance(spec.sign_rate) => worrying,
                Some(_) => usual.unwrap_or(Answer::No),
                None if rng.chance(spec.common_rate) => Answer::Yes,
                None => Answer::No,
            }
        }
        QuestionKind::Single => match usual {
            Some(usual) if !rng.chance(0.3) => usual,
            _ => Answer::Choice(q.options[rng.below(q.options.len())].id.to_string()),
        },
        QuestionKind::Multi => {
            // One to three places for where it hurts, none to two otherwise.
            let (least, most) = if q.control.is_some() { (1, 3) } else { (0, 2) };
            let count = least + rng.below(most - least + 1);
            let mut picked: Vec<String> = Vec::new();
            for _ in 0..count {
                let option = q.options[rng.below(q.options.len())].id.to_string();
                if !picked.contains(&option) {
                    picked.push(option);
                }
            }
            Answer::Choices(picked)
        }
        QuestionKind::Number => {
            let range = spec.range.iter().find(|r| r.question == *q.id);
            let (min, max) = (q.min.unwrap_or(0.0), q.max.unwrap_or(100.0));
            let (low, high) = range.map_or((min, max.min(min + 100.0)), |r| (r.low.max(min), r.high.min(max)));
            Answer::Number((low + rng.unit() * (high - low)).round())
        }
    }
}

/// Applies the coherence statements until none changes an answer.
fn cohere(kb: &KnowledgeBase, spec: &Spec, answers: &mut Answers) {
    let parsed: Vec<(&Coherent, Option<Formula>, Option<Formula>)> = spec
        .coherent
        .iter()
        .map(|c| (c, c.only_when.as_deref().map(Formula::parse), c.implied_by.as_deref().map(Formula::parse)))
        .collect();
    for _ in 0..8 {
        let mut changed = false;
        for (c, only_when, implied_by) in &parsed {
            let Some(q) = kb.question(&c.question) else { continue };
            let now = answers.get(&q.id).cloned();
            let mut want = now.clone();
            if only_when.as_ref().is_some_and(|f| !f.eval(kb, answers)) {
                // Without a usual answer (how it started, after an injury)
                // the runner has none to give: the question does not apply.
                want = match q.kind {
                    QuestionKind::Multi => Some(Answer::Choices(Vec::new())),
                    _ => usual_answer(q),
                };
                if want.is_none() && now.is_some() {
                    answers.remove(&q.id);
                    changed = true;
                    continue;
                }
            }
            if implied_by.as_ref().is_some_and(|f| f.eval(kb, answers)) {
                want = Some(match (c.value.as_deref(), q.concerning) {
                    (Some("no"), _) | (None, Some(Concerning::No)) => Answer::No,
                    _ => Answer::Yes,
                });
            }
            if let (Some(other), Some(Answer::Number(n))) = (c.at_most.as_deref(), &now) {
                if let Some(Answer::Number(limit)) = answers.get(other) {
                    if n > limit {
                        want = Some(Answer::Number(*limit));
                    }
                }
            }
            if want != now {
                if let Some(w) = want {
                    let _ = answers.set(kb, &q.id, w);
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// The answers the runner gives through the flow: each screen's questions
/// answered from the full answers (a question they lack gets its usual
/// answer), until the flow says it is done.
pub fn through_flow(kb: &KnowledgeBase, full: &Answers) -> Answers {
    let mut given = Answers::new();
    for _ in 0..=kb.data.questions.len() {
        let next = next_question(kb, &given);
        let questions = next.questions();
        if questions.is_empty() {
            break;
        }
        for q in questions {
            let answer = full.get(&q.id).cloned().or_else(|| usual_answer(q)).unwrap_or(Answer::NotSure);
            if given.set(kb, &q.id, answer).is_err() {
                return given;
            }
        }
    }
    given
}

/// One runner's two levels: through the flow, and with every answer.
pub fn levels(kb: &KnowledgeBase, full: &Answers) -> (Level, Level) {
    (assess(kb, &through_flow(kb, full)).triage, assess(kb, full).triage)
}

/// How many counterexamples a run keeps and prints.
const SHOWN: usize = 3;

/// The figures of a run, and the first counterexamples, shrunk.
#[derive(Debug, Clone, Default)]
pub struct Soundness {
    pub runners: usize,
    pub same: usize,
    pub lower: usize,
    pub higher: usize,
    /// The first few runners who end lower, shrunk.
    pub counterexamples: Vec<Answers>,
}

/// Runs `count` runners from `seed` (on two threads: the machine has two
/// cores, and each runner is independent).
pub fn soundness(kb: &KnowledgeBase, spec: &Spec, count: usize, seed: u64) -> Soundness {
    let half = count / 2;
    let run = |from: usize, to: usize| {
        let mut out = Soundness::default();
        for i in from..to {
            let mut rng = Rng::for_runner(seed, i);
            let full = runner(kb, spec, &mut rng);
            let (flow, all) = levels(kb, &full);
            out.runners += 1;
            match flow.cmp(&all) {
                std::cmp::Ordering::Equal => out.same += 1,
                std::cmp::Ordering::Greater => out.higher += 1,
                std::cmp::Ordering::Less => {
                    out.lower += 1;
                    if out.counterexamples.len() < SHOWN {
                        out.counterexamples.push(shrink(kb, &full));
                    }
                }
            }
        }
        out
    };
    let (a, b) = std::thread::scope(|s| {
        let first = s.spawn(|| run(0, half));
        let second = run(half, count);
        (first.join().unwrap_or_default(), second)
    });
    Soundness {
        runners: a.runners + b.runners,
        same: a.same + b.same,
        lower: a.lower + b.lower,
        higher: a.higher + b.higher,
        counterexamples: a.counterexamples.into_iter().chain(b.counterexamples).take(SHOWN).collect(),
    }
}

/// The simplest answers that still end lower through the flow: each answer
/// in turn becomes the usual one while the counterexample holds. Every key
/// stays answered, since an unanswered question means something else to the
/// rules than its usual answer.
pub fn shrink(kb: &KnowledgeBase, full: &Answers) -> Answers {
    let lower = |a: &Answers| {
        let (flow, all) = levels(kb, a);
        flow < all
    };
    let mut current = full.clone();
    let keys: Vec<String> = current.iter().map(|(k, _)| k.to_string()).collect();
    for key in keys.iter().rev() {
        let Some(q) = kb.question(key) else { continue };
        let usual = match q.kind {
            QuestionKind::Multi if q.control.is_none() => Some(Answer::Choices(Vec::new())),
            _ => usual_answer(q),
        };
        let Some(usual) = usual else { continue };
        if current.get(key) == Some(&usual) {
            continue;
        }
        let mut trial = current.clone();
        if trial.set(kb, key, usual).is_ok() && lower(&trial) {
            current = trial;
        }
    }
    current
}

/// The answers of a counterexample that differ from the usual ones, for
/// reading (the exact answers to replay are the whole set).
pub fn unusual(kb: &KnowledgeBase, answers: &Answers) -> Answers {
    let mut shown = Answers::new();
    for (key, answer) in answers.iter() {
        let q = kb.question(key);
        let usual = q.and_then(usual_answer).or_else(|| {
            q.filter(|q| q.kind == QuestionKind::Multi && q.control.is_none()).map(|_| Answer::Choices(Vec::new()))
        });
        if usual.as_ref() != Some(answer) {
            let _ = shown.set(kb, key, answer.clone());
        }
    }
    shown
}

/// The figures as one line, with the counterexample's answers when there
/// is one: those that differ from the usual answers, then the whole set.
pub fn report(kb: &KnowledgeBase, s: &Soundness) -> String {
    let mut out = format!(
        "soundness: {} generated runners through the flow: same level {}, lower {}, higher {}",
        s.runners, s.same, s.lower, s.higher
    );
    for a in &s.counterexamples {
        out.push_str(&format!(
            "\n  FAIL lower through the flow than with all answers: {}\n  the whole answer set: {}",
            unusual(kb, a).to_json(),
            a.to_json()
        ));
    }
    out
}
