//! The hand-off: "Print summary" (a one-page layout for a clinician, shown
//! only when printing) and "Copy summary" (the engine's plain-text summary).
//! The text is also shown in a collapsed box, so it can be copied by hand
//! where the clipboard is not available.

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::state::Action;
use crate::{Answers, KnowledgeBase, engine::Assessment, engine::plain_text, knowledge::Ui};

/// Puts `text` on the clipboard, then tells `done` whether it took it. The
/// Clipboard API is missing outside secure contexts: then `done(false)`.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
            Some(clipboard) if !clipboard.is_undefined() => JsFuture::from(clipboard.write_text(&text)).await.is_ok(),
            _ => false,
        };
        done(copied);
    });
}

/// The hand-off section. A plain function rather than a component (each
/// component type costs the bundle a few kilobytes): the copy status lives in
/// the app's state, and the text is rebuilt with each render, which takes
/// microseconds.
pub fn handoff(
    kb: &KnowledgeBase,
    assessment: &Assessment,
    answers: &Answers,
    status: Option<&str>,
    act: &Callback<Action>,
) -> Html {
    let text = plain_text(kb, answers, assessment);
    let copy = {
        let (text, act) = (text.clone(), act.clone());
        Callback::from(move |_: MouseEvent| {
            let act = act.clone();
            copy_text(text.clone(), move |copied| act.emit(Action::Copied(copied)));
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="ft-block ft-handoff ft-no-print" aria-labelledby="ft-handoff-title">
            <h3 id="ft-handoff-title">{ kb.ui(Ui::HandoffTitle) }</h3>
            <div class="ft-actions">
                <button class="ft-secondary" data-ft-print="" onclick={print}>{ kb.ui(Ui::HandoffPrint) }</button>
                <button class="ft-secondary" data-ft-copy="" onclick={copy}>{ kb.ui(Ui::HandoffCopy) }</button>
            </div>
            <p class="ft-help" role="status">{ status.unwrap_or_default() }</p>
            <details class="ft-why">
                <summary>{ kb.ui(Ui::HandoffShow) }</summary>
                <textarea class="ft-summary-text" readonly=true rows="12" aria-label={kb.ui(Ui::HandoffText).to_string()}
                    value={text} data-ft-summary="" />
            </details>
        </section>
    }
}
