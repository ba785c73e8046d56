//! The shapes of the knowledge files. Field names match the TOML keys that a
//! clinician edits; `knowledge/README.md` explains each one.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::formula::Formula;

/// Everything in `knowledge/*.toml`, merged.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Knowledge {
    pub meta: Meta,
    #[serde(rename = "source", default)]
    pub sources: Vec<Source>,
    #[serde(rename = "level", default)]
    pub levels: Vec<LevelInfo>,
    #[serde(rename = "question", default)]
    pub questions: Vec<Question>,
    #[serde(rename = "fact", default)]
    pub facts: Vec<Fact>,
    #[serde(rename = "rule", default)]
    pub rules: Vec<Rule>,
    #[serde(rename = "condition", default)]
    pub conditions: Vec<Condition>,
    #[serde(rename = "section", default)]
    pub sections: Vec<Section>,
    #[serde(rename = "advice", default)]
    pub advice: Vec<Advice>,
    #[serde(rename = "safety_net", default)]
    pub safety_net: Vec<SafetyNet>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Meta {
    /// The content version, printed in every assessment.
    pub version: String,
    /// The not-a-diagnosis notice that every result carries.
    pub notice: String,
    /// What to do in an emergency, shown before any question.
    pub emergency: String,
    /// The notice shown when a rule or condition says to stop running.
    pub stop_running: String,
    /// Scoring thresholds for the ranked differential.
    pub ranking: RankingTuning,
    /// Bounds for the adaptive questionnaire.
    pub flow: FlowTuning,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
pub struct FlowTuning {
    /// The most questions the adaptive flow asks before it stops.
    pub max_questions: usize,
    /// Stop asking detail questions once the leader is this far ahead.
    pub stop_margin: i32,
    /// ... and has at least this score.
    pub stop_min_score: i32,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// `article` (one of the five source files), `guideline` or `reference`.
    pub kind: String,
}

/// Provenance, flattened into every reviewable item.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Provenance {
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub last_reviewed: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    SelfCare,
    Soon,
    Urgent,
    Emergency,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::SelfCare, Level::Soon, Level::Urgent, Level::Emergency];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::SelfCare => "self_care",
            Level::Soon => "soon",
            Level::Urgent => "urgent",
            Level::Emergency => "emergency",
        }
    }
}

/// What a triage level means for the runner, in plain words.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct LevelInfo {
    pub id: Level,
    pub title: String,
    /// The action headline, such as "See a clinician today".
    pub action: String,
    pub timeframe: String,
    /// The headline used instead of `action` when the ambulance flag is set.
    #[serde(default)]
    pub ambulance_action: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Single,
    Multi,
    Number,
}

/// The answer to a yes/no question that is the worrying one; "not sure" is
/// read as this answer by every formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Concerning {
    Yes,
    No,
}

/// The order in which the adaptive flow considers questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Asked first, always (when their gate is open): danger signs.
    RedFlag,
    /// Where it hurts.
    Location,
    /// How it started and how long ago: always asked.
    Story,
    /// Asked only when they help tell the remaining candidates apart.
    Detail,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub phase: Phase,
    /// The question as the runner reads it.
    pub text: String,
    /// A short label for summaries ("Fever").
    pub label: String,
    /// Why we ask, in one or two sentences.
    pub why: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub options: Vec<QuestionOption>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub concerning: Option<Concerning>,
    /// When the question is worth asking; `true` if absent.
    #[serde(default)]
    pub ask_when: Formula,
    /// Values the flow tries when judging how much a number question would
    /// tell apart; ignored for other kinds.
    #[serde(default)]
    pub probes: Vec<f64>,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct QuestionOption {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
}

/// A named formula that rules, features and gates can use by name.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Fact {
    pub id: String,
    pub when: Formula,
    pub description: String,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// One row of the triage decision table. Hit policy: every rule whose `when`
/// holds fires, and the highest level among them wins.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Rule {
    pub id: String,
    /// `red_flag`, `ottawa`, `duration`, `condition` or `default`.
    pub kind: String,
    pub level: Level,
    #[serde(default)]
    pub ambulance: bool,
    /// The advice includes "stop running until seen" when this rule fires.
    #[serde(default)]
    pub stop_running: bool,
    pub when: Formula,
    /// Why this answer pattern sets the level, in plain words.
    pub reason: String,
    /// The condition this rule raises suspicion of, if any.
    #[serde(default)]
    pub suspects: Option<String>,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(rename = "where")]
    pub location_text: String,
    pub helps: String,
    pub seek_care: String,
    /// Pain locations and the weight each adds when it is marked.
    #[serde(default)]
    pub locations: BTreeMap<String, i32>,
    #[serde(default)]
    pub prior: i32,
    /// The lowest triage level whenever this condition's score reaches
    /// `meta.ranking.floor_min_score`, whatever its rank.
    pub floor: Level,
    #[serde(default)]
    pub stop_running: bool,
    #[serde(default, rename = "feature")]
    pub features: Vec<Feature>,
    /// Advice ids this condition's plan draws on.
    #[serde(default)]
    pub advice: Vec<String>,
    #[serde(flatten)]
    pub provenance: Provenance,
}

/// Evidence for (positive weight) or against (negative weight) a condition.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Feature {
    pub when: Formula,
    pub weight: i32,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
pub struct Dose {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sets: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_minutes: Option<u32>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub per_side: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times_per_day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Advice {
    pub id: String,
    pub section: String,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub dose: Dose,
    #[serde(default)]
    pub caution: Option<String>,
    /// The triage levels at which this item may appear.
    pub levels: Vec<Level>,
    /// Shown whatever the conditions are (still subject to `levels`, `when`
    /// and `not_for`).
    #[serde(default)]
    pub general: bool,
    #[serde(default)]
    pub when: Formula,
    /// Never shown while one of these conditions is suspected.
    #[serde(default)]
    pub not_for: Vec<String>,
    #[serde(flatten)]
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct SafetyNet {
    pub id: String,
    pub text: String,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub when: Formula,
    #[serde(flatten)]
    pub provenance: Provenance,
}
