//! The page for a clinician: one printed page with the triage (the answers
//! that set it, the likely causes and their reasons), the answers, the diary
//! chart and its latest entries, the shoes and the not-a-diagnosis notice.
//! From here the runner prints it (or saves it as PDF), copies it as text,
//! or downloads the answers as a FHIR R4 QuestionnaireResponse and the
//! questionnaire as a FHIR R4 Questionnaire.

use yew::prelude::*;

use super::{
    View,
    chart::chart,
    entries::entries_table,
    files::download,
    state::{DiaryAction, Page},
};
use crate::{
    KnowledgeBase,
    diary::{self, Entry},
    engine::{RankedCondition, likelihood_text},
    fhir,
    knowledge::Ui,
    ui::{handoff::copy_text, results::reason},
};

/// How many days the printed chart covers, ending today.
const CHART_DAYS: i32 = 28;

/// The clinician's page for the diary in `view`, its latest review included.
pub fn clinician(view: &View) -> Html {
    let View { kb, state, review, .. } = *view;
    let a = &review.assessment;
    let text = diary::plain_text(kb, &state.diary, review, view.config.units);
    let level = kb.level(a.triage).map(|l| l.title.to_string()).unwrap_or_default();
    let prepared = kb.ui_with(
        Ui::DiaryClinicianPrepared,
        &[("date", &state.today.text(kb)), ("version", a.knowledge_version.as_ref())],
    );
    html! {
        <section class="ft-screen ft-clinician" aria-labelledby="ft-clinician-title" data-ft-clinician="">
            <h2 id="ft-clinician-title" tabindex="-1">{ kb.ui(Ui::DiaryClinicianTitle) }</h2>
            <p class="ft-help">{ prepared }</p>
            <p class="ft-notice">{ &*a.notice }</p>
            { actions(view, &text) }
            <details class="ft-why ft-no-print">
                <summary>{ kb.ui(Ui::DiaryClinicianShowText) }</summary>
                <textarea class="ft-summary-text" readonly=true rows="12" aria-label={kb.ui(Ui::DiaryClinicianTextLabel)}
                    value={text} data-ft-summary="" />
            </details>
            <section class="ft-sheet-part" aria-labelledby="ft-c-triage">
                <h3 id="ft-c-triage">{ kb.ui_with(Ui::DiaryClinicianTriage, &[("level", &level)]) }</h3>
                <p><strong>{ &*a.action }</strong>{ format!(" ({})", a.timeframe) }</p>
                <ul class="ft-reasons">{ for a.triage_reasons.iter().map(|r| reason(kb, r)) }</ul>
            </section>
            if !a.conditions.is_empty() {
                <section class="ft-sheet-part" aria-labelledby="ft-c-causes">
                    <h3 id="ft-c-causes">{ kb.ui(Ui::DiaryClinicianCauses) }</h3>
                    <ol class="ft-compact">
                        { for a.conditions.iter().take(kb.data.meta.ranking.listed_min).map(|c| condition(kb, c)) }
                    </ol>
                </section>
            }
            <section class="ft-sheet-part" aria-labelledby="ft-c-answers">
                <h3 id="ft-c-answers">{ kb.ui(Ui::DiaryClinicianAnswers) }</h3>
                { crate::ui::answer_list::answer_list(kb, &review.merged) }
            </section>
            { diary_part(view) }
            if !review.shoes.is_empty() { { shoes_part(view) } }
        </section>
    }
}

/// The buttons that take the page away (print, copy `text`, the two FHIR
/// downloads) and the one back to the diary; none of them is printed.
fn actions(view: &View, text: &str) -> Html {
    let View { kb, state, review, act, .. } = *view;
    let today = state.today;
    let copy = {
        let (text, act) = (text.to_string(), act.clone());
        Callback::from(move |_: MouseEvent| {
            let act = act.clone();
            copy_text(text.clone(), move |copied| {
                let notice = if copied { Ui::DiaryClinicianCopied } else { Ui::DiaryClinicianCopyFailed };
                act.emit(DiaryAction::Notice(kb.ui(notice).into()));
            });
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    let response = {
        let (merged, act) = (review.merged.clone(), act.clone());
        Callback::from(move |_: MouseEvent| {
            let json = fhir::response(kb, &merged);
            let name = format!("foot-triage-response-{today}.json");
            act.emit(DiaryAction::Notice(downloaded(kb, download(&name, "application/fhir+json", &json), &name)));
        })
    };
    let questionnaire = act.reform(|_: MouseEvent| {
        let json = fhir::questionnaire(kb);
        let name = "foot-triage-questionnaire.json";
        DiaryAction::Notice(downloaded(kb, download(name, "application/fhir+json", &json), name))
    });
    html! {
        <div class="ft-actions ft-no-print">
            <button type="button" class="ft-primary" data-ft-print="" onclick={print}>
                { kb.ui(Ui::DiaryClinicianPrint) }
            </button>
            <button type="button" class="ft-secondary" data-ft-copy="" onclick={copy}>
                { kb.ui(Ui::DiaryClinicianCopy) }
            </button>
            <button type="button" class="ft-secondary" data-ft-fhir-response="" onclick={response}>
                { kb.ui(Ui::DiaryClinicianFhirResponse) }
            </button>
            <button type="button" class="ft-secondary" data-ft-fhir-questionnaire="" onclick={questionnaire}>
                { kb.ui(Ui::DiaryClinicianFhirQuestionnaire) }
            </button>
            <button type="button" class="ft-secondary" data-ft-back-to-diary=""
                onclick={act.reform(|_: MouseEvent| DiaryAction::Page(Page::Log))}>{ kb.ui(Ui::DiaryClinicianBack) }</button>
        </div>
    }
}

/// The diary on the sheet: the chart of the last `CHART_DAYS` days and the
/// latest entries.
fn diary_part(view: &View) -> Html {
    let View { kb, state, review, .. } = *view;
    let (unit, today) = (view.config.units, state.today);
    let start = diary::Date(today.0 - (CHART_DAYS - 1));
    let recent: Vec<Entry> =
        state.diary.entries().iter().filter(|e| e.date >= start && e.date <= today).cloned().collect();
    let count = state.diary.entries().len();
    let diary_title = if count == 1 { Ui::DiaryClinicianDiaryOne } else { Ui::DiaryClinicianDiaryMany };
    html! {
        <section class="ft-sheet-part ft-sheet-diary" aria-labelledby="ft-c-diary">
            <h3 id="ft-c-diary">{ kb.ui_with(diary_title, &[("count", &count.to_string())]) }</h3>
            { chart(kb, &recent, start, today, unit, &review.summary) }
            { entries_table(kb, state, diary::LATEST, unit, None) }
        </section>
    }
}

/// The shoes on the sheet, each with its distance and what it says.
fn shoes_part(view: &View) -> Html {
    let (kb, unit) = (view.kb, view.config.units);
    let distance = |km: f64| format!("{} {}", kb.number(unit.from_km(km)), unit.symbol());
    html! {
        <section class="ft-sheet-part" aria-labelledby="ft-c-shoes">
            <h3 id="ft-c-shoes">{ kb.ui(Ui::DiaryClinicianShoes) }</h3>
            <ul class="ft-compact">
                { for view.review.shoes.iter().map(|s| html! { <li>{ format!("{}: {}. {}", s.name, distance(s.km), s.message) }</li> }) }
            </ul>
        </section>
    }
}

fn downloaded(kb: &KnowledgeBase, ok: bool, name: &str) -> String {
    if ok {
        kb.ui_with(Ui::DiaryNoticeDownloaded, &[("name", name)])
    } else {
        kb.ui(Ui::DiaryNoticeDownloadRefused).into()
    }
}

/// A condition in a line or two: its name and likelihood, what fits and what
/// does not.
fn condition(kb: &KnowledgeBase, c: &RankedCondition) -> Html {
    // Each reason is a sentence of its own.
    let join = |id, reasons: &[crate::knowledge::Text]| {
        kb.ui_with(id, &[("reasons", &reasons.iter().map(|r| &**r).collect::<Vec<_>>().join(" "))])
    };
    html! {
        <li data-ft-condition={c.id.to_string()}>
            <strong>{ &*c.name }</strong>{ format!(" ({})", kb.ui(likelihood_text(c.likelihood))) }
            if !c.reasons_for.is_empty() { <br /><span>{ join(Ui::DiaryClinicianFits, &c.reasons_for) }</span> }
            if !c.reasons_against.is_empty() {
                <br /><span>{ join(Ui::DiaryClinicianDoesNotFit, &c.reasons_against) }</span>
            }
        </li>
    }
}
