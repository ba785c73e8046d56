//! The linter's checks of the care regions (`knowledge/care_regions.toml`)
//! and of the `{care.<slot>}` placeholders that name them: a runner must
//! never read an unfilled placeholder, nor a region without a number to call.

use crate::knowledge::{CARE_SLOTS, KnowledgeBase, catalogue};

use super::problem::{Problem, ProblemKind};

pub fn problems(kb: &KnowledgeBase) -> Vec<Problem> {
    let mut found = Vec::new();
    let mut problem = |id: &str, message: String| {
        found.push(Problem { kind: ProblemKind::BadCareRegion, id: id.to_string(), message })
    };
    let regions = &kb.data.care_regions;
    let fallbacks = regions.iter().filter(|r| r.fallback).count();
    if fallbacks != 1 {
        problem("care_region", format!("{fallbacks} regions have `fallback = true`: exactly one must"));
    }
    for (i, r) in regions.iter().enumerate() {
        let iso = r.id.len() == 2 && r.id.bytes().all(|b| b.is_ascii_uppercase());
        if !r.fallback && !iso {
            problem(&r.id, "a region's id is its ISO 3166 code, two capital letters (`ES`)".into());
        }
        if regions[..i].iter().any(|o| o.id.eq_ignore_ascii_case(&r.id)) {
            problem(&r.id, "two regions share this id".into());
        }
        match (&r.number, r.fallback) {
            (Some(_), true) => problem(&r.id, "the fallback names no country, so it has no `number`".into()),
            (None, false) => problem(&r.id, "every country has an emergency `number`".into()),
            (Some(n), false) if !(2..=6).contains(&n.len()) || !n.bytes().all(|b| b.is_ascii_digit()) => {
                problem(&r.id, format!("`number = \"{n}\"` is not 2 to 6 digits"))
            }
            _ => {}
        }
        if !["draft", "reviewed"].contains(&&*r.status) {
            problem(&r.id, format!("`status = \"{}\"`: use `draft` or `reviewed`", r.status));
        }
    }
    let mut data = kb.data.clone();
    catalogue::visit(&mut data, &mut |id, text| {
        for slot in text.match_indices("{care.").filter_map(|(at, _)| text[at + 6..].split('}').next()) {
            if !CARE_SLOTS.contains(&slot) {
                let known = CARE_SLOTS.join(", ");
                problem(&id.to_string(), format!("`{{care.{slot}}}` is not a care slot (use one of: {known})"));
            }
        }
        if id.kind == "care_region" && text.contains('{') {
            problem(&id.to_string(), "a region's own texts cannot name other slots".into());
        }
    });
    found
}
