//! The knowledge from `knowledge/*.toml`, as `build.rs` wrote it in the
//! compact binary form (`compact.rs`), already checked and parsed.
//!
//! Native builds (and the component tests, feature `embed-languages`)
//! include those bytes in the binary. The widget's and the diary's wasm do
//! not: the bytes are a file of their own (`knowledge-<hash>.bin`, which the
//! prerender hands to the build's hook), fetched beside the wasm and handed
//! over once, before anything else runs ([`install`]). So the module a
//! browser must download and compile before the app can take over is
//! smaller by the whole knowledge.

use super::{Knowledge, compact};

#[cfg(any(not(target_arch = "wasm32"), feature = "embed-languages"))]
static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/knowledge.bin"));

/// The embedded bytes.
#[cfg(any(not(target_arch = "wasm32"), feature = "embed-languages"))]
fn bytes() -> &'static [u8] {
    BYTES
}

/// The widget's knowledge, without its words (build.rs's `for_the_widget`),
/// for the prerender to hand to the build's hook, which serves it as the
/// knowledge file.
#[cfg(all(not(target_arch = "wasm32"), feature = "prerender"))]
pub(super) static WIDGET: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/widget-knowledge.bin"));

#[cfg(all(target_arch = "wasm32", not(feature = "embed-languages")))]
static INSTALLED: std::sync::OnceLock<&'static [u8]> = std::sync::OnceLock::new();

/// The bytes [`install`] was given; none before, which [`install`]'s caller
/// rules out (the loader installs the knowledge before it calls anything
/// else).
#[cfg(all(target_arch = "wasm32", not(feature = "embed-languages")))]
fn bytes() -> &'static [u8] {
    INSTALLED.get().copied().unwrap_or_default()
}

/// Keeps the fetched knowledge file for the module's lifetime (texts are
/// borrowed from it, like the language files' texts are) and decodes it.
#[cfg(all(target_arch = "wasm32", not(feature = "embed-languages")))]
pub(super) fn install(file: Vec<u8>) -> Result<Knowledge, compact::CompactError> {
    let bytes: &'static [u8] = Box::leak(file.into_boxed_slice());
    let knowledge = compact::read(bytes)?;
    let _ = INSTALLED.set(bytes);
    Ok(knowledge)
}

/// The component tests embed the knowledge, so the file is not needed.
#[cfg(all(target_arch = "wasm32", feature = "embed-languages"))]
pub(super) fn install(_file: Vec<u8>) -> Result<Knowledge, compact::CompactError> {
    compact::read(BYTES)
}

/// Decodes the knowledge. Embedded, it was written by this crate's own build
/// from the same model, and a test decodes and compares it with the folder on
/// disk, so a failure is a broken build, not bad input; fetched, [`install`]
/// has decoded it once already.
pub(super) fn knowledge() -> Knowledge {
    compact::read(bytes())
        .expect("the knowledge does not match the model: rebuild the crate, or install its file first")
}
