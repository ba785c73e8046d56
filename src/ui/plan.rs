//! The plan as cards, grouped by section. Each card shows its steps, its dose
//! and, where the dose has a duration or a count, a timer or rep counter; a
//! section with a tool (shoe check, training-load plan) shows it last.

use yew::prelude::*;

use super::{
    Knowledge,
    tools::{Tools, dose_tool},
};
use crate::{
    engine::{Plan, PlanItem},
    knowledge::{Dose, KnowledgeBase, Ui},
    units::DistanceUnit,
};

/// The whole plan, section by section. A plain function rather than a
/// component: it has no state, and each component type costs the bundle a
/// few kilobytes.
pub fn plan_view(kb: &'static KnowledgeBase, plan: &Plan) -> Html {
    html! {
        <section class="ft-block ft-plan" aria-labelledby="ft-plan-title">
            <h3 id="ft-plan-title" class="ft-print-only">{ kb.ui(Ui::PlanTitle) }</h3>
            { for plan.sections.iter().map(|s| html! {
                <section class="ft-plan-section" data-ft-section={s.id.to_string()}
                    aria-labelledby={format!("ft-section-{}", s.id)}>
                    <h4 id={format!("ft-section-{}", s.id)}>{ &*s.title }</h4>
                    { for s.items.iter().map(|i| item(kb, i)) }
                </section>
            }) }
        </section>
    }
}

/// The calculators of the plan's sections (shoe check, training-load plan).
pub fn tools_view(knowledge: Knowledge, plan: &Plan, units: DistanceUnit) -> Html {
    html! {
        <div class="ft-plan-tools">
            { for plan.sections.iter().filter_map(|s| s.tool).map(|tool| html! { <Tools {knowledge} calculator={tool} {units} /> }) }
        </div>
    }
}

/// One item of the plan at a glance: what to do and how much, with the steps,
/// the timer and the caution a tap away (filled once `detail` is set).
pub fn compact_item(kb: &'static KnowledgeBase, i: &PlanItem, detail: bool) -> Html {
    html! {
        <article class="ft-card ft-advice ft-glance-item" data-ft-glance={i.id.to_string()}>
            <h4>{ &*i.title }</h4>
            { what(kb, i) }
            <details class="ft-how">
                <summary>{ kb.ui(Ui::PlanHowTo) }</summary>
                if detail { { how_to(kb, i) } }
            </details>
        </article>
    }
}

fn item(kb: &'static KnowledgeBase, i: &PlanItem) -> Html {
    html! {
        <article class="ft-card ft-advice" data-ft-advice={i.id.to_string()}>
            <h5>{ &*i.title }</h5>
            { what(kb, i) }
            { how_to(kb, i) }
        </article>
    }
}

/// What an item asks, and how much of it.
fn what(kb: &'static KnowledgeBase, i: &PlanItem) -> Html {
    let dose = dose_text(kb, &i.dose);
    html! {
        <>
            <p>{ &*i.summary }</p>
            if !dose.is_empty() { <p class="ft-dose"><strong>{ kb.ui(Ui::PlanDose) }</strong>{ dose }</p> }
        </>
    }
}

/// How to do an item: its steps, its timer or rep counter, its caution and
/// its source. The same in the full plan and behind "How to do it".
fn how_to(kb: &'static KnowledgeBase, i: &PlanItem) -> Html {
    html! {
        <>
            if !i.steps.is_empty() {
                <ol class="ft-steps">{ for i.steps.iter().map(|step| html! { <li>{ &**step }</li> }) }</ol>
            }
            { dose_tool(kb, &i.dose, &i.title) }
            if let Some(c) = &i.caution { <p class="ft-caution">{ &**c }</p> }
            <p class="ft-source">{ kb.ui(Ui::PlanSource) }{ kb.source_titles(&i.source) }</p>
        </>
    }
}

/// The dose in words: "hold 30 s, 3 times, each side, 2 times a day".
fn dose_text(kb: &'static KnowledgeBase, d: &Dose) -> String {
    let mut parts = Vec::new();
    // One id for one and one for many: enough for English and Spanish.
    let count = |one: Ui, many: Ui, n: u32| kb.ui_with(if n == 1 { one } else { many }, &[("n", &n.to_string())]);
    match (d.minutes, d.max_minutes) {
        (Some(m), Some(max)) if max > m => {
            parts.push(kb.ui_with(Ui::DoseMinutesRange, &[("min", &m.to_string()), ("max", &max.to_string())]))
        }
        (Some(m), _) => parts.push(count(Ui::DoseMinutesOne, Ui::DoseMinutesMany, m)),
        _ => {}
    }
    if let Some(s) = d.hold_seconds {
        parts.push(kb.ui_with(Ui::DoseHold, &[("n", &s.to_string())]));
    }
    match (d.reps, d.hold_seconds) {
        (Some(r), Some(_)) => parts.push(count(Ui::DoseTimesOne, Ui::DoseTimesMany, r)),
        (Some(r), None) => parts.push(count(Ui::DoseRepsOne, Ui::DoseRepsMany, r)),
        _ => {}
    }
    if let Some(s) = d.sets {
        parts.push(count(Ui::DoseSetsOne, Ui::DoseSetsMany, s));
    }
    if d.per_side {
        parts.push(kb.ui(Ui::DoseEachSide).into());
    }
    if let Some(t) = d.times_per_day {
        parts.push(count(Ui::DoseDailyOne, Ui::DoseDailyMany, t));
    }
    parts.join(", ")
}
