//! What checks the knowledge and the engine together, natively: the linter
//! and the small solver it uses to show that rules can fire and conditions
//! can rank first, loading and merging a knowledge folder a clinician is
//! editing, the case libraries, and the hazard log. Above the engine in the
//! ladder (the solver ranks conditions), and never compiled into the wasm: the
//! widget runs none of it.

mod care_regions;
pub mod cases;
mod foot_map;
mod formulas;
pub mod gates;
pub mod hazards;
pub(crate) mod lang_file;
pub mod languages;
pub mod lint;
pub mod load;
pub(crate) mod merge;
mod problem;
pub mod review;
pub mod runners;
mod solver;
