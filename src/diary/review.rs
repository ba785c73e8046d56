//! What the diary says, read through the clinical core. The diary does not
//! triage by itself: it answers the questionnaire's time-dependent questions
//! (`duration_days`, `improving_with_rest`, `weekly_distance_change_pct`,
//! `intensity` and the diary-only `pain_trend`), and `assess` applies the
//! usual rules to them. So pain that is not improving past the core's
//! threshold, a worsening trend or a big rise in distance escalates the
//! assessment with the rule's own reason, and nothing here decides a level.
//!
//! Steady improvement unlocks a gradual return-to-run plan built from the
//! logged distances, within the 10% rule (`meta.diary`, `meta.load`).

use super::{Date, Diary, Entry};
use crate::{
    Answer, Answers, KnowledgeBase, Level,
    engine::{
        Assessment, assess,
        calculators::{ShoeStatus, shoe_check},
    },
    knowledge::{AdviceRole, QuestionRole, Ui},
    units::DistanceUnit,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Steady,
    Worsening,
}

impl Trend {
    /// The `pain_trend` option id.
    pub fn id(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Steady => "steady",
            Trend::Worsening => "worsening",
        }
    }
}

/// One week of a return to running.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnWeek {
    /// 1 for the first week back.
    pub week: u32,
    /// The week's total, in km; `None` when the diary has no distances to
    /// build from (then the plan is run/walk sessions by time).
    pub distance_km: Option<f64>,
    /// Run/walk intervals rather than continuous running.
    pub run_walk: bool,
}

/// A pair of shoes and its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct ShoeStatusLine {
    pub id: String,
    pub name: String,
    pub km: f64,
    pub status: ShoeStatus,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DiaryReview {
    pub trend: Option<Trend>,
    /// The trend in words, such as "Pain down from 6 to 3 over 12 days."
    pub summary: String,
    /// The questionnaire answers the diary supplies.
    pub answers: Answers,
    /// The runner's answers with the diary's on top: what was assessed, and
    /// what a FHIR QuestionnaireResponse of the diary reports.
    pub merged: Answers,
    /// The assessment of the runner's answers with the diary's on top.
    pub assessment: Assessment,
    /// Offered when the pain is steadily improving and nothing needs a clinician.
    pub return_plan: Vec<ReturnWeek>,
    pub shoes: Vec<ShoeStatusLine>,
    /// Suggests a second pair when fewer than two are in use.
    pub rotate_hint: Option<String>,
}

/// Reviews the diary as of `today`, on top of the runner's questionnaire
/// answers (the diary's time-dependent answers replace theirs).
pub fn review(kb: &KnowledgeBase, answers: &Answers, diary: &Diary, today: Date) -> DiaryReview {
    let entries: Vec<&Entry> = diary.entries().iter().filter(|e| e.date <= today).collect();
    // The trend runs from the first painful day: pain-free days logged
    // before it (which set the distance to return to) say nothing about it.
    let since_pain = &entries[entries.iter().position(|e| e.pain() > 0).unwrap_or(entries.len())..];
    let trend = trend(kb, since_pain);
    let derived = derived_answers(kb, &entries, trend, today);
    let mut merged = answers.clone();
    for (key, answer) in derived.iter() {
        // Every derived answer is checked like any other; none can fail, as
        // they are clamped to their questions' ranges above.
        let _ = merged.set(kb, key, answer.clone());
    }
    let assessment = assess(kb, &merged);
    let return_plan = if trend == Some(Trend::Improving) && assessment.triage == Level::SelfCare {
        return_plan(kb, &entries)
    } else {
        Vec::new()
    };
    let shoes: Vec<ShoeStatusLine> = diary
        .shoes
        .iter()
        .filter(|s| !s.retired)
        .filter_map(|s| {
            let km = diary.shoe_km(s);
            let check = shoe_check(kb, km, DistanceUnit::Km).ok()?;
            Some(ShoeStatusLine {
                id: s.id.clone(),
                name: s.name.clone(),
                km,
                status: check.status,
                message: check.message.to_string(),
            })
        })
        .collect();
    let rotate_hint = (shoes.len() < 2 && !diary.shoes.is_empty())
        .then(|| kb.advice_role(AdviceRole::ShoeRotation).map(|a| a.summary.to_string()))
        .flatten();
    let summary = summary(kb, since_pain, trend);
    DiaryReview { trend, summary, answers: derived, merged, assessment, return_plan, shoes, rotate_hint }
}

/// The average of the worst daily pain over the first and the latest entries
/// (up to `meta.diary.trend_entries` each, never overlapping).
fn ends(kb: &KnowledgeBase, entries: &[&Entry]) -> Option<(f64, f64)> {
    let n = (kb.data.meta.diary.trend_entries as usize).min(entries.len() / 2);
    if n == 0 {
        return None;
    }
    let mean = |es: &[&Entry]| es.iter().map(|e| f64::from(e.pain())).sum::<f64>() / es.len() as f64;
    Some((mean(&entries[..n]), mean(&entries[entries.len() - n..])))
}

fn trend(kb: &KnowledgeBase, entries: &[&Entry]) -> Option<Trend> {
    let (first, last) = ends(kb, entries)?;
    let points = f64::from(kb.data.meta.diary.trend_points);
    Some(if last - first >= points {
        Trend::Worsening
    } else if first - last >= points {
        Trend::Improving
    } else {
        Trend::Steady
    })
}

fn summary(kb: &KnowledgeBase, entries: &[&Entry], trend: Option<Trend>) -> String {
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return kb.ui(Ui::DiaryTrendNone).into();
    };
    let days = last.date.days_since(first.date);
    let one = days == 1;
    let id = match trend {
        None => return kb.ui_with(Ui::DiaryTrendOneEntry, &[("pain", &last.pain().to_string())]),
        Some(Trend::Steady) if one => Ui::DiaryTrendSteadyOne,
        Some(Trend::Steady) => Ui::DiaryTrendSteadyMany,
        Some(Trend::Improving) if one => Ui::DiaryTrendImprovingOne,
        Some(Trend::Improving) => Ui::DiaryTrendImprovingMany,
        Some(Trend::Worsening) if one => Ui::DiaryTrendWorseningOne,
        Some(Trend::Worsening) => Ui::DiaryTrendWorseningMany,
    };
    let (first, last, days) = (first.pain().to_string(), last.pain().to_string(), days.to_string());
    kb.ui_with(id, &[("first", &first), ("last", &last), ("days", &days)])
}

/// Total distance in the seven days ending `end`.
fn week_km(entries: &[&Entry], end: Date) -> f64 {
    entries.iter().filter(|e| (0..7).contains(&end.days_since(e.date))).map(|e| e.distance_km).sum()
}

fn derived_answers(kb: &KnowledgeBase, entries: &[&Entry], trend: Option<Trend>, today: Date) -> Answers {
    let mut out = Answers::new();
    // Each answer goes to the question holding its role; the linter checks
    // the roles and the trend's options, so none of these can fail quietly.
    let mut set = |role: QuestionRole, answer: Answer| {
        let _ = out.set(kb, kb.role_id(role), answer);
    };
    if let Some(first_pain) = entries.iter().find(|e| e.pain() > 0) {
        set(QuestionRole::DiaryDuration, Answer::Number(f64::from(today.days_since(first_pain.date).clamp(0, 3650))));
    }
    if let Some(trend) = trend {
        set(QuestionRole::DiaryTrend, Answer::Choice(trend.id().into()));
        set(QuestionRole::DiaryImproving, if trend == Trend::Improving { Answer::Yes } else { Answer::No });
    }
    if let Some(latest) = entries.last() {
        set(QuestionRole::DiaryIntensity, Answer::Number(f64::from(latest.pain())));
    }
    let (this_week, last_week) = (week_km(entries, today), week_km(entries, Date(today.0 - 7)));
    if last_week > 0.0 {
        let change = ((this_week - last_week) / last_week * 100.0).round().clamp(-100.0, 1000.0);
        set(QuestionRole::DiaryDistanceChange, Answer::Number(change));
    }
    out
}

/// Run/walk first, then at most `meta.load.max_weekly_increase_percent` a
/// week, from `meta.diary.return_start_percent` of the best logged week back
/// up to it.
fn return_plan(kb: &KnowledgeBase, entries: &[&Entry]) -> Vec<ReturnWeek> {
    let rules = &kb.data.meta.diary;
    let calm =
        entries.iter().rev().take(rules.trend_entries as usize).all(|e| u32::from(e.pain()) <= rules.return_max_pain);
    if !calm {
        return Vec::new();
    }
    let best = entries.iter().map(|e| week_km(entries, e.date)).fold(0.0_f64, f64::max);
    let growth = 1.0 + f64::from(kb.data.meta.load.max_weekly_increase_percent) / 100.0;
    let round_down = |d: f64| (d * 10.0 + 1e-9).floor() / 10.0;
    let mut weeks = Vec::new();
    let mut distance = round_down(best * f64::from(rules.return_start_percent) / 100.0);
    for week in 1..=rules.return_max_weeks {
        weeks.push(ReturnWeek { week, distance_km: (best > 0.0).then_some(distance), run_walk: week == 1 });
        if best <= 0.0 || distance >= best {
            break;
        }
        distance = round_down(distance * growth).min(best);
    }
    weeks
}
