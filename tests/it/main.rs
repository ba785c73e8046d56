//! The one native test binary. Every test goes through a public boundary:
//! the engine (`assess`, `next_question`, the calculators, the danger-sign
//! check), the knowledge in a language or a region, the linter and the case
//! runner, the diary, FHIR, the embed options and saved records, or the CLI
//! binary.

mod answers;
mod cases;
mod cli;
mod danger_check;
mod diary;
mod embed;
mod fhir;
mod flow;
mod formula;
mod hazards;
mod json;
mod knowledge;
mod languages;
mod properties;
mod regions;
mod review;
mod soundness;
mod support;
mod tools;
