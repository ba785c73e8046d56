//! Reads the compact binary form of the knowledge base that `build.rs` writes
//! (with `build/compact.rs`). Text is borrowed straight from the embedded
//! bytes, so start-up allocates only the lists.
//!
//! The format follows the model's declarations, with no names or tags:
//! - integers are LEB128 varints (signed ones zigzag-encoded), `f64` is eight
//!   little-endian bytes, `bool` one byte;
//! - text is a varint byte length and the UTF-8 bytes;
//! - `Option` is a 0 byte, or a 1 byte and the value;
//! - a list is a varint count and the items; a tuple or struct is its fields
//!   in declaration order;
//! - an enum is its variant's index in declaration order, then its fields.
//!
//! The reader is written by hand, field by field, because a derived
//! `Deserialize` costs the wasm bundle far more code. If it ever drifted from
//! the model, the test that compares the embedded knowledge with the folder
//! read from disk would fail. It never panics: reading past the end yields
//! zeros and empty text, and `read` reports the mismatch.

use std::borrow::Cow;

use super::formula::{CmpOp, Expr, Formula};
use super::model::*;

/// Occurs when the bytes do not decode to exactly one knowledge base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompactError;

/// Decodes a whole knowledge base.
pub fn read(bytes: &'static [u8]) -> Result<Knowledge, CompactError> {
    let mut r = Reader { bytes, at: 0, ok: true };
    let knowledge = Knowledge {
        meta: meta(&mut r),
        sources: r.list(|r| Source { id: r.text(), title: r.text(), kind: r.text(), grade: r.text() }),
        levels: r.list(|r| LevelInfo {
            id: level(r),
            title: r.text(),
            action: r.text(),
            timeframe: r.text(),
            ambulance_action: r.option(Reader::text),
            source: r.text(),
            last_reviewed: r.text(),
        }),
        questions: r.list(question),
        groups: r.list(|r| Group { id: r.text(), title: r.text(), help: r.option(Reader::text) }),
        facts: r.list(|r| Fact {
            id: r.text(),
            when: formula(r),
            description: r.text(),
            source: r.text(),
            last_reviewed: r.text(),
        }),
        rules: r.list(rule),
        conditions: r.list(condition),
        sections: r.list(|r| Section {
            id: r.text(),
            title: r.text(),
            tool: r.option(|r| if r.varint() == 0 { Tool::ShoeCheck } else { Tool::LoadPlan }),
            today: r.u32(),
        }),
        advice: r.list(advice),
        safety_net: r.list(|r| SafetyNet {
            id: r.text(),
            text: r.text(),
            levels: r.list(level),
            when: formula(r),
            source: r.text(),
            last_reviewed: r.text(),
        }),
        contradictions: r.list(|r| Contradiction {
            id: r.text(),
            stop_running: r.bool(),
            when: formula(r),
            excludes: r.list(Reader::text),
            reason: r.text(),
            source: r.text(),
            last_reviewed: r.text(),
        }),
        views: r.list(|r| FootView {
            id: r.text(),
            label: r.text(),
            view_box: r.text(),
            outline: r.text(),
            landmarks: r.list(Reader::text),
        }),
        regions: r.list(|r| Region {
            option: r.text(),
            view: r.text(),
            shapes: r.list(|r| [0; 4].map(|_| r.varint() as u16)),
            path: r.option(Reader::text),
        }),
        care_regions: r.list(|r| CareRegion {
            id: r.text(),
            name: r.text(),
            number: r.option(Reader::text),
            fallback: r.bool(),
            emergency: r.text(),
            urgent: r.text(),
            soon: r.text(),
            clot: r.text(),
            diabetic: r.text(),
            out_of_hours: r.text(),
            status: r.text(),
            source: r.text(),
            last_reviewed: r.text(),
        }),
    };
    if r.ok && r.at == bytes.len() { Ok(knowledge) } else { Err(CompactError) }
}

struct Reader {
    bytes: &'static [u8],
    at: usize,
    /// Cleared by any read past the end or any invalid text.
    ok: bool,
}

impl Reader {
    fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => {
                self.ok = false;
                0
            }
        }
    }

    fn varint(&mut self) -> u64 {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        value
    }

    fn u32(&mut self) -> u32 {
        self.varint() as u32
    }

    fn i32(&mut self) -> i32 {
        let v = self.varint();
        ((v >> 1) as i64 ^ -((v & 1) as i64)) as i32
    }

    fn f64(&mut self) -> f64 {
        let mut raw = [0u8; 8];
        raw.iter_mut().for_each(|b| *b = self.byte());
        f64::from_le_bytes(raw)
    }

    fn bool(&mut self) -> bool {
        self.byte() != 0
    }

    fn text(&mut self) -> Text {
        let len = self.varint() as usize;
        let bytes: &'static [u8] = self.bytes;
        let slice = bytes.get(self.at..self.at.saturating_add(len));
        self.at = self.at.saturating_add(len);
        match slice.and_then(|s| std::str::from_utf8(s).ok()) {
            Some(s) => Cow::Borrowed(s),
            None => {
                self.ok = false;
                Cow::Borrowed("")
            }
        }
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Reader) -> T) -> Option<T> {
        (self.byte() != 0).then(|| read(self))
    }

    fn list<T: Clone>(&mut self, mut read: impl FnMut(&mut Reader) -> T) -> List<T> {
        let count = self.varint() as usize;
        // A corrupt count must not reserve memory it can never fill.
        let mut items = Vec::with_capacity(count.min(self.bytes.len() - self.at.min(self.bytes.len())));
        for _ in 0..count {
            if !self.ok {
                break;
            }
            items.push(read(self));
        }
        Cow::Owned(items)
    }
}

fn meta(r: &mut Reader) -> Meta {
    Meta {
        version: r.text(),
        notice: r.text(),
        emergency: r.text(),
        stop_running: r.text(),
        incomplete: r.text(),
        call_number: r.text(),
        call_local: r.text(),
        ranking: RankingTuning {
            strong: r.i32(),
            possible: r.i32(),
            location_miss: r.i32(),
            floor_min_score: r.i32(),
            evidence_min: r.i32(),
            listed_min: r.varint() as usize,
            listed_max: r.varint() as usize,
            suspected: r.varint() as usize,
            typical_place: r.i32(),
        },
        flow: FlowTuning {
            max_screens: r.varint() as usize,
            shortlist: r.varint() as usize,
            temperature: r.f64(),
            sign_rate: r.f64(),
            min_information: r.f64(),
            min_level_chance: r.f64(),
            level_weight: r.f64(),
            stop_probability: r.f64(),
        },
        shoes: ShoeLife { check_km: r.u32(), replace_km: r.u32(), source: r.text(), last_reviewed: r.text() },
        load: LoadRule {
            max_weekly_increase_percent: r.u32(),
            big_spike_percent: r.u32(),
            weeks: r.u32(),
            source: r.text(),
            last_reviewed: r.text(),
        },
        diary: DiaryRules {
            trend_entries: r.u32(),
            trend_points: r.u32(),
            return_max_pain: r.u32(),
            return_start_percent: r.u32(),
            return_max_weeks: r.u32(),
            source: r.text(),
            last_reviewed: r.text(),
        },
        source: r.text(),
        last_reviewed: r.text(),
    }
}

/// Reads an enum index; an index past the last variant gives the last one
/// and marks the data as bad.
fn pick<T: Copy>(r: &mut Reader, variants: &[T]) -> T {
    let index = r.varint() as usize;
    if index >= variants.len() {
        r.ok = false;
    }
    variants[index.min(variants.len() - 1)]
}

fn level(r: &mut Reader) -> Level {
    pick(r, &Level::ALL)
}

fn question(r: &mut Reader) -> Question {
    Question {
        id: r.text(),
        kind: pick(r, &[QuestionKind::YesNo, QuestionKind::Single, QuestionKind::Multi, QuestionKind::Number]),
        phase: pick(r, &[Phase::RedFlag, Phase::Location, Phase::Story, Phase::Detail, Phase::Diary]),
        text: r.text(),
        label: r.text(),
        why: r.text(),
        help: r.option(Reader::text),
        options: r.list(|r| QuestionOption {
            id: r.text(),
            label: r.text(),
            help: r.option(Reader::text),
            drawn: r.bool(),
        }),
        min: r.option(Reader::f64),
        max: r.option(Reader::f64),
        unit: r.option(Reader::text),
        unit_one: r.option(Reader::text),
        concerning: r.option(|r| pick(r, &[Concerning::Yes, Concerning::No])),
        escalates: r.bool(),
        since: r.u32(),
        role: r.option(|r| pick(r, &QuestionRole::ALL)),
        group: r.option(Reader::text),
        item: r.option(Reader::text),
        absent: r.option(Reader::text),
        control: r.option(|r| pick(r, &[Control::FootMap])),
        ask_when: formula(r),
        required_when: formula(r),
        probes: r.list(Reader::f64),
        source: r.text(),
        last_reviewed: r.text(),
    }
}

fn rule(r: &mut Reader) -> Rule {
    Rule {
        id: r.text(),
        kind: pick(
            r,
            &[
                RuleKind::RedFlag,
                RuleKind::Ottawa,
                RuleKind::Duration,
                RuleKind::Condition,
                RuleKind::Context,
                RuleKind::Default,
            ],
        ),
        level: level(r),
        ambulance: r.bool(),
        stop_running: r.bool(),
        when: formula(r),
        reason: r.text(),
        action: r.option(Reader::text),
        suspects: r.option(Reader::text),
        source: r.text(),
        last_reviewed: r.text(),
    }
}

fn condition(r: &mut Reader) -> Condition {
    Condition {
        id: r.text(),
        name: r.text(),
        description: r.text(),
        location_text: r.text(),
        helps: r.text(),
        seek_care: r.text(),
        possible_care: r.option(Reader::text),
        locations: r.list(|r| (r.text(), r.i32())),
        prior: r.i32(),
        floor: level(r),
        stop_running: r.bool(),
        features: r.list(|r| Feature { when: formula(r), weight: r.i32(), reason: r.text() }),
        advice: r.list(Reader::text),
        review: r.option(|r| Review { when: formula(r), reason: r.text(), source: r.text(), last_reviewed: r.text() }),
        source: r.text(),
        last_reviewed: r.text(),
    }
}

fn advice(r: &mut Reader) -> Advice {
    Advice {
        id: r.text(),
        section: r.text(),
        title: r.text(),
        summary: r.text(),
        steps: r.list(Reader::text),
        dose: Dose {
            hold_seconds: r.option(Reader::u32),
            reps: r.option(Reader::u32),
            sets: r.option(Reader::u32),
            minutes: r.option(Reader::u32),
            max_minutes: r.option(Reader::u32),
            per_side: r.bool(),
            times_per_day: r.option(Reader::u32),
        },
        caution: r.option(Reader::text),
        levels: r.list(level),
        general: r.bool(),
        when: formula(r),
        not_for: r.list(Reader::text),
        traits: r.list(Reader::text),
        ambulance: r.option(Reader::bool),
        role: r.option(|r| pick(r, &AdviceRole::ALL)),
        source: r.text(),
        last_reviewed: r.text(),
    }
}

fn formula(r: &mut Reader) -> Formula {
    Formula { text: r.text(), expr: expr(r) }
}

fn expr(r: &mut Reader) -> Expr {
    match r.varint() {
        0 => Expr::True,
        1 => Expr::Is(r.text(), r.text()),
        2 => Expr::In(r.text(), r.list(Reader::text)),
        3 => Expr::Has(r.text(), r.list(Reader::text)),
        4 => Expr::Within(r.text(), r.list(Reader::text)),
        5 => Expr::Cmp(r.text(), pick(r, &[CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge, CmpOp::Eq]), r.f64()),
        6 => Expr::Answered(r.text()),
        7 => Expr::Name(r.text()),
        8 => Expr::Not(Box::new(expr(r))),
        9 => Expr::And(r.list(expr)),
        10 => Expr::Or(r.list(expr)),
        11 => Expr::Invalid(r.text()),
        _ => {
            r.ok = false;
            Expr::Invalid(Cow::Borrowed("unreadable formula"))
        }
    }
}
