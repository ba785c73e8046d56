//! One screen of the questionnaire: progress, the question, its controls,
//! "Not sure", "Why we ask", Back and the review list. A screen is one
//! question, or a checklist of related yes/no questions (each its own
//! checkbox with its own "Not sure", then "None of these"). Each screen is a fresh
//! component (keyed by its ids), so local choices never leak from one screen
//! to the next.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{Knowledge, foot_map::foot_map, number, state::Action};
use crate::{
    Answer, Answers,
    knowledge::{Control, Group, KnowledgeBase, Question, QuestionKind, Ui, worrying_answer},
    next_question,
    units::DistanceUnit,
    units::trim_number,
};

/// A checklist screen's group and every question on it.
pub type Checklist = Rc<(Group, Vec<Question>)>;

/// The screen the engine asks for next after `answers`: its first question
/// (`None` once it has none: the results) and, when the engine groups
/// several questions on one screen, the checklist. The app and the build's
/// prerender of the first question both ask here, so they draw one screen.
pub fn next_screen(kb: &KnowledgeBase, answers: &Answers) -> (Option<Question>, Option<Checklist>) {
    let next = next_question(kb, answers);
    let members: Vec<_> = next.questions().into_iter().cloned().collect();
    let list = next.group.clone().filter(|_| members.len() > 1).map(|g| Rc::new((g, members.clone())));
    (members.into_iter().next(), list)
}

/// The answer that the button `data-ft-answer={value}` gives on a
/// one-question screen asking `q`, for a click `embed.js` saw on the
/// prerendered first question; `None` when the screen has no such button.
pub fn button_answer(q: &Question, value: &str) -> Option<Answer> {
    match (q.kind, value) {
        (_, "not_sure") => Some(Answer::NotSure),
        (QuestionKind::YesNo, "yes") => Some(Answer::Yes),
        (QuestionKind::YesNo, "no") => Some(Answer::No),
        (QuestionKind::Single, v) if q.options.iter().any(|o| *o.id == *v) => Some(Answer::Choice(v.to_string())),
        _ => None,
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct QuestionCardProps {
    /// The knowledge the question and its foot map come from.
    pub knowledge: Knowledge,
    /// The question the engine chose (or the one being changed).
    pub question: Rc<Question>,
    /// A checklist screen's group and every question on it (the first is
    /// `question`); `None` for a one-question screen.
    #[prop_or_default]
    pub checklist: Option<Checklist>,
    /// The answer already given, when changing it from the review list.
    pub current: Option<Answer>,
    /// This screen's number in the sequence, from 1.
    pub number: usize,
    /// The most screens the flow shows, for the progress bar.
    pub limit: usize,
    pub editing: bool,
    /// Why the last answer could not be used.
    pub error: Option<String>,
    pub act: Callback<Action>,
    pub units: DistanceUnit,
}

/// The card's own state: choices not yet sent (and, on a checklist, the
/// items marked "Not sure"), the number being typed, a message about it,
/// and the foot map's view. One reducer for all, as each hook type costs the
/// bundle code.
#[derive(Clone, Default, PartialEq)]
struct Card {
    chosen: Vec<String>,
    unsure: Vec<String>,
    typed: String,
    error: Option<String>,
    view: Option<String>,
}

enum Edit {
    Toggle(String),
    /// A checklist item marked "Not sure", or unmarked; it cannot be ticked
    /// and unsure at once.
    Unsure(String),
    Typed(String),
    Error(Option<String>),
    View(String),
}

impl Reducible for Card {
    type Action = Edit;

    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut next = (*self).clone();
        match edit {
            Edit::Toggle(id) => {
                next.unsure.retain(|u| *u != id);
                flip(&mut next.chosen, id);
            }
            Edit::Unsure(id) => {
                next.chosen.retain(|c| *c != id);
                flip(&mut next.unsure, id);
            }
            Edit::Typed(text) => next.typed = text,
            Edit::Error(message) => next.error = message,
            Edit::View(view) => next.view = Some(view),
        }
        Rc::new(next)
    }
}

/// Adds `id` to the list, or takes it out if it is there.
fn flip(list: &mut Vec<String>, id: String) {
    match list.iter().position(|c| *c == id) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(id),
    }
}

#[component]
pub fn QuestionCard(props: &QuestionCardProps) -> Html {
    let kb = props.knowledge.0;
    let q = props.question.clone();
    // Distances are stored in km; a runner who uses miles types miles.
    let in_km = q.unit.as_deref() == Some("km");
    let units = if in_km { props.units } else { DistanceUnit::Km };
    let card = use_reducer(|| Card {
        chosen: match &props.current {
            Some(Answer::Choices(c)) => c.clone(),
            _ => Vec::new(),
        },
        typed: match &props.current {
            Some(Answer::Number(n)) => trim_number(units.from_km(*n)),
            _ => String::new(),
        },
        ..Card::default()
    });
    let chosen = &card.chosen;
    let send = {
        let (act, id) = (props.act.clone(), q.id.to_string());
        move |answer: Answer| act.emit(Action::Answer(id.clone(), answer))
    };
    let answer_button = |value: &str, label: &str, answer: Answer| {
        let send = send.clone();
        let pressed = props.current.as_ref() == Some(&answer);
        html! {
            <button class="ft-choice" data-ft-answer={value.to_string()} aria-pressed={pressed.then_some("true")}
                onclick={Callback::from(move |_: MouseEvent| send(answer.clone()))}>
                { label.to_string() }
            </button>
        }
    };
    let toggle = {
        let card = card.clone();
        Callback::from(move |id: String| card.dispatch(Edit::Toggle(id)))
    };
    let pick_view = {
        let card = card.clone();
        Callback::from(move |view: String| card.dispatch(Edit::View(view)))
    };
    let unsure = {
        let card = card.clone();
        Callback::from(move |id: String| card.dispatch(Edit::Unsure(id)))
    };
    let controls = match &props.checklist {
        Some(list) => checklist(kb, &list.1, (chosen, &card.unsure), (&toggle, &unsure), &props.act),
        None => match q.kind {
            QuestionKind::YesNo => yes_no(kb, answer_button),
            QuestionKind::Single => single(&q, answer_button),
            QuestionKind::Multi => {
                let send = send.clone();
                let chosen_now = chosen.clone();
                let done = Callback::from(move |_: MouseEvent| send(Answer::Choices(chosen_now.clone())));
                html! {
                    <>
                        if q.control == Some(Control::FootMap) {
                            { foot_map(kb, &q, chosen, &toggle, card.view.as_deref(), &pick_view) }
                        }
                        <div class="ft-options" role="group" aria-label={kb.ui(Ui::QuestionOptions)}>
                            { for q.options.iter().map(|o| {
                                let on = chosen.contains(&o.id.to_string());
                                let toggle = toggle.clone();
                                let id = o.id.to_string();
                                html! {
                                    <button class="ft-option" data-ft-option={o.id.to_string()}
                                        aria-pressed={if on { "true" } else { "false" }}
                                        onclick={Callback::from(move |_: MouseEvent| toggle.emit(id.clone()))}>
                                        <span class="ft-tick" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
                                        { &*o.label }
                                    </button>
                                }
                            }) }
                        </div>
                        { continue_button(kb, done, chosen.is_empty()) }
                    </>
                }
            }
            QuestionKind::Number => {
                let input_id = format!("ft-input-{}", q.id);
                let on_input = {
                    let card = card.clone();
                    Callback::from(move |e: InputEvent| {
                        card.dispatch(Edit::Typed(e.target_unchecked_into::<HtmlInputElement>().value()))
                    })
                };
                // The bounds in the runner's unit, for checking and for the hint.
                let (min, max) = (q.min.map(|v| units.from_km(v)), q.max.map(|v| units.from_km(v)));
                let range = match (min, max) {
                    (Some(lo), Some(hi)) => {
                        Some(kb.ui_with(Ui::QuestionRangeBetween, &[("min", &kb.number(lo)), ("max", &kb.number(hi))]))
                    }
                    (Some(lo), None) => Some(kb.ui_with(Ui::QuestionRangeAtLeast, &[("min", &kb.number(lo))])),
                    (None, Some(hi)) => Some(kb.ui_with(Ui::QuestionRangeUpTo, &[("max", &kb.number(hi))])),
                    (None, None) => None,
                };
                let range_hint = match &range {
                    Some(range) => kb.ui_with(Ui::QuestionEnterNumberRange, &[("range", range)]),
                    None => kb.ui(Ui::QuestionEnterNumber).to_string(),
                };
                let not_a_number = kb.ui(Ui::QuestionNotANumber).to_string();
                let submit = {
                    let (card, send) = (card.clone(), send.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let in_range = |n: f64| min.is_none_or(|m| n >= m) && max.is_none_or(|m| n <= m);
                        match number::parse(&card.typed) {
                            Some(Ok(n)) if in_range(n) => {
                                card.dispatch(Edit::Error(None));
                                send(Answer::Number(units.to_km(n)));
                            }
                            Some(Ok(_)) => card.dispatch(Edit::Error(Some(range_hint.clone()))),
                            _ => card.dispatch(Edit::Error(Some(not_a_number.clone()))),
                        }
                    })
                };
                let unit = q.unit.as_deref().map(|u| if in_km { units.symbol() } else { u });
                html! {
                    <form class="ft-number" onsubmit={submit} novalidate=true>
                        <label for={input_id.clone()}>
                            { match unit {
                                Some(unit) => kb.ui_with(Ui::QuestionYourAnswerIn, &[("unit", unit)]),
                                None => kb.ui(Ui::QuestionYourAnswer).to_string(),
                            } }
                            if let Some(range) = range { <span class="ft-range">{ format!(" ({range})") }</span> }
                        </label>
                        <input id={input_id} type="text" inputmode="decimal" autocomplete="off" data-ft-number=""
                            data-ft-min={min.map(trim_number)}
                            value={card.typed.clone()} oninput={on_input}
                            aria-describedby="ft-error" />
                        <button class="ft-primary" type="submit" data-ft-continue="">{ kb.ui(Ui::QuestionContinue) }</button>
                    </form>
                }
            }
        },
    };
    // A checklist has a "Not sure" per item instead (review 2, NM8: one
    // button for the whole screen made every unticked sign worrying).
    let not_sure = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(Answer::NotSure))
    };
    let back = props.act.reform(|_: MouseEvent| Action::Back);
    let review = props.act.reform(|_: MouseEvent| Action::Review);
    let error = card.error.clone().or_else(|| props.error.clone());
    let progress = props.number.min(props.limit);
    let (title, help, screen_ids) = match &props.checklist {
        Some(list) => {
            (list.0.title.clone(), list.0.help.clone(), list.1.iter().map(|m| &*m.id).collect::<Vec<_>>().join(" "))
        }
        None => (q.text.clone(), q.help.clone(), q.id.to_string()),
    };
    let why = match &props.checklist {
        Some(list) => html! { <ul>{ for list.1.iter().map(|m| html! { <li>{ &*m.why }</li> }) }</ul> },
        None => html! { <p>{ &*q.why }</p> },
    };
    html! {
        <section class={classes!("ft-screen", "ft-question", props.checklist.is_some().then_some("ft-checklist"))}
            data-ft-question={screen_ids} aria-labelledby="ft-question-title">
            <div class="ft-progress-row">
                <span>{ if props.editing {
                    kb.ui(Ui::QuestionChanging).to_string()
                } else {
                    kb.ui_with(Ui::QuestionNumber, &[("number", &props.number.to_string())])
                } }</span>
                <progress class="ft-progress" max={props.limit.to_string()} value={progress.to_string()}
                    aria-label={kb.ui(Ui::QuestionProgress)} />
            </div>
            <h2 id="ft-question-title" tabindex="-1">{ &*title }</h2>
            if let Some(help) = &help { <p class="ft-help">{ &**help }</p> }
            { controls }
            <p id="ft-error" class="ft-error-text" role="status">{ error.unwrap_or_default() }</p>
            if props.checklist.is_none() {
                <button class="ft-secondary ft-not-sure" data-ft-answer="not_sure" onclick={not_sure}>{ kb.ui(Ui::QuestionNotSure) }</button>
            }
            <details class="ft-why">
                <summary>{ kb.ui(Ui::QuestionWhy) }</summary>
                { why }
            </details>
            <nav class="ft-nav" aria-label={kb.ui(Ui::QuestionNav)}>
                <button class="ft-link" data-ft-back="" onclick={back}>{ kb.ui(Ui::QuestionBack) }</button>
                if props.number > 1 || props.editing {
                    <button class="ft-link" data-ft-review="" onclick={review}>{ kb.ui(Ui::QuestionReview) }</button>
                }
            </nav>
        </section>
    }
}

/// The two buttons of a yes/no question; `answer_button` draws each one, so
/// the pressed state and the click come from the card as for any answer.
fn yes_no(kb: &KnowledgeBase, answer_button: impl Fn(&str, &str, Answer) -> Html) -> Html {
    html! {
        <div class="ft-choices">
            { answer_button("yes", kb.ui(Ui::QuestionYes), Answer::Yes) }
            { answer_button("no", kb.ui(Ui::QuestionNo), Answer::No) }
        </div>
    }
}

/// One button per option of a single-choice question, drawn like the
/// yes/no buttons so both kinds look and answer the same way.
fn single(q: &Question, answer_button: impl Fn(&str, &str, Answer) -> Html) -> Html {
    html! {
        <div class="ft-choices">
            { for q.options.iter().map(|o| answer_button(&o.id, &o.label, Answer::Choice(o.id.to_string()))) }
        </div>
    }
}

/// The button under a list of ticks: it says "None of these" while nothing
/// is ticked, so sending an empty list is a choice the runner makes.
fn continue_button(kb: &KnowledgeBase, done: Callback<MouseEvent>, nothing_ticked: bool) -> Html {
    html! {
        <button class="ft-primary" data-ft-continue="" onclick={done}>
            { kb.ui(if nothing_ticked { Ui::QuestionNoneOfThese } else { Ui::QuestionContinue }) }
        </button>
    }
}

/// A checklist: one native checkbox per question, labelled by its statement
/// of the sign, with its own "Not sure", then "None of these" (nothing
/// marked) or "Continue". A ticked item gives the worrying answer, an item
/// marked "Not sure" gives "not sure" (which the rules read as worrying for
/// that sign alone), and the rest the reassuring answer.
fn checklist(
    kb: &KnowledgeBase,
    questions: &[Question],
    (ticked, unsure): (&[String], &[String]),
    (toggle, mark_unsure): (&Callback<String>, &Callback<String>),
    act: &Callback<Action>,
) -> Html {
    let answers: Vec<(String, Answer)> = questions
        .iter()
        .map(|m| {
            let id = m.id.to_string();
            let answer = match (ticked.contains(&id), unsure.contains(&id), worrying_answer(m)) {
                (true, _, a) => a,
                (_, true, _) => Answer::NotSure,
                (_, _, Answer::No) => Answer::Yes,
                _ => Answer::No,
            };
            (id, answer)
        })
        .collect();
    let done = act.reform(move |_: MouseEvent| Action::AnswerAll(answers.clone()));
    html! {
        <>
            <div class="ft-checks" role="group" aria-labelledby="ft-question-title">
                { for questions.iter().map(|m| {
                    let id = m.id.to_string();
                    let input_id = format!("ft-item-{id}");
                    let (on, not_sure) = (ticked.contains(&id), unsure.contains(&id));
                    let (toggle, mark) = (toggle.clone(), mark_unsure.clone());
                    let help_id = m.help.as_ref().map(|_| format!("ft-item-help-{id}"));
                    let item = m.item.as_deref().unwrap_or(&m.label);
                    let unsure_id = id.clone();
                    html! {
                        <div class={classes!("ft-check", not_sure.then_some("ft-check-unsure"))}>
                            <input type="checkbox" id={input_id.clone()} data-ft-item={id.clone()} checked={on}
                                aria-describedby={help_id.clone()}
                                onchange={Callback::from(move |_: Event| toggle.emit(id.clone()))} />
                            <label for={input_id}>{ item }</label>
                            <button type="button" class="ft-item-unsure" data-ft-item-unsure={unsure_id.clone()}
                                aria-pressed={if not_sure { "true" } else { "false" }}
                                aria-label={kb.ui_with(Ui::QuestionItemNotSure, &[("item", item)])}
                                onclick={Callback::from(move |_: MouseEvent| mark.emit(unsure_id.clone()))}>
                                { kb.ui(Ui::QuestionNotSure) }
                            </button>
                            if let (Some(help), Some(help_id)) = (&m.help, help_id) {
                                <p class="ft-help" id={help_id}>{ &**help }</p>
                            }
                        </div>
                    }
                }) }
            </div>
            { continue_button(kb, done, ticked.is_empty() && unsure.is_empty()) }
        </>
    }
}
