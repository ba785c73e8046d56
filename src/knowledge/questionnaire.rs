//! The questionnaire validates answers: each key must be one of its
//! questions, each value of its question's kind, option list and range. It
//! is the only way to build `Answers` outside this crate, so the engine never
//! sees an answer its questions cannot take.

use crate::{
    answers::{Answer, AnswerError, AnswerErrorKind, Answers},
    json::Json,
};

use super::{KnowledgeBase, QuestionKind};

impl Answers {
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
