//! Reads a knowledge folder from disk (native only), for `foot-triage lint`
//! and for the linter's test fixtures. The embedded copy never needs this.

use std::{fs, path::Path};

use super::merge;
use crate::knowledge::{Knowledge, KnowledgeBase};

/// Reads every `*.toml` in `dir` (in name order) and builds a knowledge base.
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, String> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        files.push((path.display().to_string(), text));
    }
    from_files(&files)
}

/// Builds a knowledge base from one TOML document holding every table.
pub fn from_toml_str(name: &str, text: &str) -> Result<KnowledgeBase, String> {
    from_files(&[(name.to_string(), text.to_string())])
}

fn from_files(files: &[(String, String)]) -> Result<KnowledgeBase, String> {
    let merged = merge::merge_toml(files).map_err(|e| e.to_string())?;
    // A shape error (a missing field, a wrong type); content errors are the
    // linter's job.
    let mut data: Knowledge =
        serde_json::from_value(merged).map_err(|e| format!("the knowledge base could not be read: {e}"))?;
    data.resolve_constants();
    Ok(KnowledgeBase::new(data))
}
