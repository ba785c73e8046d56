//! The answers contract: what a runner said, validated against the questionnaire.
//!
//! Answers arrive as one JSON object. Every key is optional: an absent key (or
//! `null`) means the question was not asked or not answered. Any question may
//! also be answered `"not_sure"`; for red-flag questions the engine reads
//! "not sure" as the worrying answer. The questionnaire in `knowledge/`
//! defines the keys, so validation here is driven by that data and never by a
//! hand-kept list.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::{
    json::Json,
    knowledge::{KnowledgeBase, QuestionKind, trim_number},
};

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

    /// Parses and validates a JSON document against the questionnaire.
    pub fn from_json(kb: &KnowledgeBase, text: &str) -> Result<Answers, AnswerError> {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| AnswerError { key: None, kind: AnswerErrorKind::Syntax(e.to_string()) })?;
        Self::from_value(kb, &value)
    }

    /// Validates an already-parsed JSON value against the questionnaire.
    pub fn from_value(kb: &KnowledgeBase, value: &serde_json::Value) -> Result<Answers, AnswerError> {
        Self::from_tree(kb, &Json::from(value))
    }

    /// Validates a JSON tree (from the CLI or from the browser) against the
    /// questionnaire.
    pub fn from_tree(kb: &KnowledgeBase, value: &Json) -> Result<Answers, AnswerError> {
        let Json::Object(object) = value else {
            return Err(AnswerError { key: None, kind: AnswerErrorKind::NotAnObject });
        };
        let mut answers = Answers::new();
        for (key, value) in object {
            if let Some(answer) = from_json_value(kb, key, value)? {
                answers.insert(key, check(kb, key, answer)?);
            }
        }
        Ok(answers)
    }

    /// Sets one answer after checking it against its question, so a UI can
    /// never build an answer set that the CLI would reject.
    pub fn set(&mut self, kb: &KnowledgeBase, key: &str, answer: Answer) -> Result<(), AnswerError> {
        let checked = check(kb, key, answer)?;
        self.insert(key, checked);
        Ok(())
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    fn insert(&mut self, key: &str, answer: Answer) {
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

/// Reads one JSON value as an answer of the right shape for its question;
/// `null` means "not answered".
fn from_json_value(kb: &KnowledgeBase, key: &str, value: &Json) -> Result<Option<Answer>, AnswerError> {
    let Some(question) = kb.question(key) else {
        return Err(AnswerError { key: Some(key.to_string()), kind: AnswerErrorKind::UnknownKey });
    };
    let found = || value.type_name().to_string();
    Ok(Some(match (question.kind, value) {
        (_, Json::Null) => return Ok(None),
        (_, Json::String(s)) if s == "not_sure" => Answer::NotSure,
        (QuestionKind::YesNo, Json::Bool(true)) => Answer::Yes,
        (QuestionKind::YesNo, Json::Bool(false)) => Answer::No,
        (QuestionKind::Single, Json::String(s)) => Answer::Choice(s.clone()),
        (QuestionKind::Multi, Json::Array(items)) => {
            let mut chosen = Vec::with_capacity(items.len());
            for item in items {
                match item.as_str() {
                    Some(s) => chosen.push(s.to_string()),
                    None => return Err(wrong_type(key, question.kind, found())),
                }
            }
            Answer::Choices(chosen)
        }
        (QuestionKind::Number, Json::Number(n)) => Answer::Number(*n),
        _ => return Err(wrong_type(key, question.kind, found())),
    }))
}

fn wrong_type(key: &str, kind: QuestionKind, found: String) -> AnswerError {
    let expected = match kind {
        QuestionKind::YesNo => "true, false or \"not_sure\"",
        QuestionKind::Single => "one option as a string",
        QuestionKind::Multi => "a list of option strings",
        QuestionKind::Number => "a number",
    };
    AnswerError { key: Some(key.to_string()), kind: AnswerErrorKind::WrongType { expected: expected.into(), found } }
}

/// Checks an answer against its question: the kind, the options, the range.
/// Repeated options of a multiple choice are kept once.
fn check(kb: &KnowledgeBase, key: &str, answer: Answer) -> Result<Answer, AnswerError> {
    let err = |kind| AnswerError { key: Some(key.to_string()), kind };
    let Some(question) = kb.question(key) else {
        return Err(err(AnswerErrorKind::UnknownKey));
    };
    let check_option = |option: &str| {
        if question.options.iter().any(|o| o.id == option) {
            Ok(())
        } else {
            Err(err(AnswerErrorKind::UnknownOption {
                value: option.to_string(),
                options: question.options.iter().map(|o| o.id.to_string()).collect(),
            }))
        }
    };
    let found = match &answer {
        Answer::Yes | Answer::No => "a boolean",
        Answer::NotSure => return Ok(Answer::NotSure),
        Answer::Choice(_) => "a string",
        Answer::Choices(_) => "a list",
        Answer::Number(_) => "a number",
    };
    match (question.kind, answer) {
        (QuestionKind::YesNo, a @ (Answer::Yes | Answer::No)) => Ok(a),
        (QuestionKind::Single, Answer::Choice(c)) => {
            check_option(&c)?;
            Ok(Answer::Choice(c))
        }
        (QuestionKind::Multi, Answer::Choices(cs)) => {
            let mut chosen: Vec<String> = Vec::with_capacity(cs.len());
            for c in cs {
                check_option(&c)?;
                if !chosen.contains(&c) {
                    chosen.push(c);
                }
            }
            Ok(Answer::Choices(chosen))
        }
        (QuestionKind::Number, Answer::Number(n)) if n.is_finite() => {
            let (min, max) = (question.min.unwrap_or(f64::MIN), question.max.unwrap_or(f64::MAX));
            if n < min || n > max {
                return Err(err(AnswerErrorKind::OutOfRange { value: n, min: question.min, max: question.max }));
            }
            Ok(Answer::Number(n))
        }
        (kind, _) => Err(wrong_type(key, kind, found.into())),
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
