//! `Json::write`, which the widget stores and exports with: its text must
//! be what the browser's `JSON.stringify` writes, and read back (by
//! serde_json) as the same value.

use foot_triage::json::Json;

/// Writes numbers as the widget does for whole ones; the fractions here
/// print the same in Rust, serde_json and JavaScript.
fn number(n: f64, out: &mut String) {
    out.push_str(&n.to_string());
}

fn check(value: Json, expected: &str) {
    let mut out = String::new();
    value.write(&mut out, &number);
    assert_eq!(out, expected, "{value:?}");
    let read: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{out} is not JSON: {e}"));
    let finite = |v: &Json| !matches!(v, Json::Number(n) if !n.is_finite());
    assert_eq!(Json::from(&read), if finite(&value) { value } else { Json::Null }, "{out} reads back");
}

fn text(s: &str) -> Json {
    Json::String(s.to_string())
}

#[test]
fn json_text_is_what_the_browser_writes() {
    let object =
        |entries: &[(&str, Json)]| Json::Object(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect());
    check(Json::Null, "null");
    check(Json::Bool(true), "true");
    check(Json::Bool(false), "false");
    check(Json::Number(3.0), "3");
    check(Json::Number(-12.0), "-12");
    check(Json::Number(2.5), "2.5");
    // JSON has no NaN or infinity: JSON.stringify writes null.
    check(Json::Number(f64::NAN), "null");
    check(Json::Number(f64::INFINITY), "null");
    check(text(""), r#""""#);
    check(text("say \"hi\" \\ done"), r#""say \"hi\" \\ done""#);
    check(text("a\nb\rc\td\u{8}e\u{c}f"), r#""a\nb\rc\td\be\ff""#);
    check(text("\u{0}\u{1f}"), r#""\u0000\u001f""#);
    // Only control characters are escaped: not the slash, nor any letter.
    check(text("1/2 ½ señal 🦶 \u{7f}"), "\"1/2 ½ señal 🦶 \u{7f}\"");
    check(Json::Array(vec![]), "[]");
    check(Json::Array(vec![Json::Number(1.0), Json::Null, text("x")]), r#"[1,null,"x"]"#);
    check(object(&[]), "{}");
    // Keys keep the order given (sorted here, as serde_json reads them back).
    check(
        object(&[("a", Json::Array(vec![object(&[("b", Json::Bool(false))])])), ("c\"", text("d"))]),
        r#"{"a":[{"b":false}],"c\"":"d"}"#,
    );
}
