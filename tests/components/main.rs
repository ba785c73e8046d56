//! Component tests: the Yew components mounted in headless Chromium with
//! wasm-bindgen-test (run by `scripts/test-browser`). They check what a unit
//! of the UI does with real DOM events; the whole flow is covered end to end
//! by `tests/e2e`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use foot_triage::{
    Answers, KnowledgeBase, next_question,
    ui::{App, AppProps, Knowledge, crash, foot_map::foot_map, tools::Tools, tools::ToolsProps},
};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::{Callback, Properties, Renderer, component, html, scheduler::flush, use_state};

wasm_bindgen_test_configure!(run_in_browser);

fn root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector).unwrap().map(|e| e.unchecked_into())
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}")).click();
    flush().await;
}

#[wasm_bindgen_test]
async fn the_app_starts_calmly_then_asks_the_engines_first_question() {
    let root = root();
    Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    flush().await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Foot pain after a run?"), "{text}");
    assert!(text.contains("not a diagnosis"), "{text}");
    // Nothing in the widget takes focus on first load, so an embedding page
    // keeps its own: no element inside the widget has the focus.
    let document = web_sys::window().unwrap().document().unwrap();
    let active = document.active_element();
    assert!(
        active.as_ref().is_none_or(|e| !root.contains(Some(e.as_ref()))),
        "focus moved into the widget: {:?}",
        active.map(|e| e.outer_html())
    );

    click(&root, "[data-ft-start]").await;
    let first = next_question(KnowledgeBase::in_language("en").unwrap(), &Answers::new()).question.unwrap();
    let shown = find(&root, "[data-ft-question]").unwrap().get_attribute("data-ft-question");
    assert_eq!(shown.as_deref(), Some(&*first.id));

    // "Not sure" is a real answer, and Back takes it away again.
    click(&root, "[data-ft-answer=\"not_sure\"]").await;
    let second = find(&root, "[data-ft-question]").unwrap().get_attribute("data-ft-question");
    assert_ne!(second.as_deref(), Some(&*first.id));
    click(&root, "[data-ft-back]").await;
    let again = find(&root, "[data-ft-question]").unwrap().get_attribute("data-ft-question");
    assert_eq!(again.as_deref(), Some(&*first.id));
}

/// The app renders the knowledge it is handed, not a global: mounted with a
/// fixture knowledge base (the embedded one with its first question and the
/// emergency text changed), it shows the fixture's words.
#[wasm_bindgen_test]
async fn the_app_runs_on_the_knowledge_it_is_given() {
    let mut data = KnowledgeBase::in_language("en").unwrap().data.clone();
    data.meta.emergency = "Fixture emergency text.".into();
    let first = next_question(KnowledgeBase::in_language("en").unwrap(), &Answers::new()).question.unwrap().id;
    let q = data.questions.to_mut().iter_mut().find(|q| q.id == first).unwrap();
    q.text = "Fixture question: where did it start?".into();
    let fixture: &'static KnowledgeBase = Box::leak(Box::new(KnowledgeBase::new(data)));
    let root = root();
    Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { knowledge: Knowledge(fixture), ..AppProps::default() },
    )
    .render();
    flush().await;
    assert!(root.text_content().unwrap().contains("Fixture emergency text."));
    click(&root, "[data-ft-start]").await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Fixture question: where did it start?"), "{text}");
}

/// Hosts the foot map the way the question card does: it holds the view.
#[derive(Properties, PartialEq)]
struct MapHost {
    selected: Vec<String>,
    on_toggle: Callback<String>,
}

#[component]
fn MapHostComponent(props: &MapHost) -> yew::Html {
    let shown = use_state(|| None::<String>);
    let on_view = {
        let shown = shown.clone();
        Callback::from(move |v: String| shown.set(Some(v)))
    };
    let kb = KnowledgeBase::in_language("en").unwrap();
    let question = kb.question("pain_locations").unwrap();
    html! { { foot_map(kb, question, &props.selected, &props.on_toggle, shown.as_deref(), &on_view) } }
}

#[wasm_bindgen_test]
async fn foot_map_regions_toggle_by_click_and_by_keyboard() {
    let toggled = Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let on_toggle = {
        let toggled = toggled.clone();
        Callback::from(move |id: String| toggled.borrow_mut().push(id))
    };
    let root = root();
    let props = MapHost { selected: vec!["arch".into()], on_toggle };
    Renderer::<MapHostComponent>::with_root_and_props(root.clone(), props).render();
    flush().await;

    let heel = find(&root, "[data-ft-region=\"heel_bottom\"]").expect("the sole view shows the heel");
    assert_eq!(heel.get_attribute("role").as_deref(), Some("checkbox"));
    assert_eq!(heel.get_attribute("aria-label").as_deref(), Some("Bottom of the heel"));
    assert_eq!(heel.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(heel.get_attribute("aria-checked").as_deref(), Some("false"));
    let arch = find(&root, "[data-ft-region=\"arch\"]").unwrap();
    assert_eq!(arch.get_attribute("aria-checked").as_deref(), Some("true"));

    heel.dispatch_event(&web_sys::MouseEvent::new("click").unwrap()).unwrap();
    let init = KeyboardEventInit::new();
    init.set_key(" ");
    init.set_bubbles(true);
    init.set_cancelable(true);
    let space = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    arch.dispatch_event(&space).unwrap();
    flush().await;
    assert!(space.default_prevented(), "Space must not scroll the page");
    assert_eq!(*toggled.borrow(), vec!["heel_bottom".to_string(), "arch".to_string()]);

    // Other views hold the other places.
    click(&root, "[data-ft-view=\"outer\"]").await;
    assert!(find(&root, "[data-ft-region=\"outer_ankle\"]").is_some());
    assert!(find(&root, "[data-ft-region=\"heel_bottom\"]").is_none());
}

#[wasm_bindgen_test]
async fn a_countdown_runs_to_zero_and_says_so() {
    let root = root();
    let props = ToolsProps {
        seconds: Some(2),
        reps: None,
        sets: 1,
        label: "Ice pack".into(),
        calculator: None,
        units: Default::default(),
        knowledge: Default::default(),
    };
    Renderer::<Tools>::with_root_and_props(root.clone(), props).render();
    flush().await;
    assert_eq!(find(&root, "[role=\"timer\"]").unwrap().text_content().as_deref(), Some("0:02"));
    click(&root, "button").await;
    TimeoutFuture::new(2_600).await;
    flush().await;
    assert_eq!(find(&root, "[role=\"timer\"]").unwrap().text_content().as_deref(), Some("0:00"));
    assert_eq!(find(&root, "[role=\"status\"]").unwrap().text_content().as_deref(), Some("Time is up."));
}

#[wasm_bindgen_test]
async fn the_crash_screen_is_calm_text_with_a_way_to_start_again() {
    let root = root();
    Renderer::<App>::with_root_and_props(root.clone(), AppProps::default()).render();
    flush().await;
    // The widget hands the crash screen the knowledge it was showing: in its
    // language, filled for its region.
    crash::show(&root, KnowledgeBase::in_language("en").unwrap().for_region("GB", None));
    let screen = find(&root, "[data-ft-crash]").expect("the error screen replaces the app");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    let text = screen.text_content().unwrap();
    assert!(text.contains("Something went wrong") && text.contains("ambulance now on 999"), "{text}");
    assert!(find(&root, "a.ft-restart[href=\"\"]").is_some());
    assert!(find(&root, "[data-ft-start]").is_none());
    // In the language the widget was showing.
    crash::show(&root, KnowledgeBase::in_language("es").unwrap().for_region("ES", None));
    let text = find(&root, "[data-ft-crash]").unwrap().text_content().unwrap();
    assert!(text.contains("al 112 y pide una ambulancia") && !text.contains("Something went wrong"), "{text}");
}
