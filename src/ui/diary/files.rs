//! Files the runner saves and opens: downloads (the backup, the FHIR
//! resources) made in the browser from a Blob, and the backup file read back
//! with `File.text()`. Nothing goes over the network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};
use yew::prelude::*;

use super::state::DiaryAction;
use crate::{KnowledgeBase, json::Json, knowledge::Ui, ui::js_json};

/// Offers `value` as a JSON file named `name`; false if the browser refused.
pub fn download(name: &str, mime: &str, value: &Json) -> bool {
    let text = js_json::stringify(value);
    let saved = (|| {
        let bag = BlobPropertyBag::new();
        bag.set_type(mime);
        let parts = js_sys::Array::of1(&text.into());
        let blob = Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
        let url = Url::create_object_url_with_blob(&blob).ok()?;
        let link: HtmlAnchorElement = web_sys::window()?.document()?.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // The download has started by the time the timer runs; revoking the
        // URL then frees the file's memory.
        gloo_timers::callback::Timeout::new(30_000, move || {
            let _ = Url::revoke_object_url(&url);
        })
        .forget();
        Some(())
    })();
    saved.is_some()
}

/// The `onchange` of a file input: reads the chosen file as JSON and hands
/// it to the reducer (which checks it whole before anything changes).
/// Its errors are worded in the language of `kb`.
pub fn on_backup_chosen(kb: &'static KnowledgeBase, act: &Callback<DiaryAction>) -> Callback<Event> {
    let act = act.clone();
    Callback::from(move |event: Event| {
        let Some(input) = event.target_dyn_into::<HtmlInputElement>() else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // Cleared, so choosing the same file again is a new change.
        input.set_value("");
        let act = act.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            act.emit(DiaryAction::Import(match text {
                Some(text) => js_json::parse(&text).ok_or_else(|| kb.ui(Ui::DiaryBackupNotABackup).into()),
                None => Err(kb.ui(Ui::DiaryBackupUnreadableFile).into()),
            }));
        });
    })
}
