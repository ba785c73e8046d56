//! The knowledge from `knowledge/*.toml`, as `build.rs` wrote it: one static
//! `Knowledge` whose text and lists borrow from the binary's read-only data
//! and whose formulas are already parsed.

use super::formula::{CmpOp, Expr, Formula};
use super::model::*;

include!(concat!(env!("OUT_DIR"), "/knowledge.rs"));
