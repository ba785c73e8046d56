//! The knowledge from `knowledge/*.toml`, as `build.rs` wrote it in the
//! compact binary form (`compact.rs`), already checked and parsed.

use super::{Knowledge, compact};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));

/// Decodes the embedded knowledge. It was written by this crate's own build
/// from the same model, and a test decodes and compares it with the folder on
/// disk, so a failure here is a broken build, not bad input.
pub(super) fn knowledge() -> Knowledge {
    compact::read(BYTES).expect("the embedded knowledge does not match the model: rebuild the crate")
}
