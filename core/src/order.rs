//! Stable sorting, built once in WebAssembly.
//!
//! The standard library's stable sort is compiled anew for every element type and every
//! comparison: about ten functions each time, 177 KB of the WebAssembly module before
//! this module took the core's sorts over. Natively these functions are the standard
//! sort itself. In WebAssembly they sort the positions `0..n` instead, through one
//! comparison passed as a trait object, so that a single sort of positions is built,
//! and then move the items into the order found; only that short move is compiled per
//! element type. Both ways give the same order, equal items keeping the order they
//! had, since a stable sort's result is fixed by the comparison alone.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order: `slice::sort_by`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    items.sort_by(compare);
}

/// Sorts `items` by `compare`, keeping equal items in their order: `slice::sort_by`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    by_positions(items, &mut compare);
}

/// Sorts `items` by the key `key` gives each, keeping items of equal keys in their
/// order: `slice::sort_by_key`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    items.sort_by_key(key);
}

/// Sorts `items` by the key `key` gives each, keeping items of equal keys in their
/// order: `slice::sort_by_key`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by_positions(items, &mut |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order, keeping equal items in their order: `slice::sort`.
#[cfg(not(target_arch = "wasm32"))]
#[inline]
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    items.sort();
}

/// Sorts `items` in their own order, keeping equal items in their order: `slice::sort`.
#[cfg(target_arch = "wasm32")]
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    by_positions(items, &mut T::cmp);
}

/// Sorts `items` by sorting their positions through `compare`, then moving each item to
/// its place. Built natively for the tests alone.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn by_positions<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items = &*items;
        sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    place(items, &mut order);
}

/// The one sort built: positions, compared through a trait object.
#[inline(never)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` so that place `i` holds the item that was at `order[i]`, following
/// each cycle of the permutation once; `order` is used up (each place visited is marked
/// by pointing at itself).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn place<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..items.len() {
        let mut here = start;
        loop {
            let from = order[here];
            order[here] = here;
            if from == start {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Sorting by positions gives the standard stable sort's order, ties included:
        /// items compare by their key alone and carry their first place along.
        #[test]
        fn positions_give_the_standard_stable_order(keys in prop::collection::vec(0u8..6, 0..80)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|a| a.0);
            let mut found = items;
            by_positions(&mut found, &mut |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(found, expected);
        }

        /// Placing follows any permutation exactly.
        #[test]
        fn placing_follows_any_permutation(order in Just((0..40usize).collect::<Vec<_>>()).prop_shuffle()) {
            let mut items: Vec<String> = (0..order.len()).map(|i| format!("item {i}")).collect();
            let expected: Vec<String> = order.iter().map(|&i| items[i].clone()).collect();
            let mut order = order;
            place(&mut items, &mut order);
            prop_assert_eq!(items, expected);
        }
    }

    #[test]
    fn the_wrappers_sort_as_the_standard_library_does() {
        let mut a = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let mut b = a.clone();
        sort_by_key(&mut a, |p| p.0);
        b.sort_by_key(|p| p.0);
        assert_eq!(a, b);
        assert_eq!(a, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, ["apple", "fig", "pear"]);
    }
}
