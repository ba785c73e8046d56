//! The knowledge's settings (`knowledge/meta.toml`): the notices every
//! result carries, the tuning of the ranking and the flow, the calculators'
//! and the diary's thresholds, and the sources the knowledge cites.

use serde::{Deserialize, Serialize};

use super::Text;

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Meta {
    /// The content version, printed in every assessment.
    pub version: Text,
    /// The not-a-diagnosis notice that every result carries.
    pub notice: Text,
    /// What to do in an emergency, shown before any question.
    pub emergency: Text,
    /// The notice shown when a rule or condition says to stop running.
    pub stop_running: Text,
    /// Shown instead of a result when no danger-sign question was answered.
    pub incomplete: Text,
    /// How `{care.call}` reads when the emergency number is known: "on
    /// {number}".
    pub call_number: Text,
    /// How it reads when it is not: "on your local emergency number".
    pub call_local: Text,
    /// Scoring thresholds for the ranked differential.
    pub ranking: RankingTuning,
    /// Bounds for the adaptive questionnaire.
    pub flow: FlowTuning,
    /// The shoe-life range the shoe check compares against.
    pub shoes: ShoeLife,
    /// The weekly-increase limit the training-load calculator applies.
    pub load: LoadRule,
    /// How the recovery diary reads a trend and when it unlocks a return.
    pub diary: DiaryRules,
    /// Where the notice, the emergency text and the other texts above come
    /// from, and when a clinician last checked them.
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// The recovery diary's thresholds (see `crate::diary`).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct DiaryRules {
    /// How many of the first and of the latest entries are averaged to tell
    /// a trend.
    pub trend_entries: u32,
    /// A rise of at least this many points (0 to 10) is "worsening"; a fall
    /// of at least this many is "improving".
    pub trend_points: u32,
    /// A return to running is offered when the latest entries are all at or
    /// below this pain.
    pub return_max_pain: u32,
    /// The first return week's distance, as a percentage of the weekly
    /// distance before the pain.
    pub return_start_percent: u32,
    /// The longest return plan shown, in weeks.
    pub return_max_weeks: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ShoeLife {
    /// From this distance, check the shoes for wear.
    pub check_km: u32,
    /// Replace the shoes by this distance at the latest.
    pub replace_km: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct LoadRule {
    /// The largest rise in weekly distance from one week to the next.
    pub max_weekly_increase_percent: u32,
    /// A rise over two weeks beyond this has been linked to injury.
    pub big_spike_percent: u32,
    /// How many weeks the calculator plans; the last one is lighter.
    pub weeks: u32,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct RankingTuning {
    /// A condition at or above this score is a "strong match".
    pub strong: i32,
    /// A condition at or above this score is a "possible match"; below it,
    /// "less likely". Conditions below it never select advice.
    pub possible: i32,
    /// Weight added when the pain is at one of a condition's places is given
    /// per place; this is what is taken away when none of them match.
    pub location_miss: i32,
    /// A condition applies its triage floor when its own score reaches this.
    pub floor_min_score: i32,
    /// A condition with an urgent or emergency floor counts as "possible"
    /// (and sets one level below its floor) only when at least this much of
    /// its score comes from its features, not from where it hurts.
    pub evidence_min: i32,
    /// How many conditions a result always lists (the literature's top
    /// three), and at most how many with real support.
    pub listed_min: usize,
    pub listed_max: usize,
    /// How many of the leading conditions shape the plan.
    pub suspected: usize,
    /// A place with at least this weight is "typical" for a condition (named
    /// when none was marked).
    pub typical_place: i32,
}

/// How the adaptive flow weighs and stops (see `engine::flow` and
/// `knowledge/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct FlowTuning {
    /// The most screens the flow shows before it stops.
    pub max_screens: usize,
    /// How many leading conditions the question choice compares.
    pub shortlist: usize,
    /// Score points per factor of e between two conditions' probabilities.
    pub temperature: f64,
    /// How often a runner has a sign the leading causes do not predict.
    pub sign_rate: f64,
    /// Bits of information a question must be expected to give to be asked
    /// for the ranking's sake.
    pub min_information: f64,
    /// The chance a question must have of raising the level to be asked for
    /// the level's sake.
    pub min_level_chance: f64,
    /// What one step of the level is worth, in bits, when choosing.
    pub level_weight: f64,
    /// The leading cause's probability at which the causes count as clearly
    /// separated.
    pub stop_probability: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    /// `article` (one of the five source files), `guideline` or `reference`.
    pub kind: Text,
    /// The evidence behind it: `guideline`, `review`, `study`,
    /// `patient_information`, `consumer_article`, `commercial_article` or
    /// `digest` (see `knowledge/meta.toml`).
    #[serde(default)]
    pub grade: Text,
}
