//! The widget: Yew components that render what the engine decides. **No
//! clinical rule, threshold or wording lives here**; every question, level,
//! reason, advice item and calculator result comes from the engine.
//!
//! One file per screen or control: `embed` (what `embed.js` calls), `app`
//! (the current screen in the shell's frame), `state` (the reducer),
//! `question_card` (+ `foot_map`, `number`), `review`, `results` (+ `plan`,
//! `tools`, `calculators`, `handoff`), `storage` (saving with consent,
//! through `js_json`), `crash` (the calm error screen) and `diary/`. The start
//! screen, the frame and the consent switch are in `crate::shell`.

// The question card (with its foot map, its number reading and the actions
// it sends) is also compiled natively for the build's prerender, which draws
// the first question before the wasm arrives; everything else is the
// browser's alone.
pub mod foot_map;
mod number;
pub mod question_card;
pub mod state;

/// Items for the browser only (wasm32).
macro_rules! browser {
    ($($item:item)*) => { $( #[cfg(target_arch = "wasm32")] $item )* };
}

browser! {
    mod answer_list;
    mod app;
    mod calculators;
    pub mod crash;
    pub mod diary;
    mod embed;
    mod handoff;
    pub mod js_json;
    mod plan;
    mod results;
    mod review;
    mod storage;
    pub mod tools;

    pub use app::{App, AppProps, Early};
    pub use diary::{DiaryApp, DiaryProps};
    pub use embed::{Mounted, config, install_knowledge, install_language, option_warnings, saved_answers};
}

use crate::{KnowledgeBase, widget_config::WidgetConfig};

/// The knowledge a widget runs on, handed down from each app's root (as a prop
/// to components, as an argument to plain functions) rather than fetched from
/// a global, so a component can be mounted with a fixture. A prop rather than
/// a Yew context: a `ContextProvider` compares its children on every render,
/// which cost the bundle 3.0 KB gzip for the two components that read it. Equal when it is the same knowledge base.
#[derive(Clone, Copy, Debug)]
pub struct Knowledge(pub &'static KnowledgeBase);

impl PartialEq for Knowledge {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Knowledge {
    /// The knowledge in `code` with the words `embed.js` has installed,
    /// else English, else (no language file at all) the wordless embedded one.
    pub fn in_language(code: &str) -> Knowledge {
        let kb = KnowledgeBase::in_language(code).or_else(|_| KnowledgeBase::in_language("en"));
        Knowledge(kb.unwrap_or_else(|_| KnowledgeBase::embedded()))
    }
}

impl Knowledge {
    /// The knowledge a runner with these options reads: in their language,
    /// naming their region's services and the number to call.
    pub fn for_config(config: &WidgetConfig) -> Knowledge {
        let Knowledge(kb) = Knowledge::in_language(config.lang);
        Knowledge(kb.for_region(config.region.as_deref().unwrap_or(""), config.emergency_number.as_deref()))
    }
}

impl Default for Knowledge {
    fn default() -> Self {
        Knowledge::in_language("en")
    }
}
