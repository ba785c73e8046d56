//! The widget's markup that needs no browser: the frame every screen sits in
//! (the title, the notice bar, the diary button, the consent switch and the
//! live region), the start screen, the consent switch and the diary button,
//! and the danger-sign check for a browser where the wasm cannot run.
//!
//! It is compiled for the widget, and natively with the `prerender` feature:
//! `src/bin/prerender.rs` renders the first screen with Yew's server renderer
//! at build time, so `embed.js` can paint it before the wasm arrives, from the
//! same functions the widget runs. Nothing here may touch a browser API.

mod diary_link;
pub mod fallback;
mod frame;
mod memory;
mod start;

pub use diary_link::diary_link;
pub use frame::{Frame, frame};
pub use memory::{ANSWERS, Kept, Notice, memory};
pub use start::{languages, start};
