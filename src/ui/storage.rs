//! Saved progress in localStorage, only with the runner's consent. Browsers
//! can refuse storage (private modes, blocked cookies, sandboxed frames), so
//! every call here can fail quietly: the widget then simply does not
//! remember, and says so.
//!
//! The record formats and their migrations are `crate::saved` (answers) and
//! `crate::diary`'s backup format (the diary). Keys start with
//! `foot-triage`, so "Erase my data" can find everything the widget stored,
//! including records set aside as unreadable.
//!
//! This uses web-sys's `Storage` directly rather than gloo-storage: gloo's
//! accessor panics where storage is blocked, and its typed get/set would bring
//! serde_json into the bundle.

use web_sys::Storage;

use super::js_json;
use crate::{json::Json, knowledge::Ui};

const PREFIX: &str = "foot-triage";

/// The storage key of one widget instance.
pub fn key(instance: Option<&str>) -> String {
    match instance {
        Some(id) => format!("{PREFIX}:{id}"),
        None => PREFIX.to_string(),
    }
}

/// The click on "Remember on this device": it turns consent on or off and,
/// when turning it on, asks the browser to keep the storage, so the notice can
/// then say what the browser answered. `remember` and `persisted` build the
/// app's own actions.
pub fn remember_switch<A: 'static>(
    act: &yew::Callback<A>,
    remembering: bool,
    remember: fn(bool) -> A,
    persisted: fn(Option<bool>) -> A,
) -> yew::Callback<web_sys::MouseEvent> {
    let act = act.clone();
    yew::Callback::from(move |_: web_sys::MouseEvent| match remembering {
        true => act.emit(remember(false)),
        false => remember_now(&act, remember, persisted),
    })
}

/// Turns consent on as a click on "Remember" does: also for the click
/// `embed.js` saw on the prerendered switch, a moment before the app took
/// over (the browser still counts that moment as the runner's action).
pub fn remember_now<A: 'static>(act: &yew::Callback<A>, remember: fn(bool) -> A, persisted: fn(Option<bool>) -> A) {
    act.emit(remember(true));
    let act = act.clone();
    ask_to_persist(move |granted| act.emit(persisted(granted)));
}

/// Asks the browser to keep this site's storage (`navigator.storage.persist`)
/// and calls `done` with its answer, or `None` where the browser has no such
/// request. Called only on the runner's own click on "Remember" (or just
/// after it), since some browsers ask the runner.
fn ask_to_persist(done: impl FnOnce(Option<bool>) + 'static) {
    use wasm_bindgen::{JsCast, JsValue};
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &JsValue::from_str(name)).ok();
    let promise = web_sys::window()
        .and_then(|w| get(&w.navigator().into(), "storage"))
        .filter(|s| !s.is_undefined())
        .and_then(|storage| {
            let persist = get(&storage, "persist")?.dyn_into::<js_sys::Function>().ok()?;
            persist.call0(&storage).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
    match promise {
        None => done(None),
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok().map(|v| v.is_truthy());
            done(granted);
        }),
    }
}

/// Whether `key` holds a record, readable or not: a runner chose to be
/// remembered here.
pub fn holds(key: &str) -> bool {
    storage().and_then(|s| s.get_item(key).ok().flatten()).is_some()
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// What was found under `key` on load.
pub enum Loaded<T> {
    Nothing,
    Restored(T),
    /// The record could not be read. It was moved to `set_aside`, and `why`
    /// says what was wrong.
    SetAside {
        why: String,
        set_aside: String,
    },
    /// Storage itself is unavailable.
    Unavailable,
}

/// Reads the record under `key` with `decode`, which says why a record it
/// cannot use is unreadable.
pub fn load<T>(key: &str, decode: impl FnOnce(&Json) -> Result<T, String>) -> Loaded<T> {
    let Some(storage) = storage() else { return Loaded::Unavailable };
    let Ok(Some(text)) = storage.get_item(key) else { return Loaded::Nothing };
    let decoded = match js_json::parse(&text) {
        Some(record) => decode(&record),
        None => Err("it is not valid JSON".to_string()),
    };
    match decoded {
        Ok(restored) => Loaded::Restored(restored),
        Err(why) => {
            // Keep the text under a new key, never delete it: a newer version
            // (or a person) may still be able to read it.
            let set_aside = (1..)
                .map(|n| format!("{key}:unreadable:{n}"))
                .find(|k| !matches!(storage.get_item(k), Ok(Some(_))))
                .unwrap_or_default();
            let moved = storage.set_item(&set_aside, &text).is_ok();
            if moved {
                let _ = storage.remove_item(key);
            }
            Loaded::SetAside { why, set_aside: if moved { set_aside } else { key.to_string() } }
        }
    }
}

/// Saves the record; false if the browser refused.
pub fn save(key: &str, record: &Json) -> bool {
    let text = js_json::stringify(record);
    storage().is_some_and(|s| s.set_item(key, &text).is_ok())
}

/// Keeps storage in step with consent, for the triage and the diary alike
/// (each app calls it from one effect, after the saved state changes): while
/// `remember` is on, saves `record()` under `key`; otherwise makes sure
/// nothing is stored there. Returns the notice to show when the browser
/// refused to save (remembering must then go off).
pub fn sync(key: &str, remember: bool, record: impl FnOnce() -> Json) -> Result<(), Ui> {
    if !remember {
        forget(key);
    } else if !save(key, &record()) {
        return Err(Ui::StorageRefused);
    }
    Ok(())
}

/// Removes this instance's record (consent withdrawn).
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Removes everything any Foot Triage widget stored on this site, and says so
/// in the runner's words.
pub fn erase_all() -> Ui {
    match erase_every_key() {
        Some(_) => Ui::StorageErased,
        None => Ui::StorageNothingToErase,
    }
}

/// Returns how many items were removed, or `None` if storage is unavailable.
fn erase_every_key() -> Option<u32> {
    let storage = storage()?;
    let keys: Vec<String> = (0..storage.length().ok()?)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k == PREFIX || k.starts_with(&format!("{PREFIX}:")))
        .collect();
    keys.iter().for_each(|k| {
        let _ = storage.remove_item(k);
    });
    Some(keys.len() as u32)
}
