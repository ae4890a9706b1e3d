//! One sort for the whole crate.
//!
//! The standard library's sorts are generic over the element type *and* the comparator, so every
//! call site brings its own copy of quicksort, the small-sort networks, heapsort and the merge
//! code: about 35 KB of the wasm for eleven call sites. Here the sorting itself is one
//! non-generic merge sort over indices, with the comparison behind `&mut dyn FnMut`; what each
//! call site instantiates is only the few lines that compare two elements and move them into
//! place. The sort is stable (equal elements keep their order), so callers that only need an
//! unstable sort lose nothing, and an input already in order costs one pass of comparisons.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        sorted_order(items.len(), &mut |a, b| match (items.get(a), items.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    if let Some(order) = order {
        permute(order, &mut |a, b| items.swap(a, b));
    }
}

/// Sorts `items` stably by the key `key` extracts.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Runs of this length are sorted by insertion before merging.
const RUN: usize = 16;

/// The order that sorts `len` elements: position `i` of the result holds the index of the
/// element that belongs there. `None` when they are already in order.
fn sorted_order(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Option<Vec<usize>> {
    if (1..len).all(|i| compare(i - 1, i) != Ordering::Greater) {
        return None;
    }
    let mut from: Vec<usize> = (0..len).collect();
    for run in from.chunks_mut(RUN) {
        insertion_sort(run, compare);
    }
    if len <= RUN {
        return Some(from);
    }
    let mut into = vec![0; len];
    let mut width = RUN;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            merge(&from, &mut into, start, middle, end, compare);
            start = end;
        }
        std::mem::swap(&mut from, &mut into);
        width *= 2;
    }
    Some(from)
}

fn insertion_sort(run: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    for i in 1..run.len() {
        let mut j = i;
        while j > 0 {
            let (Some(&before), Some(&here)) = (run.get(j - 1), run.get(j)) else {
                break;
            };
            if compare(before, here) != Ordering::Greater {
                break;
            }
            run.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Merges the sorted `from[start..middle]` and `from[middle..end]` into `into[start..end]`,
/// taking from the left on ties (which keeps the sort stable).
fn merge(
    from: &[usize],
    into: &mut [usize],
    start: usize,
    middle: usize,
    end: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) {
    let (mut left, mut right) = (start, middle);
    for slot in into.iter_mut().take(end).skip(start) {
        let take_left = match (from.get(left), from.get(right)) {
            (Some(&l), Some(&r)) if left < middle && right < end => {
                compare(l, r) != Ordering::Greater
            }
            _ => left < middle,
        };
        let source = if take_left { &mut left } else { &mut right };
        *slot = from.get(*source).copied().unwrap_or_default();
        *source += 1;
    }
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle
/// of the permutation with swaps.
fn permute(mut order: Vec<usize>, swap: &mut dyn FnMut(usize, usize)) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut here = start;
        while let Some(slot) = order.get_mut(here) {
            let next = std::mem::replace(slot, DONE);
            if next == DONE || next == start {
                break;
            }
            swap(here, next);
            here = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(count: usize, seed: u64) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % 50
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_at_every_size() {
        for len in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 100, 1000, 4097] {
            let mut ours = numbers(len, len as u64);
            let mut theirs = ours.clone();
            sort(&mut ours);
            theirs.sort();
            assert_eq!(ours, theirs, "length {len}");
        }
    }

    #[test]
    fn is_stable() {
        // Pairs sorted by their first half only: the second half records the input order.
        let mut pairs: Vec<(u64, usize)> = numbers(2000, 7).into_iter().zip(0..).collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, expected);
    }

    #[test]
    fn reverse_and_sorted_inputs() {
        let mut descending: Vec<u32> = (0..500).rev().collect();
        sort(&mut descending);
        assert_eq!(descending, (0..500).collect::<Vec<u32>>());
        let mut strings = vec!["b".to_owned(), "a".to_owned(), "c".to_owned()];
        sort_by(&mut strings, |a, b| b.cmp(a));
        assert_eq!(strings, ["c", "b", "a"]);
    }

    #[test]
    fn an_inconsistent_comparator_does_not_panic() {
        let mut items = numbers(300, 3);
        let mut flip = false;
        sort_by(&mut items, |_, _| {
            flip = !flip;
            if flip { Ordering::Less } else { Ordering::Greater }
        });
        assert_eq!(items.len(), 300);
    }
}
