//! Merges the knowledge folder's TOML files into one JSON document.
//!
//! This file is shared, via `#[path]`, by `build.rs` (which embeds the result
//! in the binary) and by the native loader (which lets `foot-triage lint`
//! check a folder a clinician is editing). It depends only on `toml` and
//! `serde_json`, so both can compile it.

use std::fmt;

/// Occurs when one of the knowledge files is not valid TOML, or when two files
/// both set the same single-valued table (such as `[meta]`).
#[derive(Debug)]
pub struct MergeError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Parses each `(file name, text)` pair and merges them: arrays of tables
/// (`[[rule]]`, `[[question]]`, ...) are concatenated in the order given, and
/// any other top-level key may be set by one file only.
pub fn merge_toml(files: &[(String, String)]) -> Result<serde_json::Value, MergeError> {
    let mut merged = serde_json::Map::new();
    for (name, text) in files {
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| MergeError { file: name.clone(), message: e.to_string().trim().replace('\n', " ") })?;
        let value =
            serde_json::to_value(&table).map_err(|e| MergeError { file: name.clone(), message: e.to_string() })?;
        let serde_json::Value::Object(map) = value else {
            continue;
        };
        for (key, value) in map {
            match (merged.get_mut(&key), value) {
                (None, value) => {
                    merged.insert(key, value);
                }
                (Some(serde_json::Value::Array(into)), serde_json::Value::Array(more)) => {
                    into.extend(more);
                }
                (Some(_), _) => {
                    return Err(MergeError {
                        file: name.clone(),
                        message: format!("`{key}` is already set by an earlier file"),
                    });
                }
            }
        }
    }
    Ok(serde_json::Value::Object(merged))
}
