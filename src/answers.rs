//! The answers contract: what a runner said, validated against the questionnaire.
//!
//! Answers arrive as one JSON object. Every key is optional: an absent key (or
//! `null`) means the question was not asked or not answered. Any question may
//! also be answered `"not_sure"`; for red-flag questions the engine reads
//! "not sure" as the worrying answer. The questionnaire in `knowledge/`
//! defines the keys, so validation here is driven by that data and never by a
//! hand-kept list.

use std::{collections::BTreeMap, fmt};

use serde::{Serialize, Serializer};

use crate::knowledge::{KnowledgeBase, QuestionKind};

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
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Answer::Yes => Value::Bool(true),
            Answer::No => Value::Bool(false),
            Answer::NotSure => Value::String("not_sure".into()),
            Answer::Choice(c) => Value::String(c.clone()),
            Answer::Choices(cs) => Value::Array(cs.iter().cloned().map(Value::String).collect()),
            Answer::Number(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        }
    }
}

/// A validated set of answers, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    map: BTreeMap<String, Answer>,
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
        let serde_json::Value::Object(object) = value else {
            return Err(AnswerError { key: None, kind: AnswerErrorKind::NotAnObject });
        };
        let mut answers = Answers::new();
        for (key, value) in object {
            if let Some(answer) = parse_one(kb, key, value)? {
                answers.map.insert(key.clone(), answer);
            }
        }
        Ok(answers)
    }

    /// Sets one answer after checking it against its question, so a UI can
    /// never build an answer set that the CLI would reject.
    pub fn set(&mut self, kb: &KnowledgeBase, key: &str, answer: Answer) -> Result<(), AnswerError> {
        let json = answer.to_json();
        match parse_one(kb, key, &json)? {
            Some(checked) => self.map.insert(key.to_string(), checked),
            None => self.map.remove(key),
        };
        Ok(())
    }

    pub fn remove(&mut self, key: &str) -> Option<Answer> {
        self.map.remove(key)
    }

    pub fn get(&self, key: &str) -> Option<&Answer> {
        self.map.get(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.map.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The answers in contract form, ready to store or send to the CLI.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::Value::Object(self.map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

fn parse_one(kb: &KnowledgeBase, key: &str, value: &serde_json::Value) -> Result<Option<Answer>, AnswerError> {
    use serde_json::Value;
    let err = |kind| AnswerError { key: Some(key.to_string()), kind };
    let Some(question) = kb.question(key) else {
        return Err(err(AnswerErrorKind::UnknownKey));
    };
    if value.is_null() {
        return Ok(None);
    }
    if value.as_str() == Some("not_sure") {
        return Ok(Some(Answer::NotSure));
    }
    let wrong_type = |expected: &str| {
        err(AnswerErrorKind::WrongType { expected: expected.to_string(), found: json_type_name(value).to_string() })
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
    let answer = match question.kind {
        QuestionKind::YesNo => match value {
            Value::Bool(true) => Answer::Yes,
            Value::Bool(false) => Answer::No,
            _ => return Err(wrong_type("true, false or \"not_sure\"")),
        },
        QuestionKind::Single => match value {
            Value::String(s) => {
                check_option(s)?;
                Answer::Choice(s.clone())
            }
            _ => return Err(wrong_type("one option as a string")),
        },
        QuestionKind::Multi => match value {
            Value::Array(items) => {
                let mut chosen: Vec<String> = Vec::with_capacity(items.len());
                for item in items {
                    let Some(s) = item.as_str() else {
                        return Err(wrong_type("a list of option strings"));
                    };
                    check_option(s)?;
                    if !chosen.iter().any(|c| c == s) {
                        chosen.push(s.to_string());
                    }
                }
                Answer::Choices(chosen)
            }
            _ => return Err(wrong_type("a list of option strings")),
        },
        QuestionKind::Number => match value.as_f64() {
            Some(n) if n.is_finite() => {
                let (min, max) = (question.min.unwrap_or(f64::MIN), question.max.unwrap_or(f64::MAX));
                if n < min || n > max {
                    return Err(err(AnswerErrorKind::OutOfRange { value: n, min: question.min, max: question.max }));
                }
                Answer::Number(n)
            }
            _ => return Err(wrong_type("a number")),
        },
    };
    Ok(Some(answer))
}

fn json_type_name(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
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
                let bound = |b: &Option<f64>| b.map_or("any".to_string(), |v| v.to_string());
                write!(f, "`{key}` is {value}, outside its range {} to {}", bound(min), bound(max))
            }
            AnswerErrorKind::UnknownOption { value, options } => {
                write!(f, "`{key}` has no option \"{value}\" (options: {})", options.join(", "))
            }
        }
    }
}

impl std::error::Error for AnswerError {}
