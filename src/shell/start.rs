//! The start screen: what the tool does, that nothing leaves the device, that
//! it is not a diagnosis, and what to do in an emergency, before anything else.

use yew::prelude::*;

use crate::{KnowledgeBase, widget_config::WidgetConfig};

/// The start screen; `begin` is the Start button's click. A plain function
/// rather than a component: it has no state, and each component type costs
/// the bundle a few kilobytes.
pub fn start(kb: &KnowledgeBase, config: &WidgetConfig, begin: Callback<MouseEvent>) -> Html {
    let meta = &kb.data.meta;
    html! {
        <section class="ft-screen ft-start" aria-labelledby="ft-start-title">
            <h2 id="ft-start-title" tabindex="-1">{ "Foot pain after a run?" }</h2>
            <p>{ "Answer a few quick questions to learn how urgent it is, what is likely behind it, and what to do next." }</p>
            <p class="ft-emergency" role="note">
                <strong>{ match &config.emergency_number {
                    Some(number) => format!("Emergency? Call {number}. "),
                    None => "Emergency? ".to_string(),
                } }</strong>
                { &*meta.emergency }
            </p>
            if let Some(name) = &config.clinic_name {
                <p class="ft-offered">{ format!("Offered by {name}.") }</p>
            }
            <p class="ft-private">{ "Private: everything stays on this device. Nothing you enter is sent anywhere." }</p>
            <p class="ft-notice">{ &*meta.notice }</p>
            <button class="ft-primary" data-ft-start="" onclick={begin}>{ "Start" }</button>
        </section>
    }
}
