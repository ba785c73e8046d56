//! Reads a language file (`knowledge/lang/<code>/<domain>.toml`) into its
//! entries.
//!
//! A file is nested TOML tables whose path is the entry's id. The English
//! interface file gives each id its text (`[start] begin = "Start"`). A
//! translation gives each id a table: the English it was translated from
//! (`en`), the translation (under the language's code), and its review
//! status:
//!
//! ```toml
//! [question.swelling.text]
//! en = "Is the foot swollen?"
//! es = "¿Está hinchado el pie?"
//! status = "reviewed"
//! reviewer = "Dr. A. Ruiz, podiatrist"
//! reviewed = "2026-12-01"
//! ```
//!
//! Shared, via `#[path]`, by `build.rs` (which writes the language files the
//! widget fetches) and the linter, so it depends only on `toml`.

use std::collections::BTreeMap;

/// One entry of a language file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// The English this entry was translated from (for English, the text).
    pub en: String,
    /// The translation; `None` in the English file.
    pub text: Option<String>,
    /// `draft` or `reviewed`; empty in the English file.
    pub status: String,
    pub reviewer: String,
    pub reviewed: String,
}

/// A parsed file: its entries by id (sorted), and the ids whose table has
/// a key this format does not know, with that key.
#[derive(Debug, Clone, Default)]
pub struct LangFile {
    pub entries: BTreeMap<String, Entry>,
    pub unknown: Vec<(String, String)>,
}

/// Parses `text`; `code` is the file's language (`en` for the reference).
pub fn parse(text: &str, code: &str) -> Result<LangFile, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string().trim().replace('\n', " "))?;
    let mut file = LangFile::default();
    walk(&table, String::new(), code, &mut file)?;
    Ok(file)
}

fn walk(table: &toml::Table, prefix: String, code: &str, file: &mut LangFile) -> Result<(), String> {
    let is_entry = table.contains_key("en");
    if is_entry {
        let get = |key: &str| table.get(key).and_then(|v| v.as_str()).unwrap_or("").to_string();
        for key in table.keys() {
            if !["en", "status", "reviewer", "reviewed", "note"].contains(&key.as_str()) && key != code {
                file.unknown.push((prefix.clone(), key.clone()));
            }
        }
        let entry = Entry {
            en: get("en"),
            text: table.get(code).and_then(|v| v.as_str()).map(str::to_string),
            status: get("status"),
            reviewer: get("reviewer"),
            reviewed: get("reviewed"),
        };
        file.entries.insert(prefix, entry);
        return Ok(());
    }
    for (key, value) in table {
        let id = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
        match value {
            toml::Value::Table(inner) => walk(inner, id, code, file)?,
            toml::Value::String(s) if code == "en" => {
                file.entries.insert(id, Entry { en: s.clone(), ..Entry::default() });
            }
            _ => return Err(format!("`{id}` is neither a text nor an entry table")),
        }
    }
    Ok(())
}

/// The `{name}` placeholders of a text, sorted, for comparing a translation
/// with its English.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .collect();
    found.sort_unstable();
    found
}
