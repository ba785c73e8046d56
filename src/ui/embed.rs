//! What `embed.js` calls: `mount` starts one widget in an element (the
//! `<div>` inside a `<foot-triage>` element's shadow root) and returns a
//! handle whose `update` applies changed attributes and whose `unmount`
//! removes it. Any number of widgets can run on one page.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::AppHandle;

use super::{App, AppProps, crash};
use crate::widget_config::{ATTRIBUTES, WidgetConfig};

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    root: Element,
}

/// Mounts a widget in `root`. `attributes` is a plain object of attribute
/// names to string values (or null), as `<foot-triage>` has them.
#[wasm_bindgen]
pub fn mount(root: Element, attributes: &JsValue) -> Widget {
    crash::watch(&root);
    let props = AppProps { config: Rc::new(config(attributes)) };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Widget { handle: Some(handle), root }
}

#[wasm_bindgen]
impl Widget {
    /// Applies changed attributes. The runner's answers are kept.
    pub fn update(&mut self, attributes: &JsValue) {
        if let Some(handle) = &mut self.handle {
            handle.update(AppProps { config: Rc::new(config(attributes)) });
        }
    }

    /// Removes the widget from the page (the element was removed).
    pub fn unmount(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        crash::unwatch(&self.root);
    }
}

/// Reads and checks the attributes; each value ignored is a console warning.
fn config(attributes: &JsValue) -> WidgetConfig {
    let (config, warnings) = WidgetConfig::read(|name| {
        debug_assert!(ATTRIBUTES.contains(&name));
        js_sys::Reflect::get(attributes, &JsValue::from_str(name)).ok()?.as_string()
    });
    for warning in warnings {
        web_sys::console::warn_1(&warning.into());
    }
    config
}
