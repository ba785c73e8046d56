//! The answers contract's values: what a runner said.
//!
//! Answers arrive as one JSON object. Every key is optional: an absent key (or
//! `null`) means the question was not asked or not answered. Any question may
//! also be answered `"not_sure"`; for red-flag questions the engine reads
//! "not sure" as the worrying answer. The questionnaire in `knowledge/`
//! defines the keys and validates answers against them
//! (`knowledge::questionnaire`: `Answers::from_json`, `from_tree`, `set`), so
//! an `Answers` outside this crate is always a validated one.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::{json::Json, units::trim_number};

/// One answer, typed by the kind of its question.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Yes,
    No,
    /// "Not sure" is a real answer: the question was asked.
    NotSure,
    /// One option of a single-choice question.
    Choice(String),
    /// The options ticked on a multiple-choice question (may be empty).
    Choices(Vec<String>),
    Number(f64),
}

impl Answer {
    /// The answer as the contract writes it in JSON.
    pub fn to_tree(&self) -> Json {
        match self {
            Answer::Yes => Json::Bool(true),
            Answer::No => Json::Bool(false),
            Answer::NotSure => Json::String("not_sure".into()),
            Answer::Choice(c) => Json::String(c.clone()),
            Answer::Choices(cs) => Json::Array(cs.iter().cloned().map(Json::String).collect()),
            Answer::Number(n) => Json::Number(*n),
        }
    }
}

/// A validated set of answers, keyed by question id.
///
/// A list kept sorted by key rather than a map: there are a few dozen
/// answers at most, and it keeps the map code out of the wasm bundle.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    entries: Vec<(String, Answer)>,
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Sets an answer that the questionnaire has already checked
    /// (`knowledge::questionnaire`, the only caller): outside the crate,
    /// answers can only be built validated.
    pub(crate) fn insert(&mut self, key: &str, answer: Answer) {
        match self.position(key) {
            Ok(at) => self.entries[at].1 = answer,
            Err(at) => self.entries.insert(at, (key.to_string(), answer)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Answer> {
        self.position(key).ok().map(|at| self.entries.remove(at).1)
    }

    pub fn get(&self, key: &str) -> Option<&Answer> {
        self.position(key).ok().map(|at| &self.entries[at].1)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The answers in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The answers in contract form, ready to store or send to the CLI.
    pub fn to_tree(&self) -> Json {
        Json::Object(self.entries.iter().map(|(k, v)| (k.clone(), v.to_tree())).collect())
    }

    /// The same, as a `serde_json` value for the CLI.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::from(&self.to_tree())
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

/// The one error type for bad answers. Its `Display` is a single line that
/// names the key, so the CLI can print it as is.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerError {
    /// The answer key at fault, when the fault belongs to one key.
    pub key: Option<String>,
    pub kind: AnswerErrorKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AnswerErrorKind {
    /// Occurs when the input is not valid JSON.
    Syntax(String),
    /// Occurs when the JSON is valid but is not an object of answers.
    NotAnObject,
    /// Occurs when a key is not a question of the questionnaire.
    UnknownKey,
    /// Occurs when a value has the wrong JSON type for its question.
    WrongType { expected: String, found: String },
    /// Occurs when a number lies outside its question's range.
    OutOfRange { value: f64, min: Option<f64>, max: Option<f64> },
    /// Occurs when a choice is not one of its question's options.
    UnknownOption { value: String, options: Vec<String> },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.key.as_deref().unwrap_or("");
        match &self.kind {
            AnswerErrorKind::Syntax(e) => write!(f, "the answers are not valid JSON: {e}"),
            AnswerErrorKind::NotAnObject => {
                write!(f, "the answers must be a JSON object of key: value pairs")
            }
            AnswerErrorKind::UnknownKey => {
                write!(f, "`{key}` is not a known answer key (run `foot-triage questions` for the contract)")
            }
            AnswerErrorKind::WrongType { expected, found } => {
                write!(f, "`{key}` must be {expected}, but it is {found}")
            }
            AnswerErrorKind::OutOfRange { value, min, max } => {
                let bound = |b: &Option<f64>| b.map_or("any".to_string(), trim_number);
                write!(f, "`{key}` is {}, outside its range {} to {}", trim_number(*value), bound(min), bound(max))
            }
            AnswerErrorKind::UnknownOption { value, options } => {
                write!(f, "`{key}` has no option \"{value}\" (options: {})", options.join(", "))
            }
        }
    }
}

impl std::error::Error for AnswerError {}
