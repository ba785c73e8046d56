//! The shapes of the knowledge files. Field names match the TOML keys that a
//! clinician edits; `knowledge/README.md` explains each one. This module holds
//! the whole (`Knowledge`) and the provenance every reviewable item carries;
//! its submodules hold the items, one kind of item each.

mod advice;
mod care_region;
mod condition;
mod foot_map;
mod level;
mod meta;
mod question;
mod rule;

use serde::{Deserialize, Serialize};

use super::formula::Formula;
pub use super::text::{List, Text};
pub use advice::{Advice, AdviceRole, Contradiction, Dose, SafetyNet, Section, Tool};
pub use care_region::CareRegion;
pub use condition::{Condition, Feature, Review};
pub use foot_map::{FootView, Region};
pub use level::{Level, LevelInfo};
pub use meta::{DiaryRules, FlowTuning, LoadRule, Meta, RankingTuning, ShoeLife, Source};
pub use question::{Concerning, Control, Group, Phase, Question, QuestionKind, QuestionOption, QuestionRole};
pub use rule::{Fact, Rule, RuleKind};

/// Everything in `knowledge/*.toml`, merged.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Knowledge {
    pub meta: Meta,
    #[serde(rename = "source", default)]
    pub sources: List<Source>,
    #[serde(rename = "level", default)]
    pub levels: List<LevelInfo>,
    #[serde(rename = "question", default)]
    pub questions: List<Question>,
    /// Screens that ask several related yes/no questions at once.
    #[serde(rename = "group", default)]
    pub groups: List<Group>,
    #[serde(rename = "fact", default)]
    pub facts: List<Fact>,
    #[serde(rename = "rule", default)]
    pub rules: List<Rule>,
    #[serde(rename = "condition", default)]
    pub conditions: List<Condition>,
    #[serde(rename = "section", default)]
    pub sections: List<Section>,
    #[serde(rename = "advice", default)]
    pub advice: List<Advice>,
    #[serde(rename = "safety_net", default)]
    pub safety_net: List<SafetyNet>,
    /// What a plan must never show in a given situation, by advice trait.
    #[serde(rename = "contradiction", default)]
    pub contradictions: List<Contradiction>,
    /// The foot map's drawings and the places drawn on them
    /// (`knowledge/foot_map.toml`).
    #[serde(rename = "view", default)]
    pub views: List<FootView>,
    #[serde(rename = "region", default)]
    pub regions: List<Region>,
    /// Where a runner in each country is sent at each level
    /// (`knowledge/care_regions.toml`).
    #[serde(rename = "care_region", default)]
    pub care_regions: List<CareRegion>,
}

/// Where a reviewable item comes from and when a clinician last checked it.
/// Each item carries `source` and `last_reviewed` as plain fields (not a
/// flattened struct: serde's `flatten` buffers every item and costs the wasm
/// bundle tens of kilobytes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Provenance<'a> {
    pub source: &'a str,
    pub last_reviewed: &'a str,
}

macro_rules! provenance {
    ($($item:ty),*) => {$(
        impl $item {
            pub fn provenance(&self) -> Provenance<'_> {
                Provenance { source: &self.source, last_reviewed: &self.last_reviewed }
            }
        }
    )*};
}

provenance!(
    Question,
    Fact,
    Rule,
    Condition,
    Advice,
    SafetyNet,
    Contradiction,
    LevelInfo,
    Meta,
    ShoeLife,
    LoadRule,
    DiaryRules,
    Review,
    CareRegion
);

impl Knowledge {
    /// The number a formula names instead of writing it (`shoe_km >=
    /// shoes.check_km`), so a threshold is stated once, in `meta`.
    pub fn constant(&self, name: &str) -> Option<f64> {
        let m = &self.meta;
        Some(f64::from(match name {
            "shoes.check_km" => m.shoes.check_km,
            "shoes.replace_km" => m.shoes.replace_km,
            "load.max_weekly_increase_percent" => m.load.max_weekly_increase_percent,
            "load.big_spike_percent" => m.load.big_spike_percent,
            _ => return None,
        }))
    }

    /// Replaces every named bound in every formula with its number (a name
    /// that is not a constant becomes an invalid formula, which the linter
    /// reports). `build.rs` and the folder loader call it once, so the engine
    /// only ever meets numbers.
    pub fn resolve_constants(&mut self) {
        let values: Vec<(&'static str, Option<f64>)> =
            super::formula::CONSTANTS.iter().map(|&n| (n, self.constant(n))).collect();
        let lookup = |name: &str| values.iter().find(|(n, _)| *n == name).and_then(|(_, v)| *v);
        let fix = |f: &mut Formula| f.expr.resolve(&lookup);
        for q in self.questions.to_mut() {
            fix(&mut q.ask_when);
            fix(&mut q.required_when);
        }
        self.facts.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.rules.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        for c in self.conditions.to_mut() {
            c.features.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        }
        self.advice.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.safety_net.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
        self.contradictions.to_mut().iter_mut().for_each(|x| fix(&mut x.when));
    }
}
