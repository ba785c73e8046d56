//! Mounts the Foot Triage widget; Trunk builds this binary (`data-bin`).

#[cfg(target_arch = "wasm32")]
fn main() {
    foot_triage::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in a browser: build and serve it with `scripts/serve`.");
}

// A small free-list allocator instead of the default dlmalloc: the widget
// allocates little and runs on one thread, and this saves about 4 KB of wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without the atomics feature has one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
