//! The triage decision table: its rules, their kinds, and the named facts
//! that rules, features and gates share.

use serde::{Deserialize, Serialize};

use super::{Formula, Level, Text};

/// A named formula that rules, features and gates can use by name.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Fact {
    pub id: Text,
    pub when: Formula,
    pub description: Text,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// What a rule is, for a reader and for the engine: a `default` rule (the
/// catch-all) speaks only when no other rule explains the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A danger sign.
    RedFlag,
    /// An Ottawa check (or a bone check after an injury).
    Ottawa,
    /// How long it has lasted, and whether it is improving.
    Duration,
    /// A condition's pattern (a stress fracture, a floor).
    Condition,
    /// Why home care is right despite a finding.
    Context,
    /// The catch-all.
    Default,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::RedFlag => "red_flag",
            RuleKind::Ottawa => "ottawa",
            RuleKind::Duration => "duration",
            RuleKind::Condition => "condition",
            RuleKind::Context => "context",
            RuleKind::Default => "default",
        }
    }
}

/// One row of the triage decision table. Hit policy: every rule whose `when`
/// holds fires, and the highest level among them wins.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Rule {
    pub id: Text,
    pub kind: RuleKind,
    pub level: Level,
    #[serde(default)]
    pub ambulance: bool,
    /// The advice includes "stop running until seen" when this rule fires.
    #[serde(default)]
    pub stop_running: bool,
    pub when: Formula,
    /// Why this answer pattern sets the level, in plain words.
    pub reason: Text,
    /// Where to go, when this rule needs a more specific place than its
    /// level's action (a suspected clot needs somewhere that can scan it).
    /// Used when the rule leads the reasons at the final level.
    #[serde(default)]
    pub action: Option<Text>,
    /// The condition this rule raises suspicion of, if any.
    #[serde(default)]
    pub suspects: Option<Text>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}
