//! The calm error screen. The release build aborts on panic, so once the
//! panic hook has run no widget on the page can draw again; the hook
//! therefore builds the screen itself, in every mounted widget, with plain DOM
//! calls (text only, never HTML), and offers a restart that reloads the page,
//! which needs no code from the dead module.

use std::cell::RefCell;

use web_sys::Element;

thread_local! {
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Shows the error screen in `root` if anything panics, from now until
/// `unwatch`. The hook is installed with the first widget.
pub fn watch(root: &Element) {
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
                        roots.iter().for_each(show);
                    }
                });
            }));
        }
        roots.push(root.clone());
    });
}

pub fn unwatch(root: &Element) {
    ROOTS.with_borrow_mut(|roots| roots.retain(|r| r != root));
}

/// Shows the error screen in `root` (public so a component test can check it).
pub fn show(root: &Element) {
    let Some(document) = root.owner_document() else { return };
    let make = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_class_name(class);
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(screen), Some(title), Some(body), Some(emergency), Some(restart)) = (
        make("section", "ft-app ft-crash", ""),
        make("h2", "", "Something went wrong"),
        make("p", "", "Foot Triage hit an internal error and had to stop. Your answers were not sent anywhere."),
        // The knowledge base's emergency text when it was read; otherwise
        // (it may be what failed) a plain pointer to care, with no clinical
        // detail of its own.
        make(
            "p",
            "ft-emergency",
            crate::KnowledgeBase::embedded_if_read().map_or(
                "If you are worried about your foot, contact a health professional, or your local emergency number in an emergency.",
                |kb| &kb.data.meta.emergency,
            ),
        ),
        make("a", "ft-primary ft-restart", "Start again"),
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
