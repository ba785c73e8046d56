//! The diary and shoe log as one JSON backup file, and its import. A file is
//! checked whole before anything changes: a bad or foreign file leaves the
//! diary untouched, and importing the same backup twice adds nothing the
//! second time (a day that already has an entry keeps it).
//!
//! ```json
//! {"format": "foot-triage-diary", "schema": 1,
//!  "shoes": [{"id": "a", "name": "Trail pair", "start_km": 120, "retired": false}],
//!  "entries": [{"date": "2026-11-01", "pain_morning": 4, "pain_during": 3,
//!               "pain_after": 5, "distance_km": 6.5, "shoe": "a", "note": ""}]}
//! ```

use super::{Date, Diary, DiaryError, Entry, Message, Shoe};
use crate::{KnowledgeBase, json::Json, knowledge::Ui};

const FORMAT: &str = "foot-triage-diary";
const SCHEMA: f64 = 1.0;

/// What was wrong with a backup file, for code and tests to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupErrorKind {
    /// Occurs when the file is not a Foot Triage diary backup.
    NotABackup,
    /// Occurs when the backup's schema is one this version cannot read.
    OtherVersion,
    /// Occurs when the backup lacks its list of shoes or of entries.
    MissingList,
    /// Occurs when a shoe or an entry in the backup cannot be read.
    UnreadableItem,
    /// Occurs when a shoe or an entry is readable but the diary refuses it
    /// (out of range, an unknown pair).
    RefusedItem,
}

/// Why a backup file was refused, with a message for the runner; the diary
/// is then unchanged. A refused item carries the diary's own reason.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupError {
    kind: BackupErrorKind,
    message: Message,
    cause: Option<DiaryError>,
}

impl BackupError {
    fn new(kind: BackupErrorKind, id: Ui, values: &[(&'static str, &str)]) -> Self {
        BackupError { kind, message: Message::new(id, values), cause: None }
    }

    /// What went wrong, for code and tests to match.
    pub fn kind(&self) -> &BackupErrorKind {
        &self.kind
    }

    /// The message for the runner, in the language of `kb`.
    pub fn text(&self, kb: &KnowledgeBase) -> String {
        let mut message = self.message.clone();
        if let Some(cause) = &self.cause {
            message.values.push(("reason", cause.text(kb)));
        }
        message.text(kb)
    }

    /// The message in English, for the console and tests.
    pub fn message(&self) -> String {
        super::english(|kb| self.text(kb))
    }
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for BackupError {}

pub fn to_backup(diary: &Diary) -> Json {
    let num = |n: f64| Json::Number(n);
    let opt = |p: Option<u8>| p.map_or(Json::Null, |p| num(f64::from(p)));
    let shoes = diary.shoes.iter().map(|s| {
        Json::Object(vec![
            ("id".into(), Json::String(s.id.clone())),
            ("name".into(), Json::String(s.name.clone())),
            ("start_km".into(), num(s.start_km)),
            ("retired".into(), Json::Bool(s.retired)),
        ])
    });
    let entries = diary.entries().iter().map(|e| {
        Json::Object(vec![
            ("date".into(), Json::String(e.date.to_string())),
            ("pain_morning".into(), num(f64::from(e.pain_morning))),
            ("pain_during".into(), opt(e.pain_during)),
            ("pain_after".into(), opt(e.pain_after)),
            ("distance_km".into(), num(e.distance_km)),
            ("shoe".into(), e.shoe.clone().map_or(Json::Null, Json::String)),
            ("note".into(), Json::String(e.note.clone())),
        ])
    });
    Json::Object(vec![
        ("format".into(), Json::String(FORMAT.into())),
        ("schema".into(), num(SCHEMA)),
        ("shoes".into(), Json::Array(shoes.collect())),
        ("entries".into(), Json::Array(entries.collect())),
    ])
}

/// What the browser keeps while remembering is on: the backup, and when the
/// last backup was exported (`backed_up`, `reminded`; a backup file carries
/// neither, so importing one changes neither).
pub fn to_record(diary: &Diary) -> Json {
    let mut record = to_backup(diary);
    if let Json::Object(fields) = &mut record {
        if let Some(day) = diary.backed_up {
            fields.push(("backed_up".into(), Json::String(day.to_string())));
        }
        fields.push(("reminded".into(), Json::Bool(diary.reminded)));
    }
    record
}

/// Reads what `to_record` wrote (an older record without the export fields
/// reads as never backed up).
pub fn from_record(record: &Json) -> Result<Diary, BackupError> {
    let mut diary = Diary::new();
    from_backup(&mut diary, record)?;
    diary.backed_up = record.get("backed_up").and_then(Json::as_str).and_then(Date::parse);
    diary.reminded = matches!(record.get("reminded"), Some(Json::Bool(true)));
    Ok(diary)
}

/// Merges a backup into `diary`. Returns how many entries were added; days
/// that already have an entry are kept as they are.
pub fn from_backup(diary: &mut Diary, file: &Json) -> Result<usize, BackupError> {
    use BackupErrorKind::*;
    let bad = |kind, id| BackupError::new(kind, id, &[]);
    // The item's number in its list, from 1, and why the diary refused it.
    let item = |kind, id, i: usize| BackupError::new(kind, id, &[("number", &(i + 1).to_string())]);
    let refused = |id, i: usize| move |e| BackupError { cause: Some(e), ..item(RefusedItem, id, i) };
    if file.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(bad(NotABackup, Ui::DiaryBackupNotABackup));
    }
    if file.get("schema").and_then(Json::as_f64) != Some(SCHEMA) {
        return Err(bad(OtherVersion, Ui::DiaryBackupOtherVersion));
    }
    // Build the merged diary on a copy, so a bad item anywhere leaves the
    // runner's diary as it was.
    let mut next = diary.clone();
    let list = |key: &str, missing| match file.get(key) {
        Some(Json::Array(items)) => Ok(items.as_slice()),
        _ => Err(bad(MissingList, missing)),
    };
    for (i, json) in list("shoes", Ui::DiaryBackupNoShoes)?.iter().enumerate() {
        let shoe = shoe(json).ok_or_else(|| item(UnreadableItem, Ui::DiaryBackupShoeUnreadable, i))?;
        if !next.shoes.iter().any(|s| s.id == shoe.id) {
            next.save_shoe(shoe).map_err(refused(Ui::DiaryBackupShoeRefused, i))?;
        }
    }
    let mut added = 0;
    for (i, json) in list("entries", Ui::DiaryBackupNoEntries)?.iter().enumerate() {
        let entry = entry(json).ok_or_else(|| item(UnreadableItem, Ui::DiaryBackupEntryUnreadable, i))?;
        if next.entries().iter().any(|e| e.date == entry.date) {
            continue;
        }
        next.add(entry).map_err(refused(Ui::DiaryBackupEntryRefused, i))?;
        added += 1;
    }
    *diary = next;
    Ok(added)
}

fn shoe(item: &Json) -> Option<Shoe> {
    Some(Shoe {
        id: item.get("id")?.as_str()?.to_string(),
        name: item.get("name")?.as_str()?.to_string(),
        start_km: item.get("start_km")?.as_f64()?,
        retired: matches!(item.get("retired"), Some(Json::Bool(true))),
    })
}

fn entry(item: &Json) -> Option<Entry> {
    let pain = |key: &str| -> Option<Option<u8>> {
        match item.get(key) {
            None | Some(Json::Null) => Some(None),
            Some(v) => v.as_f64().filter(|p| p.fract() == 0.0 && (0.0..=10.0).contains(p)).map(|p| Some(p as u8)),
        }
    };
    Some(Entry {
        date: Date::parse(item.get("date")?.as_str()?)?,
        pain_morning: pain("pain_morning")??,
        pain_during: pain("pain_during")?,
        pain_after: pain("pain_after")?,
        distance_km: item.get("distance_km")?.as_f64()?,
        shoe: match item.get("shoe") {
            None | Some(Json::Null) => None,
            Some(v) => Some(v.as_str()?.to_string()),
        },
        note: match item.get("note") {
            None | Some(Json::Null) => String::new(),
            Some(v) => v.as_str()?.to_string(),
        },
    })
}
