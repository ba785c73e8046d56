//! `foot-triage`: the native command line over the clinical engine (the
//! commands are in `foot-triage/cli.rs`, the answers contract's two forms in
//! `foot-triage/contract.rs`). It is native only; the stub below lets
//! `cargo test --target wasm32-unknown-unknown` build the package.

#[cfg(not(target_arch = "wasm32"))]
#[path = "foot-triage/cli.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
