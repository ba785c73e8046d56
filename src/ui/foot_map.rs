//! The foot map: drawings of the foot (sole, top, inner side, outer side,
//! back) on which a runner picks where it hurts, or which bone is tender to
//! press. Each region is a real control: a checkbox with the option's label
//! as its name, operable with Tab, Space and Enter, with a selected state that
//! does not rely on colour alone (a thicker outline and a tick in the list).
//!
//! Nothing about the drawing lives here: the views, their outlines and which
//! option each region stands for are knowledge (`knowledge/foot_map.toml`,
//! checked by the linter). A region whose option the question does not have
//! is simply not drawn.

use yew::prelude::*;

use crate::knowledge::{FootView, KnowledgeBase, Question, Region, Ui};

/// The map for question `q`, drawn from `kb`'s views and regions. `selected`
/// are the option ids chosen; `on_toggle` is called with an option id to
/// choose it or clear it; `shown` is the view the runner picked (its id) and
/// `on_view` picks another (the question card holds them: the map itself is a
/// plain function, as each component type costs the bundle a few kilobytes).
pub fn foot_map(
    kb: &KnowledgeBase,
    q: &Question,
    selected: &[String],
    on_toggle: &Callback<String>,
    shown: Option<&str>,
    on_view: &Callback<String>,
) -> Html {
    let d = &kb.data;
    let has = |id: &str| q.options.iter().any(|o| o.id == id);
    let views: Vec<&FootView> =
        d.views.iter().filter(|v| d.regions.iter().any(|r| r.view == v.id && has(&r.option))).collect();
    // Open on the view of the question's first option that is drawn: the
    // sole for where it hurts, the outer side for the Ottawa press points.
    let first = q.options.iter().find_map(|o| d.regions.iter().find(|r| r.option == o.id).map(|r| &*r.view));
    let wanted = shown.or(first);
    let Some(view) = views.iter().find(|v| Some(&*v.id) == wanted).or(views.first()).copied() else {
        return html! {};
    };
    let label_of =
        |id: &str| q.options.iter().find(|o| o.id == id).map_or_else(|| id.to_string(), |o| o.label.to_string());
    let regions = d
        .regions
        .iter()
        .filter(|r| r.view == view.id && has(&r.option))
        .map(|r| region(r, &label_of(&r.option), selected.iter().any(|s| *s == *r.option), on_toggle));
    html! {
        <div class="ft-map">
            if views.len() > 1 { { view_buttons(kb, &views, view, on_view) } }
            <svg class="ft-map-svg" viewBox={view.view_box.to_string()} role="group"
                aria-label={kb.ui_with(Ui::MapDrawing, &[("view", &view.label)])}>
                <path class="ft-outline" d={view.outline.to_string()} aria-hidden="true" />
                { for regions }
                // Over the regions, so toes, nails and ankle bones stay in
                // sight; they take no pointer events, so taps reach the
                // region below.
                if !view.landmarks.is_empty() {
                    <g class="ft-landmarks" aria-hidden="true">
                        { for view.landmarks.iter().map(|d| html! { <path d={d.to_string()} /> }) }
                    </g>
                }
            </svg>
        </div>
    }
}

/// The buttons that choose which drawing shows, the current one pressed.
fn view_buttons(kb: &KnowledgeBase, views: &[&FootView], current: &FootView, on_view: &Callback<String>) -> Html {
    html! {
        <div class="ft-map-views" role="group" aria-label={kb.ui(Ui::MapViews).to_string()}>
            { for views.iter().map(|v| {
                let (on_view, id) = (on_view.clone(), v.id.to_string());
                html! {
                    <button class="ft-view" data-ft-view={v.id.to_string()}
                        aria-pressed={if v.id == current.id { "true" } else { "false" }}
                        onclick={Callback::from(move |_: MouseEvent| on_view.emit(id.clone()))}>
                        { &*v.label }
                    </button>
                }
            }) }
        </div>
    }
}

/// One region of a drawing as a checkbox named `label`, ticked when `on`,
/// toggled by a click, Space or Enter.
fn region(r: &Region, label: &str, on: bool, on_toggle: &Callback<String>) -> Html {
    let id = &*r.option;
    let click = {
        let (toggle, id) = (on_toggle.clone(), id.to_string());
        Callback::from(move |_: MouseEvent| toggle.emit(id.clone()))
    };
    let key = {
        let (toggle, id) = (on_toggle.clone(), id.to_string());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == " " || e.key() == "Enter" {
                // Space would otherwise scroll the page.
                e.prevent_default();
                toggle.emit(id.clone());
            }
        })
    };
    html! {
        <g class="ft-region" role="checkbox" tabindex="0" data-ft-region={id.to_string()}
            aria-checked={if on { "true" } else { "false" }} aria-label={label.to_string()}
            onclick={click} onkeydown={key}>
            if let Some(d) = &r.path { <path d={d.to_string()} /> }
            { for r.shapes.iter().map(|&[cx, cy, rx, ry]| html! {
                <ellipse cx={cx.to_string()} cy={cy.to_string()} rx={rx.to_string()} ry={ry.to_string()} />
            }) }
        </g>
    }
}
