//! The hand-off as plain text: the triage summary of the runner's answers
//! with the diary's on top, then the diary itself (its trend, the latest
//! entries, the shoes and any return-to-run plan), for an email to a
//! clinician.

use std::fmt::Write;

use super::{Diary, DiaryReview};
use crate::{KnowledgeBase, engine::plain_text as triage_text, knowledge::Ui, units::DistanceUnit};

/// How many of the latest entries the summary lists.
pub const LATEST: usize = 14;

/// The summary of `review` (made from `diary`), with distances in `unit`.
pub fn plain_text(kb: &KnowledgeBase, diary: &Diary, review: &DiaryReview, unit: DistanceUnit) -> String {
    let mut out = triage_text(kb, &review.merged, &review.assessment);
    let distance = |km: f64| format!("{} {}", kb.number(unit.from_km(km)), unit.symbol());
    // `write!` into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out);
    let count = diary.entries().len();
    let title = if count == 1 { Ui::DiaryTextTitleOne } else { Ui::DiaryTextTitleMany };
    let _ = writeln!(out, "{}", kb.ui_with(title, &[("count", &count.to_string())]));
    let _ = writeln!(out, "{}", review.summary);
    let latest = &diary.entries()[diary.entries().len().saturating_sub(LATEST)..];
    for e in latest {
        let pain = |p: Option<u8>| p.map_or_else(|| "-".to_string(), |p| p.to_string());
        let line = kb.ui_with(
            Ui::DiaryTextEntry,
            &[
                ("date", &e.date.text(kb)),
                ("morning", &e.pain_morning.to_string()),
                ("during", &pain(e.pain_during)),
                ("after", &pain(e.pain_after)),
                ("distance", &distance(e.distance_km)),
            ],
        );
        let _ = write!(out, "- {line}");
        if let Some(shoe) = e.shoe.as_ref().and_then(|id| diary.shoes.iter().find(|s| s.id == *id)) {
            let _ = write!(out, "; {}", shoe.name);
        }
        if !e.note.is_empty() {
            let _ = write!(out, "; {}", kb.ui_with(Ui::DiaryTextNote, &[("note", &e.note)]));
        }
        let _ = writeln!(out);
    }
    if !review.shoes.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", kb.ui(Ui::DiaryTextShoes));
        for s in &review.shoes {
            let _ = writeln!(out, "- {}: {}. {}", s.name, distance(s.km), s.message);
        }
    }
    if !review.return_plan.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", kb.ui(Ui::DiaryTextReturn));
        for w in &review.return_plan {
            let id = match (w.run_walk, w.distance_km.is_some()) {
                (true, true) => Ui::DiaryTextWeekRunWalk,
                (false, true) => Ui::DiaryTextWeekEasy,
                (true, false) => Ui::DiaryTextWeekRunWalkByTime,
                (false, false) => Ui::DiaryTextWeekEasyByTime,
            };
            let total = w.distance_km.map(distance).unwrap_or_default();
            let line = kb.ui_with(id, &[("week", &w.week.to_string()), ("distance", &total)]);
            let _ = writeln!(out, "- {line}");
        }
    }
    out
}
