//! The start screen: what the tool does, that nothing leaves the device, that
//! it is not a diagnosis, and what to do in an emergency, before anything else.

use yew::prelude::*;

use super::state::Action;
use crate::KnowledgeBase;

#[derive(Properties, PartialEq, Clone)]
pub struct StartProps {
    pub act: Callback<Action>,
    /// Move focus to the heading (not on first load; see `State::interacted`).
    pub focus: bool,
}

#[component]
pub fn Start(props: &StartProps) -> Html {
    let meta = &KnowledgeBase::embedded().data.meta;
    let heading = use_focus_on_mount(props.focus);
    let begin = props.act.reform(|_: MouseEvent| Action::Begin);
    html! {
        <section class="ft-screen ft-start" aria-labelledby="ft-start-title">
            <h2 id="ft-start-title" tabindex="-1" ref={heading}>{ "Foot pain after a run?" }</h2>
            <p>{ "Answer a few quick questions to learn how urgent it is, what is likely behind it, and what to do next." }</p>
            <p class="ft-emergency" role="note"><strong>{ "Emergency? " }</strong>{ &*meta.emergency }</p>
            <p class="ft-private">{ "Private: everything stays on this device. Nothing you enter is sent anywhere." }</p>
            <p class="ft-notice">{ &*meta.notice }</p>
            <button class="ft-primary" data-ft-start="" onclick={begin}>{ "Start" }</button>
        </section>
    }
}

/// A node ref that receives focus when the component mounts (if `focus`), so
/// keyboard and screen-reader users start at the new screen's heading.
#[hook]
pub fn use_focus_on_mount(focus: bool) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>().filter(|_| focus) {
                let _ = element.focus();
            }
        });
    }
    node
}
