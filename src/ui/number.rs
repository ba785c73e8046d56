//! Reading a number typed by the runner. The browser's `parseFloat` does the
//! conversion, which keeps Rust's float parser (and its tables) out of the
//! bundle; the shape is checked here first, because `parseFloat` alone would
//! read "12abc" as 12. A decimal comma is accepted, as many runners write one.

/// The number in `text`; `None` for empty text, `Some(Err(()))` for text
/// that is not a plain decimal number such as `12`, `-3` or `7.5`.
pub fn parse(text: &str) -> Option<Result<f64, ()>> {
    let text = text.trim().replace(',', ".");
    if text.is_empty() {
        return None;
    }
    let digits = text.strip_prefix(['-', '+']).unwrap_or(&text);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next().unwrap_or("");
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !plain(whole) || !plain(fraction) || digits.len() > 15 {
        return Some(Err(()));
    }
    let value = js_sys::Number::parse_float(&text);
    Some(if value.is_finite() { Ok(value) } else { Err(()) })
}
