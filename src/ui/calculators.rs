//! The two calculators in the plan. Each is a small form whose result comes
//! from `engine::calculators`; the widget only parses the number and shows the
//! engine's verdict (or its message about what to enter).

use web_sys::{HtmlInputElement, HtmlSelectElement};

use super::number;
use yew::prelude::*;

use crate::{
    KnowledgeBase,
    engine::calculators::{ShoeStatus, load_plan, shoe_check},
    knowledge::{Tool, Ui},
    units::DistanceUnit,
};

/// Either calculator: the distance form, then the engine's answer for that
/// tool. It is given the form's values and a callback for each change (its
/// state lives in `tools::Tools`, which draws it), so nothing here reaches
/// back up into the tool that holds it.
pub fn view(
    kb: &KnowledgeBase,
    tool: Tool,
    typed: &str,
    unit: DistanceUnit,
    on_typed: &Callback<String>,
    on_unit: &Callback<DistanceUnit>,
) -> Html {
    let on_input = on_typed.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_unit = on_unit.reform(|e: Event| {
        DistanceUnit::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default()
    });
    let weeks_title = kb.ui_with(Ui::LoadTitle, &[("weeks", &kb.data.meta.load.weeks.to_string())]);
    let (name, title, label, answer) = match tool {
        Tool::ShoeCheck => {
            ("shoe_check", kb.ui(Ui::ShoesTitle), kb.ui(Ui::ShoesLabel), shoe_check_result(kb, typed, unit))
        }
        Tool::LoadPlan => ("load_plan", &*weeks_title, kb.ui(Ui::LoadLabel), load_plan_result(kb, typed, unit)),
    };
    let id = format!("ft-{name}-distance");
    html! {
        <div class="ft-card ft-tool" data-ft-tool={name}>
            <h4>{ title }</h4>
            <div class="ft-tool-row">
                <label for={id.clone()}>{ label }</label>
                <input {id} type="text" inputmode="decimal" autocomplete="off" value={typed.to_string()} oninput={on_input} />
                { unit_select(kb, unit, on_unit) }
            </div>
            { answer }
        </div>
    }
}

fn unit_select(kb: &KnowledgeBase, unit: DistanceUnit, on_change: Callback<Event>) -> Html {
    html! {
        <select onchange={on_change} aria-label={kb.ui(Ui::UnitLabel).to_string()}>
            <option value="km" selected={unit == DistanceUnit::Km}>{ kb.ui(Ui::UnitKm) }</option>
            <option value="mi" selected={unit == DistanceUnit::Mi}>{ kb.ui(Ui::UnitMiles) }</option>
        </select>
    }
}

/// The number typed, if any; `Err` carries what to tell the runner.
fn parse(kb: &KnowledgeBase, typed: &str) -> Option<Result<f64, String>> {
    number::parse(typed).map(|n| n.map_err(|()| kb.ui(Ui::QuestionEnterNumber).to_string()))
}

fn shoe_check_result(kb: &KnowledgeBase, typed: &str, unit: DistanceUnit) -> Html {
    let result = parse(kb, typed).map(|n| n.and_then(|n| shoe_check(kb, n, unit).map_err(|e| e.to_string())));
    html! {
            <p class="ft-tool-result" role="status" data-ft-shoe-status={result.as_ref().and_then(|r| r.as_ref().ok()).map(|c| match c.status {
                ShoeStatus::Fine => "fine",
                ShoeStatus::Check => "check",
                ShoeStatus::Replace => "replace",
            })}>
                { match &result {
                    Some(Ok(check)) => check.message.to_string(),
                    Some(Err(message)) => message.clone(),
                    None => String::new(),
                } }
            </p>
    }
}

fn load_plan_result(kb: &KnowledgeBase, typed: &str, unit: DistanceUnit) -> Html {
    let result = parse(kb, typed).map(|n| n.and_then(|n| load_plan(kb, n, unit).map_err(|e| e.to_string())));
    let symbol = unit.symbol();
    html! {
            <div role="status">
                { match &result {
                    Some(Ok(plan)) => html! {
                        <>
                            <table class="ft-weeks">
                                <caption class="ft-visually-hidden">{ kb.ui_with(Ui::LoadCaption, &[("weeks", &kb.data.meta.load.weeks.to_string())]) }</caption>
                                <thead><tr><th scope="col">{ kb.ui(Ui::LoadWeek) }</th><th scope="col">{ kb.ui(Ui::LoadDistance) }</th></tr></thead>
                                <tbody>
                                    { for plan.weeks.iter().map(|w| html! {
                                        <tr>
                                            <th scope="row">{ w.week }</th>
                                            <td>{ format!("{} {symbol}", kb.number(w.distance)) }{ if w.lighter { kb.ui(Ui::LoadEasierWeek) } else { "" } }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                            <p class="ft-help">{ &*plan.message }</p>
                        </>
                    },
                    Some(Err(message)) => html! { <p class="ft-tool-result">{ message }</p> },
                    None => html! {},
                } }
            </div>
    }
}
