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
//! results (the hook writes them out, hashed, as it does `knowledge`, the
//! compact knowledge in hexadecimal). `q` is the first question's
//! screen, `{"id", "html", "waiting"}` (the message shown once it is
//! answered before the wasm), or null when it cannot take an early answer.

use std::rc::Rc;

use foot_triage::{
    Answers, KnowledgeBase,
    engine::danger_check::{danger_check, groups},
    knowledge::{
        LANGUAGES, Question, QuestionKind, Ui,
        catalogue::{FORMAT, SEPARATOR},
    },
    shell,
    ui::{
        Knowledge,
        question_card::{QuestionCard, next_screen},
    },
    units::DistanceUnit,
    widget_config::{ATTRIBUTES, EMERGENCY_DIGITS, MAX_NAME, REMEMBER, Theme, WidgetConfig},
};
use yew::{BaseComponent, prelude::*};

/// Stand-ins that no checked option can contain (private-use characters).
const NUMBER: &str = "\u{E000}";
const CLINIC: &str = "\u{E001}";

#[derive(Properties, PartialEq)]
struct Props {
    /// The embed options the start screen is drawn for (placeholders where
    /// the page fills in its own values).
    config: WidgetConfig,
}

/// The app's first screen, as `ui::App` draws it before any answer: the
/// start screen in the frame, with the diary button and the consent switch
/// (when storage is allowed) off.
#[component]
fn FirstScreen(props: &Props) -> Html {
    let config = &props.config;
    // The start screen says the number to call (the region's or the
    // clinic's, the placeholder here) or, with none, the local-number
    // wording; no other region text is on it.
    let kb = words(config.lang).for_region("", config.emergency_number.as_deref());
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
    /// The language's knowledge the question is worded in.
    kb: Knowledge,
    /// The first question, as `next_screen` chooses it.
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
    plain_frame(kb, body)
}

/// `body` in the widget's frame with no theme, notice, diary link or memory
/// switch: how the first question and the danger-sign check are shown.
fn plain_frame(kb: &'static KnowledgeBase, body: Html) -> Html {
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

/// The knowledge in `code`, its placeholders still open.
fn words(code: &str) -> &'static KnowledgeBase {
    KnowledgeBase::in_language(code).expect("every language is embedded natively")
}

/// `draw`'s markup, which must not depend on the region: a screen painted
/// before the runner's region is applied cannot name its services.
fn same_in_every_region(code: &str, draw: impl Fn(&'static KnowledgeBase) -> String) -> String {
    let html = draw(words(code).for_region("", None));
    for region in words(code).data.care_regions.iter() {
        assert_eq!(draw(words(code).for_region(&region.id, None)), html, "the first question names a region's service");
    }
    html
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
    let kb = words(code).for_region("", None);
    match next_screen(kb, &Answers::new()) {
        (Some(q), None) if matches!(q.kind, QuestionKind::Single | QuestionKind::YesNo) => serde_json::json!({
            "id": q.id.to_string(),
            "html": same_in_every_region(code, |kb| {
                render::<FirstQuestion>(QuestionProps { kb: Knowledge(kb), question: Rc::new(q.clone()) })
            }),
            "waiting": kb.ui(Ui::QuestionEarlyWait),
        }),
        _ => serde_json::Value::Null,
    }
}

/// The danger-sign check in `code`, worked out by the engine
/// (`engine::danger_check`): its screen (without and with the host's
/// emergency number), its outcomes by code, what each sign calls for (ticked,
/// and "not sure") and every combination that calls for more than its parts.
fn fallback(code: &'static str) -> serde_json::Value {
    let kb = words(code).for_region("", None);
    let check = danger_check(kb);
    assert_eq!(check.decide(&[]), 0, "the danger-sign check with no sign must be home care");
    let signs: serde_json::Map<String, serde_json::Value> =
        check.signs.iter().map(|(q, yes, unsure)| (q.id.to_string(), serde_json::json!([yes, unsure]))).collect();
    let all = check.all();
    let combos: Vec<serde_json::Value> = check
        .combos
        .iter()
        .map(|(members, level)| {
            serde_json::json!([members.iter().map(|&m| all[m].id.to_string()).collect::<Vec<_>>(), level])
        })
        .collect();
    let screen = |number: Option<&str>| render::<Fallback>(FallbackProps { code, number: number.map(str::to_string) });
    // What an outcome says names the region's services: one set per region
    // (with its number as the placeholder `embed.js` fills, since a clinic
    // may give its own), and two for the fallback, without and with a
    // clinic's number.
    let outcomes = |region: &str, number: Option<&str>| {
        let kb = words(code).for_region(region, number);
        (0..=4u8).map(|outcome| render::<Outcome>(OutcomeProps { kb: Knowledge(kb), outcome })).collect::<Vec<_>>()
    };
    let mut by_region: serde_json::Map<String, serde_json::Value> =
        kb.countries().map(|r| (r.id.to_string(), outcomes(&r.id, Some(NUMBER)).into())).collect();
    by_region.insert(String::new(), outcomes("", None).into());
    by_region.insert(NUMBER.into(), outcomes("", Some(NUMBER)).into());
    serde_json::json!({
        "html": screen(None),
        "numbered": screen(Some(NUMBER)),
        "outcomes": by_region,
        "signs": signs,
        "combos": combos,
    })
}

#[derive(Properties, PartialEq)]
struct FallbackProps {
    /// The language's code.
    code: &'static str,
    /// The emergency number to say (the placeholder `embed.js` fills), or
    /// `None` for the wording that names none.
    number: Option<String>,
}

/// The danger-sign check in the frame, as a runner sees it when the wasm
/// cannot run.
#[component]
fn Fallback(props: &FallbackProps) -> Html {
    let kb = words(props.code).for_region("", props.number.as_deref());
    let body = shell::fallback::fallback(kb, &groups(kb), props.number.as_deref());
    plain_frame(kb, body)
}

#[derive(Properties, PartialEq)]
struct OutcomeProps {
    /// The knowledge, filled for a region, that the outcome is worded in.
    kb: Knowledge,
    /// The outcome's code (an `engine::danger_check` outcome).
    outcome: u8,
}

#[component]
fn Outcome(props: &OutcomeProps) -> Html {
    shell::fallback::outcome(props.kb.0, props.outcome)
}

/// What `embed.js` says in `code` when even the danger-sign check cannot
/// load, and while things load: the words come from the catalogue, like
/// everything the runner reads.
fn said(code: &'static str) -> serde_json::Value {
    let kb = words(code).for_region("", None);
    serde_json::json!({
        "title": kb.ui(Ui::AppTitle),
        "loading": kb.ui(Ui::FallbackLoading),
        "failed": kb.ui(Ui::FallbackFailed),
        "emergency": &*kb.data.meta.emergency,
        "diaryOpening": kb.ui(Ui::FallbackDiaryOpening),
        "diaryFailed": kb.ui(Ui::FallbackDiaryFailed),
        "diaryBack": kb.ui(Ui::FallbackDiaryBack),
        "pageTitle": kb.ui(Ui::PageTitle),
        "updateReady": kb.ui(Ui::PageUpdateReady),
        "updateRefresh": kb.ui(Ui::PageUpdateRefresh),
    })
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
                "fallback": fallback(language.code),
                "words": said(language.code),
            }),
        );
    }
    let out = serde_json::json!({
        "languages": languages,
        "number": NUMBER,
        "clinic": CLINIC,
        "themes": Theme::ALL.iter().map(|(name, theme)| (name.to_string(), theme.class().into())).collect::<serde_json::Map<_, _>>(),
        // What embed.js shares with the widget's Rust, written here so that
        // nothing is copied by hand: the attributes, what the prerendered
        // first screen can draw, and the language files' format mark.
        "attributes": ATTRIBUTES,
        "emergencyDigits": EMERGENCY_DIGITS,
        "clinicName": MAX_NAME,
        "remember": REMEMBER,
        // Each country with its own services: its emergency number, and its
        // name for the configuration page.
        "regions": KnowledgeBase::embedded().countries().map(|r| {
            (r.id.to_string(), serde_json::json!({ "number": r.number, "name": r.name }))
        }).collect::<serde_json::Map<_, _>>(),
        "format": FORMAT,
        "separator": SEPARATOR.to_string(),
        // The knowledge the widget and the diary fetch as a file of their
        // own (`knowledge-<hash>.bin`), in hexadecimal: JSON carries no bytes.
        "knowledge": KnowledgeBase::compact().iter().map(|b| format!("{b:02x}")).collect::<String>(),
    });
    println!("{out}");
}
