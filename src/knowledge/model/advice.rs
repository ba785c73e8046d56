//! What a plan is made of: its sections and tools, the advice items and
//! their doses, the contradictions that hide items, and the safety-net lines.

use serde::{Deserialize, Serialize};

use super::{Formula, Level, List, Text};

/// What the code relies on an advice item for (the diary quotes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdviceRole {
    /// The hint to rotate two pairs of shoes.
    ShoeRotation,
    /// The return-to-running advice the diary's return plan quotes.
    GradualReturn,
}

impl AdviceRole {
    pub const ALL: [AdviceRole; 2] = [AdviceRole::ShoeRotation, AdviceRole::GradualReturn];
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Section {
    pub id: Text,
    pub title: Text,
    /// An interactive tool shown with the section when it is in the plan.
    #[serde(default)]
    pub tool: Option<Tool>,
    /// How many of the section's items the plan at a glance ("today and this
    /// week") shows: those the leading cause lists first.
    #[serde(default)]
    pub today: u32,
}

/// The interactive tools a plan section can carry; the engine computes what
/// they show (`engine::calculators`), the widget only renders it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Compares a pair's distance with `meta.shoes`.
    ShoeCheck,
    /// Turns this week's distance into a plan within `meta.load`.
    LoadPlan,
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
    pub id: Text,
    pub section: Text,
    pub title: Text,
    pub summary: Text,
    #[serde(default)]
    pub steps: List<Text>,
    #[serde(default)]
    pub dose: Dose,
    #[serde(default)]
    pub caution: Option<Text>,
    /// The triage levels at which this item may appear.
    pub levels: List<Level>,
    /// Shown whatever the conditions are (still subject to `levels`, `when`
    /// and `not_for`).
    #[serde(default)]
    pub general: bool,
    #[serde(default)]
    pub when: Formula,
    /// Never shown while one of these conditions is suspected.
    #[serde(default)]
    pub not_for: List<Text>,
    /// What the item asks of the foot (`running`, `barefoot`, `cold`, ...);
    /// a `[[contradiction]]` hides items by these.
    #[serde(default)]
    pub traits: List<Text>,
    /// On an emergency: only with an ambulance (`true`) or only without one
    /// (`false`); either when absent.
    #[serde(default)]
    pub ambulance: Option<bool>,
    /// What the code relies on this item for, if anything.
    #[serde(default)]
    pub role: Option<AdviceRole>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// A situation in which some kinds of advice must never appear: once the
/// runner is told to stop running, no running plan; with diabetes, nothing
/// barefoot. The engine hides every item with an excluded trait.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Contradiction {
    pub id: Text,
    /// Applies whenever the triage says to stop running.
    #[serde(default)]
    pub stop_running: bool,
    /// Applies whenever this holds (never, when absent, unless
    /// `stop_running` is set).
    #[serde(default = "Formula::never")]
    pub when: Formula,
    /// The advice traits never shown while it applies.
    pub excludes: List<Text>,
    /// Why, for a clinician reading the knowledge.
    pub reason: Text,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct SafetyNet {
    pub id: Text,
    pub text: Text,
    pub levels: List<Level>,
    #[serde(default)]
    pub when: Formula,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}
