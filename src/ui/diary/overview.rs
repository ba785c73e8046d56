//! What the diary says, at the top of the diary: the core's assessment of
//! the runner's answers with the diary's on top (so a worsening trend, pain
//! that lasts, or a big rise in distance shows here with the rule's own
//! reason), the trend chart, and the return-to-run plan when the core offers
//! one.

use yew::prelude::*;

use super::{
    View,
    chart::chart,
    state::{DiaryAction, Range},
};
use crate::{Level, diary::Date, ui::results::reason, units::trim_number};

pub fn overview(view: &View) -> Html {
    let View { kb, state, review, act, .. } = *view;
    let unit = view.config.units;
    let a = &review.assessment;
    let level = a.triage.as_str();
    let entries = state.diary.entries();
    let start = match state.range.days() {
        Some(days) => Date(state.today.0 - (days - 1)),
        None => entries.first().map_or(state.today, |e| e.date.min(state.today)),
    };
    let shown = {
        let from = entries.partition_point(|e| e.date < start);
        let to = entries.partition_point(|e| e.date <= state.today);
        &entries[from..to.max(from)]
    };
    let range_button = |range: Range, label: &'static str| {
        html! {
            <button type="button" class="ft-chip" aria-pressed={if state.range == range { "true" } else { "false" }}
                onclick={act.reform(move |_: MouseEvent| DiaryAction::Range(range))}>{ label }</button>
        }
    };
    let source = kb.source_titles(&kb.data.meta.diary.source);
    html! {
        <>
            <section class={classes!("ft-banner", format!("ft-level-{level}"))} aria-labelledby="ft-diary-level"
                data-ft-diary-level={level}>
                <p class="ft-level-name">{ kb.level(a.triage).map(|l| l.title.to_string()).unwrap_or_default() }</p>
                <h3 id="ft-diary-level">{ &*a.action }</h3>
                <p class="ft-timeframe">{ &*a.timeframe }</p>
                if a.triage == Level::Emergency {
                    <p class="ft-call">{ &*kb.data.meta.emergency }</p>
                }
            </section>
            <section class="ft-block" aria-labelledby="ft-diary-why">
                <h3 id="ft-diary-why">{ "Why, from your answers and your diary" }</h3>
                <ul class="ft-reasons" data-ft-diary-reasons="">{ for a.triage_reasons.iter().map(reason) }</ul>
                <p class="ft-notice">{ &*a.notice }</p>
            </section>
            <section class="ft-block" aria-labelledby="ft-trend-title">
                <h3 id="ft-trend-title">{ "Trend" }</h3>
                <div class="ft-chips" role="group" aria-label="Chart range">
                    { range_button(Range::FourWeeks, "4 weeks") }
                    { range_button(Range::ThreeMonths, "3 months") }
                    { range_button(Range::All, "All") }
                </div>
                { chart(shown, start, state.today, unit, &review.summary) }
            </section>
            if !review.return_plan.is_empty() {
                <section class="ft-block" aria-labelledby="ft-return-title" data-ft-return-plan="">
                    <h3 id="ft-return-title">{ "Your return to running" }</h3>
                    if let Some(advice) = kb.advice_role(crate::knowledge::AdviceRole::GradualReturn) {
                        <p>{ &*advice.summary }</p>
                        <ul class="ft-steps">{ for advice.steps.iter().map(|s| html! { <li>{ &**s }</li> }) }</ul>
                    }
                    <ol class="ft-return">
                        { for review.return_plan.iter().map(|w| html! {
                            <li>
                                { format!("Week {}: ", w.week) }
                                { if w.run_walk { "run/walk intervals" } else { "easy running" } }
                                { w.distance_km.map(|km| format!(", {} {} in the week", trim_number(unit.from_km(km)), unit.symbol())).unwrap_or_default() }
                            </li>
                        }) }
                    </ol>
                    <p class="ft-source">{ "Source: " }{ source }</p>
                </section>
            }
        </>
    }
}
