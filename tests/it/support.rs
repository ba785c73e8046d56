//! Helpers shared by the test modules.

use foot_triage::{Answers, KnowledgeBase};

pub fn kb() -> &'static KnowledgeBase {
    KnowledgeBase::embedded()
}

/// Answers from a JSON literal, validated against the questionnaire.
pub fn answers(json: serde_json::Value) -> Answers {
    Answers::from_value(kb(), &json).unwrap_or_else(|e| panic!("test answers rejected: {e}"))
}

/// The reassuring answer a runner with no warning signs would give.
pub fn reassuring(q: &foot_triage::knowledge::Question) -> foot_triage::Answer {
    use foot_triage::{
        Answer,
        knowledge::{Concerning, QuestionKind},
    };
    match q.kind {
        QuestionKind::YesNo if q.concerning == Some(Concerning::No) => Answer::Yes,
        QuestionKind::YesNo => Answer::No,
        QuestionKind::Single => Answer::Choice(q.options[0].id.to_string()),
        QuestionKind::Multi => Answer::Choices(vec![q.options[0].id.to_string()]),
        QuestionKind::Number => Answer::Number(q.min.unwrap_or(0.0) + 1.0),
    }
}
