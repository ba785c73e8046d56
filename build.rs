//! Embeds the clinical knowledge. It merges `knowledge/*.toml`, reads the
//! result into the typed model (parsing every formula), and writes it in the
//! compact binary form of `src/knowledge/compact.rs` to
//! `OUT_DIR/knowledge.bin`, which `src/knowledge/embedded.rs` includes (a
//! native build also writes the widget's wordless form, which the widget
//! fetches as a file of its own). The knowledge is therefore already checked
//! and parsed when a program starts, and neither a TOML nor a JSON parser
//! for it ships in the wasm bundle.
//!
//! The model (the folder `src/knowledge/model/`), its text types and the
//! formula syntax are the library's own files, compiled here through
//! `#[path]`, so the generated code cannot drift from them. They sit at the
//! bottom of the knowledge and import nothing else of the crate, which is
//! what lets them compile here.

#[path = "build/compact.rs"]
mod compact;
#[allow(dead_code)]
#[path = "src/check/lang_file.rs"]
mod lang_file;
#[path = "src/check/merge.rs"]
mod merge;

// The same module tree as the library's, so the files' `super::` paths work.
// The build uses only part of the model, so some of its items and of the
// names `model/mod.rs` re-exports go unused here.
#[allow(dead_code, unused_imports)]
#[path = "src/knowledge"]
mod knowledge {
    pub mod catalogue;
    pub mod model;
    pub mod text;
    pub mod formula {
        mod syntax;
        pub use syntax::*;
    }
}

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("knowledge");
    println!("cargo:rerun-if-changed=knowledge");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/knowledge/model");
    println!("cargo:rerun-if-changed=src/knowledge/text.rs");
    println!("cargo:rerun-if-changed=src/knowledge/catalogue.rs");
    println!("cargo:rerun-if-changed=src/check/lang_file.rs");
    println!("cargo:rerun-if-changed=src/knowledge/formula/syntax.rs");
    println!("cargo:rerun-if-changed=src/check/merge.rs");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("the knowledge folder is missing")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    names.sort();
    let files: Vec<(String, String)> = names
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path).expect("a knowledge file is unreadable");
            (path.display().to_string(), text)
        })
        .collect();
    let merged = merge::merge_toml(&files).unwrap_or_else(|e| panic!("knowledge: {e}"));
    let mut data: knowledge::model::Knowledge =
        serde_json::from_value(merged).unwrap_or_else(|e| panic!("knowledge does not fit the model: {e}"));
    data.resolve_constants();
    let out = env::var("OUT_DIR").unwrap();
    let out = Path::new(&out);
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    languages(&mut data, out, wasm);
    if wasm {
        for_the_widget(&mut data);
    }
    write_compact(&data, &out.join("knowledge.bin"));
    // The widget fetches its (wordless) knowledge as a file, which the
    // prerender, a native build, hands to the build's hook: so a native build
    // writes the widget's form too.
    if !wasm {
        for_the_widget(&mut data);
        write_compact(&data, &out.join("widget-knowledge.bin"));
    }
}

/// Writes `data` in the compact form to `path`.
fn write_compact(data: &knowledge::model::Knowledge, path: &Path) {
    let bytes = compact::to_bytes(data).unwrap_or_else(|e| panic!("knowledge cannot be embedded: {e}"));
    fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// Writes two language files per folder of `knowledge/lang`: records
/// separated by U+001E, the format `knowledge/language.rs` reads (a format
/// mark, the language, the ids' fingerprint, the part, the number of
/// knowledge texts, then those texts in the catalogue's visiting order).
/// `lang-<code>.txt` holds what the interview needs (with the interface's
/// texts in id order after the knowledge's); `lang-<code>-results.txt` the
/// texts only the results need (`catalogue::for_results`). Also writes
/// `languages.rs`: the interface ids as the `Ui` enum, the fingerprint, and the
/// list of languages. Native builds embed every language file; the widget
/// fetches its one. The wasm's knowledge then keeps no words at all
/// (`for_the_widget` blanks them): they come from the language file.
///
/// An entry a translation lacks falls back to the English, so a half-done
/// catalogue still builds; `foot-triage lint` reports what is missing.
fn languages(data: &mut knowledge::model::Knowledge, out: &Path, wasm: bool) {
    let mut clinical: Vec<ClinicalText> = Vec::new();
    knowledge::catalogue::visit(data, &mut |id, text| {
        clinical.push((id.to_string(), text.to_string(), knowledge::catalogue::for_results(&id)))
    });
    let english = English { interface: read_language("en", false), clinical };
    let fingerprint = knowledge::catalogue::fingerprint(
        english.clinical.iter().map(|(id, ..)| id.as_str()).chain(english.interface.entries.keys().map(String::as_str)),
    );
    let mut list = String::new();
    for code in &language_codes() {
        list.push_str(&write_language(&english, code, fingerprint, out, wasm));
    }
    let code = languages_rs(&english.interface, fingerprint, &list);
    fs::write(out.join("languages.rs"), code).expect("cannot write languages.rs");
}

/// A knowledge text: its catalogue id, its English, and whether only the
/// results need it.
type ClinicalText = (String, String, bool);

/// The English every translation falls back to: the knowledge's texts in the
/// catalogue's visiting order, and the interface's by id.
struct English {
    clinical: Vec<ClinicalText>,
    interface: lang_file::LangFile,
}

/// The language folders of `knowledge/lang`, English first, then by code.
fn language_codes() -> Vec<String> {
    let mut codes: Vec<String> = fs::read_dir("knowledge/lang")
        .expect("knowledge/lang is missing")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort_by_key(|code| (code != "en", code.clone()));
    codes
}

/// A language's `clinical.toml` (when `clinical`), or else its texts outside
/// the knowledge: every other file of its folder (the interface, the diary),
/// merged; ids never repeat across files because each file's ids start with
/// its own prefix.
fn read_language(code: &str, clinical: bool) -> lang_file::LangFile {
    let mut merged = lang_file::LangFile::default();
    let Ok(dir) = fs::read_dir(Path::new("knowledge/lang").join(code)) else { return merged };
    let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let is_clinical = path.file_stem().is_some_and(|s| s == "clinical");
        if path.extension().is_none_or(|e| e != "toml") || is_clinical != clinical {
            continue;
        }
        let text = fs::read_to_string(&path).expect("a language file is unreadable");
        let file = lang_file::parse(&text, code).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        merged.entries.extend(file.entries);
    }
    merged
}

/// Writes the language `code`'s two files into `out` and returns its line of
/// the `LANGUAGES` list.
fn write_language(english: &English, code: &str, fingerprint: u64, out: &Path, wasm: bool) -> String {
    use knowledge::catalogue::SEPARATOR;
    let (clinical_file, interface_file) = (read_language(code, true), read_language(code, false));
    let mut interview = language_part(english, &clinical_file, code, fingerprint, false);
    interview.extend(english.interface.entries.iter().map(|(id, e)| pick(&interface_file, code, id, &e.en)));
    let results = language_part(english, &clinical_file, code, fingerprint, true);
    if let Some(bad) = interview.iter().chain(&results).find(|r| r.contains(SEPARATOR)) {
        panic!("a text contains U+001E, the language file's separator: {bad:?}");
    }
    let file = out.join(format!("lang-{code}.txt"));
    fs::write(&file, interview.join(&SEPARATOR.to_string())).expect("cannot write a language file");
    let results_file = out.join(format!("lang-{code}-results.txt"));
    fs::write(&results_file, results.join(&SEPARATOR.to_string())).expect("cannot write a language file");
    let name = interface_file
        .entries
        .get("language.name")
        .and_then(|e| e.text.clone())
        .or_else(|| english.interface.entries.get("language.name").filter(|_| code == "en").map(|e| e.en.clone()))
        .unwrap_or_else(|| code.to_string());
    // The widget fetches its language file; the component tests, which
    // cannot, embed them (feature `embed-languages`).
    let embed = !wasm || env::var_os("CARGO_FEATURE_EMBED_LANGUAGES").is_some();
    let include = |path: &Path| {
        if embed { format!("include_str!({:?})", path.display().to_string()) } else { "\"\"".to_string() }
    };
    let (texts, results) = (include(&file), include(&results_file));
    format!("    Language {{ code: {code:?}, name: {name:?}, interview: {texts}, results: {results} }},\n")
}

/// One part of a language file (the interview's or the results'): its
/// header records, then its knowledge texts in the catalogue's order.
fn language_part(
    english: &English,
    clinical_file: &lang_file::LangFile,
    code: &str,
    fingerprint: u64,
    results: bool,
) -> Vec<String> {
    let texts: Vec<String> = english
        .clinical
        .iter()
        .filter(|c| c.2 == results)
        .map(|(id, en, _)| pick(clinical_file, code, id, en))
        .collect();
    let name = if results { "results" } else { "interview" };
    let mut records = vec![
        knowledge::catalogue::FORMAT.to_string(),
        code.to_string(),
        format!("{fingerprint:016x}"),
        name.into(),
        texts.len().to_string(),
    ];
    records.extend(texts);
    records
}

/// The translation of `id` in `file`, or its English when the language is
/// English or the entry has no text yet.
fn pick(file: &lang_file::LangFile, code: &str, id: &str, en: &str) -> String {
    match file.entries.get(id).and_then(|e| e.text.as_deref()) {
        Some(text) if !text.is_empty() && code != "en" => text.to_string(),
        _ => en.to_string(),
    }
}

/// The generated `languages.rs`: the `Ui` enum (one variant per interface
/// id), the count and fingerprint a language file must match, and `list`,
/// the `LANGUAGES` lines.
fn languages_rs(interface: &lang_file::LangFile, fingerprint: u64, list: &str) -> String {
    let mut variants = String::new();
    for id in interface.entries.keys() {
        variants.push_str(&format!("    /// `{id}`\n    {},\n", variant_name(id)));
    }
    format!(
        "// Written by build.rs from knowledge/lang: do not edit.\n\n\
         /// The interface's texts, one variant per id of `knowledge/lang/en/interface.toml`\n\
         /// (in id order, which is their order in a language file).\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq)]\n\
         #[allow(dead_code)]\n\
         pub enum Ui {{\n{variants}}}\n\n\
         /// How many interface texts a language file holds.\n\
         pub const UI_COUNT: usize = {};\n\n\
         /// The fingerprint of the ids, which a language file must carry.\n\
         pub const FINGERPRINT: &str = \"{fingerprint:016x}\";\n\n\
         /// The languages built, English first.\n\
         pub static LANGUAGES: &[Language] = &[\n{list}];\n",
        interface.entries.len()
    )
}

/// An interface id as its `Ui` variant: `start.emergency_call` is
/// `StartEmergencyCall`.
fn variant_name(id: &str) -> String {
    id.split(['.', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The widget's copy leaves out what only the linter, the CLI and reviewers
/// read: each formula's source text (the parsed tree stays), review dates,
/// fact descriptions, and the condition notes that no screen shows (`where`,
/// `helps`). That is about 5 KB less in the gzip bundle. Native builds keep
/// everything, and the test that compares the embedded knowledge with the
/// folder on disk runs natively.
fn for_the_widget(data: &mut knowledge::model::Knowledge) {
    use std::borrow::Cow;

    knowledge::catalogue::visit(data, &mut |_, text| *text = Cow::Borrowed(""));

    use knowledge::formula::Formula;
    fn clear(formula: &mut Formula) {
        formula.text = Cow::Borrowed("");
    }
    let none = || Cow::Borrowed("");
    for q in data.questions.to_mut() {
        clear(&mut q.ask_when);
        clear(&mut q.required_when);
        q.last_reviewed = none();
    }
    for f in data.facts.to_mut() {
        clear(&mut f.when);
        f.description = none();
        f.last_reviewed = none();
    }
    for r in data.rules.to_mut() {
        clear(&mut r.when);
        r.last_reviewed = none();
    }
    for a in data.advice.to_mut() {
        clear(&mut a.when);
        a.last_reviewed = none();
    }
    for s in data.safety_net.to_mut() {
        clear(&mut s.when);
        s.last_reviewed = none();
    }
    for c in data.contradictions.to_mut() {
        clear(&mut c.when);
        c.reason = none();
        c.last_reviewed = none();
    }
    for l in data.levels.to_mut() {
        l.last_reviewed = none();
    }
    for r in data.care_regions.to_mut() {
        (r.name, r.status, r.source, r.last_reviewed) = (none(), none(), none(), none());
    }
    data.meta.last_reviewed = none();
    for c in data.conditions.to_mut() {
        c.features.to_mut().iter_mut().for_each(|f| clear(&mut f.when));
        if let Some(review) = &mut c.review {
            clear(&mut review.when);
            review.last_reviewed = none();
        }
        c.location_text = none();
        c.helps = none();
        c.last_reviewed = none();
    }
}
