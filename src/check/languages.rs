//! Checks the translations in `knowledge/lang/` against the English, and
//! writes a translator's starting file.
//!
//! The English of the clinical domain is the knowledge itself (each text's
//! catalogue id comes from `knowledge::catalogue`); the English of the
//! interface is `lang/en/interface.toml`. A translation is a folder per
//! language with one file per domain (`lang/es/clinical.toml`,
//! `lang/es/interface.toml`); its format is described in `lang_file.rs`.

use std::{collections::BTreeMap, fmt::Write as _, path::Path};

pub use super::lang_file::{LangFile, parse};
use super::{
    lang_file::placeholders,
    problem::{Problem, ProblemKind},
};
use crate::knowledge::{KnowledgeBase, catalogue};

/// A domain's name and its English texts by id.
pub type Domain = (String, BTreeMap<String, String>);

/// The English of each domain, by id: `clinical` (the knowledge's texts),
/// then one domain per file of `lang/en/` (`interface`, `diary`).
pub fn english(kb: &KnowledgeBase, lang: &Path) -> Result<Vec<Domain>, String> {
    let mut clinical = BTreeMap::new();
    catalogue::visit(&mut kb.data.clone(), &mut |id, text| {
        clinical.insert(id.to_string(), text.to_string());
    });
    let mut domains = vec![("clinical".to_string(), clinical)];
    let dir = lang.join("en");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let file = parse(&text, "en").map_err(|e| format!("{}: {e}", path.display()))?;
        let domain = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        domains.push((domain, file.entries.into_iter().map(|(id, e)| (id, e.en)).collect()));
    }
    Ok(domains)
}

/// How far one language has got: entries in all, translated, and reviewed by
/// a clinician (or, for the interface, a reviewer).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    pub code: String,
    pub entries: usize,
    pub translated: usize,
    pub reviewed: usize,
}

/// Lints every translation under `lang` (each folder but `en`). Problems are
/// reported by catalogue id, as `es:question.swelling.text`.
pub fn lint(kb: &KnowledgeBase, lang: &Path) -> Result<(Vec<Problem>, Vec<Progress>), String> {
    let english = english(kb, lang)?;
    let mut codes: Vec<String> = std::fs::read_dir(lang)
        .map_err(|e| format!("cannot read {}: {e}", lang.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|code| code != "en")
        .collect();
    codes.sort();
    let mut problems = Vec::new();
    let mut progress = Vec::new();
    for code in codes {
        let mut done = Progress { code: code.clone(), ..Progress::default() };
        for (domain, english) in &english {
            let path = lang.join(&code).join(format!("{domain}.toml"));
            let file = match std::fs::read_to_string(&path) {
                Ok(text) => parse(&text, &code).map_err(|e| format!("{}: {e}", path.display()))?,
                Err(_) => LangFile::default(),
            };
            check_file(&code, english, &file, &mut problems, &mut done);
        }
        progress.push(done);
    }
    Ok((problems, progress))
}

fn check_file(
    code: &str,
    english: &BTreeMap<String, String>,
    file: &LangFile,
    problems: &mut Vec<Problem>,
    done: &mut Progress,
) {
    let mut report =
        |kind, id: &str, message: String| problems.push(Problem { kind, id: format!("{code}:{id}"), message });
    for (id, en) in english {
        done.entries += 1;
        let Some(entry) = file.entries.get(id) else {
            report(ProblemKind::MissingTranslation, id, "no entry: run `foot-triage translate` to add it".into());
            continue;
        };
        let Some(text) = entry.text.as_deref() else {
            report(ProblemKind::MissingTranslation, id, format!("the entry has no `{code}` text yet"));
            continue;
        };
        if text.trim().is_empty() {
            report(ProblemKind::EmptyTranslation, id, "the translation is empty".into());
            continue;
        }
        done.translated += 1;
        if entry.en != *en {
            report(
                ProblemKind::StaleTranslation,
                id,
                format!("the English changed since it was translated; it now reads {en:?}"),
            );
        }
        if placeholders(text) != placeholders(en) {
            report(
                ProblemKind::PlaceholderMismatch,
                id,
                format!("placeholders {:?} differ from the English {:?}", placeholders(text), placeholders(en)),
            );
        }
        match entry.status.as_str() {
            "draft" => {}
            "reviewed" if !entry.reviewer.is_empty() && is_date(&entry.reviewed) => done.reviewed += 1,
            "reviewed" => report(
                ProblemKind::BadReview,
                id,
                "a reviewed entry needs a `reviewer` and a `reviewed` date (YYYY-MM-DD)".into(),
            ),
            other => report(ProblemKind::BadReview, id, format!("status {other:?} is neither `draft` nor `reviewed`")),
        }
    }
    for id in file.entries.keys().filter(|id| !english.contains_key(*id)) {
        report(ProblemKind::ExtraTranslation, id, "the English has no such entry (renamed or removed?)".into());
    }
    for (id, key) in &file.unknown {
        report(ProblemKind::ExtraTranslation, id, format!("unknown key `{key}` in the entry"));
    }
}

pub(super) fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The file `foot-triage translate` writes: every English entry in id order,
/// the old entry's fields when it had one, or the English alone.
pub fn write(code: &str, domain: &str, english: &BTreeMap<String, String>, old: &LangFile) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let mut out = format!(
        "# The {domain} texts in `{code}`, one entry per English text (see docs/translating.md).\n\
         # `en` is the English the translation was made from; `foot-triage lint` reports\n\
         # an entry whose English has changed since. Status: `draft`, or `reviewed` with\n\
         # `reviewer` and `reviewed` (a date).\n"
    );
    for (id, en) in english {
        let _ = write!(out, "\n[{id}]\n");
        match old.entries.get(id) {
            Some(entry) => {
                let _ = writeln!(out, "en = {}", quote(&entry.en));
                if let Some(text) = &entry.text {
                    let _ = writeln!(out, "{code} = {}", quote(text));
                }
                for (key, value) in
                    [("status", &entry.status), ("reviewer", &entry.reviewer), ("reviewed", &entry.reviewed)]
                {
                    if !value.is_empty() {
                        let _ = writeln!(out, "{key} = {}", quote(value));
                    }
                }
            }
            None => {
                let _ = writeln!(out, "en = {}", quote(en));
            }
        }
    }
    out
}
