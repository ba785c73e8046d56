//! HL7 FHIR R4 exports for the clinician hand-off: the questionnaire as a
//! `Questionnaire` (with `enableWhen` for the adaptive flow) and a runner's
//! answers as a `QuestionnaireResponse`. Both are built as `Json` trees, so
//! the CLI and the widget share them; the tests validate them with a FHIR
//! library from PyPI (tests/fhir).
//!
//! A question's gate (`ask_when`) becomes plain `enableWhen` conditions when
//! it is one test, or tests joined all by "or" (`enableBehavior: any`) or all
//! by "and" (`all`). A gate that mixes them also gets the SDC
//! `enableWhenExpression` extension with the same logic in FHIRPath.
//! "Not sure" is recorded as an item without an answer, carrying the
//! `data-absent-reason` extension with `asked-unknown`. Questions that share
//! a checklist screen (`[[group]]`) sit inside one `group` item, placed where
//! the first of them comes, in both resources.
//!
//! Both resources carry their language (`language`). The questionnaire's
//! texts are in the knowledge base's language, and each also carries its
//! words in every other language at hand (natively, all that are built; in
//! the widget, those it has loaded) as the FHIR `translation` extension on
//! the element (`_text`, `_display`, `_title`).

use crate::{
    Answer, Answers, KnowledgeBase,
    json::Json,
    knowledge::{
        LANGUAGES, Question, QuestionKind, Ui,
        formula::{CmpOp, Expr, Scope},
    },
};

const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";

/// The knowledge in every other language at hand, filled for the same
/// region as `kb`.
fn other_languages(kb: &KnowledgeBase) -> Vec<&'static KnowledgeBase> {
    let region = kb.region().map_or("", |r| &*r.id);
    LANGUAGES
        .iter()
        .filter(|l| l.code != kb.language())
        .filter_map(|l| KnowledgeBase::in_language(l.code).ok())
        .map(|other| other.for_region(region, None))
        .collect()
}

/// A primitive element's extensions (`_text`) carrying its words in the
/// other languages, or `None` when there are no others.
fn translations(others: &[&KnowledgeBase], text: impl Fn(&KnowledgeBase) -> Option<String>) -> Option<Json> {
    let found: Vec<Json> = others
        .iter()
        .filter_map(|other| {
            let content = text(other)?;
            let parts = vec![
                obj(vec![("url", s("lang")), ("valueCode", s(other.language()))]),
                obj(vec![("url", s("content")), ("valueString", s(&content))]),
            ];
            Some(obj(vec![("url", s(TRANSLATION)), ("extension", Json::Array(parts))]))
        })
        .collect();
    (!found.is_empty()).then(|| obj(vec![("extension", Json::Array(found))]))
}

/// The questionnaire's canonical URL. The `.invalid` domain never resolves:
/// it names the questionnaire, it is not a place to fetch it from.
pub const CANONICAL: &str = "https://foot-triage.invalid/fhir/Questionnaire/foot-triage";
const CODES: &str = "https://foot-triage.invalid/fhir/CodeSystem/";
const ENABLE_WHEN_EXPRESSION: &str =
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
const DATA_ABSENT: &str = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
/// Our extension naming the runner's country (the advice's services).
pub const REGION: &str = "https://foot-triage.invalid/fhir/StructureDefinition/care-region";
/// ISO 3166-1 alpha-2 country codes, as FHIR names the code system.
const ISO_3166: &str = "urn:iso:std:iso:3166";

fn s(text: &str) -> Json {
    Json::String(text.to_string())
}

fn obj(entries: Vec<(&str, Json)>) -> Json {
    Json::Object(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn coding(question: &str, code: &str, display: &str) -> Json {
    obj(vec![("system", s(&format!("{CODES}{question}"))), ("code", s(code)), ("display", s(display))])
}

/// An answer option's coding, with its display in the other languages.
fn coding_in(
    others: &[&KnowledgeBase],
    question: &str,
    code: &str,
    display: &str,
    in_other: impl Fn(&KnowledgeBase) -> String,
) -> Json {
    let mut fields = vec![("system", s(&format!("{CODES}{question}"))), ("code", s(code)), ("display", s(display))];
    fields.extend(translations(others, |o| Some(in_other(o))).map(|t| ("_display", t)));
    obj(fields)
}

/// The questionnaire, every question an item in knowledge order.
pub fn questionnaire(kb: &KnowledgeBase) -> Json {
    let meta = &kb.data.meta;
    let others = other_languages(kb);
    let items =
        grouped(kb, &others, &kb.data.questions.iter().collect::<Vec<_>>(), true, |q| Some(item(kb, &others, q)));
    let mut fields = vec![
        ("resourceType", s("Questionnaire")),
        ("id", s("foot-triage")),
        ("language", s(kb.language())),
        ("url", s(CANONICAL)),
        ("version", s(&meta.version)),
        ("name", s("FootTriage")),
        ("title", s(kb.ui(Ui::FhirTitle))),
    ];
    fields.extend(translations(&others, |o| Some(o.ui(Ui::FhirTitle).to_string())).map(|t| ("_title", t)));
    fields.extend([
        ("status", s("active")),
        ("subjectType", Json::Array(vec![s("Patient")])),
        ("description", s(&meta.notice)),
    ]);
    fields.extend(translations(&others, |o| Some(o.data.meta.notice.to_string())).map(|t| ("_description", t)));
    fields.push(("item", Json::Array(items)));
    obj(fields)
}

fn item(kb: &KnowledgeBase, others: &[&KnowledgeBase], q: &Question) -> Json {
    let mut fields = vec![("linkId", s(&q.id)), ("text", s(&q.text))];
    fields.extend(translations(others, |o| o.question(&q.id).map(|t| t.text.to_string())).map(|t| ("_text", t)));
    fields.push((
        "type",
        s(match q.kind {
            QuestionKind::YesNo => "boolean",
            QuestionKind::Single | QuestionKind::Multi => "choice",
            QuestionKind::Number => "decimal",
        }),
    ));
    if q.kind == QuestionKind::Multi {
        fields.push(("repeats", Json::Bool(true)));
    }
    if matches!(q.kind, QuestionKind::Single | QuestionKind::Multi) {
        let option = |id: &str, label: &str, other: &dyn Fn(&KnowledgeBase) -> String| {
            obj(vec![("valueCoding", coding_in(others, &q.id, id, label, other))])
        };
        let mut options: Vec<Json> = q
            .options
            .iter()
            .map(|o| option(&o.id, &o.label, &|other| other.option_label(&q.id, &o.id).to_string()))
            .collect();
        if q.kind == QuestionKind::Multi {
            // "None of these" is a real answer to a multiple choice.
            let none = kb.ui(Ui::QuestionNoneOfThese);
            options.push(option("none", none, &|other| other.ui(Ui::QuestionNoneOfThese).to_string()));
        }
        fields.push(("answerOption", Json::Array(options)));
    }
    let expr = expand(kb, &q.ask_when.expr, 0);
    if expr != Expr::True {
        if let Some((conditions, behaviour)) = enable_when(&expr) {
            fields.push(("enableWhen", Json::Array(conditions)));
            if let Some(behaviour) = behaviour {
                fields.push(("enableBehavior", s(behaviour)));
            }
        } else {
            let expression = obj(vec![("language", s("text/fhirpath")), ("expression", s(&fhirpath(&expr)))]);
            fields.push((
                "extension",
                Json::Array(vec![obj(vec![("url", s(ENABLE_WHEN_EXPRESSION)), ("valueExpression", expression)])]),
            ));
        }
    }
    obj(fields)
}

/// Replaces named facts with their formulas.
fn expand(kb: &KnowledgeBase, expr: &Expr, depth: usize) -> Expr {
    use std::borrow::Cow;
    let list = |items: &[Expr]| Cow::Owned(items.iter().map(|e| expand(kb, e, depth + 1)).collect::<Vec<_>>());
    match expr {
        Expr::Name(name) if depth < 32 => match kb.fact(name) {
            Some(fact) => expand(kb, fact, depth + 1),
            None => Expr::Is(name.clone(), Cow::Borrowed("yes")),
        },
        Expr::Not(inner) => Expr::Not(Box::new(expand(kb, inner, depth + 1))),
        Expr::And(items) => Expr::And(list(items)),
        Expr::Or(items) => Expr::Or(list(items)),
        other => other.clone(),
    }
}

/// Plain `enableWhen` conditions for a gate that is one test, or tests all
/// joined the same way; `None` for anything else.
fn enable_when(expr: &Expr) -> Option<(Vec<Json>, Option<&'static str>)> {
    let atoms = conditions;
    match expr {
        Expr::Or(items) => {
            let all: Option<Vec<Vec<Json>>> = items.iter().map(atoms).collect();
            Some((all?.into_iter().flatten().collect(), Some("any")))
        }
        Expr::And(items) => {
            let all: Option<Vec<Vec<Json>>> = items.iter().map(atoms).collect();
            let all = all?;
            // A test that is itself several alternatives cannot sit in an "all".
            all.iter().all(|c| c.len() == 1).then(|| (all.into_iter().flatten().collect(), Some("all")))
        }
        single => {
            let c = atoms(single)?;
            let behaviour = (c.len() > 1).then_some("any");
            Some((c, behaviour))
        }
    }
}

/// The `enableWhen` conditions one test stands for (several are alternatives).
fn conditions(expr: &Expr) -> Option<Vec<Json>> {
    let when = |key: &str, operator: &str, answer: (&str, Json)| {
        obj(vec![("question", s(key)), ("operator", s(operator)), answer])
    };
    let value = |key: &str, v: &str| -> (&'static str, Json) {
        match v {
            "yes" => ("answerBoolean", Json::Bool(true)),
            "no" => ("answerBoolean", Json::Bool(false)),
            code => ("answerCoding", obj(vec![("system", s(&format!("{CODES}{key}"))), ("code", s(code))])),
        }
    };
    Some(match expr {
        Expr::Is(k, v) => vec![when(k, "=", value(k, v))],
        Expr::In(k, vs) | Expr::Has(k, vs) => vs.iter().map(|v| when(k, "=", value(k, v))).collect(),
        Expr::Cmp(k, op, n) => vec![when(
            k,
            match op {
                CmpOp::Lt => "<",
                CmpOp::Le => "<=",
                CmpOp::Gt => ">",
                CmpOp::Ge => ">=",
                CmpOp::Eq => "=",
            },
            ("answerDecimal", Json::Number(*n)),
        )],
        Expr::Answered(k) => vec![when(k, "exists", ("answerBoolean", Json::Bool(true)))],
        Expr::Not(inner) => match &**inner {
            Expr::Is(k, v) => vec![when(k, "!=", value(k, v))],
            _ => return None,
        },
        _ => return None,
    })
}

/// The same logic as FHIRPath over the response being filled in (facts are
/// already expanded).
fn fhirpath(expr: &Expr) -> String {
    let answer = |k: &str| format!("%resource.repeat(item).where(linkId = '{k}').answer");
    let codes = |vs: &[crate::knowledge::Text]| vs.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(" | ");
    let join =
        |items: &[Expr], op: &str| items.iter().map(|e| format!("({})", fhirpath(e))).collect::<Vec<_>>().join(op);
    match expr {
        Expr::True => "true".into(),
        Expr::Is(k, v) if v == "yes" || v == "no" => format!("{}.value = {}", answer(k), v == "yes"),
        Expr::Is(k, v) => format!("{}.value.code = '{v}'", answer(k)),
        Expr::In(k, vs) | Expr::Has(k, vs) => format!("{}.value.code.intersect({}).exists()", answer(k), codes(vs)),
        Expr::Within(k, vs) => format!("{0}.exists() and {0}.value.code.all($this in ({1}))", answer(k), codes(vs)),
        Expr::Cmp(k, op, n) => {
            let op = match op {
                CmpOp::Lt => "<",
                CmpOp::Le => "<=",
                CmpOp::Gt => ">",
                CmpOp::Ge => ">=",
                CmpOp::Eq => "=",
            };
            format!("{}.value {op} {}", answer(k), crate::units::trim_number(*n))
        }
        Expr::Answered(k) => format!("{}.exists()", answer(k)),
        Expr::Name(name) => format!("{}.value = true", answer(name)),
        Expr::Not(inner) => format!("({}).not()", fhirpath(inner)),
        Expr::And(items) => join(items, " and "),
        Expr::Or(items) => join(items, " or "),
        Expr::Invalid(_) | Expr::CmpTo(..) => "false".into(),
    }
}

/// Items in questionnaire order, each checklist's questions nested in one
/// `group` item where its first question comes; `each` builds a question's
/// item, or `None` to leave it out (an unanswered question in a response).
/// `typed` adds the item's `type`, which a Questionnaire has and a
/// QuestionnaireResponse must not.
fn grouped(
    kb: &KnowledgeBase,
    others: &[&KnowledgeBase],
    questions: &[&Question],
    typed: bool,
    each: impl Fn(&Question) -> Option<Json>,
) -> Vec<Json> {
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for q in questions {
        let Some(group) = q.group.as_deref().and_then(|g| kb.group(g)) else {
            out.extend(each(q));
            continue;
        };
        if done.contains(&&*group.id) {
            continue;
        }
        done.push(&group.id);
        let members: Vec<Json> =
            questions.iter().filter(|m| m.group.as_deref() == Some(&*group.id)).filter_map(|m| each(m)).collect();
        if !members.is_empty() {
            let mut fields = vec![("linkId", s(&format!("group-{}", group.id))), ("text", s(&group.title))];
            let title = |o: &KnowledgeBase| o.group(&group.id).map(|g| g.title.to_string());
            fields.extend(translations(others, title).map(|t| ("_text", t)));
            if typed {
                fields.push(("type", s("group")));
            }
            fields.push(("item", Json::Array(members)));
            out.push(obj(fields));
        }
    }
    out
}

/// The runner's answers, in questionnaire order.
pub fn response(kb: &KnowledgeBase, answers: &Answers) -> Json {
    let questions: Vec<&Question> = kb.data.questions.iter().collect();
    let items = grouped(kb, &[], &questions, false, |q| {
        let a = answers.get(&q.id)?;
        Some({
            let mut fields = vec![("linkId", s(&q.id)), ("text", s(&q.text))];
            let label = |id: &str| kb.option_label(&q.id, id).to_string();
            let values: Vec<Json> = match a {
                Answer::Yes => vec![obj(vec![("valueBoolean", Json::Bool(true))])],
                Answer::No => vec![obj(vec![("valueBoolean", Json::Bool(false))])],
                Answer::Number(n) => vec![obj(vec![("valueDecimal", Json::Number(*n))])],
                Answer::Choice(c) => vec![obj(vec![("valueCoding", coding(&q.id, c, &label(c)))])],
                Answer::Choices(cs) if cs.is_empty() => {
                    vec![obj(vec![("valueCoding", coding(&q.id, "none", kb.ui(Ui::QuestionNoneOfThese)))])]
                }
                Answer::Choices(cs) => {
                    cs.iter().map(|c| obj(vec![("valueCoding", coding(&q.id, c, &label(c)))])).collect()
                }
                Answer::NotSure => Vec::new(),
            };
            if values.is_empty() {
                fields.push((
                    "extension",
                    Json::Array(vec![obj(vec![("url", s(DATA_ABSENT)), ("valueCode", s("asked-unknown"))])]),
                ));
            } else {
                fields.push(("answer", Json::Array(values)));
            }
            obj(fields)
        })
    });
    let mut fields = vec![("resourceType", s("QuestionnaireResponse"))];
    // The runner's country, whose services the advice named: a coding in
    // ISO 3166, so a receiving system can read it without knowing ours. The
    // fallback (no country) is recorded by leaving it out.
    if let Some(region) = kb.country() {
        let coding = obj(vec![("system", s(ISO_3166)), ("code", s(&region.id))]);
        fields.push(("extension", Json::Array(vec![obj(vec![("url", s(REGION)), ("valueCoding", coding)])])));
    }
    fields.extend([
        ("language", s(kb.language())),
        ("questionnaire", s(&format!("{CANONICAL}|{}", kb.data.meta.version))),
        ("status", s("completed")),
        ("item", Json::Array(items)),
    ]);
    obj(fields)
}
