//! The danger-sign check for a browser where the wasm cannot run (Safari's
//! Lockdown Mode, a policy that blocks WebAssembly, a lost or blocked
//! `.wasm`): rendered at build time, in every language, and driven by a few
//! lines of `embed.js`. It keeps what matters most when the full triage
//! cannot run: the emergency advice, the checklists every runner sees, and
//! what the signs ticked call for. The level each sign (and each combination
//! that calls for more than its parts) gives is computed from `assess` by
//! `engine::danger_check`, so no rule is written a second time.

use yew::prelude::*;

use crate::{
    Answers, KnowledgeBase,
    engine::danger_check::{Outcome, level_of},
    knowledge::{Question, Ui},
};

/// The screen: what happened, the emergency advice, one checklist per group
/// with each sign's own "Not sure", the button and the place its answer goes.
/// `number` is the host's emergency number (or the build's placeholder).
pub fn fallback(kb: &KnowledgeBase, groups: &[(&str, Vec<&Question>)], number: Option<&str>) -> Html {
    let meta = &kb.data.meta;
    html! {
        <section class="ft-screen ft-fallback" data-ft-fallback="" aria-labelledby="ft-fallback-title">
            <h2 id="ft-fallback-title" tabindex="-1">{ kb.ui(Ui::FallbackTitle) }</h2>
            <p>{ kb.ui(Ui::FallbackNotice) }</p>
            <p class="ft-emergency" role="note">
                <strong>{ match number {
                    Some(number) => kb.ui_with(Ui::StartEmergencyCall, &[("number", number)]),
                    None => kb.ui(Ui::StartEmergency).to_string(),
                } }</strong>
                { &*meta.emergency }
            </p>
            { for groups.iter().map(|(group, questions)| {
                let title = kb.group(group).map(|g| g.title.to_string()).unwrap_or_default();
                let heading = format!("ft-fb-{group}");
                html! {
                    <>
                        <h3 id={heading.clone()}>{ title }</h3>
                        <div class="ft-checks" role="group" aria-labelledby={heading}>
                            { for questions.iter().map(|q| item(kb, q)) }
                        </div>
                    </>
                }
            }) }
            <button type="button" class="ft-primary" data-ft-fallback-go="">{ kb.ui(Ui::FallbackGo) }</button>
            <div class="ft-fallback-result" data-ft-fallback-result=""></div>
            <p class="ft-notice">{ &*meta.notice }</p>
        </section>
    }
}

/// One sign: its checkbox, labelled by the sign, and its own "Not sure".
fn item(kb: &KnowledgeBase, q: &Question) -> Html {
    let id = q.id.to_string();
    let input = format!("ft-fb-item-{id}");
    let label = q.item.as_deref().unwrap_or(&q.label);
    html! {
        <div class="ft-check">
            <input type="checkbox" id={input.clone()} data-ft-item={id.clone()} />
            <label for={input}>{ label }</label>
            <button type="button" class="ft-item-unsure" data-ft-item-unsure={id} aria-pressed="false"
                aria-label={kb.ui_with(Ui::QuestionItemNotSure, &[("item", label)])}>
                { kb.ui(Ui::QuestionNotSure) }
            </button>
        </div>
    }
}

/// What the signs ticked call for (an `engine::danger_check` outcome): the
/// level and its action, the safety net for that level, and that this is
/// not a full triage. With no sign at all, the safety net of home care.
pub fn outcome(kb: &KnowledgeBase, code: Outcome) -> Html {
    let (level, ambulance) = level_of(code);
    let info = kb.level(level);
    let action: &str = info.map_or("", |l| l.action_for(ambulance));
    let safety: Vec<&str> = kb
        .data
        .safety_net
        .iter()
        .filter(|s| s.levels.contains(&level) && s.when.eval(kb, &Answers::new()))
        .map(|s| &*s.text)
        .collect();
    html! {
        <>
            if code == 0 {
                <h3 id="ft-fallback-outcome" tabindex="-1">{ kb.ui(Ui::FallbackNone) }</h3>
            } else {
                <div class={classes!("ft-banner", format!("ft-level-{}", level.as_str()))} data-ft-fallback-level={level.as_str()}>
                    <p class="ft-level-name">{ info.map(|l| l.title.to_string()).unwrap_or_default() }</p>
                    <h3 id="ft-fallback-outcome" tabindex="-1">{ action }</h3>
                    <p class="ft-timeframe">{ info.map(|l| l.timeframe.to_string()).unwrap_or_default() }</p>
                </div>
                <p>{ kb.ui(Ui::FallbackOnlySigns) }</p>
            }
            <ul class="ft-safety">{ for safety.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
        </>
    }
}
