//! One question per screen: its controls, "Not sure", "Why we ask" and Back.

use std::rc::Rc;

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::{
    Answer,
    knowledge::{Question, QuestionKind},
};

#[derive(Properties, PartialEq, Clone)]
pub struct QuestionCardProps {
    /// The question the engine chose.
    pub question: Rc<Question>,
    /// How many questions have been answered so far.
    pub asked: usize,
    /// The most questions the flow asks, for the progress bar.
    pub limit: usize,
    /// Called with the question id and the answer given.
    pub on_answer: Callback<(String, Answer)>,
    /// Called when the runner goes back one question.
    pub on_back: Callback<MouseEvent>,
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let q = &props.question;
    let heading = use_node_ref();
    let chosen = use_state(Vec::<String>::new);
    let number = use_node_ref();
    let error = use_state(|| None::<String>);
    {
        // A new question resets the local choices and moves focus to its
        // heading, so screen readers announce it and keyboard users start there.
        let (heading, chosen, error) = (heading.clone(), chosen.clone(), error.clone());
        use_effect_with(q.id.clone(), move |_| {
            chosen.set(Vec::new());
            error.set(None);
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let answer = |value: Answer| {
        let (on_answer, id) = (props.on_answer.clone(), q.id.clone());
        Callback::from(move |_: MouseEvent| on_answer.emit((id.clone(), value.clone())))
    };
    let controls = match q.kind {
        QuestionKind::YesNo => html! {
            <div class="ft-choices">
                <button class="ft-choice" onclick={answer(Answer::Yes)}>{ "Yes" }</button>
                <button class="ft-choice" onclick={answer(Answer::No)}>{ "No" }</button>
            </div>
        },
        QuestionKind::Single => html! {
            <div class="ft-choices">
                { for q.options.iter().map(|o| html! {
                    <button class="ft-choice" onclick={answer(Answer::Choice(o.id.clone()))}>{ &o.label }</button>
                }) }
            </div>
        },
        QuestionKind::Multi => {
            let toggle = |id: String| {
                let chosen = chosen.clone();
                Callback::from(move |_: Event| {
                    let mut now = (*chosen).clone();
                    match now.iter().position(|c| *c == id) {
                        Some(i) => {
                            now.remove(i);
                        }
                        None => now.push(id.clone()),
                    }
                    chosen.set(now);
                })
            };
            let done = answer(Answer::Choices((*chosen).clone()));
            html! {
                <fieldset class="ft-multi">
                    <legend class="ft-visually-hidden">{ &q.text }</legend>
                    { for q.options.iter().map(|o| {
                        let id = format!("ft-{}-{}", q.id, o.id);
                        html! {
                            <label class="ft-check" for={id.clone()}>
                                <input type="checkbox" id={id} checked={chosen.contains(&o.id)} onchange={toggle(o.id.clone())} />
                                <span>{ &o.label }</span>
                            </label>
                        }
                    }) }
                    <button class="ft-primary" onclick={done}>{ if chosen.is_empty() { "None of these" } else { "Continue" } }</button>
                </fieldset>
            }
        }
        QuestionKind::Number => {
            let submit = {
                let (number, error, on_answer, id) =
                    (number.clone(), error.clone(), props.on_answer.clone(), q.id.clone());
                let (min, max) = (q.min.unwrap_or(f64::MIN), q.max.unwrap_or(f64::MAX));
                Callback::from(move |_: MouseEvent| {
                    let value = number.cast::<HtmlInputElement>().map(|i| i.value_as_number()).unwrap_or(f64::NAN);
                    if value.is_finite() && value >= min && value <= max {
                        on_answer.emit((id.clone(), Answer::Number(value)));
                    } else {
                        error.set(Some(format!("Please enter a number from {min} to {max}.")));
                    }
                })
            };
            let input_id = format!("ft-{}", q.id);
            html! {
                <div class="ft-number">
                    <label for={input_id.clone()}>{ q.unit.clone().unwrap_or_default() }</label>
                    <input id={input_id} ref={number} type="number" inputmode="decimal"
                        min={q.min.map(|v| v.to_string())} max={q.max.map(|v| v.to_string())}
                        aria-describedby="ft-number-error" />
                    <p id="ft-number-error" class="ft-error-text" aria-live="polite">{ (*error).clone().unwrap_or_default() }</p>
                    <button class="ft-primary" onclick={submit}>{ "Continue" }</button>
                </div>
            }
        }
    };
    html! {
        <section class="ft-question" aria-labelledby="ft-question-title">
            <progress class="ft-progress" value={props.asked.to_string()} max={props.limit.to_string()}
                aria-label={format!("Question {} of at most {}", props.asked + 1, props.limit)} />
            <h2 id="ft-question-title" tabindex="-1" ref={heading}>{ &q.text }</h2>
            if let Some(help) = &q.help { <p class="ft-help">{ help }</p> }
            { controls }
            <button class="ft-secondary" onclick={answer(Answer::NotSure)}>{ "Not sure" }</button>
            <details class="ft-why"><summary>{ "Why we ask" }</summary><p>{ &q.why }</p></details>
            <button class="ft-link" onclick={props.on_back.clone()}>{ "Back" }</button>
        </section>
    }
}
