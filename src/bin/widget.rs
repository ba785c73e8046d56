//! The Foot Triage widget's wasm module; Trunk builds this binary
//! (`data-bin`). It mounts nothing itself: `embed.js` defines the
//! `<foot-triage>` element, which calls `mount` for each element on the page.
//! The recovery diary is a second module (`src/bin/diary.rs`), loaded only
//! when a runner opens it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use foot_triage::ui::{
        App, AppProps, Early, Knowledge, Mounted, config, install_knowledge, install_language, option_warnings,
        saved_answers,
    };
    use wasm_bindgen::prelude::*;
    use web_sys::Element;

    /// Installs the knowledge file (`knowledge-<hash>.bin`, as bytes), which
    /// `embed.js` fetches beside this module and hands over once, before it
    /// calls anything else. Returns why the file cannot be used, if it
    /// cannot.
    #[wasm_bindgen]
    pub fn know(knowledge: Vec<u8>) -> Option<String> {
        install_knowledge(knowledge)
    }

    /// Reads the embedded knowledge and puts the words of `language` (a
    /// language file's bytes: handing the wasm bytes is a copy, where a
    /// string is re-encoded character by character, about 10 ms for one
    /// file on a fast machine) into it. `embed.js` calls it in a task of
    /// its own between loading the module and mounting, so no one task of
    /// the start-up is long enough to delay a tap; and again with another
    /// file when the runner switches language. Returns why the file cannot
    /// be used, if it cannot.
    #[wasm_bindgen]
    pub fn prepare(language: &[u8]) -> Option<String> {
        install_language(language)
    }

    /// Whether the widget for `attributes` has saved answers to restore:
    /// only the app can show them, so `embed.js` lets it take over at once.
    #[wasm_bindgen]
    pub fn saved(attributes: &JsValue) -> bool {
        saved_answers(attributes)
    }

    /// Why each value of `attributes` the widget would ignore is ignored, one
    /// line per value (`foot-triage: name="value" ignored: why`): the
    /// configuration page's checks, so no check is written twice.
    #[wasm_bindgen]
    pub fn warnings(attributes: &JsValue) -> Vec<String> {
        option_warnings(attributes)
    }

    /// One mounted widget.
    #[wasm_bindgen]
    pub struct Widget(Mounted<App>);

    /// Mounts a widget in `root`. `attributes` is a plain object of attribute
    /// names to string values (or null), as `<foot-triage>` has them; `early`
    /// says what was clicked on the prerendered first screens
    /// (`{begin, remember, answer}`: two booleans, anything else counting as
    /// false, and `{question, value}` strings for the first question's
    /// button, else null).
    #[wasm_bindgen]
    pub fn mount(root: Element, attributes: &JsValue, early: &JsValue) -> Widget {
        let field = |from: &JsValue, name: &str| js_sys::Reflect::get(from, &JsValue::from_str(name)).ok();
        let flag = |name: &str| field(early, name) == Some(JsValue::TRUE);
        let answer = field(early, "answer")
            .and_then(|a| Some((field(&a, "question")?.as_string()?, field(&a, "value")?.as_string()?)));
        let early = Early { begin: flag("begin"), remember: flag("remember"), answer };
        let config = config(attributes);
        let knowledge = Knowledge::for_config(&config);
        Widget(Mounted::new(root, knowledge, AppProps { config, knowledge, early }))
    }

    #[wasm_bindgen]
    impl Widget {
        /// Applies changed attributes. The runner's answers are kept.
        pub fn update(&mut self, attributes: &JsValue) {
            let config = config(attributes);
            let knowledge = Knowledge::for_config(&config);
            self.0.update(knowledge, AppProps { config, knowledge, ..AppProps::default() });
        }

        /// Removes the widget from the page (the element was removed).
        pub fn unmount(&mut self) {
            self.0.unmount();
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The widget runs in a browser: build and serve it with `scripts/serve`.");
}

// A small free-list allocator instead of the default dlmalloc: the widget
// allocates little and runs on one thread, and this saves about 4 KB of wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
