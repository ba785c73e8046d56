//! The app: one reducer over the runner's answers. The screen shown is
//! derived from the answers and the engine, never stored.

use std::rc::Rc;

use yew::prelude::*;

use super::{question_card::QuestionCard, results::Results};
use crate::{Answer, Answers, KnowledgeBase, next_question};

/// Everything the runner can do.
pub enum Action {
    Begin,
    Answer(String, Answer),
    Back,
    Restart,
}

#[derive(Clone, Default, PartialEq)]
pub struct State {
    started: bool,
    answers: Answers,
    /// Question ids in the order they were answered, for Back.
    asked: Vec<String>,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let kb = KnowledgeBase::embedded();
        let mut next = (*self).clone();
        match action {
            Action::Begin => next.started = true,
            Action::Answer(key, answer) => {
                if next.answers.set(kb, &key, answer).is_ok() && !next.asked.contains(&key) {
                    next.asked.push(key);
                }
            }
            Action::Back => match next.asked.pop() {
                Some(key) => {
                    next.answers.remove(&key);
                }
                None => next.started = false,
            },
            Action::Restart => next = State::default(),
        }
        Rc::new(next)
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let kb = KnowledgeBase::embedded();
    let dispatch = |make: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(make()))
    };
    let body = if !state.started {
        html! {
            <section class="ft-start" aria-labelledby="ft-start-title">
                <h2 id="ft-start-title">{ "Foot pain after a run?" }</h2>
                <p>{ "Answer a few questions to find out how urgent it is, what is likely behind it, and what to do next." }</p>
                <p class="ft-private">{ "Everything stays on this device: nothing you enter is sent anywhere." }</p>
                <p class="ft-notice">{ &kb.data.meta.notice }</p>
                <p class="ft-emergency">{ &kb.data.meta.emergency }</p>
                <button class="ft-primary" onclick={dispatch(|| Action::Begin)}>{ "Start" }</button>
            </section>
        }
    } else {
        let next = next_question(kb, &state.answers);
        match next.question {
            Some(question) => {
                let on_answer = {
                    let state = state.clone();
                    Callback::from(move |(key, answer): (String, Answer)| state.dispatch(Action::Answer(key, answer)))
                };
                html! {
                    <QuestionCard
                        question={Rc::new(question)}
                        asked={state.asked.len()}
                        limit={kb.data.meta.flow.max_questions}
                        {on_answer}
                        on_back={dispatch(|| Action::Back)}
                    />
                }
            }
            None => html! {
                <Results
                    assessment={Rc::new(crate::assess(kb, &state.answers))}
                    on_back={dispatch(|| Action::Back)}
                    on_restart={dispatch(|| Action::Restart)}
                />
            },
        }
    };
    // One persistent title, so every screen has a top-level heading and the
    // changing screen below it starts at level two.
    html! {
        <main class="ft-app">
            <h1 class="ft-title">{ "Foot Triage" }</h1>
            { body }
        </main>
    }
}
