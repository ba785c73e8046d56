//! The recovery diary and the shoe log: daily entries (pain first thing in
//! the morning, during and after the run, distance, shoes, a note) and the
//! runner's pairs of shoes. This module holds the data and its editing rules;
//! `review.rs` reads it for the triage, and `backup.rs` reads and writes it as
//! one JSON file. Pure: no clock (the caller passes today's date), no IO,
//! and no language of its own: its messages for the runner are interface
//! texts ([`Message`], `knowledge/lang/en/diary.toml`) that the caller words
//! with the knowledge of the runner's language.

mod backup;
mod date;
mod form;
mod review;
mod summary;

pub use backup::{BackupError, BackupErrorKind, from_backup, from_record, to_backup, to_record};
pub use date::Date;
pub use form::{EntryFields, ReadNumber, read_entry, read_shoe};
pub use review::{DiaryReview, ReturnWeek, ShoeStatusLine, Trend, review};
pub use summary::{LATEST, plain_text};

use crate::{
    KnowledgeBase,
    knowledge::Ui,
    units::{DistanceUnit, trim_number},
};

/// One day's entry. Pain is 0 (none) to 10 (worst imaginable).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub date: Date,
    pub pain_morning: u8,
    pub pain_during: Option<u8>,
    pub pain_after: Option<u8>,
    /// Distance run that day, in km (0 for a rest day).
    pub distance_km: f64,
    /// The id of the pair of shoes run in, if any.
    pub shoe: Option<String>,
    pub note: String,
}

impl Entry {
    /// The day's worst pain.
    pub fn pain(&self) -> u8 {
        self.pain_morning.max(self.pain_during.unwrap_or(0)).max(self.pain_after.unwrap_or(0))
    }
}

/// A pair of running shoes. Its distance is what it had before the diary
/// plus every entry run in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shoe {
    /// A stable id, so entries can name the pair.
    pub id: String,
    pub name: String,
    pub start_km: f64,
    pub retired: bool,
}

/// Entries kept in date order, at most one per day, and the shoe log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diary {
    entries: Vec<Entry>,
    pub shoes: Vec<Shoe>,
    /// The day of the last backup exported from this browser, if any.
    pub backed_up: Option<Date>,
    /// The runner has been reminded to export since then (the reminder comes
    /// once).
    pub reminded: bool,
}

/// A message for the runner before it is put into words: an interface
/// text and the values of its placeholders. The core has no language of its
/// own, so whoever shows the message words it in the runner's ([`Message::text`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: Ui,
    pub values: Vec<(&'static str, String)>,
}

impl Message {
    pub fn new(id: Ui, values: &[(&'static str, &str)]) -> Message {
        Message { id, values: values.iter().map(|(k, v)| (*k, v.to_string())).collect() }
    }

    /// The message in the language of `kb`.
    pub fn text(&self, kb: &KnowledgeBase) -> String {
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        kb.ui_with(self.id, &values)
    }
}

/// The message in English, for the console and tests (the embedded
/// knowledge's words; the widget's has none, so it words messages with
/// `text`).
fn english(text: impl FnOnce(&KnowledgeBase) -> String) -> String {
    text(KnowledgeBase::embedded())
}

/// What went wrong with an entry or a pair of shoes, for code and tests to
/// match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiaryErrorKind {
    /// Occurs when a pain score is above 10, or not a whole number from 0.
    Pain,
    /// Occurs when a day's distance is not a number from 0 to `MAX_DAY_KM`.
    DayDistance,
    /// Occurs when a note is longer than `MAX_NOTE` characters.
    NoteTooLong,
    /// Occurs when an entry names a pair that is not in the shoe log.
    UnknownShoe,
    /// Occurs when a day already has an entry.
    DayTaken,
    /// Occurs when there is no entry for the day named.
    NoSuchEntry,
    /// Occurs when a pair's name is empty or longer than `MAX_SHOE_NAME` characters.
    ShoeName,
    /// Occurs when a pair's starting distance is not a number from 0 to `MAX_SHOE_KM`.
    ShoeDistance,
    /// Occurs when no pair has the id named.
    NoSuchPair,
    /// Occurs when an entry form has no readable date.
    Date,
    /// Occurs when an entry is for a day still to come.
    FutureDay,
}

/// Why an entry or a pair of shoes was refused: its kind, and a message for
/// the runner that names what to fix.
#[derive(Debug, Clone, PartialEq)]
pub struct DiaryError {
    kind: DiaryErrorKind,
    message: Message,
}

impl DiaryError {
    pub fn new(kind: DiaryErrorKind, id: Ui, values: &[(&'static str, &str)]) -> Self {
        DiaryError { kind, message: Message::new(id, values) }
    }

    /// What went wrong, for code and tests to match.
    pub fn kind(&self) -> &DiaryErrorKind {
        &self.kind
    }

    /// The message for the runner, in the language of `kb`.
    pub fn text(&self, kb: &KnowledgeBase) -> String {
        self.message.text(kb)
    }

    /// The message in English, for the console and tests.
    pub fn message(&self) -> String {
        english(|kb| self.text(kb))
    }
}

impl std::fmt::Display for DiaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for DiaryError {}

/// A diary kept in the browser is reminded to export a backup once an entry
/// this many days old is in no backup: Safari (WebKit's tracking prevention)
/// deletes a site's storage after seven days without a visit unless the app
/// is on the home screen. A platform's rule, not a clinical one, so it lives
/// here rather than in the knowledge.
pub const BACKUP_REMINDER_DAYS: i32 = 7;

/// The most a day's distance may be, in km: a check against typing errors.
pub const MAX_DAY_KM: f64 = 300.0;
/// The longest note kept.
pub const MAX_NOTE: usize = 500;
/// The longest name a pair of shoes may have.
pub const MAX_SHOE_NAME: usize = 60;
/// The most distance a pair may start with, in km.
pub const MAX_SHOE_KM: f64 = 5_000.0;

impl Diary {
    pub fn new() -> Diary {
        Diary::default()
    }

    /// Every entry, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether to remind the runner, today, to export a backup: an entry at
    /// least `BACKUP_REMINDER_DAYS` old is in no backup yet, and they have not
    /// been reminded since the last export.
    pub fn backup_due(&self, today: Date) -> bool {
        !self.reminded
            && self
                .entries
                .iter()
                .any(|e| self.backed_up.is_none_or(|b| e.date > b) && today.days_since(e.date) >= BACKUP_REMINDER_DAYS)
    }

    fn check(&self, entry: &Entry) -> Result<(), DiaryError> {
        let bad = |kind, id, values: &[(&'static str, &str)]| Err(DiaryError::new(kind, id, values));
        let pains = [Some(entry.pain_morning), entry.pain_during, entry.pain_after];
        if pains.iter().flatten().any(|p| *p > 10) {
            return bad(DiaryErrorKind::Pain, Ui::DiaryErrorPain, &[]);
        }
        if !entry.distance_km.is_finite() || !(0.0..=MAX_DAY_KM).contains(&entry.distance_km) {
            return bad(DiaryErrorKind::DayDistance, Ui::DiaryErrorDayDistance, &[("max", &km(MAX_DAY_KM))]);
        }
        if entry.note.chars().count() > MAX_NOTE {
            return bad(DiaryErrorKind::NoteTooLong, Ui::DiaryErrorNoteTooLong, &[("max", &MAX_NOTE.to_string())]);
        }
        if let Some(shoe) = &entry.shoe {
            if !self.shoes.iter().any(|s| s.id == *shoe) {
                return bad(DiaryErrorKind::UnknownShoe, Ui::DiaryErrorUnknownShoe, &[]);
            }
        }
        Ok(())
    }

    /// Adds an entry for a day that has none yet.
    pub fn add(&mut self, entry: Entry) -> Result<(), DiaryError> {
        self.check(&entry)?;
        match self.entries.binary_search_by(|e| e.date.cmp(&entry.date)) {
            Ok(_) => Err(DiaryError::new(
                DiaryErrorKind::DayTaken,
                Ui::DiaryErrorDayTaken,
                &[("date", &entry.date.to_string())],
            )),
            Err(at) => {
                self.entries.insert(at, entry);
                Ok(())
            }
        }
    }

    /// Replaces the entry for `date` (the new entry may move to another free day).
    pub fn edit(&mut self, date: Date, entry: Entry) -> Result<(), DiaryError> {
        let at = self.position(date)?;
        let old = self.entries.remove(at);
        self.add(entry).inspect_err(|_| self.entries.insert(at, old))
    }

    pub fn delete(&mut self, date: Date) -> Result<Entry, DiaryError> {
        let at = self.position(date)?;
        Ok(self.entries.remove(at))
    }

    fn position(&self, date: Date) -> Result<usize, DiaryError> {
        self.entries.binary_search_by(|e| e.date.cmp(&date)).map_err(|_| {
            DiaryError::new(DiaryErrorKind::NoSuchEntry, Ui::DiaryErrorNoSuchEntry, &[("date", &date.to_string())])
        })
    }

    /// Adds a pair, or updates the pair with the same id.
    pub fn save_shoe(&mut self, shoe: Shoe) -> Result<(), DiaryError> {
        if shoe.id.is_empty() || shoe.name.trim().is_empty() || shoe.name.chars().count() > MAX_SHOE_NAME {
            let max = MAX_SHOE_NAME.to_string();
            return Err(DiaryError::new(DiaryErrorKind::ShoeName, Ui::DiaryErrorShoeName, &[("max", &max)]));
        }
        if !shoe.start_km.is_finite() || !(0.0..=MAX_SHOE_KM).contains(&shoe.start_km) {
            let max = km(MAX_SHOE_KM);
            return Err(DiaryError::new(DiaryErrorKind::ShoeDistance, Ui::DiaryErrorShoeDistance, &[("max", &max)]));
        }
        match self.shoes.iter_mut().find(|s| s.id == shoe.id) {
            Some(existing) => *existing = shoe,
            None => self.shoes.push(shoe),
        }
        Ok(())
    }

    /// An id no pair has yet: `shoe-1`, `shoe-2`, …
    pub fn new_shoe_id(&self) -> String {
        let taken = |n: usize| self.shoes.iter().any(|s| s.id == format!("shoe-{n}"));
        let n = (1..).find(|n| !taken(*n)).unwrap_or(1);
        format!("shoe-{n}")
    }

    /// Retires a pair (or brings it back): a retired pair keeps its entries
    /// but leaves the shoe check and the choices for new entries.
    pub fn set_retired(&mut self, id: &str, retired: bool) -> Result<(), DiaryError> {
        let shoe = self
            .shoes
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or_else(|| DiaryError::new(DiaryErrorKind::NoSuchPair, Ui::DiaryErrorNoSuchPair, &[]))?;
        shoe.retired = retired;
        Ok(())
    }

    /// A pair's total distance in km.
    pub fn shoe_km(&self, shoe: &Shoe) -> f64 {
        shoe.start_km
            + self.entries.iter().filter(|e| e.shoe.as_deref() == Some(&shoe.id)).map(|e| e.distance_km).sum::<f64>()
    }
}

/// A distance in km as a message shows it (`300 km`).
fn km(km: f64) -> String {
    format!("{} {}", trim_number(km), DistanceUnit::Km.symbol())
}
