//! Moves the engine's `Json` tree through the browser's own JSON, so no JSON
//! parser or serializer ships in the wasm bundle.

use js_sys::{Array, JSON, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::json::Json;

/// Parses JSON text; `None` if it is not JSON (or nests absurdly deep).
pub fn parse(text: &str) -> Option<Json> {
    from_js(&JSON::parse(text).ok()?, 0)
}

/// Writes JSON text, as the browser's `JSON.stringify` would, in Rust
/// ([`Json::write`]): one string crosses into JavaScript, not every value.
pub fn stringify(value: &Json) -> String {
    let mut out = String::new();
    value.write(&mut out, &number);
    out
}

/// Whole numbers (nearly all that is stored: scores, days, distances in
/// whole kilometres) by Rust's integer formatting, which the wasm has anyway;
/// the rest by the browser's, exactly as `JSON.stringify` writes them.
fn number(n: f64, out: &mut String) {
    use std::fmt::Write;
    // Below 2^53 every whole f64 is an exact i64, and both write it in full.
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        let _ = write!(out, "{}", n as i64);
    } else {
        out.push_str(&String::from(js_sys::Number::from(n).to_string_with_radix(10).unwrap_or_else(|_| "null".into())));
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
