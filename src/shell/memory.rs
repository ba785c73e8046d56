//! "Remember on this device" and "Erase my data". Nothing is stored until
//! the runner turns remembering on; erasing removes everything any Foot
//! Triage widget stored on this site.

use yew::prelude::*;

use crate::{KnowledgeBase, knowledge::Ui};

/// What the switch keeps, in the runner's words.
pub struct Kept {
    pub label: Ui,
    pub on: Ui,
    pub off: Ui,
    pub turned_on: Ui,
    pub turned_off: Ui,
    pub kept_for_good: Ui,
    pub may_be_cleared: Ui,
}

impl Kept {
    /// The notice for turning the switch on or off.
    pub fn turned(&self, kb: &KnowledgeBase, on: bool) -> String {
        kb.ui(if on { self.turned_on } else { self.turned_off }).into()
    }

    /// The notice once the browser has answered the request to keep the
    /// storage (`None`: it has no such request).
    pub fn persisted(&self, kb: &KnowledgeBase, granted: Option<bool>) -> String {
        let more = if granted == Some(true) { self.kept_for_good } else { self.may_be_cleared };
        format!("{} {}", kb.ui(self.turned_on), kb.ui(more))
    }
}

pub const ANSWERS: Kept = Kept {
    label: Ui::MemoryLabel,
    on: Ui::MemoryOn,
    off: Ui::MemoryOff,
    turned_on: Ui::MemoryTurnedOn,
    turned_off: Ui::MemoryTurnedOff,
    kept_for_good: Ui::MemoryKeptForGood,
    may_be_cleared: Ui::MemoryMayBeCleared,
};

/// The switch and the erase link; `toggle` and `erase` are their clicks.
pub fn memory(
    kb: &KnowledgeBase,
    on: bool,
    kept: &Kept,
    toggle: Callback<MouseEvent>,
    erase: Callback<MouseEvent>,
) -> Html {
    html! {
        <section class="ft-memory ft-no-print" aria-label={kb.ui(kept.label).to_string()}>
            <button type="button" class="ft-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
                data-ft-remember="" onclick={toggle}>
                <span class="ft-switch-track" aria-hidden="true"></span>
                { kb.ui(Ui::MemorySwitch) }
            </button>
            <p class="ft-help">{ kb.ui(if on { kept.on } else { kept.off }) }</p>
            <button type="button" class="ft-link" data-ft-erase="" onclick={erase}>{ kb.ui(Ui::MemoryErase) }</button>
        </section>
    }
}
