//! The hand-off: "Print summary" (a one-page layout for a clinician, shown
//! only when printing) and "Copy summary" (the engine's plain-text summary).
//! The text is also shown in a collapsed box, so it can be copied by hand
//! where the clipboard is not available.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::{Answers, KnowledgeBase, engine::Assessment, engine::plain_text};

#[derive(Properties, Clone)]
pub struct HandoffProps {
    pub assessment: Rc<Assessment>,
    pub answers: Answers,
}

// The assessment is a pure function of the answers, so comparing answers is
// enough, and cheaper in time and code than comparing assessments.
impl PartialEq for HandoffProps {
    fn eq(&self, other: &Self) -> bool {
        self.answers == other.answers
    }
}

#[component]
pub fn Handoff(props: &HandoffProps) -> Html {
    let kb = KnowledgeBase::embedded();
    let text = use_memo((props.assessment.clone(), props.answers.clone()), |(a, answers)| plain_text(kb, answers, a));
    let status = use_state(String::new);
    let copy = {
        let (text, status) = (text.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match web_sys::window().map(|w| w.navigator().clipboard()) {
                    // The Clipboard API is missing outside secure contexts.
                    Some(clipboard) if !clipboard.is_undefined() => {
                        JsFuture::from(clipboard.write_text(&text)).await.is_ok()
                    }
                    _ => false,
                };
                status.set(if copied {
                    "Summary copied. Paste it into an email or a message.".into()
                } else {
                    "Copying is not available here: open \"Show the summary text\" and copy it from there.".into()
                });
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="ft-block ft-handoff ft-no-print" aria-labelledby="ft-handoff-title">
            <h3 id="ft-handoff-title">{ "Share with a clinician" }</h3>
            <div class="ft-actions">
                <button class="ft-secondary" data-ft-print="" onclick={print}>{ "Print summary" }</button>
                <button class="ft-secondary" data-ft-copy="" onclick={copy}>{ "Copy summary" }</button>
            </div>
            <p class="ft-help" role="status">{ (*status).clone() }</p>
            <details class="ft-why">
                <summary>{ "Show the summary text" }</summary>
                <textarea class="ft-summary-text" readonly=true rows="12" aria-label="Summary text"
                    value={(*text).clone()} data-ft-summary="" />
            </details>
        </section>
    }
}
