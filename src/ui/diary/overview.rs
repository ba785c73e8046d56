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
use crate::{
    Level,
    diary::{Date, ReturnWeek},
    knowledge::Ui,
    ui::results::reason,
};

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
    let range_button = |range: Range, label: Ui| {
        html! {
            <button type="button" class="ft-chip" aria-pressed={if state.range == range { "true" } else { "false" }}
                onclick={act.reform(move |_: MouseEvent| DiaryAction::Range(range))}>{ kb.ui(label) }</button>
        }
    };
    let week = |w: &ReturnWeek| {
        let number = w.week.to_string();
        match w.distance_km {
            Some(km) => {
                let id =
                    if w.run_walk { Ui::DiaryOverviewWeekRunWalkDistance } else { Ui::DiaryOverviewWeekEasyDistance };
                let distance = format!("{} {}", kb.number(unit.from_km(km)), unit.symbol());
                kb.ui_with(id, &[("week", &number), ("distance", &distance)])
            }
            None => {
                let id = if w.run_walk { Ui::DiaryOverviewWeekRunWalk } else { Ui::DiaryOverviewWeekEasy };
                kb.ui_with(id, &[("week", &number)])
            }
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
                <h3 id="ft-diary-why">{ kb.ui(Ui::DiaryOverviewWhy) }</h3>
                <ul class="ft-reasons" data-ft-diary-reasons="">{ for a.triage_reasons.iter().map(|r| reason(kb, r)) }</ul>
                <p class="ft-notice">{ &*a.notice }</p>
            </section>
            <section class="ft-block" aria-labelledby="ft-trend-title">
                <h3 id="ft-trend-title">{ kb.ui(Ui::DiaryOverviewTrend) }</h3>
                <div class="ft-chips" role="group" aria-label={kb.ui(Ui::DiaryOverviewRange)}>
                    { range_button(Range::FourWeeks, Ui::DiaryOverviewFourWeeks) }
                    { range_button(Range::ThreeMonths, Ui::DiaryOverviewThreeMonths) }
                    { range_button(Range::All, Ui::DiaryOverviewAll) }
                </div>
                { chart(kb, shown, start, state.today, unit, &review.summary) }
            </section>
            if !review.return_plan.is_empty() {
                <section class="ft-block" aria-labelledby="ft-return-title" data-ft-return-plan="">
                    <h3 id="ft-return-title">{ kb.ui(Ui::DiaryOverviewReturnTitle) }</h3>
                    if let Some(advice) = kb.advice_role(crate::knowledge::AdviceRole::GradualReturn) {
                        <p>{ &*advice.summary }</p>
                        <ul class="ft-steps">{ for advice.steps.iter().map(|s| html! { <li>{ &**s }</li> }) }</ul>
                    }
                    <ol class="ft-return">
                        { for review.return_plan.iter().map(|w| html! { <li>{ week(w) }</li> }) }
                    </ol>
                    <p class="ft-source">{ kb.ui_with(Ui::DiaryOverviewSource, &[("source", &source)]) }</p>
                </section>
            }
        </>
    }
}
