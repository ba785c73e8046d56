//! Values at the bottom of the ladder: the distance unit a runner uses, and
//! how numbers are printed. Nothing here knows about the knowledge or the
//! engine, so anything above may use it (the embed options, the diary, the
//! calculators, the widget).

use serde::{Deserialize, Serialize};

/// The unit a runner enters distances in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistanceUnit {
    #[default]
    Km,
    Mi,
}

pub const KM_PER_MILE: f64 = 1.609_344;

impl DistanceUnit {
    pub fn to_km(self, distance: f64) -> f64 {
        match self {
            DistanceUnit::Km => distance,
            DistanceUnit::Mi => distance * KM_PER_MILE,
        }
    }

    pub fn from_km(self, km: f64) -> f64 {
        match self {
            DistanceUnit::Km => km,
            DistanceUnit::Mi => km / KM_PER_MILE,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            DistanceUnit::Km => "km",
            DistanceUnit::Mi => "mi",
        }
    }

    /// Reads `km` or `mi` (any case); anything else is `None`.
    pub fn parse(text: &str) -> Option<DistanceUnit> {
        match text.trim().to_ascii_lowercase().as_str() {
            "km" => Some(DistanceUnit::Km),
            "mi" => Some(DistanceUnit::Mi),
            _ => None,
        }
    }
}

/// Prints 12.0 as "12" and 12.46 as "12.5": at most one decimal. Integer
/// arithmetic only, which keeps float formatting out of the wasm bundle.
pub fn trim_number(n: f64) -> String {
    if !n.is_finite() {
        return "?".into();
    }
    let tenths = (n * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 { format!("{sign}{whole}") } else { format!("{sign}{whole}.{tenth}") }
}
