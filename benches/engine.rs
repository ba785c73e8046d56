//! Criterion benchmarks of the engine's two entry points, on answer sets
//! typical of the case library: a full self-care case, an emergency, and
//! the adaptive flow mid-way through a questionnaire.

use criterion::{Criterion, criterion_group, criterion_main};
use foot_triage::{Answers, KnowledgeBase, assess, next_question};
use std::hint::black_box;

fn answers(kb: &KnowledgeBase, json: &str) -> Answers {
    Answers::from_json(kb, json).expect("bench answers are valid")
}

fn engine(c: &mut Criterion) {
    let kb = KnowledgeBase::embedded();
    let full = answers(
        kb,
        r#"{"injury": "none", "cold_pale_foot": false, "can_bear_weight": true, "fever": false,
            "redness_warmth": false, "diabetes": false, "pain_locations": ["heel_bottom", "arch"],
            "onset": "gradual", "duration_days": 10, "improving_with_rest": true,
            "point_bone_tenderness": false, "numbness_tingling": false, "timing": ["first_steps_morning"],
            "intensity": 4, "weekly_distance_change_pct": 25, "shoe_km": 650, "foot_type": "flat"}"#,
    );
    let emergency = answers(kb, r#"{"cold_pale_foot": true, "pain_locations": ["whole_foot"]}"#);
    let partial = answers(
        kb,
        r#"{"injury": "none", "cold_pale_foot": false, "can_bear_weight": true, "fever": false,
            "redness_warmth": false, "diabetes": false, "pain_locations": ["top_of_foot"],
            "onset": "gradual", "duration_days": 5, "improving_with_rest": false,
            "point_bone_tenderness": false, "numbness_tingling": false}"#,
    );
    c.bench_function("assess/self_care_full", |b| b.iter(|| assess(kb, black_box(&full))));
    c.bench_function("assess/emergency", |b| b.iter(|| assess(kb, black_box(&emergency))));
    c.bench_function("next/empty", |b| b.iter(|| next_question(kb, black_box(&Answers::new()))));
    c.bench_function("next/detail_phase", |b| b.iter(|| next_question(kb, black_box(&partial))));
    // What one screen costs the widget: the next screen, and the assessment
    // the results would show (issue 11's budget is 1 ms for both).
    c.bench_function("screen/next_and_assess_detail", |b| {
        b.iter(|| (next_question(kb, black_box(&partial)), assess(kb, black_box(&partial))))
    });
    // A whole interview of a runner with no warning sign: every screen's
    // `next_question`, the reassuring answer to each question, then `assess`.
    c.bench_function("flow/whole_interview", |b| {
        b.iter(|| {
            let mut given = Answers::new();
            let mut screens = 0;
            loop {
                let next = next_question(kb, &given);
                let questions: Vec<_> = next.questions().into_iter().cloned().collect();
                if questions.is_empty() {
                    break;
                }
                screens += 1;
                for q in questions {
                    let answer = foot_triage::knowledge::usual_answer(&q).unwrap_or(foot_triage::Answer::NotSure);
                    given.set(kb, &q.id, answer).unwrap();
                }
            }
            (screens, assess(kb, &given))
        })
    });
    c.bench_function("parse/answers_json", |b| {
        b.iter(|| Answers::from_json(kb, black_box(r#"{"intensity": 5, "pain_locations": ["arch"], "fever": false}"#)))
    });
}

/// Years of daily logs: the diary review (trend, derived answers, assess,
/// return plan) and a backup import, on 2,000 entries.
fn diary(c: &mut Criterion) {
    use foot_triage::diary::{Date, Diary, Entry, Shoe, from_backup, review, to_backup};
    let kb = KnowledgeBase::embedded();
    let mut d = Diary::new();
    d.save_shoe(Shoe { id: "a".into(), name: "Road pair".into(), start_km: 0.0, retired: false }).unwrap();
    let start = Date::parse("2021-06-01").unwrap();
    for n in 0..2_000 {
        let pain = (n % 7) as u8;
        let entry = Entry {
            date: Date(start.0 + n),
            pain_morning: pain,
            pain_during: Some(pain / 2),
            pain_after: None,
            distance_km: f64::from(n % 12),
            shoe: Some("a".into()),
            note: String::new(),
        };
        d.add(entry).unwrap();
    }
    let today = Date(start.0 + 2_000);
    let given = answers(kb, r#"{"injury": "none", "pain_locations": ["heel_bottom"]}"#);
    c.bench_function("diary/review_2000_entries", |b| b.iter(|| review(kb, black_box(&given), black_box(&d), today)));
    let file = to_backup(&d);
    c.bench_function("diary/import_2000_entries", |b| {
        b.iter(|| {
            let mut fresh = Diary::new();
            from_backup(&mut fresh, black_box(&file)).unwrap()
        })
    });
}

criterion_group!(benches, engine, diary);
criterion_main!(benches);
