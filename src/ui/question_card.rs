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
    knowledge::{Control, Group, KnowledgeBase, Question, QuestionKind, Text, Ui, worrying_answer},
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
    /// The runner is changing an answer from the review list (the card says
    /// so instead of the question's number).
    pub editing: bool,
    /// Why the last answer could not be used.
    pub error: Option<String>,
    /// The app's actions: answering (one question or the whole checklist),
    /// Back and the review list. The card sends four kinds, so it takes the
    /// app's callback rather than one per kind.
    pub act: Callback<Action>,
    /// The runner's distance unit, which a distance is typed in.
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
    let q = &props.question;
    let units = typing_units(q, props.units);
    let card = use_reducer(|| Card::starting(props.current.as_ref(), units));
    let send = {
        let id = q.id.to_string();
        props.act.reform(move |answer: Answer| Action::Answer(id.clone(), answer))
    };
    let controls = controls(kb, props, &card, units, &send);
    let error = card.error.clone().or_else(|| props.error.clone());
    let (title, help, screen_ids) = screen_heading(q, props.checklist.as_ref());
    html! {
        <section class={classes!("ft-screen", "ft-question", props.checklist.is_some().then_some("ft-checklist"))}
            data-ft-question={screen_ids} aria-labelledby="ft-question-title">
            { progress_row(kb, props.number, props.limit, props.editing) }
            <h2 id="ft-question-title" tabindex="-1">{ &*title }</h2>
            if let Some(help) = &help { <p class="ft-help">{ &**help }</p> }
            { controls }
            <p id="ft-error" class="ft-error-text" role="status">{ error.unwrap_or_default() }</p>
            // A checklist has a "Not sure" per item instead (review 2, NM8: one
            // button for the whole screen made every unticked sign worrying).
            if props.checklist.is_none() {
                <button class="ft-secondary ft-not-sure" data-ft-answer="not_sure"
                    onclick={send.reform(|_: MouseEvent| Answer::NotSure)}>{ kb.ui(Ui::QuestionNotSure) }</button>
            }
            { why_we_ask(kb, q, props.checklist.as_ref()) }
            { nav(kb, &props.act, props.number, props.editing) }
        </section>
    }
}

/// The unit the runner types a number in. Distances are stored in km; a
/// runner who uses miles types miles, and every other number is typed as it
/// is stored (`Km` converts nothing).
fn typing_units(q: &Question, runner: DistanceUnit) -> DistanceUnit {
    if q.unit.as_deref() == Some("km") { runner } else { DistanceUnit::Km }
}

impl Card {
    /// The card as it opens: the answer being changed already chosen or
    /// typed (a number in the runner's unit), so changing it starts from it.
    fn starting(current: Option<&Answer>, units: DistanceUnit) -> Card {
        Card {
            chosen: match current {
                Some(Answer::Choices(c)) => c.clone(),
                _ => Vec::new(),
            },
            typed: match current {
                Some(Answer::Number(n)) => trim_number(units.from_km(*n)),
                _ => String::new(),
            },
            ..Card::default()
        }
    }
}

/// A callback that sends the card the edit `edit` makes of an id or text.
fn dispatcher(card: &UseReducerHandle<Card>, edit: fn(String) -> Edit) -> Callback<String> {
    let card = card.clone();
    Callback::from(move |text: String| card.dispatch(edit(text)))
}

/// The screen's heading, its help, and the ids of its questions (for
/// `data-ft-question`): the group's on a checklist, else the question's.
fn screen_heading(q: &Question, checklist: Option<&Checklist>) -> (Text, Option<Text>, String) {
    match checklist {
        Some(list) => {
            (list.0.title.clone(), list.0.help.clone(), list.1.iter().map(|m| &*m.id).collect::<Vec<_>>().join(" "))
        }
        None => (q.text.clone(), q.help.clone(), q.id.to_string()),
    }
}

/// "Question n" (or "Changing an answer") and the progress bar, which stops
/// full when the flow runs past its screen limit.
fn progress_row(kb: &'static KnowledgeBase, number: usize, limit: usize, editing: bool) -> Html {
    html! {
        <div class="ft-progress-row">
            <span>{ if editing {
                kb.ui(Ui::QuestionChanging).to_string()
            } else {
                kb.ui_with(Ui::QuestionNumber, &[("number", &number.to_string())])
            } }</span>
            <progress class="ft-progress" max={limit.to_string()} value={number.min(limit).to_string()}
                aria-label={kb.ui(Ui::QuestionProgress)} />
        </div>
    }
}

/// The controls that answer the screen, by its kind: a checklist, the
/// yes/no or option buttons, the ticks of a multiple choice, or a number.
fn controls(
    kb: &'static KnowledgeBase,
    props: &QuestionCardProps,
    card: &UseReducerHandle<Card>,
    units: DistanceUnit,
    send: &Callback<Answer>,
) -> Html {
    let q = &props.question;
    let button =
        |value: &str, label: &str, answer: Answer| answer_button(send, props.current.as_ref(), value, label, answer);
    let toggle = dispatcher(card, Edit::Toggle);
    match &props.checklist {
        Some(list) => {
            let unsure = dispatcher(card, Edit::Unsure);
            checklist(kb, &list.1, (&card.chosen, &card.unsure), (&toggle, &unsure), &props.act)
        }
        None => match q.kind {
            QuestionKind::YesNo => yes_no(kb, button),
            QuestionKind::Single => single(q, button),
            QuestionKind::Multi => multi(kb, q, card, &toggle, send),
            QuestionKind::Number => number_form(kb, q, card, units, send),
        },
    }
}

/// One answer's button (`data-ft-answer={value}`), pressed when it is the
/// answer being changed.
fn answer_button(send: &Callback<Answer>, current: Option<&Answer>, value: &str, label: &str, answer: Answer) -> Html {
    let pressed = current == Some(&answer);
    html! {
        <button class="ft-choice" data-ft-answer={value.to_string()} aria-pressed={pressed.then_some("true")}
            onclick={send.reform(move |_: MouseEvent| answer.clone())}>
            { label.to_string() }
        </button>
    }
}

/// A multiple choice: the foot map when the question asks for one, a
/// toggle button per option, and the button that sends what is ticked.
fn multi(
    kb: &'static KnowledgeBase,
    q: &Question,
    card: &UseReducerHandle<Card>,
    toggle: &Callback<String>,
    send: &Callback<Answer>,
) -> Html {
    let chosen = &card.chosen;
    let done = {
        let chosen = chosen.clone();
        send.reform(move |_: MouseEvent| Answer::Choices(chosen.clone()))
    };
    let pick_view = dispatcher(card, Edit::View);
    html! {
        <>
            if q.control == Some(Control::FootMap) {
                { foot_map(kb, q, chosen, toggle, card.view.as_deref(), &pick_view) }
            }
            <div class="ft-options" role="group" aria-label={kb.ui(Ui::QuestionOptions)}>
                { for q.options.iter().map(|o| {
                    let on = chosen.contains(&o.id.to_string());
                    let id = o.id.to_string();
                    html! {
                        <button class="ft-option" data-ft-option={o.id.to_string()}
                            aria-pressed={if on { "true" } else { "false" }}
                            onclick={toggle.reform(move |_: MouseEvent| id.clone())}>
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

/// A number question: a text field in the runner's unit, checked on submit
/// against the question's bounds; a number out of range or unreadable gives
/// a message instead of an answer.
fn number_form(
    kb: &KnowledgeBase,
    q: &Question,
    card: &UseReducerHandle<Card>,
    units: DistanceUnit,
    send: &Callback<Answer>,
) -> Html {
    let input_id = format!("ft-input-{}", q.id);
    let on_input = {
        let card = card.clone();
        Callback::from(move |e: InputEvent| {
            card.dispatch(Edit::Typed(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    // The bounds in the runner's unit, for checking and for the hint.
    let (min, max) = (q.min.map(|v| units.from_km(v)), q.max.map(|v| units.from_km(v)));
    let range = range_text(kb, min, max);
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
                    send.emit(Answer::Number(units.to_km(n)));
                }
                Some(Ok(_)) => card.dispatch(Edit::Error(Some(range_hint.clone()))),
                _ => card.dispatch(Edit::Error(Some(not_a_number.clone()))),
            }
        })
    };
    let unit = q.unit.as_deref().map(|u| if u == "km" { units.symbol() } else { u });
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

/// The allowed range in words ("between 1 and 10"), or `None` for a number
/// with no bounds.
fn range_text(kb: &KnowledgeBase, min: Option<f64>, max: Option<f64>) -> Option<String> {
    match (min, max) {
        (Some(lo), Some(hi)) => {
            Some(kb.ui_with(Ui::QuestionRangeBetween, &[("min", &kb.number(lo)), ("max", &kb.number(hi))]))
        }
        (Some(lo), None) => Some(kb.ui_with(Ui::QuestionRangeAtLeast, &[("min", &kb.number(lo))])),
        (None, Some(hi)) => Some(kb.ui_with(Ui::QuestionRangeUpTo, &[("max", &kb.number(hi))])),
        (None, None) => None,
    }
}

/// "Why we ask": the question's reason, or on a checklist each sign's.
fn why_we_ask(kb: &KnowledgeBase, q: &Question, checklist: Option<&Checklist>) -> Html {
    let why = match checklist {
        Some(list) => html! { <ul>{ for list.1.iter().map(|m| html! { <li>{ &*m.why }</li> }) }</ul> },
        None => html! { <p>{ &*q.why }</p> },
    };
    html! {
        <details class="ft-why">
            <summary>{ kb.ui(Ui::QuestionWhy) }</summary>
            { why }
        </details>
    }
}

/// Back, and the review list once there is an answer to review.
fn nav(kb: &'static KnowledgeBase, act: &Callback<Action>, number: usize, editing: bool) -> Html {
    html! {
        <nav class="ft-nav" aria-label={kb.ui(Ui::QuestionNav)}>
            <button class="ft-link" data-ft-back="" onclick={act.reform(|_: MouseEvent| Action::Back)}>{ kb.ui(Ui::QuestionBack) }</button>
            if number > 1 || editing {
                <button class="ft-link" data-ft-review="" onclick={act.reform(|_: MouseEvent| Action::Review)}>{ kb.ui(Ui::QuestionReview) }</button>
            }
        </nav>
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
