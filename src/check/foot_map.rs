//! The linter's checks of the foot map (`knowledge/foot_map.toml`): every
//! region is a real option drawn on a real view, every drawing is SVG path
//! data, and every option of a foot-map question is drawn unless it says not.

use crate::knowledge::{Control, KnowledgeBase, Question};

use super::problem::{Problem, ProblemKind};

/// The foot map's problems, in the order the linter has always found them:
/// the regions' places, the regions' shapes, the views, then the options.
pub fn problems(kb: &KnowledgeBase) -> Vec<Problem> {
    let maps: Vec<&Question> = kb.data.questions.iter().filter(|q| q.control == Some(Control::FootMap)).collect();
    let mut found = Vec::new();
    regions_name_real_places(kb, &maps, &mut found);
    regions_have_shapes(kb, &mut found);
    views_are_paths(kb, &mut found);
    options_are_drawn(kb, &maps, &mut found);
    found
}

fn problem(kind: ProblemKind, id: &str, message: impl Into<String>) -> Problem {
    Problem { kind, id: id.to_string(), message: message.into() }
}

fn regions_name_real_places(kb: &KnowledgeBase, maps: &[&Question], found: &mut Vec<Problem>) {
    let d = &kb.data;
    for r in d.regions.iter() {
        if !d.views.iter().any(|v| v.id == r.view) {
            found.push(problem(
                ProblemKind::UnknownReference,
                &r.option,
                format!("drawn on an unknown view `{}`", r.view),
            ));
        }
        if !maps.iter().any(|q| q.options.iter().any(|o| o.id == r.option)) {
            found.push(problem(
                ProblemKind::UnknownReference,
                &r.option,
                "a region for an option no foot-map question has",
            ));
        }
    }
}

fn regions_have_shapes(kb: &KnowledgeBase, found: &mut Vec<Problem>) {
    for r in kb.data.regions.iter() {
        if r.shapes.is_empty() && r.path.is_none() {
            found.push(problem(ProblemKind::BadDrawing, &r.option, format!("region on `{}` has no shape", r.view)));
        }
        if r.path.as_deref().is_some_and(|p| !is_svg_path(p, true)) {
            found.push(problem(ProblemKind::BadDrawing, &r.option, "region path is not a closed SVG path"));
        }
    }
}

fn views_are_paths(kb: &KnowledgeBase, found: &mut Vec<Problem>) {
    for v in kb.data.views.iter() {
        if !is_svg_path(&v.outline, true) {
            found.push(problem(ProblemKind::BadDrawing, &v.id, "outline is not a closed SVG path"));
        }
        if v.landmarks.iter().any(|l| !is_svg_path(l, false)) {
            found.push(problem(ProblemKind::BadDrawing, &v.id, "a landmark is not an SVG path"));
        }
    }
}

/// An option is drawn exactly when it says so (`drawn`, true unless set).
fn options_are_drawn(kb: &KnowledgeBase, maps: &[&Question], found: &mut Vec<Problem>) {
    for q in maps {
        for o in q.options.iter() {
            let drawn = kb.data.regions.iter().any(|r| r.option == o.id);
            if drawn != o.drawn {
                let message =
                    if o.drawn { "has no region on the foot map" } else { "is drawn, but says `drawn = false`" };
                found.push(problem(ProblemKind::UnknownReference, &o.id, format!("option of `{}` {message}", q.id)));
            }
        }
    }
}

/// An SVG path's data as the foot map writes it: starts with a move, holds
/// only path commands and numbers, and (when `closed`) ends by closing.
fn is_svg_path(d: &str, closed: bool) -> bool {
    let d = d.trim();
    d.starts_with(['M', 'm'])
        && d.chars().all(|c| "MmLlHhVvCcSsQqTtAaZz0123456789 ,.-+eE\n".contains(c))
        && (!closed || d.ends_with(['Z', 'z']))
}
