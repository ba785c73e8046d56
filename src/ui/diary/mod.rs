//! The recovery diary and shoe log, with the clinician hand-off. This is a
//! second wasm module (`src/bin/diary.rs`): `embed.js` loads it only when a
//! runner opens the diary, so none of it weighs on the triage's first load.
//! It runs in the same shadow root as the triage, which stays mounted (and
//! keeps its answers) while the diary is open.
//!
//! As in the triage, nothing clinical is decided here: `diary::review`
//! reads the diary through the clinical core and these screens show what it
//! says. One file per part: `state` (the reducer, saving with consent),
//! `overview` (assessment, chart, return plan), `chart`, `entry_form`,
//! `entries` (the table), `shoes`, `files` (downloads and the backup file)
//! and `clinician` (the printable summary and the FHIR downloads).

mod chart;
mod clinician;
mod entries;
mod entry_form;
mod files;
mod overview;
mod shoes;
mod state;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::state::{DiaryAction, DiaryState, Focus, Page};
use super::storage;
use crate::{
    Answers, KnowledgeBase,
    diary::{self, Date},
    knowledge::Ui,
    shell::{Kept, languages, memory},
    widget_config::WidgetConfig,
};

#[derive(Properties, PartialEq, Clone)]
pub struct DiaryProps {
    /// The embed options, already checked.
    pub config: Rc<WidgetConfig>,
    /// The runner's triage answers, for the assessment and the hand-off.
    pub answers: Rc<Answers>,
    /// The runner chose "Remember on this device" in the triage.
    #[prop_or_default]
    pub remember: bool,
    /// The knowledge to run on: the embedded one, unless a test mounts the
    /// diary with a fixture.
    #[prop_or_default]
    pub knowledge: super::Knowledge,
}

/// What every diary screen draws from: the knowledge, the reducer's state,
/// the core's review of the diary, the embed options (for the runner's unit)
/// and the way to act. Built once per render and lent to each screen.
#[derive(Clone, Copy)]
pub struct View<'a> {
    pub kb: &'static KnowledgeBase,
    pub state: &'a DiaryState,
    pub review: &'a diary::DiaryReview,
    pub config: &'a WidgetConfig,
    pub act: &'a Callback<DiaryAction>,
}

/// Today in the runner's time zone, from the browser's clock (the core never
/// reads a clock).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let text = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    Date::parse(&text).unwrap_or(Date(0))
}

#[component]
pub fn DiaryApp(props: &DiaryProps) -> Html {
    let config = props.config.clone();
    let kb = props.knowledge.0;
    let state = {
        let key = config.storage_allowed.then(|| format!("{}:diary", storage::key(config.instance.as_deref())));
        let remember = props.remember;
        use_reducer(move || {
            // The one read of storage: the diary saved last time.
            let loaded = key.as_deref().map(|k| storage::load(k, |record| DiaryState::decode(kb, record)));
            if let Some(storage::Loaded::SetAside { why, set_aside }) = &loaded {
                web_sys::console::warn_1(&format!("foot-triage: saved diary set aside as {set_aside}: {why}").into());
            }
            DiaryState::start(kb, key, today(), remember, loaded)
        })
    };
    {
        // Storage follows consent, after every change to the diary or the
        // consent (counted by `saves`).
        let state = state.clone();
        use_effect_with((state.saves, state.remember, state.storage_key.clone()), move |(saves, remember, key)| {
            // Nothing has changed yet when the diary opens: what is stored
            // stays as it is (a diary set aside is not replaced by an empty one).
            if let (Some(key), true) = (key, *saves > 0) {
                if let Err(refused) = storage::sync(key, *remember, || state.record()) {
                    state.dispatch((kb, DiaryAction::Refused(refused)));
                }
            }
        });
    }
    // Each action comes with the knowledge of this render, so the reducer
    // words its notices in the runner's language.
    let act = {
        let state = state.clone();
        Callback::from(move |action: DiaryAction| state.dispatch((kb, action)))
    };
    let review = diary::review(kb, &props.answers, &state.diary, state.today);
    let view = View { kb, state: &state, review: &review, config: &config, act: &act };
    let root = use_node_ref();
    {
        // Focus goes where the reducer asked (see `DiaryState::focus`), once
        // the change has rendered. Opening the diary needs none: embed.js
        // focuses its heading.
        let root = root.clone();
        let target = state.focus.map(selector);
        use_effect_with(state.focus_seq, move |_| {
            let found = target.and_then(|t| root.cast::<web_sys::Element>()?.query_selector(&t).ok().flatten());
            if let Some(element) = found {
                let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }
    let theme = config.theme.class();
    let body = match state.page {
        Page::Clinician => clinician::clinician(&view),
        Page::Log => log(&view),
    };
    html! {
        <div class={classes!("ft-app", "ft-diary", theme)} lang={kb.language()} ref={root} data-ft-diary="">
            <h1 class="ft-title">{ kb.ui(Ui::AppTitle) }</h1>
            <p class="ft-notice-bar" role="status" data-ft-notice="">
                { state.notice.clone().unwrap_or_default() }
                if state.deleted.is_some() {
                    { " " }
                    <button type="button" class="ft-link" data-ft-undo="" onclick={act.reform(|_: MouseEvent| DiaryAction::Undo)}>
                        { kb.ui(Ui::DiaryNoticeUndo) }
                    </button>
                }
            </p>
            { body }
            { languages(kb) }
        </div>
    }
}

/// The element inside the diary that `place` names, as a selector. The ids
/// and data attributes are the ones the screens draw (`entry_form`,
/// `entries`, `shoes`, `clinician`, and the notice bar and page button here).
fn selector(place: Focus) -> String {
    match place {
        Focus::EntryForm => "#ft-entry-title".into(),
        Focus::ChangeButton(date) => format!("[data-ft-edit=\"{date}\"]"),
        Focus::Undo => "[data-ft-undo]".into(),
        Focus::ShoeForm => "[data-ft-shoe-form] input[name=name]".into(),
        Focus::Shoes => "#ft-shoes-title".into(),
        Focus::ClinicianPage => "#ft-clinician-title".into(),
        Focus::ClinicianButton => "[data-ft-clinician-page]".into(),
    }
}

/// The diary itself: what it says, today's entry, the entries, the shoes,
/// then the hand-off, the backup and saving.
fn log(view: &View) -> Html {
    let View { kb, state, config, act, .. } = *view;
    let unit = config.units;
    let has_entries = !state.diary.entries().is_empty();
    let remembering = state.remember;
    let export = {
        let (diary, today, act) = (state.diary.clone(), state.today, act.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("foot-triage-diary-{today}.json");
            act.emit(if files::download(&name, "application/json", &diary::to_backup(&diary)) {
                DiaryAction::Exported(name)
            } else {
                DiaryAction::Notice(kb.ui(Ui::DiaryNoticeDownloadRefused).into())
            });
        })
    };
    html! {
        <section class="ft-screen ft-diary-log" aria-labelledby="ft-diary-title">
            <h2 id="ft-diary-title" tabindex="-1">{ kb.ui(Ui::DiaryLogTitle) }</h2>
            <p>{ kb.ui(Ui::DiaryLogLead) }</p>
            <p class="ft-no-print">
                <button type="button" class="ft-secondary" data-ft-close="diary">{ kb.ui(Ui::DiaryLogBack) }</button>
            </p>
            if config.storage_allowed && !state.remember {
                <p class="ft-hint" data-ft-not-saved="">{ kb.ui(Ui::DiaryLogNotSaved) }</p>
            }
            if state.remind_backup {
                <p class="ft-hint" data-ft-backup-reminder="">{ kb.ui(Ui::DiaryLogBackupReminder) }</p>
            }
            if has_entries { { overview::overview(view) } }
            { entry_form::entry_form(view) }
            if has_entries {
                <div class="ft-block">
                    { entries::entries_table(kb, state, state.shown, unit, Some(act)) }
                    if state.diary.entries().len() > state.shown {
                        <button type="button" class="ft-secondary" data-ft-more=""
                            onclick={act.reform(|_: MouseEvent| DiaryAction::ShowMore)}>{ kb.ui(Ui::DiaryLogShowMore) }</button>
                    }
                </div>
            }
            { shoes::shoes(view) }
            <section class="ft-block ft-no-print" aria-labelledby="ft-share-title">
                <h3 id="ft-share-title">{ kb.ui(Ui::DiaryLogShare) }</h3>
                <div class="ft-actions">
                    <button type="button" class="ft-primary" data-ft-clinician-page=""
                        onclick={act.reform(|_: MouseEvent| DiaryAction::Page(Page::Clinician))}>
                        { kb.ui(Ui::DiaryLogClinician) }
                    </button>
                    <button type="button" class="ft-secondary" data-ft-export="" onclick={export}>
                        { kb.ui(Ui::DiaryLogExport) }
                    </button>
                    <label class="ft-secondary ft-file">
                        { kb.ui(Ui::DiaryLogImport) }
                        <input type="file" accept="application/json,.json" data-ft-import=""
                            onchange={files::on_backup_chosen(kb, act)} />
                    </label>
                </div>
                if let Some(error) = &state.import_error {
                    <p class="ft-error" role="alert" data-ft-import-error="">{ error }</p>
                }
            </section>
            if config.storage_allowed {
                { memory(
                    kb,
                    state.remember,
                    &DIARY,
                    storage::remember_switch(act, remembering, DiaryAction::Remember, DiaryAction::Persisted),
                    act.reform(|_: MouseEvent| DiaryAction::Erased(storage::erase_all())),
                ) }
            }
        </section>
    }
}

/// "Remember on this device" and "Erase my data", as in the triage.
pub(super) const DIARY: Kept = Kept {
    label: Ui::DiaryMemoryLabel,
    on: Ui::DiaryMemoryOn,
    off: Ui::DiaryMemoryOff,
    turned_on: Ui::DiaryMemoryTurnedOn,
    turned_off: Ui::DiaryMemoryTurnedOff,
    kept_for_good: Ui::DiaryMemoryKeptForGood,
    may_be_cleared: Ui::DiaryMemoryMayBeCleared,
};
