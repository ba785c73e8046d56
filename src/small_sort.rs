//! A stable insertion sort for the engine's short lists (a few dozen
//! conditions, questions or reasons). The standard library's stable sort is
//! built for long inputs and adds several kilobytes to the wasm bundle for
//! each element type; for lists this short, insertion is as fast.

/// Sorts `items` so that `before(a, b)` holds for no later `a` than `b`;
/// equal items keep their order.
pub(crate) fn sort_by<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
