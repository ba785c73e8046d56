//! Foot Triage: on-device triage and education for runners' foot pain.
//!
//! It is triage and education, not a diagnosis. Read in this order:
//! - [`json`], [`units`]: values at the bottom (a small JSON tree, distance
//!   units and number printing);
//! - [`answers`]: the answers contract's values (what goes in);
//! - [`knowledge`]: the clinical content as typed, linted data;
//! - [`engine`]: `assess` and `next_question` (what comes out).
//!
//! **The clinical modules never import yew, web-sys, gloo or wasm-bindgen**:
//! those crates are dependencies only of the wasm32 target and, natively, of
//! the `prerender` feature (for `shell` and the question card), so every
//! native build without it proves the rule.

pub mod answers;
#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod diary;
pub mod engine;
pub mod fhir;
pub mod json;
mod kinded;
pub mod knowledge;
pub mod saved;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod shell;
mod small_sort;
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
pub mod units;
pub mod widget_config;

pub use answers::{Answer, AnswerError, Answers};
pub use engine::{Assessment, Next, assess, next_question};
pub use knowledge::{KnowledgeBase, Level};
