//! The app shell: the persistent title, the live region, and the screen the
//! state and the engine call for.

use std::rc::Rc;

use yew::prelude::*;

use super::{
    question_card::QuestionCard,
    results::Results,
    review::Review,
    start::Start,
    state::{Action, Screen, State},
};
use crate::{KnowledgeBase, assess, engine::training::DistanceUnit, next_question};

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The unit distances are shown and entered in.
    #[prop_or_default]
    pub units: DistanceUnit,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(State::default);
    let kb = KnowledgeBase::embedded();
    let act = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let mut announcement = String::new();
    let body = match state.screen {
        Screen::Start => html! { <Start act={act.clone()} focus={state.interacted} /> },
        Screen::Review => html! {
            <Review answers={state.answers.clone()} asked={state.asked.clone()} act={act.clone()} />
        },
        Screen::Questions => {
            let question = match &state.editing {
                Some(key) => kb.question(key).cloned(),
                None => next_question(kb, &state.answers).question,
            };
            match question {
                Some(question) => html! {
                    <QuestionCard
                        key={question.id.to_string()}
                        question={Rc::new(question.clone())}
                        current={state.answers.get(state.editing.as_deref().unwrap_or("")).cloned()}
                        number={state.editing.as_ref().and_then(|k| state.asked.iter().position(|a| a == k)).unwrap_or(state.asked.len()) + 1}
                        limit={kb.data.meta.flow.max_questions}
                        editing={state.editing.is_some()}
                        error={state.error.clone()}
                        act={act.clone()}
                        units={props.units}
                    />
                },
                None => {
                    let assessment = Rc::new(assess(kb, &state.answers));
                    announcement = format!("Result: {}", assessment.action);
                    html! {
                        <Results {assessment} answers={state.answers.clone()} act={act.clone()} units={props.units} />
                    }
                }
            }
        }
    };
    // One persistent title, so every screen has a top-level heading and the
    // changing screen below it starts at level two. The live region is
    // always present, so screen readers announce the result when it appears.
    html! {
        <div class="ft-app">
            <h1 class="ft-title">{ "Foot Triage" }</h1>
            { body }
            <div class="ft-visually-hidden" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </div>
    }
}
