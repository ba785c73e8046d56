//! Moves the engine's `Json` tree through the browser's own JSON, so no JSON
//! parser or serializer ships in the wasm bundle.

use js_sys::{Array, JSON, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::json::Json;

/// Parses JSON text; `None` if it is not JSON (or nests absurdly deep).
pub fn parse(text: &str) -> Option<Json> {
    from_js(&JSON::parse(text).ok()?, 0)
}

/// Writes JSON text.
pub fn stringify(value: &Json) -> Option<String> {
    JSON::stringify(&to_js(value)).ok()?.as_string()
}

fn to_js(value: &Json) -> JsValue {
    match value {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items.iter().map(to_js).collect::<Array>().into(),
        Json::Object(entries) => {
            let object = Object::new();
            for (k, v) in entries {
                let _ = Reflect::set(&object, &JsValue::from_str(k), &to_js(v));
            }
            object.into()
        }
    }
}

fn from_js(value: &JsValue, depth: usize) -> Option<Json> {
    if depth > 32 {
        return None;
    }
    Some(if value.is_null() {
        Json::Null
    } else if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        Json::Array(array.iter().map(|v| from_js(&v, depth + 1)).collect::<Option<_>>()?)
    } else if value.is_object() {
        let entries = Object::entries(value.unchecked_ref());
        let mut out = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let pair: &Array = entry.unchecked_ref();
            out.push((pair.get(0).as_string()?, from_js(&pair.get(1), depth + 1)?));
        }
        Json::Object(out)
    } else {
        return None;
    })
}
