//! The app shell: the persistent title, the notices, the live region and the
//! screen the state and the engine call for. It owns the widget's IO: it
//! reads the saved record once when it starts, keeps storage in step with
//! consent from one effect, and hands the knowledge down to every screen.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{
    Knowledge, js_json,
    question_card::{QuestionCard, button_answer, next_screen},
    results::{ResultsView, results},
    review::review,
    state::{Action, Screen, State},
    storage,
};
use crate::{
    Level, assess,
    knowledge::{KnowledgeBase, Ui},
    saved,
    shell::{ANSWERS, Frame, diary_link, frame, memory, start},
    widget_config::WidgetConfig,
};

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// The embed options (attributes of `<foot-triage>`), already checked.
    #[prop_or_default]
    pub config: Rc<WidgetConfig>,
    /// The knowledge to run on: the embedded one, unless a test mounts the
    /// app with a fixture.
    #[prop_or_default]
    pub knowledge: Knowledge,
    /// What the runner did on the prerendered first screen before the wasm
    /// arrived (`embed.js` saw it); honoured once, when the app starts.
    #[prop_or_default]
    pub early: Early,
}

/// Clicks on the prerendered first screens, made before the wasm had started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Early {
    /// Start was pressed.
    pub begin: bool,
    /// "Remember on this device" was turned on.
    pub remember: bool,
    /// The button pressed on the prerendered first question: its question
    /// and its `data-ft-answer` value.
    pub answer: Option<(String, String)>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let wanted_key = config.storage_allowed.then(|| storage::key(config.instance.as_deref()));
    let knowledge = props.knowledge;
    let kb = knowledge.0;
    let state = {
        let key = wanted_key.clone();
        let early = props.early.clone();
        use_reducer(move || {
            // The one read of storage: what this widget saved last time.
            let loaded =
                key.as_deref().map(|k| storage::load(k, |record| saved::decode(kb, record).map_err(|e| e.to_string())));
            if let Some(storage::Loaded::SetAside { why, set_aside }) = &loaded {
                web_sys::console::warn_1(&format!("foot-triage: saved data set aside as {set_aside}: {why}").into());
            }
            with_early_clicks(kb, State::restored(knowledge, key, loaded), &early)
        })
    };
    use_follow_props(&state, knowledge, wanted_key);
    use_storage_sync(&state, kb);
    use_early_remember(&state, props.early.remember);
    let root = use_node_ref();
    let act = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let Shown { body, name: screen, announcement, at_results, emergency } = shown(kb, &state, &config, &act);
    use_heading_focus(&root, screen, state.interacted);
    use_detail_after_results(&state, at_results);
    let remembering = state.remember;
    let theme = config.theme.class();
    // Not under a question, where it would only distract.
    let show_memory = config.storage_allowed && (state.screen != Screen::Questions || at_results);
    let diary = ((state.screen != Screen::Questions || at_results) && !emergency)
        .then(|| diary_link(kb, js_json::stringify(&state.answers.to_tree()), state.remember));
    let memory = show_memory.then(|| {
        memory(
            kb,
            state.remember,
            &ANSWERS,
            storage::remember_switch(&act, remembering, Action::Remember, Action::Persisted),
            act.reform(|_: MouseEvent| Action::Erased(storage::erase_all())),
        )
    });
    frame(Frame { kb, theme, notice: state.notice.map(|n| n.words(kb)), body, diary, memory, announcement, root })
}

/// The screen on show and what the frame and the effects need to know of it.
struct Shown {
    body: Html,
    /// Names the screen, so focus moves when (and only when) it changes:
    /// `start`, `review`, `question:` followed by the ids on show (one
    /// question, or a checklist's, space-separated), or `question:results`.
    name: String,
    /// What the live region says: the results' action, when they show.
    announcement: String,
    at_results: bool,
    /// An emergency result shows only what to do now: no diary.
    emergency: bool,
}

/// Draws the screen the state and the engine call for: the start, the
/// review, the question being changed or asked next, or the results.
fn shown(kb: &'static KnowledgeBase, state: &State, config: &WidgetConfig, act: &Callback<Action>) -> Shown {
    let mut announcement = String::new();
    let mut at_results = false;
    let mut emergency = false;
    let mut screen = String::from(match state.screen {
        Screen::Start => "start",
        Screen::Questions => "question:",
        Screen::Review => "review",
    });
    let body = match state.screen {
        Screen::Start => start(kb, config, act.reform(|_: MouseEvent| Action::Begin)),
        Screen::Review => review(kb, &state.asked().collect::<Vec<_>>(), &state.answers, act),
        Screen::Questions => {
            // The screen to show: the one answer being changed, or what the
            // engine asks next (one question, or a checklist).
            let (question, checklist) = match &state.editing {
                Some(key) => (kb.question(key).cloned(), None),
                None => next_screen(kb, &state.answers),
            };
            match question {
                Some(question) => {
                    let ids = match &checklist {
                        Some(list) => list.1.iter().map(|m| &*m.id).collect::<Vec<_>>().join(" "),
                        None => question.id.to_string(),
                    };
                    screen.push_str(&ids);
                    let number = match &state.editing {
                        Some(k) => state.screens.iter().position(|s| s.contains(k)).unwrap_or(0),
                        None => state.screens.len(),
                    } + 1;
                    html! {
                    <QuestionCard
                        key={ids}
                        knowledge={state.kb}
                        question={Rc::new(question.clone())}
                        {checklist}
                        current={state.answers.get(state.editing.as_deref().unwrap_or("")).cloned()}
                        {number}
                        limit={kb.data.meta.flow.max_screens}
                        editing={state.editing.is_some()}
                        error={state.error.map(|id| kb.ui(id).to_string())}
                        act={act.clone()}
                        units={config.units}
                    />
                    }
                }
                None => {
                    let assessment = assess(kb, &state.answers);
                    announcement = kb.ui_with(Ui::ResultsAnnounce, &[("action", &assessment.action)]);
                    at_results = true;
                    emergency = assessment.triage == Level::Emergency;
                    screen.push_str("results");
                    results(ResultsView {
                        knowledge: state.kb,
                        assessment: &assessment,
                        answers: &state.answers,
                        copy_status: state.copy_status.map(|id| kb.ui(id)),
                        act,
                        config,
                        detail: state.detail,
                    })
                }
            }
        }
    };
    Shown { body, name: screen, announcement, at_results, emergency }
}

// The app's effects, each a hook of its own so `App` reads as what it draws.
// They are called in the same order on every render, as hooks must be.

/// Keeps the state in step with the props: a new language, or a storage key
/// the attributes now allow or forbid.
#[hook]
fn use_follow_props(state: &UseReducerHandle<State>, knowledge: Knowledge, wanted_key: Option<String>) {
    {
        // A language switch gives the app a new knowledge base; the reducer
        // takes it after the render, keeping the answers.
        let state = state.clone();
        use_effect_with(knowledge, move |knowledge| {
            if state.kb != *knowledge {
                state.dispatch(Action::Language(*knowledge));
            }
        });
    }
    {
        // Attributes can change after load (remember="off", a new id): the
        // reducer hears of it after the render, and a key the site no longer
        // allows is forgotten.
        let state = state.clone();
        use_effect_with(wanted_key, move |wanted| {
            if state.storage_key != *wanted {
                if let (None, Some(old)) = (wanted, &state.storage_key) {
                    storage::forget(old);
                }
                state.dispatch(Action::Storage(wanted.clone()));
            }
        });
    }
}

#[hook]
fn use_storage_sync(state: &UseReducerHandle<State>, kb: &'static KnowledgeBase) {
    // Storage follows consent: after every change to what is saved, or to
    // the consent itself, save the record or make sure none is kept.
    let dispatcher = state.dispatcher();
    let saved = (state.saved(), state.remember, state.storage_key.clone());
    use_effect_with(saved, move |(record, remember, key)| {
        if let Some(key) = key {
            if let Err(refused) = storage::sync(key, *remember, || saved::encode(kb, record)) {
                dispatcher.dispatch(Action::Refused(refused));
            }
        }
    });
}

/// The clicks made on the prerendered screens before the wasm took over
/// (Start, and an answer to the first question), applied to the state the
/// app starts with, so its first render is already the screen the runner is
/// on: one render of the whole app at the takeover, not the start screen
/// and then the question. An answer counts only if it is still the first
/// question's: it goes through the same checks as a click on the live card.
fn with_early_clicks(kb: &'static KnowledgeBase, state: State, early: &Early) -> State {
    if !early.begin || state.screen != Screen::Start {
        return state;
    }
    let first = next_screen(kb, &state.answers);
    let mut state = Rc::new(state).reduce(Action::Begin);
    if let (Some((id, value)), (Some(question), None)) = (&early.answer, first) {
        if let Some(answer) = (question.id == *id).then(|| button_answer(&question, value)).flatten() {
            state = state.reduce(Action::Answer(id.clone(), answer));
        }
    }
    Rc::unwrap_or_clone(state)
}

#[hook]
fn use_early_remember(state: &UseReducerHandle<State>, remember: bool) {
    // "Remember" pressed before the wasm took over asks the browser to keep
    // the data, which is a request, not a state change, so it waits for the
    // first render like any effect.
    let state = state.clone();
    use_effect_with((), move |_| {
        if remember && !state.remember {
            let state = state.clone();
            storage::remember_now(&Callback::from(move |a| state.dispatch(a)), Action::Remember, Action::Persisted);
        }
    });
}

#[hook]
fn use_heading_focus(root: &NodeRef, screen: String, interacted: bool) {
    // Each new screen's heading takes focus, so keyboard and screen-reader
    // users start there; but not before the runner's first action, so an
    // embedding page keeps its focus (and scroll position) on load.
    let root = root.clone();
    use_effect_with((screen, interacted), move |(_, interacted)| {
        let heading = root.cast::<web_sys::Element>().and_then(|r| r.query_selector("h2[tabindex]").ok().flatten());
        if let (true, Some(heading)) = (*interacted, heading) {
            let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

#[hook]
fn use_detail_after_results(state: &UseReducerHandle<State>, at_results: bool) {
    // The results' disclosures are filled a task after the results show.
    let dispatcher = state.dispatcher();
    use_effect_with((at_results, state.detail), move |(at_results, detail)| {
        let pending = (*at_results && !*detail)
            .then(|| gloo_timers::callback::Timeout::new(0, move || dispatcher.dispatch(Action::Detail)));
        move || drop(pending)
    });
}
