//! The frame of every triage screen. One persistent title, so every screen
//! has a top-level heading and the changing screen below it starts at level
//! two; the live region is always present, so screen readers announce the
//! result when it appears.

use yew::prelude::*;

use crate::{KnowledgeBase, knowledge::Ui};

/// What goes in the frame around the current screen.
pub struct Frame {
    /// The knowledge in the screen's language (its `lang` and words).
    pub kb: &'static KnowledgeBase,
    /// The theme's class (`None` follows the device).
    pub theme: Option<&'static str>,
    /// A notice above the screen ("Welcome back", a refused storage), if any.
    pub notice: Option<String>,
    /// The current screen.
    pub body: Html,
    /// The diary button, where it belongs.
    pub diary: Option<Html>,
    /// The consent switch, where it belongs.
    pub memory: Option<Html>,
    /// What the live region says.
    pub announcement: String,
    /// The frame's element, for the app's focus management.
    pub root: NodeRef,
}

pub fn frame(f: Frame) -> Html {
    html! {
        <div class={classes!("ft-app", f.theme)} lang={f.kb.language()} ref={f.root}>
            <h1 class="ft-title">{ f.kb.ui(Ui::AppTitle) }</h1>
            if let Some(notice) = f.notice {
                <p class="ft-notice-bar" data-ft-notice="">{ notice }</p>
            }
            { f.body }
            if let Some(diary) = f.diary { { diary } }
            if let Some(memory) = f.memory { { memory } }
            <div class="ft-visually-hidden" aria-live="polite" aria-atomic="true">{ f.announcement }</div>
        </div>
    }
}
