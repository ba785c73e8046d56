//! The conditions the ranking scores: their places, features, floors and
//! review timings.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Formula, Level, List, Text};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Condition {
    pub id: Text,
    pub name: Text,
    pub description: Text,
    #[serde(rename = "where")]
    pub location_text: Text,
    pub helps: Text,
    pub seek_care: Text,
    /// What to do while the condition is only possible and the level is
    /// below its floor: the signs that would call for going sooner, so a
    /// result never names two destinations. Required above a self-care floor.
    #[serde(default)]
    pub possible_care: Option<Text>,
    /// Pain locations and the weight each adds when it is marked.
    #[serde(default, deserialize_with = "locations_from_table")]
    pub locations: List<(Text, i32)>,
    #[serde(default)]
    pub prior: i32,
    /// The lowest triage level whenever this condition's score reaches
    /// `meta.ranking.floor_min_score`, whatever its rank.
    pub floor: Level,
    #[serde(default)]
    pub stop_running: bool,
    #[serde(default, rename = "feature")]
    pub features: List<Feature>,
    /// Advice ids this condition's plan draws on.
    #[serde(default)]
    pub advice: List<Text>,
    /// When home care has had its chance, for a condition managed at home:
    /// required at a self-care floor.
    #[serde(default)]
    pub review: Option<Review>,
    #[serde(default)]
    pub source: Text,
    #[serde(default)]
    pub last_reviewed: Text,
}

/// When a self-managed condition should be seen after all: while the
/// condition is a possible cause (its own score, never its rank) and `when`
/// holds, the level is at least `soon`, with `reason`. The timing comes from
/// primary guidance for the condition (its own `source` and date).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub when: Formula,
    pub reason: Text,
    pub source: Text,
    pub last_reviewed: Text,
}

/// Evidence for (positive weight) or against (negative weight) a condition.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Feature {
    pub when: Formula,
    pub weight: i32,
    pub reason: Text,
}

/// Reads `locations = { heel_bottom = 4, arch = 2 }` into pairs, in the
/// table's key order (TOML and JSON tables both arrive sorted by key here).
fn locations_from_table<'de, D: serde::Deserializer<'de>>(d: D) -> Result<List<(Text, i32)>, D::Error> {
    let table = std::collections::BTreeMap::<String, i32>::deserialize(d)?;
    Ok(Cow::Owned(table.into_iter().map(|(k, v)| (Cow::Owned(k), v)).collect()))
}
