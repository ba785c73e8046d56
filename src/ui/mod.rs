//! The widget: Yew components that render what the engine decides. **No
//! clinical rule, threshold or wording lives here**; every question, level,
//! reason, advice item and calculator result comes from the engine.
//!
//! One file per screen or control: `embed` (what `embed.js` calls), `app`
//! (shell), `state` (the reducer), `start`, `question_card` (+ `foot_map`),
//! `review`, `results` (+ `plan`, `tools`, `calculators`, `handoff`),
//! `memory` and `storage` (saving with consent, through `js_json`) and `crash`
//! (the calm error screen).

mod app;
mod calculators;
pub mod crash;
pub mod diary;
mod diary_link;
mod embed;
pub mod foot_map;
mod handoff;
pub mod js_json;
mod memory;
mod number;
mod plan;
mod question_card;
mod results;
mod review;
mod start;
mod state;
mod storage;
pub mod tools;

pub use app::{App, AppProps};
pub use diary::{DiaryApp, DiaryProps};
pub use embed::{Mounted, config};
