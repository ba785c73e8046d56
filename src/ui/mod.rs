//! The widget: Yew components that render what the engine decides. **No
//! clinical rule, threshold or wording lives here**; every question, level,
//! reason, advice item and calculator result comes from the engine.
//!
//! One file per screen or control: `app` (shell), `state` (the reducer),
//! `start`, `question_card` (+ `foot_map`), `review`, `results` (+ `plan`,
//! `dose`, `calculators`, `handoff`) and `crash` (the calm error screen).

mod app;
mod calculators;
pub mod crash;
pub mod dose;
pub mod foot_map;
mod handoff;
mod number;
mod plan;
mod question_card;
mod results;
mod review;
mod start;
mod state;

pub use app::{App, AppProps};

/// Mounts the app on the page's `#foot-triage` element (or the body), after
/// installing the panic hook that replaces a crashed widget with a calm
/// error screen.
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    let root = document.as_ref().and_then(|d| d.get_element_by_id("foot-triage"));
    match root {
        Some(root) => {
            crash::install(root.clone());
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            if let Some(body) = document.as_ref().and_then(|d| d.body()) {
                crash::install(body.into());
            }
            yew::Renderer::<App>::new().render();
        }
    }
}
