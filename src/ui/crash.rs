//! The calm error screen. The release build aborts on panic, so once the
//! panic hook has run no widget on the page can draw again; the hook
//! therefore builds the screen itself, in every mounted widget, with plain DOM
//! calls (text only, never HTML), and offers a restart that reloads the page,
//! which needs no code from the dead module.

use std::cell::RefCell;

use web_sys::Element;

use crate::{KnowledgeBase, knowledge::Ui};

thread_local! {
    /// Each watched root, with the knowledge (the language) it shows.
    static ROOTS: RefCell<Vec<(Element, &'static KnowledgeBase)>> = const { RefCell::new(Vec::new()) };
}

/// Shows the error screen in `root`, in the language of `kb`, if anything
/// panics, from now until `unwatch`. The hook is installed with the first
/// widget. Watching a root again changes its language.
pub fn watch(root: &Element, kb: &'static KnowledgeBase) {
    ROOTS.with_borrow_mut(|roots| {
        if roots.is_empty() {
            // Through Yew, which would otherwise install its own hook when the
            // widget renders.
            yew::set_custom_panic_hook(Box::new(|info| {
                web_sys::console::error_1(&format!("Foot Triage stopped: {info}").into());
                // `try_with`: a panic while the list itself is borrowed must
                // not panic again.
                let _ = ROOTS.try_with(|roots| {
                    if let Ok(roots) = roots.try_borrow() {
                        roots.iter().for_each(|(root, kb)| show(root, kb));
                    }
                });
            }));
        }
        roots.retain(|(r, _)| r != root);
        roots.push((root.clone(), kb));
    });
}

pub fn unwatch(root: &Element) {
    ROOTS.with_borrow_mut(|roots| roots.retain(|(r, _)| r != root));
}

/// Shows the error screen in `root` (public so a component test can check it).
pub fn show(root: &Element, kb: &KnowledgeBase) {
    let Some(document) = root.owner_document() else { return };
    let make = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(screen), Some(title), Some(body), Some(emergency), Some(restart)) = (
        make("section", "ft-app ft-crash", ""),
        make("h2", "", kb.ui(Ui::CrashTitle)),
        make("p", "", kb.ui(Ui::CrashBody)),
        make("p", "ft-emergency", &kb.data.meta.emergency),
        make("a", "ft-primary ft-restart", kb.ui(Ui::CrashRestart)),
    ) else {
        return;
    };
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute("data-ft-crash", "");
    // An empty href reloads the current page.
    let _ = restart.set_attribute("href", "");
    for child in [&title, &body, &emergency, &restart] {
        let _ = screen.append_child(child);
    }
    root.set_text_content(None);
    let _ = root.append_child(&screen);
}
