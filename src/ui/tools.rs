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
    knowledge::{Dose, Tool},
    units::DistanceUnit,
};

/// Picks the tool the dose calls for: minutes or a hold get a countdown;
/// repetitions get a counter (with the hold, a counter of holds). `label` is
/// the exercise's title, to name the controls.
pub fn dose_tool(d: &Dose, label: &str) -> Html {
    let seconds = d.minutes.map(|m| m * 60).or(d.hold_seconds);
    let reps = d.reps.filter(|_| d.minutes.is_none());
    if seconds.is_none() && reps.is_none() {
        return html! {};
    }
    html! { <Tools {seconds} {reps} sets={d.sets.unwrap_or(1)} label={label.to_string()} /> }
}

#[derive(Properties, PartialEq, Clone)]
pub struct ToolsProps {
    /// The countdown's length, when the dose has a duration or a hold.
    #[prop_or_default]
    pub seconds: Option<u32>,
    /// Repetitions per set, when the dose counts them.
    #[prop_or_default]
    pub reps: Option<u32>,
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
    let start_label = if state.running {
        "Pause"
    } else if state.remaining < seconds && state.remaining > 0 {
        "Resume"
    } else {
        "Start timer"
    };
    html! {
        <div class="ft-tools">
            if props.seconds.is_some() {
                <div class="ft-timer" data-ft-timer="">
                    <span class="ft-clock" role="timer" aria-label={format!("Timer for {}", props.label)}>{ shown }</span>
                    <button class="ft-secondary" onclick={toggle} aria-label={format!("{start_label}: {}", props.label)}>
                        { start_label }
                    </button>
                    <button class="ft-link" onclick={reset} aria-label={format!("Reset timer: {}", props.label)}>{ "Reset" }</button>
                    <span class="ft-timer-status" role="status">{ if state.finished { "Time is up." } else { "" } }</span>
                </div>
            }
            if let Some(reps) = props.reps {
                { counter(state.done, on(Change::Rep, reps * props.sets.max(1)), on(|_| Change::ResetReps, 0), reps, props.sets, &props.label) }
            }
            if let Some(tool) = props.calculator {
                { calculators::view(kb, tool, &state.typed, state.unit, &on_typed, &on_unit) }
            }
        </div>
    }
}

/// The rep counter; `count` is the repetitions done across all sets.
fn counter(
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
    let status = if count == total {
        "All sets done.".to_string()
    } else if sets > 1 {
        format!("Set {set} of {}: {rep} of {} done", sets, reps)
    } else {
        format!("{rep} of {} done", reps)
    };
    html! {
        <div class="ft-counter" data-ft-counter="">
            <span class="ft-count" role="status">{ status }</span>
            <button class="ft-secondary" onclick={add} disabled={count == total}
                aria-label={format!("Count one repetition: {}", label)}>{ "+1" }</button>
            <button class="ft-link" onclick={reset} aria-label={format!("Reset count: {}", label)}>{ "Reset" }</button>
        </div>
    }
}
