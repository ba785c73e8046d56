//! The plan's interactive tools: on an advice card, a countdown for ice,
//! massage and stretch holds and a counter for repetitions and sets; in a
//! plan section, a calculator (`calculators.rs` draws it). They are one
//! component type, `Tools`, because each component type costs the bundle a
//! few kilobytes. The countdown announces only when it ends, so a screen
//! reader is not interrupted every second.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::calculators;
use crate::{
    engine::training::DistanceUnit,
    knowledge::{Dose, Tool},
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
    /// A plan section's calculator, and the unit it starts in.
    #[prop_or_default]
    pub calculator: Option<Tool>,
    #[prop_or_default]
    pub units: DistanceUnit,
}

#[derive(Clone, PartialEq)]
struct Clock {
    remaining: u32,
    running: bool,
    finished: bool,
}

enum Tick {
    Toggle,
    Second,
    Reset(u32),
}

impl Reducible for Clock {
    type Action = Tick;

    fn reduce(self: Rc<Self>, action: Tick) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Tick::Toggle if next.remaining > 0 => {
                next.running = !next.running;
                next.finished = false;
            }
            Tick::Toggle => {}
            Tick::Second if next.running => {
                next.remaining = next.remaining.saturating_sub(1);
                if next.remaining == 0 {
                    next.running = false;
                    next.finished = true;
                }
            }
            Tick::Second => {}
            Tick::Reset(seconds) => next = Clock { remaining: seconds, running: false, finished: false },
        }
        Rc::new(next)
    }
}

#[component]
pub fn Tools(props: &ToolsProps) -> Html {
    let seconds = props.seconds.unwrap_or(0);
    let done = use_state(|| 0u32);
    let distance = calculators::use_distance(props.units);
    let clock = use_reducer(|| Clock { remaining: seconds, running: false, finished: false });
    {
        // The interval lives exactly as long as the clock runs.
        let dispatcher = clock.dispatcher();
        use_effect_with(clock.running, move |&running| {
            let interval = running.then(|| Interval::new(1_000, move || dispatcher.dispatch(Tick::Second)));
            move || drop(interval)
        });
    }
    let toggle = {
        let clock = clock.clone();
        Callback::from(move |_: MouseEvent| clock.dispatch(Tick::Toggle))
    };
    let reset = {
        let clock = clock.clone();
        Callback::from(move |_: MouseEvent| clock.dispatch(Tick::Reset(seconds)))
    };
    let shown = format!("{}:{:02}", clock.remaining / 60, clock.remaining % 60);
    let start_label = if clock.running {
        "Pause"
    } else if clock.remaining < seconds && clock.remaining > 0 {
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
                    <span class="ft-timer-status" role="status">{ if clock.finished { "Time is up." } else { "" } }</span>
                </div>
            }
            if let Some(reps) = props.reps {
                { counter(&done, reps, props.sets, &props.label) }
            }
            if let Some(tool) = props.calculator {
                { calculators::view(tool, distance) }
            }
        </div>
    }
}

/// The rep counter; `done` counts repetitions across all sets.
fn counter(done: &UseStateHandle<u32>, reps: u32, sets: u32, label: &str) -> Html {
    let total = reps * sets.max(1);
    let add = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done.set((*done + 1).min(total)))
    };
    let reset = {
        let done = done.clone();
        Callback::from(move |_: MouseEvent| done.set(0))
    };
    let count = **done;
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
