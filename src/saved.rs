//! Progress saved on the device, with the runner's consent: the answers, the
//! order they were given in, and the knowledge version they were assessed
//! with. The assessment itself is not stored: it is recomputed from the
//! answers, so a restored result always follows the current rules.
//!
//! The record is JSON with a schema number, read here without any browser
//! type so it is tested natively. The widget (`ui/storage.rs`) moves it in and
//! out of localStorage.
//!
//! Schemas:
//! - 1 (`{"version": 1, "answers": {...}}`): answers only, before the review
//!   list needed their order. Migrated by asking the questions in the
//!   questionnaire's order.
//! - 2 (`{"schema": 2, "knowledge": "...", "asked": [...], "answers": {...}}`):
//!   one question per screen. Migrated by making each answer its own screen.
//! - 3 (`{"schema": 3, "knowledge": "...", "screens": [[...], ...], "answers":
//!   {...}}`): the current one. A screen may ask several questions (a
//!   checklist), and Back undoes a whole screen. Answers contract version 2
//!   added keys; every version-1 answer is still valid, so answers need no
//!   migration.

use crate::{Answers, KnowledgeBase, json::Json};

pub const SCHEMA: u32 = 3;

/// What is kept between visits.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub answers: Answers,
    /// The screens answered, in order, each the ids of its questions.
    pub screens: Vec<Vec<String>>,
}

impl Saved {
    /// Question ids in the order they were answered.
    pub fn asked(&self) -> impl Iterator<Item = &String> {
        self.screens.iter().flatten()
    }
}

/// A record read back, and whether it had to be migrated from an older schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub saved: Saved,
    /// The schema it was written with, when older than `SCHEMA`.
    pub migrated_from: Option<u32>,
}

crate::kinded::kinded_error!(
    /// Why a stored record cannot be used; the message is for the console.
    /// The widget sets such a record aside rather than deleting it.
    Unreadable,
    UnreadableKind {
        /// Occurs when the record is not a JSON object.
        NotAnObject,
        /// Occurs when a newer version of Foot Triage wrote it.
        Newer,
        /// Occurs when its schema number is missing or unknown.
        UnknownSchema,
        /// Occurs when it holds no answers, or answers the questionnaire refuses.
        Answers,
        /// Occurs when its order of screens is missing or does not match its answers.
        Order,
    }
);

pub fn encode(kb: &KnowledgeBase, saved: &Saved) -> Json {
    Json::Object(vec![
        ("schema".into(), Json::Number(f64::from(SCHEMA))),
        ("knowledge".into(), Json::String(kb.data.meta.version.to_string())),
        (
            "screens".into(),
            Json::Array(
                saved.screens.iter().map(|s| Json::Array(s.iter().cloned().map(Json::String).collect())).collect(),
            ),
        ),
        ("answers".into(), saved.answers.to_tree()),
    ])
}

pub fn decode(kb: &KnowledgeBase, record: &Json) -> Result<Restored, Unreadable> {
    use UnreadableKind::*;
    let bad = |kind, why: &str| Unreadable::new(kind, why);
    if !matches!(record, Json::Object(_)) {
        return Err(bad(NotAnObject, "the record is not a JSON object"));
    }
    let schema = match (record.get("schema").and_then(Json::as_f64), record.get("version").and_then(Json::as_f64)) {
        (Some(s), _) if s == f64::from(SCHEMA) => SCHEMA,
        (Some(2.0), _) => 2,
        (Some(s), _) if s > f64::from(SCHEMA) => {
            return Err(bad(Newer, "it was saved by a newer version of Foot Triage"));
        }
        (None, Some(1.0)) => 1,
        _ => return Err(bad(UnknownSchema, "its schema is unknown")),
    };
    let answers = record.get("answers").ok_or_else(|| bad(Answers, "it has no answers"))?;
    let answers = crate::Answers::from_tree(kb, answers).map_err(|e| Unreadable::new(Answers, e.to_string()))?;
    let mut screens: Vec<Vec<String>> = Vec::new();
    let seen = |screens: &Vec<Vec<String>>, id: &str| screens.iter().flatten().any(|a| a == id);
    let order_error = || bad(Order, "its answer order does not match its answers");
    match schema {
        3 => {
            let Some(Json::Array(items)) = record.get("screens") else {
                return Err(bad(Order, "it has no answer order"));
            };
            for item in items {
                let Json::Array(ids) = item else { return Err(order_error()) };
                let mut screen = Vec::new();
                for id in ids {
                    match id.as_str() {
                        Some(id) if answers.contains(id) && !seen(&screens, id) && !screen.iter().any(|a| a == id) => {
                            screen.push(id.to_string())
                        }
                        _ => return Err(order_error()),
                    }
                }
                if screen.is_empty() {
                    return Err(order_error());
                }
                screens.push(screen);
            }
        }
        2 => {
            let Some(Json::Array(items)) = record.get("asked") else {
                return Err(bad(Order, "it has no answer order"));
            };
            for item in items {
                match item.as_str() {
                    Some(id) if answers.contains(id) && !seen(&screens, id) => screens.push(vec![id.to_string()]),
                    _ => return Err(order_error()),
                }
            }
        }
        _ => {}
    }
    // Schema 1 kept no order; any answer missing from the order (which a
    // current record never has) goes last, in questionnaire order, one per
    // screen.
    for q in kb.data.questions.iter() {
        if answers.contains(&q.id) && !seen(&screens, &q.id) {
            screens.push(vec![q.id.to_string()]);
        }
    }
    let migrated_from = (schema < SCHEMA).then_some(schema);
    Ok(Restored { saved: Saved { answers, screens }, migrated_from })
}
