//! The foot map: drawings of the foot (sole, top, inner side, outer side,
//! back) on which a runner picks where it hurts, or which bone is tender to
//! press. Each region is a real control: a checkbox with the option's label
//! as its name, operable with Tab, Space and Enter, with a selected state that
//! does not rely on colour alone (a thicker outline and a tick in the list).
//!
//! Only the drawing lives here. Which places exist, and what they mean, come
//! from the question's options; a region whose option the question does not
//! have is simply not drawn.

use yew::prelude::*;

use crate::knowledge::Question;

/// One drawing of the foot.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum View {
    Sole,
    Top,
    Inner,
    Outer,
    Back,
}

impl View {
    const ALL: [View; 5] = [View::Sole, View::Top, View::Inner, View::Outer, View::Back];

    fn label(self) -> &'static str {
        match self {
            View::Sole => "Sole",
            View::Top => "Top",
            View::Inner => "Inner side",
            View::Outer => "Outer side",
            View::Back => "From behind",
        }
    }

    /// A stable name for tests and styles.
    fn id(self) -> &'static str {
        match self {
            View::Sole => "sole",
            View::Top => "top",
            View::Inner => "inner",
            View::Outer => "outer",
            View::Back => "back",
        }
    }

    fn view_box(self) -> &'static str {
        match self {
            View::Sole | View::Top | View::Back => "0 0 140 300",
            View::Inner | View::Outer => "0 0 300 180",
        }
    }

    /// The outline of the foot in this view (decorative).
    fn outline(self) -> &'static str {
        match self {
            View::Sole | View::Top => {
                "M70,290 C40,290 28,265 30,235 C32,200 45,180 42,150 C38,120 20,100 22,70 C25,35 50,12 75,12 \
                 C100,12 120,35 122,70 C124,100 110,125 105,150 C100,185 110,205 110,235 C110,268 98,290 70,290 Z"
            }
            View::Inner | View::Outer => {
                "M45,0 L92,0 L95,95 C120,105 200,120 270,140 C292,146 294,168 275,172 L40,174 \
                 C18,174 14,150 24,130 C32,115 40,100 45,60 Z"
            }
            View::Back => {
                "M45,0 L95,0 C100,60 92,120 88,180 C110,200 108,270 95,285 C85,296 55,296 45,285 \
                 C32,270 30,200 52,180 C48,120 40,60 45,0 Z"
            }
        }
    }
}

/// One drawn shape: an ellipse `(cx, cy, rx, ry)`.
type Ellipse = (u16, u16, u16, u16);

/// Where each option is drawn. An option may appear in several views; a
/// region may be made of several shapes (the four smaller toes).
const REGIONS: &[(&str, View, &[Ellipse])] = &[
    // Where it hurts.
    ("heel_bottom", View::Sole, &[(70, 250, 32, 30)]),
    ("arch", View::Sole, &[(50, 175, 13, 30)]),
    ("ball_of_foot", View::Sole, &[(72, 102, 42, 17)]),
    ("big_toe", View::Sole, &[(42, 44, 14, 18)]),
    ("toes", View::Sole, &[(66, 30, 8, 10), (84, 32, 8, 10), (100, 40, 7, 9), (113, 54, 7, 9)]),
    ("big_toe", View::Top, &[(42, 44, 14, 18)]),
    ("toes", View::Top, &[(66, 30, 8, 10), (84, 32, 8, 10), (100, 40, 7, 9), (113, 54, 7, 9)]),
    ("between_toes", View::Top, &[(56, 52, 4, 7), (75, 52, 4, 7), (92, 56, 4, 7), (106, 64, 4, 7)]),
    ("top_of_foot", View::Top, &[(72, 150, 30, 42)]),
    ("inner_ankle", View::Top, &[(38, 255, 13, 15)]),
    ("outer_ankle", View::Top, &[(104, 262, 13, 15)]),
    ("calf", View::Inner, &[(68, 28, 22, 24)]),
    ("achilles", View::Inner, &[(44, 84, 8, 22)]),
    ("heel_back", View::Inner, &[(27, 145, 10, 18)]),
    ("inner_ankle", View::Inner, &[(76, 106, 13, 13)]),
    ("arch", View::Inner, &[(150, 162, 42, 8)]),
    ("big_toe", View::Inner, &[(266, 156, 16, 11)]),
    ("calf", View::Outer, &[(68, 28, 22, 24)]),
    ("achilles", View::Outer, &[(44, 84, 8, 22)]),
    ("heel_back", View::Outer, &[(27, 145, 10, 18)]),
    ("outer_ankle", View::Outer, &[(76, 106, 13, 13)]),
    ("outer_foot", View::Outer, &[(175, 162, 60, 8)]),
    ("toes", View::Outer, &[(262, 156, 18, 11)]),
    ("calf", View::Back, &[(70, 52, 24, 40)]),
    ("achilles", View::Back, &[(70, 150, 9, 28)]),
    ("heel_back", View::Back, &[(70, 238, 22, 28)]),
    ("inner_ankle", View::Back, &[(44, 196, 9, 11)]),
    ("outer_ankle", View::Back, &[(96, 196, 9, 11)]),
    ("heel_bottom", View::Back, &[(70, 286, 20, 6)]),
    // The press points of the Ottawa ankle and foot rules, and the other
    // bones a runner can press.
    ("lateral_malleolus", View::Outer, &[(70, 104, 10, 10)]),
    ("fifth_metatarsal_base", View::Outer, &[(160, 160, 10, 9)]),
    ("medial_malleolus", View::Inner, &[(70, 104, 10, 10)]),
    ("navicular", View::Inner, &[(128, 122, 10, 10)]),
    ("lateral_malleolus", View::Back, &[(96, 196, 9, 11)]),
    ("medial_malleolus", View::Back, &[(44, 196, 9, 11)]),
    ("heel_bone", View::Sole, &[(70, 252, 14, 14)]),
    ("sesamoid", View::Sole, &[(46, 90, 9, 9)]),
    ("metatarsal_shaft", View::Top, &[(82, 118, 8, 14)]),
    ("toe_bone", View::Top, &[(66, 30, 8, 10), (84, 32, 8, 10), (100, 40, 7, 9)]),
    ("navicular", View::Top, &[(52, 170, 9, 9)]),
];

/// The map for question `q`. `selected` are the option ids chosen; `on_toggle`
/// is called with an option id to choose it or clear it; `shown` is the view
/// the runner picked and `on_view` picks another (the question card holds
/// them: the map itself is a plain function, as each component type costs the
/// bundle a few kilobytes).
pub fn foot_map(
    q: &Question,
    selected: &[String],
    on_toggle: &Callback<String>,
    shown: Option<View>,
    on_view: &Callback<View>,
) -> Html {
    let has = |id: &str| q.options.iter().any(|o| o.id == id);
    let views: Vec<View> =
        View::ALL.into_iter().filter(|v| REGIONS.iter().any(|(id, rv, _)| rv == v && has(id))).collect();
    // Open on the view of the question's first option that is drawn: the
    // sole for where it hurts, the outer side for the Ottawa press points.
    let first = q.options.iter().find_map(|o| REGIONS.iter().find(|(id, _, _)| o.id == *id).map(|(_, v, _)| *v));
    let wanted = shown.or(first).unwrap_or(View::Sole);
    let view = if views.contains(&wanted) { wanted } else { views.first().copied().unwrap_or(View::Sole) };
    let label_of =
        |id: &str| q.options.iter().find(|o| o.id == id).map_or_else(|| id.to_string(), |o| o.label.to_string());
    let regions = REGIONS.iter().filter(|(id, v, _)| *v == view && has(id)).map(|(id, _, shapes)| {
        let on = selected.iter().any(|s| s == id);
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
                aria-checked={if on { "true" } else { "false" }} aria-label={label_of(id)}
                onclick={click} onkeydown={key}>
                { for shapes.iter().map(|&(cx, cy, rx, ry)| html! {
                    <ellipse cx={cx.to_string()} cy={cy.to_string()} rx={rx.to_string()} ry={ry.to_string()} />
                }) }
            </g>
        }
    });
    html! {
        <div class="ft-map">
            if views.len() > 1 {
                <div class="ft-map-views" role="group" aria-label="View of the foot">
                    { for views.iter().map(|&v| {
                        let on_view = on_view.clone();
                        html! {
                            <button class="ft-view" data-ft-view={v.id()} aria-pressed={if v == view { "true" } else { "false" }}
                                onclick={Callback::from(move |_: MouseEvent| on_view.emit(v))}>
                                { v.label() }
                            </button>
                        }
                    }) }
                </div>
            }
            <svg class="ft-map-svg" viewBox={view.view_box()} role="group"
                aria-label={format!("{} of the foot", view.label())}>
                <path class="ft-outline" d={view.outline()} aria-hidden="true" />
                { for regions }
            </svg>
        </div>
    }
}
