//! Embeds the clinical knowledge. It merges `knowledge/*.toml`, reads the
//! result into the typed model (parsing every formula), and writes it in the
//! compact binary form of `src/knowledge/compact.rs` to
//! `OUT_DIR/knowledge.bin`, which `src/knowledge/embedded.rs` includes. The
//! binary therefore starts with the knowledge already checked and parsed:
//! nothing is fetched at run time, and neither a TOML nor a JSON parser for
//! the knowledge ships in the wasm bundle.
//!
//! The model, its text types and the formula syntax are the library's own
//! files, compiled here through `#[path]`, so the generated code cannot drift
//! from them. They sit at the bottom of the knowledge and import nothing else
//! of the crate, which is what lets them compile here.

#[path = "build/compact.rs"]
mod compact;
#[path = "src/check/merge.rs"]
mod merge;

// The same module tree as the library's, so the files' `super::` paths work.
#[allow(dead_code)]
#[path = "src/knowledge"]
mod knowledge {
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
    println!("cargo:rerun-if-changed=src/knowledge/model.rs");
    println!("cargo:rerun-if-changed=src/knowledge/text.rs");
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
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        for_the_widget(&mut data);
    }
    let bytes = compact::to_bytes(&data).unwrap_or_else(|e| panic!("knowledge cannot be embedded: {e}"));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("knowledge.bin");
    fs::write(out, bytes).expect("cannot write knowledge.bin");
}

/// The widget's copy leaves out what only the linter, the CLI and reviewers
/// read: each formula's source text (the parsed tree stays), review dates,
/// fact descriptions, and the condition notes that no screen shows (`where`,
/// `helps`). That is about 5 KB less in the gzip bundle. Native builds keep
/// everything, and the test that compares the embedded knowledge with the
/// folder on disk runs natively.
fn for_the_widget(data: &mut knowledge::model::Knowledge) {
    use std::borrow::Cow;

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
    data.meta.last_reviewed = none();
    for c in data.conditions.to_mut() {
        c.features.to_mut().iter_mut().for_each(|f| clear(&mut f.when));
        c.location_text = none();
        c.helps = none();
        c.last_reviewed = none();
    }
}
