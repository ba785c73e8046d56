//! The clinical knowledge as typed data: questions, facts, triage rules,
//! conditions, advice and safety-net items, each with a stable snake_case id,
//! a `source` and a `last_reviewed` date.
//!
//! The content lives in `knowledge/*.toml`; `build.rs` merges it into JSON
//! that is embedded in the binary, so nothing is fetched at run time.

pub mod formula;
pub mod lint;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
pub(crate) mod merge;
mod model;
mod search;

use std::{collections::HashMap, sync::OnceLock};

pub use model::*;

use crate::answers::Answer;
use formula::{Expr, Scope};

/// The knowledge base, with indexes for fast lookup by id.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    pub data: Knowledge,
    questions: HashMap<String, usize>,
    facts: HashMap<String, usize>,
    conditions: HashMap<String, usize>,
    advice: HashMap<String, usize>,
}

/// Occurs when the knowledge data does not have the shape of `Knowledge`
/// (a missing field, a wrong type). Content errors are the linter's job.
#[derive(Debug, Clone)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the knowledge base could not be read: {}", self.0)
    }
}

impl std::error::Error for LoadError {}

const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));

impl KnowledgeBase {
    /// The knowledge embedded at build time, read once and then shared.
    /// The cache is immutable: it holds no state that `assess` could change.
    pub fn embedded() -> Result<&'static KnowledgeBase, LoadError> {
        static CELL: OnceLock<Result<KnowledgeBase, LoadError>> = OnceLock::new();
        CELL.get_or_init(|| KnowledgeBase::from_json(EMBEDDED)).as_ref().map_err(Clone::clone)
    }

    pub fn from_json(text: &str) -> Result<KnowledgeBase, LoadError> {
        let data: Knowledge = serde_json::from_str(text).map_err(|e| LoadError(e.to_string()))?;
        Ok(KnowledgeBase::new(data))
    }

    pub fn new(data: Knowledge) -> KnowledgeBase {
        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
            let mut map = HashMap::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                // The first of two duplicates wins; the linter reports the second.
                map.entry(id(item).to_string()).or_insert(i);
            }
            map
        }
        KnowledgeBase {
            questions: index(&data.questions, |q| &q.id),
            facts: index(&data.facts, |f| &f.id),
            conditions: index(&data.conditions, |c| &c.id),
            advice: index(&data.advice, |a| &a.id),
            data,
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.get(id).map(|&i| &self.data.questions[i])
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    pub fn fact_def(&self, id: &str) -> Option<&Fact> {
        self.facts.get(id).map(|&i| &self.data.facts[i])
    }

    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.get(id).map(|&i| &self.data.conditions[i])
    }

    pub fn condition_index(&self, id: &str) -> Option<usize> {
        self.conditions.get(id).copied()
    }

    pub fn advice_item(&self, id: &str) -> Option<&Advice> {
        self.advice.get(id).map(|&i| &self.data.advice[i])
    }

    pub fn level(&self, level: Level) -> Option<&LevelInfo> {
        self.data.levels.iter().find(|l| l.id == level)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.data.sources.iter().find(|s| s.id == id)
    }

    /// The display label of one option of a question, or the id itself.
    pub fn option_label<'a>(&'a self, question: &str, option: &'a str) -> &'a str {
        self.question(question)
            .and_then(|q| q.options.iter().find(|o| o.id == option))
            .map_or(option, |o| o.label.as_str())
    }

    /// An answer in plain words, as a runner or clinician reads it.
    pub fn describe_answer(&self, key: &str, answer: &Answer) -> String {
        let unit = self.question(key).and_then(|q| q.unit.as_deref()).unwrap_or("");
        match answer {
            Answer::Yes => "yes".into(),
            Answer::No => "no".into(),
            Answer::NotSure => "not sure".into(),
            Answer::Choice(c) => self.option_label(key, c).to_string(),
            Answer::Choices(cs) if cs.is_empty() => "none".into(),
            Answer::Choices(cs) => cs.iter().map(|c| self.option_label(key, c)).collect::<Vec<_>>().join(", "),
            Answer::Number(n) => format!("{}{}{}", trim_number(*n), if unit.is_empty() { "" } else { " " }, unit),
        }
    }
}

/// Prints 12.0 as "12" and 12.5 as "12.5".
pub fn trim_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n:.1}") }
}

impl Scope for KnowledgeBase {
    fn fact(&self, name: &str) -> Option<&Expr> {
        self.fact_def(name).map(|f| &f.when.expr)
    }

    fn concerning(&self, key: &str) -> Option<&Answer> {
        match self.question(key)?.concerning? {
            Concerning::Yes => Some(&Answer::Yes),
            Concerning::No => Some(&Answer::No),
        }
    }
}
