//! The services and emergency number a runner in each country is sent to
//! (`knowledge/care_regions.toml`).

use serde::{Deserialize, Serialize};

use super::Text;

/// The services and the emergency number of one country (or, for the
/// fallback, of none). Clinical texts name them through `{care.<slot>}`
/// placeholders, which [`crate::KnowledgeBase::for_region`] fills, so a
/// runner in Madrid is sent to urgencias and one in Leeds to NHS 111 by the
/// same rule. Each slot is a phrase that fits the sentences quoting it; the
/// file's comments say which.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct CareRegion {
    /// The ISO 3166 code (`GB`, `ES`), or `generic` for the fallback.
    pub id: Text,
    /// Its name in English, for web managers and clinicians (not shown to a
    /// runner).
    pub name: Text,
    /// The emergency number; only the fallback has none.
    #[serde(default)]
    pub number: Option<Text>,
    /// The one region used when the runner's country is unknown or not
    /// covered: it names no country's service.
    #[serde(default)]
    pub fallback: bool,
    /// Where to go now (`{care.emergency}`).
    pub emergency: Text,
    /// Where to be seen today (`{care.urgent}`).
    pub urgent: Text,
    /// Whom to book within days (`{care.soon}`).
    pub soon: Text,
    /// Where a suspected clot can be scanned today (`{care.clot}`).
    pub clot: Text,
    /// Whom a runner with diabetes contacts without a foot service
    /// (`{care.diabetic}`).
    pub diabetic: Text,
    /// Where to go when those are closed (`{care.out_of_hours}`).
    pub out_of_hours: Text,
    /// `draft` until a clinician who works in that country has signed it
    /// off, then `reviewed`.
    pub status: Text,
    pub source: Text,
    pub last_reviewed: Text,
}
