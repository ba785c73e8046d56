//! "Remember on this device" and "Erase my data". Nothing is stored until
//! the runner turns remembering on; erasing removes everything any Foot
//! Triage widget stored on this site.

use yew::prelude::*;

use super::state::Action;

pub fn memory(on: bool, act: &Callback<Action>) -> Html {
    let toggle = act.reform(move |_: MouseEvent| Action::Remember(!on));
    let erase = act.reform(|_: MouseEvent| Action::Erase);
    html! {
        <section class="ft-memory ft-no-print" aria-label="Saving your answers">
            <button class="ft-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
                data-ft-remember="" onclick={toggle}>
                <span class="ft-switch-track" aria-hidden="true"></span>
                { "Remember on this device" }
            </button>
            <p class="ft-help">
                { if on {
                    "Your answers are kept in this browser only, so you can come back to them. Turn this off to forget them."
                } else {
                    "Off: nothing is stored. Turn on to keep your answers in this browser for next time."
                } }
            </p>
            <button class="ft-link" data-ft-erase="" onclick={erase}>{ "Erase my data" }</button>
        </section>
    }
}
