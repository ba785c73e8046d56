//! Mounts the Foot Triage widget; Trunk builds this binary (`data-bin`).

#[cfg(target_arch = "wasm32")]
fn main() {
    foot_triage::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build and serve it with `scripts/serve`.");
}
