//! Bad answers, one row per `AnswerErrorKind`: each kind is reached through
//! the public parser (`Answers::from_json`), names the key at fault and keeps
//! the details a caller needs to say what is wrong. The keys are found in the
//! knowledge by their question's kind, so a renamed question cannot turn a
//! row into a test of something else.

use foot_triage::{
    Answers,
    answers::AnswerErrorKind,
    knowledge::{Question, QuestionKind},
};

use crate::support::kb;

/// The first question of `kind` that also satisfies `also`.
fn question(kind: QuestionKind, also: impl Fn(&Question) -> bool) -> &'static Question {
    kb().data.questions.iter().find(|q| q.kind == kind && also(q)).unwrap_or_else(|| panic!("no {kind:?} question"))
}

/// `json` must be refused with an error of the kind `expect` accepts, for
/// `key` (or for the whole document when `key` is `None`).
fn check(json: &str, key: Option<&str>, expect: impl Fn(&AnswerErrorKind) -> bool) {
    let error = Answers::from_json(kb(), json).expect_err(json);
    assert_eq!(error.key.as_deref(), key, "{json}: {error}");
    assert!(expect(&error.kind), "{json}: {:?}", error.kind);
    assert!(!error.to_string().contains('\n'), "{json}: one line, for the CLI");
}

#[test]
fn every_kind_of_bad_answer_names_its_fault() {
    let yes_no = &question(QuestionKind::YesNo, |_| true).id;
    let single = question(QuestionKind::Single, |q| q.options.len() > 1);
    let multi = &question(QuestionKind::Multi, |_| true).id;
    let ranged = question(QuestionKind::Number, |q| q.max.is_some());
    let max = ranged.max.unwrap();
    let options: Vec<String> = single.options.iter().map(|o| o.id.to_string()).collect();
    let (single, ranged) = (&single.id, &ranged.id);

    check("{", None, |k| matches!(k, AnswerErrorKind::Syntax(_)));
    check("[true]", None, |k| *k == AnswerErrorKind::NotAnObject);
    check(r#"{"no_such_question": true}"#, Some("no_such_question"), |k| *k == AnswerErrorKind::UnknownKey);
    check(
        &format!(r#"{{"{yes_no}": "yes"}}"#),
        Some(yes_no),
        |k| matches!(k, AnswerErrorKind::WrongType { found, .. } if found == "a string"),
    );
    check(&format!(r#"{{"{multi}": [1]}}"#), Some(multi), |k| matches!(k, AnswerErrorKind::WrongType { .. }));
    check(
        &format!(r#"{{"{ranged}": "far"}}"#),
        Some(ranged),
        |k| matches!(k, AnswerErrorKind::WrongType { expected, .. } if expected == "a number"),
    );
    check(
        &format!(r#"{{"{ranged}": {}}}"#, max + 1.0),
        Some(ranged),
        |k| matches!(k, AnswerErrorKind::OutOfRange { value, max: Some(m), .. } if *value == max + 1.0 && *m == max),
    );
    check(
        &format!(r#"{{"{single}": "nowhere"}}"#),
        Some(single),
        |k| matches!(k, AnswerErrorKind::UnknownOption { value, options: o } if value == "nowhere" && *o == options),
    );
    check(
        &format!(r#"{{"{multi}": ["nowhere"]}}"#),
        Some(multi),
        |k| matches!(k, AnswerErrorKind::UnknownOption { value, .. } if value == "nowhere"),
    );
}

/// The same questions take their good answers, and `null` and "not sure"
/// are accepted for every kind: the refusals above are not refusals of the key.
#[test]
fn good_answers_of_the_same_keys_are_taken() {
    for kind in [QuestionKind::YesNo, QuestionKind::Single, QuestionKind::Multi, QuestionKind::Number] {
        let id = &question(kind, |_| true).id;
        for value in ["null", r#""not_sure""#] {
            let json = format!(r#"{{"{id}": {value}}}"#);
            assert!(Answers::from_json(kb(), &json).is_ok(), "{json}");
        }
    }
}
