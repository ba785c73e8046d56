//! The text and list types of the knowledge: borrowed from the embedded
//! bytes, owned when a folder is loaded for the linter. At the bottom of the
//! knowledge, so the formula syntax and the model can both use them.

use std::borrow::Cow;

/// Text in the knowledge base. The embedded knowledge borrows it from the
/// bytes `build.rs` embeds (so start-up copies no text); a folder loaded by
/// `foot-triage lint` owns it.
pub type Text = Cow<'static, str>;

/// A list in the knowledge base. The readers always build it owned; it is a
/// `Cow` only for symmetry with [`Text`], and could become a `Vec`.
pub type List<T> = Cow<'static, [T]>;
