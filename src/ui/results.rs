//! The assessment: the action first, then why, the likely causes, the plan,
//! the safety net and the hand-off. On an emergency only the action, what to
//! do while help comes, the safety net and the summary to take are shown:
//! nothing that could delay the runner.

use yew::prelude::*;

use super::{
    Knowledge,
    answer_list::answer_list,
    handoff::handoff,
    plan::{compact_item, plan_view, tools_view},
    state::Action,
};
use crate::{
    Answers, KnowledgeBase, Level,
    engine::{Assessment, PlanItem, RankedCondition, TriageReason, likelihood_text},
    knowledge::Ui,
    widget_config::WidgetConfig,
};

/// What the results screen is drawn from: the assessment of the answers,
/// with the app's state that the screen shows (whether the summary was
/// copied, and whether the disclosures' contents are drawn yet).
#[derive(Clone, Copy)]
pub struct ResultsView<'a> {
    pub knowledge: Knowledge,
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    /// What copying the summary for a clinician came to, once tried.
    pub copy_status: Option<&'a str>,
    pub act: &'a Callback<Action>,
    pub config: &'a WidgetConfig,
    /// Whether the disclosures' contents are drawn (a task after the
    /// results show: the app's `use_detail_after_results`).
    pub detail: bool,
}

/// The results screen, for `assessment` of `answers`. On a phone its first
/// screen holds the level, the action, the one-line why and where to go; then
/// the plan at a glance and the likely causes, each opening to its detail;
/// then the safety net; the full plan, the calculators, every reason and the
/// hand-off sit behind labelled disclosures. Nothing is left out: printing
/// opens every disclosure (`embed.js`).
pub fn results(view: ResultsView) -> Html {
    let ResultsView { knowledge, assessment, answers, copy_status, act, config, detail } = view;
    let kb = knowledge.0;
    let a = assessment;
    let level = a.triage.as_str();
    let emergency = a.triage == Level::Emergency;
    html! {
        <section class="ft-screen ft-results" data-ft-results="" data-ft-level={level} aria-labelledby="ft-result-title">
            { banner(kb, a, config) }
            if a.triage == Level::Soon { { booking(kb, config) } }
            if !emergency { { clinic(kb, config) } }
            if let Some(notice) = &a.plan.stop_running_notice {
                <p class="ft-stop" data-ft-stop-running="">{ &**notice }</p>
            }
            { findings(kb, a, detail) }
            <section class="ft-block" aria-labelledby="ft-help-title">
                <h3 id="ft-help-title">{ kb.ui(Ui::ResultsHelp) }</h3>
                <ul class="ft-safety">{ for a.safety_net.iter().map(|s| html! { <li>{ &**s }</li> }) }</ul>
            </section>
            if !emergency && kb.has_results() {
                { more(view) }
            }
            <section class="ft-block ft-print-only" aria-labelledby="ft-answers-title">
                <h3 id="ft-answers-title">{ kb.ui(Ui::ResultsAnswers) }</h3>
                { answer_list(kb, answers) }
            </section>
            <p class="ft-notice">{ &*a.notice }</p>
            if emergency && kb.has_results() { { handoff(kb, assessment, answers, copy_status, act) } }
            <div class="ft-actions ft-no-print">
                <button class="ft-secondary" data-ft-review="" onclick={act.reform(|_: MouseEvent| Action::Review)}>
                    { kb.ui(Ui::ResultsReview) }
                </button>
                <button class="ft-secondary" data-ft-restart="" onclick={act.reform(|_: MouseEvent| Action::Restart)}>
                    { kb.ui(Ui::ResultsRestart) }
                </button>
            </div>
        </section>
    }
}

/// The coloured banner: the level, the action and when; then, at an
/// emergency, whom to call, and otherwise the leading reason.
fn banner(kb: &KnowledgeBase, a: &Assessment, config: &WidgetConfig) -> Html {
    let level = a.triage.as_str();
    let title = kb.level(a.triage).map(|l| l.title.to_string()).unwrap_or_default();
    html! {
        <div class={classes!("ft-banner", format!("ft-level-{level}"))}>
            <p class="ft-level-name">{ title }</p>
            <h2 id="ft-result-title" tabindex="-1">{ &*a.action }</h2>
            <p class="ft-timeframe">{ &*a.timeframe }</p>
            if a.triage == Level::Emergency {
                if let Some(number) = &config.number_to_call() {
                    <p class="ft-call" data-ft-emergency-number="">{ kb.ui_with(Ui::ResultsCallNow, &[("number", number)]) }</p>
                }
                <p class="ft-call">{ &*kb.data.meta.emergency }</p>
            } else if let Some(r) = a.triage_reasons.first() {
                <p class="ft-lead" data-ft-lead="">{ &*r.reason }</p>
            }
        </div>
    }
}

/// What the runner reads after the banner. While the results' words are
/// still on their way, the reasons and a note that the rest follows; at an
/// emergency, the reasons and what to do while help comes; otherwise the
/// plan at a glance and the likely causes.
fn findings(kb: &'static KnowledgeBase, a: &Assessment, detail: bool) -> Html {
    let reasons = html! {
        <section class="ft-block" aria-labelledby="ft-why-title">
            <h3 id="ft-why-title">{ kb.ui(Ui::ResultsWhy) }</h3>
            <ul class="ft-reasons">{ for a.triage_reasons.iter().map(|r| reason(kb, r)) }</ul>
        </section>
    };
    if !kb.has_results() {
        // The results' words have not arrived (a slow network): what to do,
        // why and when to get help are all here already; the causes and the
        // plan follow as soon as they come.
        return html! {
            <>
                <p class="ft-pending" role="status" data-ft-results-pending="">{ kb.ui(Ui::ResultsPending) }</p>
                { reasons }
            </>
        };
    }
    if a.triage == Level::Emergency {
        return html! { <>{ reasons }{ plan_view(kb, &a.plan) }</> };
    }
    let glance: Vec<&PlanItem> = a
        .plan
        .today
        .iter()
        .filter_map(|id| a.plan.sections.iter().flat_map(|s| &s.items).find(|i| i.id == *id))
        .collect();
    html! {
        <>
            if !glance.is_empty() {
                <section class="ft-block ft-today" data-ft-today="" aria-labelledby="ft-today-title">
                    <h3 id="ft-today-title">{ kb.ui(Ui::ResultsToday) }</h3>
                    <ul class="ft-glance">{ for glance.iter().map(|i| html! { <li>{ compact_item(kb, i, detail) }</li> }) }</ul>
                </section>
            }
            <section class="ft-block" aria-labelledby="ft-causes-title">
                <h3 id="ft-causes-title">{ kb.ui(Ui::ResultsCauses) }</h3>
                <p class="ft-help">{ kb.ui(Ui::ResultsCausesHelp) }</p>
                <ol class="ft-conditions">{ for a.conditions.iter().take(kb.data.meta.ranking.listed_min).map(|c| condition(kb, c)) }</ol>
            </section>
        </>
    }
}

/// The labelled disclosures after the safety net: every reason, the whole
/// plan, the calculators and the hand-off. Their contents are drawn only
/// once `detail` is set, a task after the results show (the app's
/// `use_detail_after_results`), so the results' first screen comes first.
fn more(view: ResultsView) -> Html {
    let ResultsView { knowledge, assessment: a, answers, copy_status, act, config, detail } = view;
    let kb = knowledge.0;
    let items: usize = a.plan.sections.iter().map(|s| s.items.len()).sum();
    let has_tools = a.plan.sections.iter().any(|s| s.tool.is_some());
    let why_title = match a.triage_reasons.len() {
        0 | 1 => kb.ui(Ui::ResultsWhy).to_string(),
        n => kb.ui_with(Ui::ResultsWhyCount, &[("count", &n.to_string())]),
    };
    html! {
        <div class="ft-more">
            <details class="ft-disclosure" data-ft-more="why">
                <summary><h3>{ why_title }</h3></summary>
                <ul class="ft-reasons">{ for a.triage_reasons.iter().map(|r| reason(kb, r)) }</ul>
            </details>
            if items > 0 {
                <details class="ft-disclosure" data-ft-more="plan">
                    <summary><h3>{ kb.ui_with(Ui::ResultsWholePlan, &[("count", &items.to_string())]) }</h3></summary>
                    if detail { { plan_view(kb, &a.plan) } }
                </details>
            }
            if has_tools {
                <details class="ft-disclosure" data-ft-more="tools">
                    <summary><h3>{ kb.ui(Ui::ResultsTools) }</h3></summary>
                    if detail { { tools_view(knowledge, &a.plan, config.units) } }
                </details>
            }
            <details class="ft-disclosure" data-ft-more="handoff">
                <summary><h3>{ kb.ui(Ui::HandoffTitle) }</h3></summary>
                if detail { { handoff(kb, a, answers, copy_status, act) } }
            </details>
        </div>
    }
}

/// The clinic that embeds the widget, when it gave its details. Text only:
/// the URL was checked to be https, and the phone becomes a `tel:` link.
/// On a `soon` result, the clinic's own booking link, beside the generic
/// advice above it (never instead of it, and never at an emergency).
fn booking(kb: &KnowledgeBase, config: &WidgetConfig) -> Html {
    let Some(url) = &config.booking_url else { return html! {} };
    let label = match &config.clinic_name {
        Some(name) => kb.ui_with(Ui::BookingWithClinic, &[("clinic", name)]),
        None => kb.ui(Ui::BookingOnline).to_string(),
    };
    html! {
        <p class="ft-booking" data-ft-booking="">
            <a class="ft-primary" href={url.clone()} target="_blank" rel="noopener noreferrer">{ label }</a>
        </p>
    }
}

fn clinic(kb: &KnowledgeBase, config: &WidgetConfig) -> Html {
    let Some(name) = config.clinic_name.as_ref().or(config.clinic_url.as_ref()).or(config.clinic_phone.as_ref()) else {
        return html! {};
    };
    html! {
        <div class="ft-card ft-clinic" role="group" aria-label={kb.ui(Ui::ClinicLabel).to_string()} data-ft-clinic="">
            <p><strong>{ if config.clinic_name.is_some() { name.clone() } else { kb.ui(Ui::ClinicLabel).to_string() } }</strong></p>
            <p class="ft-clinic-links">
                if let Some(url) = &config.clinic_url {
                    <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ kb.ui(Ui::ClinicBook) }</a>
                }
                if let (Some(phone), Some(tel)) = (&config.clinic_phone, config.tel_link()) {
                    <a href={tel}>{ kb.ui_with(Ui::ClinicCall, &[("phone", phone)]) }</a>
                }
            </p>
        </div>
    }
}

pub(super) fn reason(kb: &KnowledgeBase, r: &TriageReason) -> Html {
    html! {
        <li>
            { &*r.reason }
            if !r.answers.is_empty() {
                <span class="ft-because">
                    { kb.ui_with(Ui::ResultsYouSaid, &[("answers", &r.answers.iter().map(|s| format!("{}: {}", s.question, s.answer)).collect::<Vec<_>>().join("; "))]) }
                </span>
            }
        </li>
    }
}

pub(super) fn condition(kb: &KnowledgeBase, c: &RankedCondition) -> Html {
    let likelihood = kb.ui(likelihood_text(c.likelihood));
    html! {
        <li class="ft-card ft-condition" data-ft-condition={c.id.to_string()}>
            <details>
                <summary>
                    <h4>{ &*c.name }<span class={classes!("ft-badge", format!("ft-{}", c.likelihood))}>{ likelihood }</span></h4>
                </summary>
                <p>{ &*c.description }</p>
                if !c.reasons_for.is_empty() {
                    <p class="ft-sub">{ kb.ui(Ui::ResultsFits) }</p>
                    <ul class="ft-for">{ for c.reasons_for.iter().map(|r| html! { <li>{ &**r }</li> }) }</ul>
                }
                if !c.reasons_against.is_empty() {
                    <p class="ft-sub">{ kb.ui(Ui::ResultsDoesNotFit) }</p>
                    <ul class="ft-against">{ for c.reasons_against.iter().map(|r| html! { <li>{ &**r }</li> }) }</ul>
                }
                <p class="ft-seek">{ &*c.seek_care }</p>
            </details>
        </li>
    }
}
