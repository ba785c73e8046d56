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
    c.bench_function("parse/answers_json", |b| {
        b.iter(|| Answers::from_json(kb, black_box(r#"{"intensity": 5, "pain_locations": ["arch"], "fever": false}"#)))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
