//! Reads a knowledge folder from disk (native only), for `foot-triage lint`
//! and for the linter's test fixtures. The embedded copy never needs this.

use std::{fs, path::Path};

use super::merge;
use crate::knowledge::{Knowledge, KnowledgeBase};

crate::kinded::kinded_error!(
    /// Why a knowledge folder could not be loaded, naming the file.
    LoadError,
    LoadErrorKind {
        /// Occurs when the folder or one of its files cannot be read.
        Io,
        /// Occurs when a file is not valid TOML, or two files set the same table.
        Toml,
        /// Occurs when the merged content does not fit the model (a missing field,
        /// a wrong type); content errors are the linter's job.
        Shape,
    }
);

/// Reads every `*.toml` in `dir` (in name order) and builds a knowledge base.
pub fn load_dir(dir: &Path) -> Result<KnowledgeBase, LoadError> {
    let io = |what: &Path, e: std::io::Error| LoadError::new(LoadErrorKind::Io, format!("{}: {e}", what.display()));
    let mut paths: Vec<_> = fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        files.push((path.display().to_string(), text));
    }
    from_files(&files)
}

/// Builds a knowledge base from one TOML document holding every table.
pub fn from_toml_str(name: &str, text: &str) -> Result<KnowledgeBase, LoadError> {
    from_files(&[(name.to_string(), text.to_string())])
}

fn from_files(files: &[(String, String)]) -> Result<KnowledgeBase, LoadError> {
    let merged = merge::merge_toml(files).map_err(|e| LoadError::new(LoadErrorKind::Toml, e.to_string()))?;
    // A shape error (a missing field, a wrong type); content errors are the
    // linter's job.
    let mut data: Knowledge = serde_json::from_value(merged)
        .map_err(|e| LoadError::new(LoadErrorKind::Shape, format!("the knowledge base could not be read: {e}")))?;
    data.resolve_constants();
    Ok(KnowledgeBase::new(data))
}
