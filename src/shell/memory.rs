//! "Remember on this device" and "Erase my data". Nothing is stored until
//! the runner turns remembering on; erasing removes everything any Foot
//! Triage widget stored on this site.

use yew::prelude::*;

/// What the switch keeps, in the runner's words.
pub struct Kept {
    /// The section's accessible name.
    pub label: &'static str,
    pub on: &'static str,
    pub off: &'static str,
    /// Announced when the switch is turned on, and when it is turned off.
    pub turned_on: &'static str,
    pub turned_off: &'static str,
    /// Added when the browser agreed to keep the storage, and when it did not
    /// (or cannot say): Safari clears a site's storage after seven days
    /// without a visit unless the app is on the home screen.
    pub kept_for_good: &'static str,
    pub may_be_cleared: &'static str,
}

impl Kept {
    /// The notice for turning the switch on or off.
    pub fn turned(&self, on: bool) -> String {
        (if on { self.turned_on } else { self.turned_off }).into()
    }

    /// The notice once the browser has answered the request to keep the
    /// storage (`None`: it has no such request).
    pub fn persisted(&self, granted: Option<bool>) -> String {
        let more = if granted == Some(true) { self.kept_for_good } else { self.may_be_cleared };
        format!("{} {more}", self.turned_on)
    }
}

pub const ANSWERS: Kept = Kept {
    label: "Saving your answers",
    on: "Your answers are kept in this browser only, so you can come back to them. Turn this off to forget them.",
    off: "Off: nothing is stored. Turn on to keep your answers in this browser for next time.",
    turned_on: "Your answers will be kept in this browser on this device, and nowhere else.",
    turned_off: "Foot Triage no longer keeps your answers on this device.",
    kept_for_good: "This browser has agreed to keep them until you erase them.",
    may_be_cleared: "This browser may clear them if you do not come back within a week; print or copy the summary to keep a copy.",
};

/// The switch and the erase link; `toggle` and `erase` are their clicks.
pub fn memory(on: bool, kept: &Kept, toggle: Callback<MouseEvent>, erase: Callback<MouseEvent>) -> Html {
    html! {
        <section class="ft-memory ft-no-print" aria-label={kept.label}>
            <button type="button" class="ft-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
                data-ft-remember="" onclick={toggle}>
                <span class="ft-switch-track" aria-hidden="true"></span>
                { "Remember on this device" }
            </button>
            <p class="ft-help">{ if on { kept.on } else { kept.off } }</p>
            <button type="button" class="ft-link" data-ft-erase="" onclick={erase}>{ "Erase my data" }</button>
        </section>
    }
}
