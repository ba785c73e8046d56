//! The recovery diary and shoe log, through `diary::review` (which triages
//! with the clinical core), the editing rules and the backup format.

use foot_triage::{
    Answers, Level,
    diary::{
        BackupErrorKind, Date, Diary, DiaryErrorKind, Entry, EntryFields, Shoe, Trend, from_backup, from_record,
        plain_text, read_entry, read_shoe, review, to_backup, to_record,
    },
    engine::calculators::ShoeStatus,
    json::Json,
    units::DistanceUnit,
};
use proptest::prelude::*;
use serde_json::json;

use crate::support::{answers, kb};

fn day(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text} is a date"))
}

fn entry(date: &str, pain: u8, km: f64) -> Entry {
    Entry {
        date: day(date),
        pain_morning: pain,
        pain_during: None,
        pain_after: None,
        distance_km: km,
        shoe: None,
        note: String::new(),
    }
}

/// A diary from (day of November 2026, pain, km) triples.
fn diary(days: &[(u32, u8, f64)]) -> Diary {
    let mut d = Diary::new();
    for &(n, pain, km) in days {
        d.add(entry(&format!("2026-11-{n:02}"), pain, km)).unwrap();
    }
    d
}

fn heel_pain() -> Answers {
    answers(json!({"injury": "none", "pain_locations": ["heel_bottom"], "onset": "gradual",
        "timing": ["first_steps_morning"]}))
}

#[test]
fn dates_read_and_print_as_the_calendar_does() {
    assert_eq!(day("1970-01-01"), Date(0));
    assert_eq!(day("2026-11-21").to_string(), "2026-11-21");
    assert_eq!(day("2024-03-01").days_since(day("2024-02-28")), 2, "2024 is a leap year");
    for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "21/11/2026", "", "2026-11-3x"] {
        assert_eq!(Date::parse(bad), None, "{bad}");
    }
}

proptest! {
    #[test]
    fn every_day_round_trips(n in -25_567i32..84_000) {
        let date = Date(n);
        prop_assert_eq!(Date::parse(&date.to_string()), Some(date));
    }
}

#[test]
fn one_entry_a_day_with_a_clear_message_and_nothing_lost() {
    let mut d = diary(&[(1, 3, 5.0), (2, 2, 0.0)]);
    let e = d.add(entry("2026-11-02", 4, 3.0)).unwrap_err();
    assert_eq!(*e.kind(), DiaryErrorKind::DayTaken);
    assert!(e.message().contains("2026-11-02"), "the message names the day: {e}");
    // Moving an entry onto a taken day fails and keeps the original.
    assert!(d.edit(day("2026-11-01"), entry("2026-11-02", 1, 1.0)).is_err());
    assert_eq!(d.entries()[0], entry("2026-11-01", 3, 5.0));
    d.edit(day("2026-11-01"), entry("2026-11-01", 1, 4.0)).unwrap();
    assert_eq!(d.entries()[0].pain_morning, 1);
    d.delete(day("2026-11-02")).unwrap();
    assert_eq!(d.entries().len(), 1);
    for (bad, kind) in [
        (entry("2026-11-05", 11, 1.0), DiaryErrorKind::Pain),
        (entry("2026-11-05", 2, -1.0), DiaryErrorKind::DayDistance),
        (entry("2026-11-05", 2, f64::NAN), DiaryErrorKind::DayDistance),
        (Entry { note: "x".repeat(501), ..entry("2026-11-05", 2, 1.0) }, DiaryErrorKind::NoteTooLong),
        (Entry { shoe: Some("nope".into()), ..entry("2026-11-05", 2, 1.0) }, DiaryErrorKind::UnknownShoe),
    ] {
        assert_eq!(d.add(bad).map_err(|e| *e.kind()), Err(kind));
    }
    assert_eq!(d.delete(day("2026-11-09")).map_err(|e| *e.kind()), Err(DiaryErrorKind::NoSuchEntry));
}

/// What a diary review should come to: the trend, the level, a triage reason
/// that must be among the reasons, the answers the diary derived, and the
/// first weeks of the return plan (km, and whether run/walk).
struct Review {
    days: Vec<(u32, u8, f64)>,
    as_of: &'static str,
    trend: Option<Trend>,
    level: Level,
    reason: Option<&'static str>,
    derived: &'static [(&'static str, f64)],
    plan: &'static [(f64, bool)],
    plan_weeks: usize,
}

fn check(case: Review) {
    let r = review(kb(), &heel_pain(), &diary(&case.days), day(case.as_of));
    let label = format!("{:?} as of {}", case.days, case.as_of);
    assert_eq!(r.trend, case.trend, "{label}");
    assert_eq!(r.assessment.triage, case.level, "{label}: {:?}", r.assessment.triage_reasons);
    if let Some(id) = case.reason {
        assert!(r.assessment.triage_reasons.iter().any(|t| t.id == id), "{label}: no {id}");
    }
    for (key, value) in case.derived {
        assert_eq!(r.answers.get(key), Some(&foot_triage::Answer::Number(*value)), "{label}: {key}");
    }
    assert_eq!(r.return_plan.len(), case.plan_weeks, "{label}");
    for (week, (km, run_walk)) in r.return_plan.iter().zip(case.plan) {
        assert_eq!((week.distance_km, week.run_walk), (Some(*km), *run_walk), "{label}");
    }
    // However long, a return plan never passes the best week before the pain
    // and never rises more than 10% a week.
    let best = case.days.iter().map(|d| d.2).sum::<f64>().max(1.0);
    let distances: Vec<f64> = r.return_plan.iter().filter_map(|w| w.distance_km).collect();
    assert!(distances.iter().all(|d| *d <= best), "{label}: {distances:?}");
    assert!(distances.windows(2).all(|w| w[1] <= w[0] * 1.1 + 1e-9), "{label}: {distances:?}");
}

#[test]
fn a_review_follows_the_trend_through_the_core_rules() {
    // Three weeks at 20 km before it started to hurt, then two easing weeks.
    let mut easing: Vec<(u32, u8, f64)> = (1..=7).map(|n| (n, 0, if n % 2 == 1 { 5.0 } else { 0.0 })).collect();
    easing.extend([(8, 6, 0.0), (9, 6, 0.0), (10, 5, 0.0), (12, 4, 0.0), (14, 3, 0.0), (17, 2, 0.0), (19, 1, 0.0)]);
    easing.push((21, 1, 0.0));
    for case in [
        // Two improving weeks unlock a return at half the best week (20 km),
        // run/walk first, eight weeks shown.
        Review {
            days: easing,
            as_of: "2026-11-21",
            trend: Some(Trend::Improving),
            level: Level::SelfCare,
            reason: None,
            derived: &[],
            plan: &[(10.0, true), (11.0, false)],
            plan_weeks: 8,
        },
        // Pain that does not ease over eleven days is still home care (the
        // guidance's two weeks); no return yet.
        Review {
            days: vec![(10, 4, 0.0), (12, 4, 0.0), (14, 5, 0.0), (16, 4, 0.0), (18, 4, 0.0), (20, 4, 0.0)],
            as_of: "2026-11-21",
            trend: Some(Trend::Steady),
            level: Level::SelfCare,
            reason: None,
            derived: &[("duration_days", 11.0)],
            plan: &[],
            plan_weeks: 0,
        },
        // Over fifteen days it is seen soon, by the two-week rule.
        Review {
            days: vec![(6, 4, 0.0), (10, 4, 0.0), (12, 4, 0.0), (14, 5, 0.0), (16, 4, 0.0), (18, 4, 0.0), (20, 4, 0.0)],
            as_of: "2026-11-21",
            trend: Some(Trend::Steady),
            level: Level::Soon,
            reason: Some("not_better_after_two_weeks"),
            derived: &[("duration_days", 15.0)],
            plan: &[],
            plan_weeks: 0,
        },
        // Pain going up raises the diary's worsening rule.
        Review {
            days: vec![(16, 2, 3.0), (17, 2, 0.0), (18, 3, 0.0), (19, 5, 0.0), (20, 6, 0.0), (21, 6, 0.0)],
            as_of: "2026-11-21",
            trend: Some(Trend::Worsening),
            level: Level::Soon,
            reason: Some("diary_pain_worsening"),
            derived: &[],
            plan: &[],
            plan_weeks: 0,
        },
        // 15 km the week before, 30 km this week, pain steady at 3: the spike
        // escalates while it still hurts.
        Review {
            days: vec![(8, 3, 5.0), (10, 3, 5.0), (12, 3, 5.0), (15, 3, 10.0), (17, 3, 10.0), (19, 3, 10.0)],
            as_of: "2026-11-20",
            trend: Some(Trend::Steady),
            level: Level::Soon,
            reason: Some("diary_distance_spike"),
            derived: &[("weekly_distance_change_pct", 100.0)],
            plan: &[],
            plan_weeks: 0,
        },
    ] {
        check(case);
    }
}

#[test]
fn shoes_add_up_their_distance_and_warn_in_the_reconciled_range() {
    let mut d = Diary::new();
    d.save_shoe(Shoe { id: "a".into(), name: "Road pair".into(), start_km: 380.0, retired: false }).unwrap();
    for n in 1..=5 {
        d.add(Entry { shoe: Some("a".into()), ..entry(&format!("2026-11-0{n}"), 1, 6.0) }).unwrap();
    }
    assert!(d.add(Entry { shoe: Some("b".into()), ..entry("2026-11-09", 1, 6.0) }).is_err(), "an unknown pair");
    let r = review(kb(), &heel_pain(), &d, day("2026-11-21"));
    assert_eq!(r.shoes[0].km, 410.0);
    assert_eq!(r.shoes[0].status, ShoeStatus::Check);
    assert!(r.rotate_hint.is_some(), "one pair: suggest a second");
}

#[test]
fn a_backup_round_trips_imports_once_and_refuses_foreign_files() {
    let mut original = diary(&[(1, 3, 5.0), (2, 2, 0.0)]);
    original.save_shoe(Shoe { id: "a".into(), name: "Road pair".into(), start_km: 12.5, retired: false }).unwrap();
    let file = to_backup(&original);
    let mut copy = Diary::new();
    assert_eq!(from_backup(&mut copy, &file), Ok(2));
    assert_eq!(copy, original);
    assert_eq!(from_backup(&mut copy, &file), Ok(0), "the same backup twice adds nothing");
    assert_eq!(copy, original);

    for (foreign, kind) in [
        (json!({"hello": "world"}), BackupErrorKind::NotABackup),
        (json!([1, 2]), BackupErrorKind::NotABackup),
        (json!({"format": "foot-triage-diary", "schema": 9}), BackupErrorKind::OtherVersion),
        (json!({"format": "foot-triage-diary", "schema": 1, "shoes": []}), BackupErrorKind::MissingList),
        (
            json!({"format": "foot-triage-diary", "schema": 1, "shoes": [], "entries": [7]}),
            BackupErrorKind::UnreadableItem,
        ),
    ] {
        assert_eq!(from_backup(&mut copy, &Json::from(&foreign)).map_err(|e| *e.kind()), Err(kind), "{foreign}");
    }
    let mut broken = serde_json::Value::from(&file);
    broken["entries"][1]["pain_morning"] = json!(42);
    broken["entries"][0]["date"] = json!("2026-12-01");
    let e = from_backup(&mut copy, &Json::from(&broken)).unwrap_err();
    assert_eq!(*e.kind(), BackupErrorKind::UnreadableItem);
    assert!(e.message().starts_with("Entry 2"), "the message names the item: {e}");
    assert_eq!(copy, original, "nothing changed");
}

/// The reminder to export a backup: due when an entry at least a week old is
/// in no backup and no reminder has been given since; kept in the browser's
/// record, never in a backup file.
#[test]
fn a_backup_is_due_once_an_entry_is_a_week_old_and_in_no_backup() {
    // (entry days of November, the last backup, reminded, today, due)
    type Row = (&'static [u32], Option<&'static str>, bool, &'static str, bool);
    let table: [Row; 7] = [
        (&[], None, false, "2026-11-30", false),
        (&[24], None, false, "2026-11-30", false),
        (&[23], None, false, "2026-11-30", true),
        (&[1, 2], Some("2026-11-05"), false, "2026-11-30", false),
        (&[1, 20], Some("2026-11-05"), false, "2026-11-30", true),
        (&[1, 20], Some("2026-11-05"), true, "2026-11-30", false),
        (&[1, 20], Some("2026-11-05"), false, "2026-11-26", false),
    ];
    for (days, backed_up, reminded, today, due) in table {
        let mut d = diary(&days.iter().map(|&n| (n, 2, 5.0)).collect::<Vec<_>>());
        (d.backed_up, d.reminded) = (backed_up.map(day), reminded);
        assert_eq!(d.backup_due(day(today)), due, "{days:?} backed up {backed_up:?}, reminded {reminded}, on {today}");
        let kept = from_record(&to_record(&d)).expect("the record reads back");
        assert_eq!(kept, d, "the record keeps the backup day and the reminder");
        let mut imported = Diary::new();
        from_backup(&mut imported, &to_backup(&d)).unwrap();
        assert_eq!((imported.backed_up, imported.reminded), (None, false), "a backup file carries neither");
    }
}

/// A random diary: up to 40 days within a 60-day window, any pains and distances.
fn arbitrary_diary() -> impl Strategy<Value = Diary> {
    proptest::collection::vec((0i32..60, 0u8..=10, proptest::option::of(0u8..=10), 0.0f64..40.0), 0..40).prop_map(
        |days| {
            let mut d = Diary::new();
            for (offset, morning, after, km) in days {
                let entry = Entry {
                    date: Date(day("2026-10-01").0 + offset),
                    pain_morning: morning,
                    pain_during: None,
                    pain_after: after,
                    distance_km: (km * 10.0).round() / 10.0,
                    shoe: None,
                    note: String::new(),
                };
                let _ = d.add(entry); // a repeated day is refused, as it should be
            }
            d
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever is logged, the review stays within the questionnaire's ranges,
    /// escalation only ever comes from rules, and a return plan keeps to the
    /// 10% rule and never passes the best logged week.
    #[test]
    fn any_diary_reviews_safely(d in arbitrary_diary()) {
        let r = review(kb(), &Answers::new(), &d, day("2026-11-30"));
        if r.assessment.triage > Level::SelfCare {
            prop_assert!(!r.assessment.triage_reasons.is_empty());
            prop_assert!(r.return_plan.is_empty(), "no return while a clinician is needed");
        }
        let best = d.entries().iter().map(|e| d.entries().iter().filter(|x| (0..7).contains(&e.date.days_since(x.date))).map(|x| x.distance_km).sum::<f64>()).fold(0.0, f64::max);
        let distances: Vec<f64> = r.return_plan.iter().filter_map(|w| w.distance_km).collect();
        prop_assert!(distances.windows(2).all(|w| w[1] <= w[0] * 1.1 + 1e-9), "{:?}", distances);
        prop_assert!(distances.iter().all(|x| *x <= best + 1e-9));
        // A worse latest day never lowers the level.
        if let Some(last) = d.entries().last() {
            let mut worse = d.clone();
            let mut e = last.clone();
            e.date = Date(last.date.0 + 1);
            e.pain_morning = 10;
            worse.add(e).unwrap();
            let later = review(kb(), &Answers::new(), &worse, Date(last.date.0 + 1));
            let now = review(kb(), &Answers::new(), &d, last.date);
            prop_assert!(later.assessment.triage >= now.assessment.triage,
                "{:?} then {:?}", now.assessment.triage, later.assessment.triage);
        }
    }

    /// A backup round-trips exactly, and importing any JSON either adds
    /// entries or leaves the diary exactly as it was.
    #[test]
    fn backups_round_trip_and_bad_imports_change_nothing(d in arbitrary_diary(), junk in "[ -~]{0,40}") {
        let mut copy = Diary::new();
        from_backup(&mut copy, &to_backup(&d)).unwrap();
        prop_assert_eq!(&copy, &d);
        let mut target = d.clone();
        let foreign = Json::from(&json!({"format": "foot-triage-diary", "schema": 1, "shoes": [], "entries": [{"date": junk}]}));
        prop_assert!(from_backup(&mut target, &foreign).is_err());
        prop_assert_eq!(&target, &d);
    }
}

fn number(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[test]
fn the_entry_form_reads_units_blanks_and_says_which_field_is_wrong() {
    let today = day("2026-11-21");
    let fields = EntryFields {
        date: "2026-11-20",
        pain_morning: "4",
        pain_during: "",
        pain_after: " 6 ",
        distance: "3,1",
        shoe: "",
        note: "  tight calf  ",
    };
    let e = read_entry(&fields, DistanceUnit::Mi, today, &number).unwrap();
    assert_eq!((e.pain_morning, e.pain_during, e.pain_after), (4, None, Some(6)));
    assert!((e.distance_km - 4.989).abs() < 0.01, "3.1 miles in km: {}", e.distance_km);
    assert_eq!((e.shoe, e.note.as_str()), (None, "tight calf"));
    // A blank distance is a rest day.
    let rest = read_entry(&EntryFields { distance: "", ..fields.clone() }, DistanceUnit::Km, today, &number).unwrap();
    assert_eq!(rest.distance_km, 0.0);

    // One row per way a field can be wrong: the kind of error, and a word the
    // message must contain to name the field.
    let table: Vec<(EntryFields, DiaryErrorKind, &str)> = vec![
        (EntryFields { date: "", ..fields.clone() }, DiaryErrorKind::Date, "day"),
        (EntryFields { date: "2026-11-22", ..fields.clone() }, DiaryErrorKind::FutureDay, "not come yet"),
        (EntryFields { pain_morning: "", ..fields.clone() }, DiaryErrorKind::Pain, "morning"),
        (EntryFields { pain_after: "11", ..fields.clone() }, DiaryErrorKind::Pain, "after-the-run"),
        (EntryFields { pain_during: "2.5", ..fields.clone() }, DiaryErrorKind::Pain, "whole number"),
        (EntryFields { distance: "-3", ..fields.clone() }, DiaryErrorKind::DayDistance, "km"),
    ];
    for (f, kind, names) in table {
        let e = read_entry(&f, DistanceUnit::Km, today, &number).unwrap_err();
        assert_eq!(*e.kind(), kind, "{f:?}");
        assert!(e.message().contains(names), "{e}");
    }
    // What the form reads, the diary still checks (here: the 300 km limit).
    let mut d = Diary::new();
    let far = read_entry(&EntryFields { distance: "900", ..fields.clone() }, DistanceUnit::Km, today, &number).unwrap();
    assert!(d.add(far).is_err());
}

#[test]
fn new_pairs_get_fresh_ids_and_keep_their_retirement_when_changed() {
    let mut d = Diary::new();
    let a = read_shoe(&d, None, " Road pair ", "120", DistanceUnit::Km, &number).unwrap();
    assert_eq!((a.id.as_str(), a.name.as_str(), a.start_km), ("shoe-1", "Road pair", 120.0));
    d.save_shoe(a).unwrap();
    assert_eq!(read_shoe(&d, None, "Trail", "", DistanceUnit::Km, &number).unwrap().id, "shoe-2");
    d.set_retired("shoe-1", true).unwrap();
    let renamed = read_shoe(&d, Some("shoe-1"), "Old road pair", "10", DistanceUnit::Mi, &number).unwrap();
    assert!(renamed.retired && (renamed.start_km - 16.09).abs() < 0.01);
    let e = read_shoe(&d, None, "x", "lots", DistanceUnit::Km, &number).unwrap_err();
    assert_eq!((*e.kind(), e.message().contains("in km")), (DiaryErrorKind::ShoeDistance, true), "{e}");
    assert_eq!(d.set_retired("nope", true).map_err(|e| *e.kind()), Err(DiaryErrorKind::NoSuchPair));
    let nameless = Shoe { id: "b".into(), name: " ".into(), start_km: 0.0, retired: false };
    assert_eq!(d.save_shoe(nameless).map_err(|e| *e.kind()), Err(DiaryErrorKind::ShoeName));
}

#[test]
fn the_text_summary_carries_the_triage_the_diary_and_the_shoes() {
    let mut d = diary(&[(10, 4, 5.0), (12, 4, 0.0), (14, 5, 6.0), (16, 4, 0.0), (18, 4, 0.0), (20, 4, 0.0)]);
    d.save_shoe(Shoe { id: "a".into(), name: "Road pair".into(), start_km: 650.0, retired: false }).unwrap();
    d.edit(day("2026-11-14"), Entry { shoe: Some("a".into()), note: "hilly".into(), ..entry("2026-11-14", 5, 6.0) })
        .unwrap();
    let r = review(kb(), &heel_pain(), &d, day("2026-11-21"));
    let text = plain_text(kb(), &d, &r, DistanceUnit::Km);
    assert!(text.starts_with("FOOT TRIAGE SUMMARY"), "{text}");
    assert!(text.contains("RECOVERY DIARY (6 entries)\nPain about the same (4 to 4) over 10 days."), "{text}");
    assert!(text.contains("- 14 Nov 2026: pain morning 5, during -, after -; 6 km; Road pair; \"hilly\""), "{text}");
    assert!(text.contains("SHOES\n- Road pair: 656 km."), "{text}");
    // The diary's own answers are part of the triage it reports.
    assert!(text.contains("RESULT:") && r.merged.get("pain_trend").is_some(), "{text}");
}
