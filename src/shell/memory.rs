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

/// A notice by what it says, one interface text or two in a row, worded
/// only when it is shown: an app keeps it in its state, so switching the
/// language rewords a notice already on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Notice(pub Ui, pub Option<Ui>);

impl Notice {
    /// The notice in the words of `kb`.
    pub fn words(self, kb: &KnowledgeBase) -> String {
        match self.1 {
            Some(more) => format!("{} {}", kb.ui(self.0), kb.ui(more)),
            None => kb.ui(self.0).to_string(),
        }
    }
}

impl From<Ui> for Notice {
    fn from(id: Ui) -> Notice {
        Notice(id, None)
    }
}

impl Kept {
    /// The notice for turning the switch on or off.
    pub fn turned(&self, on: bool) -> Notice {
        Notice(if on { self.turned_on } else { self.turned_off }, None)
    }

    /// The notice once the browser has answered the request to keep the
    /// storage (`None`: it has no such request).
    pub fn persisted(&self, granted: Option<bool>) -> Notice {
        Notice(self.turned_on, Some(if granted == Some(true) { self.kept_for_good } else { self.may_be_cleared }))
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
