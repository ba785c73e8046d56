//! Renders the triage's first screen to HTML with Yew's server renderer, run
//! natively at build time (`tools/post-build.mjs` runs it and writes the
//! result into `embed.js`). The markup comes from the same `shell` functions
//! the widget runs, so what `embed.js` paints before the wasm arrives is what
//! the wasm renders when it takes over.
//!
//! The first screen depends on the language and three embed options. Each
//! combination is rendered once, with the emergency number and the clinic's
//! name as placeholders that `embed.js` fills with the checked values; the
//! theme is a class `embed.js` adds. Prints one JSON object:
//! `{"languages": {"<code>": {"variants": {"<n><c><s>": html}, "question": q, "file": text, "results": text}},
//! "number": placeholder, "clinic": placeholder, "themes": {"light": class,
//! "dark": class}}`, where n, c and s are 1 when an emergency number is set,
//! a clinic's name is set, and storage is allowed, and `file` and `results`
//! are the language files the widget fetches, for the interview and for the
//! results (the hook writes them out, hashed). `q` is the first question's
//! screen, `{"id", "html", "waiting"}` (the message shown once it is
//! answered before the wasm), or null when it cannot take an early answer.

use std::rc::Rc;

use foot_triage::{
    Answers, KnowledgeBase,
    knowledge::{LANGUAGES, Question, QuestionKind, Ui},
    shell,
    ui::{
        Knowledge,
        question_card::{QuestionCard, next_screen},
    },
    units::DistanceUnit,
    widget_config::{Theme, WidgetConfig},
};
use yew::{BaseComponent, prelude::*};

/// Stand-ins that no checked option can contain (private-use characters).
const NUMBER: &str = "\u{E000}";
const CLINIC: &str = "\u{E001}";

#[derive(Properties, PartialEq)]
struct Props {
    config: WidgetConfig,
}

/// The app's first screen, as `ui::App` draws it before any answer: the
/// start screen in the frame, with the diary button and the consent switch
/// (when storage is allowed) off.
#[component]
fn FirstScreen(props: &Props) -> Html {
    let config = &props.config;
    let kb = KnowledgeBase::in_language(config.lang).expect("every language is embedded natively");
    let memory =
        config.storage_allowed.then(|| shell::memory(kb, false, &shell::ANSWERS, Callback::noop(), Callback::noop()));
    shell::frame(shell::Frame {
        kb,
        theme: config.theme.class(),
        notice: None,
        body: shell::start(kb, config, Callback::noop()),
        diary: Some(shell::diary_link(kb, "{}".into(), false)),
        memory,
        announcement: String::new(),
        root: NodeRef::default(),
    })
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    kb: Knowledge,
    question: Rc<Question>,
}

/// The first question, as `ui::App` draws it after Start with no answers
/// yet: the question card in the frame, without the diary button or the
/// consent switch (the app hides both under a question).
#[component]
fn FirstQuestion(props: &QuestionProps) -> Html {
    let kb = props.kb.0;
    let body = html! {
        <QuestionCard
            knowledge={props.kb}
            question={props.question.clone()}
            current={None}
            number={1}
            limit={kb.data.meta.flow.max_screens}
            editing={false}
            error={None::<String>}
            act={Callback::noop()}
            units={DistanceUnit::default()}
        />
    };
    shell::frame(shell::Frame {
        kb,
        theme: None,
        notice: None,
        body,
        diary: None,
        memory: None,
        announcement: String::new(),
        root: NodeRef::default(),
    })
}

fn render<C: BaseComponent>(props: C::Properties) -> String {
    futures::executor::block_on(yew::LocalServerRenderer::<C>::with_props(props).hydratable(false).render())
}

/// The first question's screen in `code`, when `embed.js` can take an early
/// answer on it: a one-question screen answered by one button (a choice,
/// yes or no, or "Not sure"). Anything else (a checklist, a number, ticks)
/// would hold input that the takeover could lose, so the first question
/// then waits for the wasm, as the start screen's Start does.
fn first_question(code: &'static str) -> serde_json::Value {
    let kb = KnowledgeBase::in_language(code).expect("every language is embedded natively");
    match next_screen(kb, &Answers::new()) {
        (Some(q), None) if matches!(q.kind, QuestionKind::Single | QuestionKind::YesNo) => serde_json::json!({
            "id": q.id.to_string(),
            "html": render::<FirstQuestion>(QuestionProps { kb: Knowledge(kb), question: Rc::new(q) }),
            "waiting": kb.ui(Ui::QuestionEarlyWait),
        }),
        _ => serde_json::Value::Null,
    }
}

fn main() {
    let mut languages = serde_json::Map::new();
    for language in LANGUAGES {
        let mut variants = serde_json::Map::new();
        for bits in 0..8u8 {
            let config = WidgetConfig {
                lang: language.code,
                emergency_number: (bits & 4 != 0).then(|| NUMBER.to_string()),
                clinic_name: (bits & 2 != 0).then(|| CLINIC.to_string()),
                storage_allowed: bits & 1 != 0,
                ..WidgetConfig::default()
            };
            let key = format!("{}{}{}", bits >> 2 & 1, bits >> 1 & 1, bits & 1);
            variants.insert(key, render::<FirstScreen>(Props { config }).into());
        }
        languages.insert(
            language.code.into(),
            serde_json::json!({
                "variants": variants,
                "question": first_question(language.code),
                "file": language.file(),
                "results": language.results_file(),
            }),
        );
    }
    let out = serde_json::json!({
        "languages": languages,
        "number": NUMBER,
        "clinic": CLINIC,
        "themes": {"light": Theme::Light.class(), "dark": Theme::Dark.class()},
    });
    println!("{out}");
}
