//! The recovery diary's wasm module; Trunk builds this binary as a second
//! module (`data-bin="diary"`), and `embed.js` imports it only when a runner
//! opens the diary, so the triage's first load does not carry it.

#[cfg(target_arch = "wasm32")]
mod exports {
    use std::rc::Rc;

    use foot_triage::{
        Answers, KnowledgeBase,
        ui::{DiaryApp, DiaryProps, Knowledge, Mounted, config, install_knowledge, install_language, js_json},
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

    /// Puts the words of `language` (a language file's bytes) into the
    /// knowledge, as the widget's `prepare` does; `embed.js` calls it before
    /// mounting, and again when the runner switches language.
    #[wasm_bindgen]
    pub fn prepare(language: &[u8]) -> Option<String> {
        install_language(language)
    }

    /// One mounted diary.
    #[wasm_bindgen]
    pub struct Diary {
        diary: Mounted<DiaryApp>,
        answers: Rc<Answers>,
        remember: bool,
    }

    /// Mounts the diary in `root`. `attributes` are the `<foot-triage>`
    /// element's, `answers` the triage's answers as JSON text (from the
    /// diary button), and `remember` whether the runner chose to be
    /// remembered there. Answers that cannot be read are left out with a
    /// console warning: the diary still works without them.
    #[wasm_bindgen]
    pub fn mount(root: Element, attributes: &JsValue, answers: &str, remember: bool) -> Diary {
        let answers = Rc::new(read_answers(answers));
        let config = config(attributes);
        let knowledge = Knowledge::for_config(&config);
        let props = DiaryProps { config, answers: answers.clone(), remember, knowledge };
        Diary { diary: Mounted::new(root, knowledge, props), answers, remember }
    }

    fn read_answers(text: &str) -> Answers {
        let read = js_json::parse(text)
            .ok_or_else(|| "they are not JSON".to_string())
            .and_then(|tree| Answers::from_tree(KnowledgeBase::embedded(), &tree).map_err(|e| e.to_string()));
        read.unwrap_or_else(|why| {
            web_sys::console::warn_1(
                &format!("foot-triage: the diary starts without the triage answers: {why}").into(),
            );
            Answers::new()
        })
    }

    #[wasm_bindgen]
    impl Diary {
        /// Applies changed attributes. The diary keeps its state.
        pub fn update(&mut self, attributes: &JsValue) {
            let config = config(attributes);
            let knowledge = Knowledge::for_config(&config);
            let props = DiaryProps { config, answers: self.answers.clone(), remember: self.remember, knowledge };
            self.diary.update(knowledge, props);
        }

        /// Removes the diary from the page.
        pub fn unmount(&mut self) {
            self.diary.unmount();
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The diary runs in a browser: build and serve it with `scripts/serve`.");
}

// The diary keeps Rust's default allocator (dlmalloc). The widget's smaller
// free-list allocator scans its list on every allocation, which years of
// entries (thousands of small strings) would make slow; this module is not
// part of the first load, so its few extra kilobytes cost no budget.
