//! The one native test binary. Every test goes through a public boundary:
//! the engine's `assess` and `next_question`, the linter, or the CLI binary.

mod cases;
mod cli;
mod danger_check;
mod diary;
mod embed;
mod fhir;
mod flow;
mod hazards;
mod knowledge;
mod languages;
mod properties;
mod regions;
mod review;
mod soundness;
mod support;
mod tools;
