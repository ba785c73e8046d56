//! The way into the recovery diary. The diary is a second wasm module that
//! `embed.js` loads only when a runner opens it, so this button does nothing
//! in Rust: `embed.js` sees the click on `[data-ft-open="diary"]` and starts
//! the diary in the same shadow root. The button carries what the diary's
//! hand-off needs from here: the answers (as JSON) and whether the runner
//! chose to be remembered.

use yew::prelude::*;

use crate::{KnowledgeBase, knowledge::Ui};

/// The button; `answers` is the runner's answers as JSON text.
pub fn diary_link(kb: &KnowledgeBase, answers: String, remember: bool) -> Html {
    html! {
        <p class="ft-diary-link ft-no-print">
            <button type="button" class="ft-secondary" data-ft-open="diary" data-ft-answers={answers}
                data-ft-remembering={if remember { "on" } else { "off" }}>
                { kb.ui(Ui::DiaryLinkOpen) }
            </button>
        </p>
    }
}
