//! Embeds the clinical knowledge: merges `knowledge/*.toml` into one JSON file
//! in `OUT_DIR`, which `src/knowledge/mod.rs` includes with `include_str!`.
//! Nothing is fetched at run time, and no TOML parser ships in the binary.

#[path = "src/knowledge/merge.rs"]
mod merge;

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("knowledge");
    println!("cargo:rerun-if-changed=knowledge");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("the knowledge folder is missing")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    names.sort();
    let files: Vec<(String, String)> = names
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let text = fs::read_to_string(path).expect("a knowledge file is unreadable");
            (path.display().to_string(), text)
        })
        .collect();
    let merged = match merge::merge_toml(&files) {
        Ok(merged) => merged,
        Err(e) => panic!("knowledge: {e}"),
    };
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("knowledge.json");
    fs::write(out, merged.to_string()).expect("cannot write knowledge.json");
}
