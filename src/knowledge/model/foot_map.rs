//! The foot map's drawings and the places drawn on them
//! (`knowledge/foot_map.toml`).

use serde::{Deserialize, Serialize};

use super::{List, Text};

/// One drawing of the foot (sole, top, inner side, outer side, back).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct FootView {
    pub id: Text,
    pub label: Text,
    /// The SVG `viewBox` the outline and the regions are drawn in.
    pub view_box: Text,
    /// The foot's outline, an SVG path (decorative).
    pub outline: Text,
    /// Line work drawn over the outline so a runner finds their way: toes,
    /// nails, ankle bones, the tendon (SVG paths, stroked, decorative).
    #[serde(default)]
    pub landmarks: List<Text>,
}

/// A place on a drawing: the option of a foot-map question it stands for,
/// drawn as ellipses `[cx, cy, rx, ry]`, a closed SVG path, or both (the
/// linter asks for one of them).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Region {
    pub option: Text,
    pub view: Text,
    #[serde(default)]
    pub shapes: List<[u16; 4]>,
    #[serde(default)]
    pub path: Option<Text>,
}
