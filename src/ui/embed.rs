//! What the wasm modules' entry points build on: [`Mounted`] starts one Yew
//! app in an element (the `<div>` inside a `<foot-triage>` element's shadow
//! root), applies changed attributes and removes it again. Any number can run
//! on one page.
//!
//! The `#[wasm_bindgen]` exports themselves live in each module's binary
//! (`src/bin/widget.rs`, `src/bin/diary.rs`): an export in this library would
//! be linked into every module, and with it the UI it starts.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;
use yew::{AppHandle, BaseComponent};

use super::{Knowledge, crash, storage};
use crate::KnowledgeBase;
use crate::widget_config::{ATTRIBUTES, WidgetConfig};

/// One mounted app.
pub struct Mounted<C: BaseComponent> {
    handle: Option<AppHandle<C>>,
    root: Element,
}

impl<C: BaseComponent> Mounted<C> {
    /// Starts `C` in `root`, with the error screen watching it.
    pub fn new(root: Element, kb: Knowledge, props: C::Properties) -> Mounted<C> {
        crash::watch(&root, kb.0);
        let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        Mounted { handle: Some(handle), root }
    }

    /// New properties (changed attributes); the app keeps its state.
    pub fn update(&mut self, kb: Knowledge, props: C::Properties) {
        crash::watch(&self.root, kb.0);
        if let Some(handle) = &mut self.handle {
            handle.update(props);
        }
    }

    /// Removes the app from the page (the element was removed).
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        crash::unwatch(&self.root);
    }
}

/// Reads and checks the attributes, a plain object of attribute names to
/// string values (or null) as `<foot-triage>` has them; each value ignored is
/// a console warning.
pub fn config(attributes: &JsValue) -> Rc<WidgetConfig> {
    let (config, warnings) = read(attributes);
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    Rc::new(config)
}

/// What `WidgetConfig::read` would warn of for these attributes, one line
/// each, without printing them: the configuration page shows them beside
/// the fields, so its checks are the widget's own.
pub fn option_warnings(attributes: &JsValue) -> Vec<String> {
    read(attributes).1
}

fn read(attributes: &JsValue) -> (WidgetConfig, Vec<String>) {
    WidgetConfig::read(|name| {
        debug_assert!(ATTRIBUTES.contains(&name));
        js_sys::Reflect::get(attributes, &JsValue::from_str(name)).ok()?.as_string()
    })
}

/// Whether the widget these attributes describe has saved answers to
/// restore, which only the app can show. Its warnings are the mount's to give.
pub fn saved_answers(attributes: &JsValue) -> bool {
    let (config, _) = read(attributes);
    config.storage_allowed && storage::holds(&storage::key(config.instance.as_deref()))
}

/// Installs the knowledge file that `embed.js` fetched
/// (`knowledge-<hash>.bin`), before anything else is asked of the module.
/// Returns why it cannot be used, if it cannot.
pub fn install_knowledge(file: Vec<u8>) -> Option<String> {
    KnowledgeBase::install(file).err().map(|_| "the knowledge file is not this version of Foot Triage's".to_string())
}

/// Installs a language file that `embed.js` fetched
/// (`lang/<code>-<part>-<hash>.txt`, as bytes), so apps can be mounted in that
/// language. Returns why it cannot be used, if it cannot (the caller keeps the
/// languages it has).
pub fn install_language(file: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(file) else {
        return Some("the language file is not UTF-8 text".into());
    };
    KnowledgeBase::install_language(text).err().map(|e| e.to_string())
}
