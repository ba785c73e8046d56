//! The assessment: the action first, then why, the likely causes and the plan.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Assessment;

#[derive(Properties, PartialEq, Clone)]
pub struct ResultsProps {
    /// The engine's assessment of the answers given.
    pub assessment: Rc<Assessment>,
    /// Called to change the last answer.
    pub on_back: Callback<MouseEvent>,
    /// Called to start again with no answers.
    pub on_restart: Callback<MouseEvent>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let a = &props.assessment;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let level = a.triage.as_str();
    html! {
        <section class="ft-results" aria-labelledby="ft-result-title">
            <div class={classes!("ft-banner", format!("ft-level-{level}"))} role="alert">
                <h2 id="ft-result-title" tabindex="-1" ref={heading}>{ &a.action }</h2>
                <p>{ &a.timeframe }</p>
            </div>
            <h3>{ "Why" }</h3>
            <ul class="ft-reasons">
                { for a.triage_reasons.iter().map(|r| html! { <li>{ &r.reason }</li> }) }
            </ul>
            if let Some(notice) = &a.plan.stop_running_notice { <p class="ft-stop">{ notice }</p> }
            if a.triage != crate::Level::Emergency {
                <h3>{ "Likely causes" }</h3>
                <ol class="ft-conditions">
                    { for a.conditions.iter().take(3).map(|c| html! {
                        <li>
                            <h4>{ &c.name }</h4>
                            <p>{ &c.description }</p>
                            if !c.reasons_for.is_empty() {
                                <p class="ft-for">{ "Fits: " }{ c.reasons_for.join(" ") }</p>
                            }
                            if !c.reasons_against.is_empty() {
                                <p class="ft-against">{ "Against: " }{ c.reasons_against.join(" ") }</p>
                            }
                        </li>
                    }) }
                </ol>
            }
            { for a.plan.sections.iter().map(|s| html! {
                <section class="ft-plan-section">
                    <h3>{ &s.title }</h3>
                    { for s.items.iter().map(|i| html! {
                        <article class="ft-card">
                            <h4>{ &i.title }</h4>
                            <p>{ &i.summary }</p>
                            if !i.steps.is_empty() {
                                <ol>{ for i.steps.iter().map(|step| html! { <li>{ step }</li> }) }</ol>
                            }
                            if let Some(c) = &i.caution { <p class="ft-caution">{ c }</p> }
                        </article>
                    }) }
                </section>
            }) }
            <h3>{ "When to get help" }</h3>
            <ul class="ft-safety">{ for a.safety_net.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
            <p class="ft-notice">{ &a.notice }</p>
            <div class="ft-actions">
                <button class="ft-secondary" onclick={props.on_back.clone()}>{ "Change my last answer" }</button>
                <button class="ft-primary" onclick={props.on_restart.clone()}>{ "Start again" }</button>
            </div>
        </section>
    }
}
