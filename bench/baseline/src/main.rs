//! The baseline: three screens with the widget's DOM contract (start, one
//! question, results) and nothing else. It gives the widget's benchmark a floor,
//! the size and timings of Yew itself, to compare the widget with.

use yew::prelude::*;

/// The screens, in order; clicking the one button on each moves to the next.
#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Start,
    Question,
    Results,
}

#[component]
fn App() -> Html {
    let screen = use_state(|| Screen::Start);
    let go = |to: Screen| {
        let screen = screen.clone();
        Callback::from(move |_: MouseEvent| screen.set(to))
    };
    match *screen {
        Screen::Start => html! {
            <button data-ft-start="" onclick={go(Screen::Question)}>{ "Start" }</button>
        },
        Screen::Question => html! {
            <section data-ft-question="q1">
                <h2>{ "Question?" }</h2>
                <button data-ft-answer="no" onclick={go(Screen::Results)}>{ "No" }</button>
            </section>
        },
        Screen::Results => html! {
            <section data-ft-results="" data-ft-level="self_care"><h2>{ "Result" }</h2></section>
        },
    }
}

/// Mounts on `#foot-triage` like the widget does, so both pages do the same work.
fn main() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("foot-triage"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
