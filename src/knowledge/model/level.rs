//! The triage levels, and what each one means for the runner.

use serde::{Deserialize, Serialize};

use super::Text;

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

    /// The next lower level (self-care stays self-care).
    pub fn one_below(self) -> Level {
        match self {
            Level::Emergency => Level::Urgent,
            Level::Urgent => Level::Soon,
            Level::Soon | Level::SelfCare => Level::SelfCare,
        }
    }

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
    pub title: Text,
    /// The action headline, such as "See a clinician today".
    pub action: Text,
    pub timeframe: Text,
    /// The headline used instead of `action` when the ambulance flag is set.
    #[serde(default)]
    pub ambulance_action: Option<Text>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

impl LevelInfo {
    /// The headline for this level: the ambulance one when the ambulance
    /// flag is set and the level has one.
    pub fn action_for(&self, ambulance: bool) -> &Text {
        match &self.ambulance_action {
            Some(text) if ambulance => text,
            _ => &self.action,
        }
    }
}
