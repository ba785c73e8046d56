//! Reading the diary's forms. The widget hands over what the runner typed,
//! as text, and gets an [`Entry`] or [`Shoe`] back, or a message that says
//! which field to fix. Kept in the core so every message is tested natively;
//! the caller supplies the number reader (the widget uses the browser's, to
//! keep Rust's float parser out of the bundle).

use super::{Date, Diary, DiaryError, DiaryErrorKind, Entry, Shoe};
use crate::{knowledge::Ui, units::DistanceUnit};

/// An entry form as typed.
#[derive(Debug, Clone, Default)]
pub struct EntryFields<'a> {
    pub date: &'a str,
    pub pain_morning: &'a str,
    pub pain_during: &'a str,
    pub pain_after: &'a str,
    pub distance: &'a str,
    /// A shoe id, or empty for none.
    pub shoe: &'a str,
    pub note: &'a str,
}

/// Reads `text` as a number; `None` when it is not one.
pub type ReadNumber<'a> = &'a dyn Fn(&str) -> Option<f64>;

fn error<T>(kind: DiaryErrorKind, id: Ui) -> Result<T, DiaryError> {
    Err(DiaryError::new(kind, id, &[]))
}

/// A distance as typed, in `unit`, to km: blank is 0, a comma is a decimal
/// point; `None` when it is not a finite distance of 0 or more.
fn distance_km(text: &str, unit: DistanceUnit, number: ReadNumber) -> Option<f64> {
    match text.trim() {
        "" => Some(0.0),
        text => number(&text.replace(',', ".")).filter(|d| d.is_finite() && *d >= 0.0).map(|d| unit.to_km(d)),
    }
}

/// A pain score as typed: `missing` says why a blank is refused (`None`: a
/// blank is no score), `not_whole` why anything but 0 to 10 is.
fn pain(text: &str, missing: Option<Ui>, not_whole: Ui) -> Result<Option<u8>, DiaryError> {
    let text = text.trim();
    if text.is_empty() {
        return match missing {
            Some(id) => error(DiaryErrorKind::Pain, id),
            None => Ok(None),
        };
    }
    match text.parse::<u8>() {
        Ok(p) if p <= 10 => Ok(Some(p)),
        _ => error(DiaryErrorKind::Pain, not_whole),
    }
}

/// Reads an entry. `today` is the runner's date: an entry for a day still to
/// come is refused, as the trend would otherwise count pain not yet felt.
pub fn read_entry(
    fields: &EntryFields,
    unit: DistanceUnit,
    today: Date,
    number: ReadNumber,
) -> Result<Entry, DiaryError> {
    let Some(date) = Date::parse(fields.date.trim()) else {
        return error(DiaryErrorKind::Date, Ui::DiaryErrorNoDate);
    };
    if date > today {
        return error(DiaryErrorKind::FutureDay, Ui::DiaryErrorFutureDay);
    }
    let distance = distance_km(fields.distance, unit, number).ok_or_else(|| {
        DiaryError::new(DiaryErrorKind::DayDistance, Ui::DiaryErrorDistanceTyped, &[("unit", unit.symbol())])
    })?;
    Ok(Entry {
        date,
        pain_morning: pain(fields.pain_morning, Some(Ui::DiaryErrorMorningMissing), Ui::DiaryErrorMorningWhole)?
            .unwrap_or(0),
        pain_during: pain(fields.pain_during, None, Ui::DiaryErrorDuringWhole)?,
        pain_after: pain(fields.pain_after, None, Ui::DiaryErrorAfterWhole)?,
        distance_km: distance,
        shoe: Some(fields.shoe.trim()).filter(|s| !s.is_empty()).map(str::to_string),
        note: fields.note.trim().to_string(),
    })
}

/// Reads a new pair (or a changed one, when `id` is given).
pub fn read_shoe(
    diary: &Diary,
    id: Option<&str>,
    name: &str,
    start: &str,
    unit: DistanceUnit,
    number: ReadNumber,
) -> Result<Shoe, DiaryError> {
    let start_km = distance_km(start, unit, number).ok_or_else(|| {
        DiaryError::new(DiaryErrorKind::ShoeDistance, Ui::DiaryErrorShoeStartTyped, &[("unit", unit.symbol())])
    })?;
    let retired = id.and_then(|id| diary.shoes.iter().find(|s| s.id == id)).is_some_and(|s| s.retired);
    Ok(Shoe {
        id: id.map_or_else(|| diary.new_shoe_id(), str::to_string),
        name: name.trim().to_string(),
        start_km,
        retired,
    })
}
