//! The answers contract, printed by `foot-triage questions` as JSON and by
//! `foot-triage contract` as the Markdown page `docs/answers-contract.md`.

use foot_triage::{
    KnowledgeBase,
    knowledge::{Concerning, Phase, Question, QuestionKind},
};

/// The answers contract's version. Versions 2 and 3 added keys (each
/// question's `since`); every older answer set is still a valid newer one.
const CONTRACT_VERSION: u32 = 3;

/// The answers contract: every key with its type and allowed values.
pub fn as_json(kb: &KnowledgeBase) -> serde_json::Value {
    serde_json::json!({
        "contract": "foot-triage answers",
        "contract_version": CONTRACT_VERSION,
        "knowledge_version": kb.data.meta.version,
        "notice": kb.data.meta.notice,
        "rules_for_answers": [
            "Answers are one JSON object; every key is optional. An absent key, or null, means not asked or not answered.",
            "Any key may be answered \"not_sure\". For red-flag questions (those with `concerning`), not sure counts as the worrying answer.",
            "yes_no keys take true or false; single keys take one option id; multi keys take a list of option ids (an empty list means none); number keys take a number within min and max."
        ],
        "questions": kb.data.questions,
    })
}

/// The answers contract as the Markdown page `docs/answers-contract.md`,
/// generated from `knowledge/questions.toml` (a test checks the page is
/// current): the rules for answers, one table row per question, an example.
pub fn markdown(kb: &KnowledgeBase) -> String {
    let mut out = rules();
    for q in kb.data.questions.iter() {
        out.push_str(&row(q));
    }
    out.push_str(EXAMPLE);
    out
}

/// The page's heading, the rules every answer set follows, and the head of
/// the table of keys.
fn rules() -> String {
    format!(
        "# The answers contract, version {CONTRACT_VERSION}\n\n\
         This page is generated from `knowledge/questions.toml` by `foot-triage contract`\n\
         (a test fails when it is out of date). `foot-triage questions` prints the same\n\
         contract as JSON, with each question's full wording.\n\n\
         - The answers are one JSON object. **Every key is optional.** A key that is absent\n  \
         or `null` means the question was not asked or not answered.\n\
         - **Any key may be answered `\"not_sure\"`.** For questions marked below, \"not sure\"\n  \
         counts as the worrying answer. For every other question it counts as no information.\n\
         - `yes_no` keys take `true` or `false`. Single-choice keys take one option id.\n  \
         Multiple-choice keys take a list of option ids, where `[]` means none. Numbers\n  \
         must lie within their range.\n\
         - Bad input is rejected as a whole, with one line that names the key: malformed\n  \
         JSON, an unknown key, a wrong type, an unknown option, or a number out of range.\n  \
         The CLI exits with status 2.\n\
         - **Versions 2 and 3** added the keys marked *v2* and *v3*. Every older answer set is\n  \
         still valid, and saved progress from older versions is read unchanged.\n\
         - A *red flag* (\"escalates\") is a question whose worrying answer always raises the\n  \
         level above self-care, whatever else is answered.\n\n\
         | Key | Question | Values | \"Not sure\" counts as | Red flag | Since |\n\
         | --- | --- | --- | --- | --- | --- |\n"
    )
}

/// One question's row: its key, label, the values it takes, what "not sure"
/// counts as, whether it is a red flag, and the version that added it.
fn row(q: &Question) -> String {
    let not_sure = match q.concerning {
        Some(Concerning::Yes) => "**yes**",
        Some(Concerning::No) => "**no**",
        None => "",
    };
    let since = if q.phase == Phase::Diary {
        "set from the recovery diary, never asked".to_string()
    } else if q.since > 1 {
        format!("v{}", q.since)
    } else {
        String::new()
    };
    format!(
        "| `{}` | {} | {} | {} | {} | {} |\n",
        q.id,
        q.label,
        values(q),
        not_sure,
        if q.escalates { "yes" } else { "" },
        since
    )
}

/// The values a question's key takes, as the table's "Values" column says.
fn values(q: &Question) -> String {
    let ids = |separator: &str| q.options.iter().map(|o| format!("`{}`", o.id)).collect::<Vec<_>>().join(separator);
    match q.kind {
        QuestionKind::YesNo => "`true` / `false`".to_string(),
        QuestionKind::Single => ids(" / "),
        QuestionKind::Multi => format!("list of {}", ids(", ")),
        QuestionKind::Number => format!(
            "number, {} to {}{}",
            q.min.unwrap_or(0.0),
            q.max.unwrap_or(0.0),
            q.unit.as_deref().map(|u| format!(" ({u})")).unwrap_or_default()
        ),
    }
}

/// The page's closing example: one answer set that uses each kind of key.
const EXAMPLE: &str = "\nExample:\n\n```json\n{\"injury\": \"twist_or_roll\", \"pain_locations\": [\"outer_ankle\"], \"can_bear_weight\": true,\n \
    \"point_bone_tenderness\": \"not_sure\", \"duration_days\": 1, \"swelling\": \"mild\"}\n```\n";
