//! The plan's interactive tools: on an advice card, a countdown for ice,
//! massage and stretch holds and a counter for repetitions and sets; in a
//! plan section, a calculator (`calculators.rs` draws it). They are one
//! component type, `Tools`, because each component type costs the bundle a
//! few kilobytes. The countdown announces only when it ends, so a screen
//! reader is not interrupted every second.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::{Knowledge, calculators};
use crate::{
    knowledge::{Dose, KnowledgeBase, Tool, Ui},
    units::DistanceUnit,
};

/// Picks the tool the dose calls for: minutes or a hold get a countdown;
/// repetitions get a counter (with the hold, a counter of holds). `label` is
/// the exercise's title, to name the controls.
pub fn dose_tool(kb: &'static KnowledgeBase, d: &Dose, label: &str) -> Html {
    let seconds = d.minutes.map(|m| m * 60).or(d.hold_seconds);
    let reps = d.reps.filter(|_| d.minutes.is_none());
    if seconds.is_none() && reps.is_none() {
        return html! {};
    }
    html! { <Tools {seconds} {reps} sets={d.sets.unwrap_or(1)} label={label.to_string()} knowledge={Knowledge(kb)} /> }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ToolsProps {
    /// The countdown's length, when the dose has a duration or a hold.
    #[prop_or_default]
    pub seconds: Option<u32>,
    /// Repetitions per set, when the dose counts them.
    #[prop_or_default]
    pub reps: Option<u32>,
    /// How many sets the repetitions are counted over.
    #[prop_or(1)]
    pub sets: u32,
    /// The exercise's title, to name the controls.
    #[prop_or_default]
    pub label: String,
    /// The knowledge a calculator takes its words and numbers from (a timer or
    /// rep counter needs none, so it may be left out).
    #[prop_or_default]
    pub knowledge: Knowledge,
    /// A plan section's calculator, and the unit it starts in.
    #[prop_or_default]
    pub calculator: Option<Tool>,
    /// The runner's distance unit, which a calculator starts in.
    #[prop_or_default]
    pub units: DistanceUnit,
}

/// Everything one `Tools` holds: the countdown, the repetitions done, and a
/// calculator's form. One reducer for all of it, as each hook type costs the
/// bundle code.
#[derive(Clone, Default, PartialEq)]
struct ToolState {
    remaining: u32,
    running: bool,
    finished: bool,
    /// Repetitions done across all sets.
    done: u32,
    /// The calculator's distance as typed, and its unit.
    typed: String,
    unit: DistanceUnit,
}

enum Change {
    Toggle,
    Second,
    Reset(u32),
    /// One more repetition, up to the total.
    Rep(u32),
    ResetReps,
    Typed(String),
    Unit(DistanceUnit),
}

impl Reducible for ToolState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Toggle if next.remaining > 0 => {
                next.running = !next.running;
                next.finished = false;
            }
            Change::Second if next.running => {
                next.remaining = next.remaining.saturating_sub(1);
                if next.remaining == 0 {
                    next.running = false;
                    next.finished = true;
                }
            }
            Change::Toggle | Change::Second => {}
            Change::Reset(seconds) => {
                (next.remaining, next.running, next.finished) = (seconds, false, false);
            }
            Change::Rep(total) => next.done = (next.done + 1).min(total),
            Change::ResetReps => next.done = 0,
            Change::Typed(text) => next.typed = text,
            Change::Unit(unit) => next.unit = unit,
        }
        Rc::new(next)
    }
}

#[component]
pub fn Tools(props: &ToolsProps) -> Html {
    let kb = props.knowledge.0;
    let seconds = props.seconds.unwrap_or(0);
    let state = use_reducer(|| ToolState { remaining: seconds, unit: props.units, ..ToolState::default() });
    {
        // The interval lives exactly as long as the clock runs.
        let dispatcher = state.dispatcher();
        use_effect_with(state.running, move |&running| {
            let interval = running.then(|| Interval::new(1_000, move || dispatcher.dispatch(Change::Second)));
            move || drop(interval)
        });
    }
    let on = |change: fn(u32) -> Change, value: u32| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(change(value)))
    };
    let toggle = on(|_| Change::Toggle, 0);
    let on_typed = {
        let state = state.clone();
        Callback::from(move |text: String| state.dispatch(Change::Typed(text)))
    };
    let on_unit = {
        let state = state.clone();
        Callback::from(move |unit: DistanceUnit| state.dispatch(Change::Unit(unit)))
    };
    let reset = on(Change::Reset, seconds);
    let shown = format!("{}:{:02}", state.remaining / 60, state.remaining % 60);
    let start_label = kb.ui(if state.running {
        Ui::TimerPause
    } else if state.remaining < seconds && state.remaining > 0 {
        Ui::TimerResume
    } else {
        Ui::TimerStart
    });
    let label = &props.label;
    html! {
        <div class="ft-tools">
            if props.seconds.is_some() {
                <div class="ft-timer" data-ft-timer="">
                    <span class="ft-clock" role="timer" aria-label={kb.ui_with(Ui::TimerLabel, &[("exercise", label)])}>{ shown }</span>
                    <button class="ft-secondary" onclick={toggle} aria-label={format!("{start_label}: {label}")}>
                        { start_label }
                    </button>
                    <button class="ft-link" onclick={reset} aria-label={kb.ui_with(Ui::TimerResetLabel, &[("exercise", label)])}>{ kb.ui(Ui::TimerReset) }</button>
                    <span class="ft-timer-status" role="status">{ if state.finished { kb.ui(Ui::TimerDone) } else { "" } }</span>
                </div>
            }
            if let Some(reps) = props.reps {
                { counter(kb, state.done, on(Change::Rep, reps * props.sets.max(1)), on(|_| Change::ResetReps, 0), reps, props.sets, &props.label) }
            }
            if let Some(tool) = props.calculator {
                { calculators::view(kb, tool, &state.typed, state.unit, &on_typed, &on_unit) }
            }
        </div>
    }
}

/// The rep counter; `count` is the repetitions done across all sets.
fn counter(
    kb: &KnowledgeBase,
    count: u32,
    add: Callback<MouseEvent>,
    reset: Callback<MouseEvent>,
    reps: u32,
    sets: u32,
    label: &str,
) -> Html {
    let total = reps * sets.max(1);
    let set = (count / reps.max(1) + 1).min(sets.max(1));
    let rep = if count == total { reps } else { count % reps.max(1) };
    let (set, sets_s, rep, reps_s) = (set.to_string(), sets.to_string(), rep.to_string(), reps.to_string());
    let values = [("set", &*set), ("sets", &*sets_s), ("rep", &*rep), ("reps", &*reps_s)];
    let status = if count == total {
        kb.ui(Ui::CounterAllDone).to_string()
    } else if sets > 1 {
        kb.ui_with(Ui::CounterSetProgress, &values)
    } else {
        kb.ui_with(Ui::CounterProgress, &values)
    };
    html! {
        <div class="ft-counter" data-ft-counter="">
            <span class="ft-count" role="status">{ status }</span>
            <button class="ft-secondary" onclick={add} disabled={count == total}
                aria-label={kb.ui_with(Ui::CounterAddLabel, &[("exercise", label)])}>{ "+1" }</button>
            <button class="ft-link" onclick={reset} aria-label={kb.ui_with(Ui::CounterResetLabel, &[("exercise", label)])}>{ kb.ui(Ui::TimerReset) }</button>
        </div>
    }
}
