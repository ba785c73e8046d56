//! The widget: Yew components that render what the engine decides. **No
//! clinical rule, threshold or wording lives here**; every question, level,
//! reason and advice item comes from `assess` and `next_question`.

mod app;
mod question_card;
mod results;

pub use app::App;

/// Mounts the app on the page's `#foot-triage` element, or on the body.
pub fn mount() {
    let document = web_sys::window().and_then(|w| w.document());
    match document.as_ref().and_then(|d| d.get_element_by_id("foot-triage")) {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
