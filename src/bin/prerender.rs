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
//! `{"languages": {"<code>": {"variants": {"<n><c><s>": html}, "file": text, "results": text}},
//! "number": placeholder, "clinic": placeholder, "themes": {"light": class,
//! "dark": class}}`, where n, c and s are 1 when an emergency number is set,
//! a clinic's name is set, and storage is allowed, and `file` and `results`
//! are the language files the widget fetches, for the interview and for the
//! results (the hook writes them out, hashed).

use foot_triage::{
    KnowledgeBase,
    knowledge::LANGUAGES,
    shell,
    widget_config::{Theme, WidgetConfig},
};
use yew::prelude::*;

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

fn render(config: WidgetConfig) -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<FirstScreen>::with_props(Props { config }).hydratable(false).render(),
    )
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
            variants.insert(key, render(config).into());
        }
        languages.insert(
            language.code.into(),
            serde_json::json!({"variants": variants, "file": language.file(), "results": language.results_file()}),
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
