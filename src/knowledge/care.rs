//! Where the runner is: the knowledge with its `{care.<slot>}` placeholders
//! filled for one region (`knowledge/care_regions.toml`).
//!
//! A language's knowledge base keeps the placeholders, so one set of words
//! serves every country; the region's knowledge base, built from it once
//! per region and emergency number and then shared like it, is what a runner
//! reads. The levels, the rules and the conditions are the same in every
//! region: only where to go differs.

use std::sync::Mutex;

use super::{CareRegion, KnowledgeBase, Text, catalogue, language::fill};

/// Every slot a clinical text can name, as `{care.<slot>}`.
pub const SLOTS: [&str; 7] = ["call", "emergency", "urgent", "soon", "clot", "diabetic", "out_of_hours"];

/// The region knowledge bases built so far, with what each was built from.
/// Leaked once each, like the language ones.
static BUILT: Mutex<Vec<Built>> = Mutex::new(Vec::new());

struct Built {
    words: &'static KnowledgeBase,
    region: usize,
    number: Option<String>,
    kb: &'static KnowledgeBase,
}

impl KnowledgeBase {
    /// The region `code` names (an ISO 3166 code, any case), else the
    /// fallback, which names no country's service.
    /// (None only for knowledge without regions, which the linter refuses.)
    pub fn care_region(&self, code: &str) -> Option<&CareRegion> {
        self.data.care_regions.get(self.care_region_index(code)?)
    }

    fn care_region_index(&self, code: &str) -> Option<usize> {
        let regions = &self.data.care_regions;
        regions
            .iter()
            .position(|r| !r.fallback && r.id.eq_ignore_ascii_case(code.trim()))
            .or_else(|| regions.iter().position(|r| r.fallback))
    }

    /// The countries with services of their own (every region but the
    /// fallback).
    pub fn countries(&self) -> impl Iterator<Item = &CareRegion> {
        self.data.care_regions.iter().filter(|r| !r.fallback)
    }

    /// The country this knowledge is filled for; None for the fallback and
    /// for a language's knowledge.
    pub fn country(&self) -> Option<&CareRegion> {
        self.region().filter(|r| !r.fallback)
    }

    /// Whether `code` names a region of its own (not the fallback).
    pub fn knows_region(&self, code: &str) -> bool {
        self.care_region(code).is_some_and(|r| !r.fallback)
    }

    /// This knowledge for a runner in `region` (unknown: the fallback), with
    /// `number` (a clinic's own emergency number) in place of the region's.
    /// Built once for each language, region and number, then shared.
    pub fn for_region(&'static self, region: &str, number: Option<&str>) -> &'static KnowledgeBase {
        let Some(index) = self.care_region_index(region) else {
            return self;
        };
        let mut built = BUILT.lock().unwrap_or_else(|e| e.into_inner());
        let number = number.map(str::to_string);
        if let Some(b) = built.iter().find(|b| std::ptr::eq(b.words, self) && b.region == index && b.number == number) {
            return b.kb;
        }
        let kb: &'static KnowledgeBase = Box::leak(Box::new(self.filled(index, number.as_deref())));
        built.push(Built { words: self, region: index, number, kb });
        kb
    }

    fn filled(&self, index: usize, number: Option<&str>) -> KnowledgeBase {
        let region = &self.data.care_regions[index];
        let meta = &self.data.meta;
        let call = match number.or(region.number.as_deref()) {
            Some(number) => fill(&meta.call_number, &[("number", number)]),
            None => meta.call_local.to_string(),
        };
        let values: [(&str, &str); 7] = [
            ("care.call", &call),
            ("care.emergency", &region.emergency),
            ("care.urgent", &region.urgent),
            ("care.soon", &region.soon),
            ("care.clot", &region.clot),
            ("care.diabetic", &region.diabetic),
            ("care.out_of_hours", &region.out_of_hours),
        ];
        // Filling texts changes no id and no formula: the copy keeps this
        // knowledge's indexes rather than building them again.
        let mut kb = self.clone();
        catalogue::visit(&mut kb.data, &mut |_, text| {
            if text.contains("{care.") {
                *text = Text::Owned(fill(text, &values));
            }
        });
        kb.region = Some(index);
        kb
    }

    /// The region this knowledge is filled for; None for a language's
    /// knowledge, whose texts still hold the placeholders.
    pub fn region(&self) -> Option<&CareRegion> {
        self.data.care_regions.get(self.region?)
    }
}
