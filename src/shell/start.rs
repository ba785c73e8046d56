//! The start screen: what the tool does, that nothing leaves the device, that
//! it is not a diagnosis, and what to do in an emergency, before anything else.

use yew::prelude::*;

use crate::{
    KnowledgeBase,
    knowledge::{LANGUAGES, Ui},
    widget_config::WidgetConfig,
};

/// The start screen; `begin` is the Start button's click. A plain function
/// rather than a component: it has no state, and each component type costs
/// the bundle a few kilobytes.
pub fn start(kb: &KnowledgeBase, config: &WidgetConfig, begin: Callback<MouseEvent>) -> Html {
    let meta = &kb.data.meta;
    html! {
        <section class="ft-screen ft-start" aria-labelledby="ft-start-title">
            <h2 id="ft-start-title" tabindex="-1">{ kb.ui(Ui::StartTitle) }</h2>
            <p>{ kb.ui(Ui::StartLead) }</p>
            <p class="ft-emergency" role="note">
                <strong>{ match &config.number_to_call() {
                    Some(number) => kb.ui_with(Ui::StartEmergencyCall, &[("number", number)]),
                    None => kb.ui(Ui::StartEmergency).to_string(),
                } }</strong>
                { &*meta.emergency }
            </p>
            if let Some(name) = &config.clinic_name {
                <p class="ft-offered">{ kb.ui_with(Ui::StartOfferedBy, &[("clinic", name)]) }</p>
            }
            <p class="ft-private">{ kb.ui(Ui::StartPrivate) }</p>
            <p class="ft-notice">{ &*meta.notice }</p>
            <button class="ft-primary" data-ft-start="" onclick={begin}>{ kb.ui(Ui::StartBegin) }</button>
            { languages(kb) }
        </section>
    }
}

/// The language switch (on the start screen and in the diary): one button
/// per language the build has, each named in its own language (and marked
/// up as such). `embed.js` handles the click (`data-ft-lang`): it sets the
/// element's `lang`, fetches that language's file if need be and hands it to
/// the apps, which keep their answers.
pub fn languages(kb: &KnowledgeBase) -> Html {
    if LANGUAGES.len() < 2 {
        return Html::default();
    }
    html! {
        <nav class="ft-languages ft-no-print" aria-label={kb.ui(Ui::StartLanguages).to_string()}>
            { for LANGUAGES.iter().map(|l| {
                let current = l.code == kb.language();
                html! {
                    <button type="button" class="ft-link" lang={l.code} data-ft-lang={l.code}
                        aria-pressed={if current { "true" } else { "false" }}>{ l.name }</button>
                }
            }) }
        </nav>
    }
}
