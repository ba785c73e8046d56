//! The Foot Triage widget's wasm module; Trunk builds this binary
//! (`data-bin`). It mounts nothing itself: `embed.js` defines the
//! `<foot-triage>` element, which calls the library's exported `mount` for
//! each element on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    // Keeps the library's exports (`mount`, `Widget`) in this binary.
    let _ = foot_triage::ui::mount;
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
