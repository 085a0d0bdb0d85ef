//! Sorting and selection for the engine's many short lists.
//!
//! The `.wasm` is built with std's `optimize_for_size` (scripts/wasm-build.sh),
//! under which `sort_unstable` is a heapsort at every length and
//! `select_nth_unstable` is median-of-medians: small code, but on the
//! engine's lists of a few dozen items they cost several times an insertion
//! sort, about a tenth of a large comparison in the browser (benches/README.md,
//! "Sorting in the .wasm"). These functions give the same results as std's on
//! the orders the engine sorts by (total orders, or ties between equal values),
//! natively as fast, and in the `.wasm` without the slow paths.

use std::cmp::Ordering;

/// Lists up to this long are insertion-sorted (std's own cut-off natively).
const SHORT: usize = 20;

/// Sorts `v` by `cmp` like [`slice::sort_unstable_by`]: by insertion when it
/// is short, else by std's sort.
pub(crate) fn sort_unstable_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        insertion_sort(v, &mut cmp);
    } else {
        v.sort_unstable_by(cmp);
    }
}

/// Sorts `v` by `cmp` like [`slice::sort_by`] (stable): by insertion when
/// it is short, else by std's sort.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SHORT {
        insertion_sort(v, &mut cmp);
    } else {
        v.sort_by(cmp);
    }
}

/// Sorts `v` like [`slice::sort_unstable`] (see [`sort_unstable_by`]).
pub(crate) fn sort_unstable<T: Ord>(v: &mut [T]) {
    sort_unstable_by(v, T::cmp);
}

/// Stable insertion sort: each element moves left past the greater ones.
fn insertion_sort<T>(v: &mut [T], cmp: &mut impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j], &v[j - 1]) == Ordering::Less {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Moves the `k` least elements of `v` by `cmp`, a total order, to its front,
/// sorted; the rest follow in no particular order. The same front as
/// `select_nth_unstable_by(k - 1, cmp)` followed by sorting `v[..k]`, in one
/// pass that keeps the best `k` so far: linear when `k` is small.
pub(crate) fn least_sorted<T: Copy>(
    v: &mut [T],
    k: usize,
    mut cmp: impl FnMut(&T, &T) -> Ordering,
) {
    let k = k.min(v.len());
    if k == 0 {
        return;
    }
    sort_unstable_by(&mut v[..k], &mut cmp);
    for i in k..v.len() {
        let x = v[i];
        if cmp(&x, &v[k - 1]) != Ordering::Less {
            continue;
        }
        // The worst of the best leaves the front for x's place.
        v[i] = v[k - 1];
        let mut j = k - 1;
        while j > 0 && cmp(&x, &v[j - 1]) == Ordering::Less {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dev-dependency: these tests also
    /// build for wasm32).
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_std_at_every_length() {
        for len in 0..70 {
            for (seed, range) in [(1, 5), (2, 1000), (3, 2)] {
                let mut ours = numbers(seed + len as u64, len, range);
                let mut theirs = ours.clone();
                sort_unstable(&mut ours);
                theirs.sort_unstable();
                assert_eq!(ours, theirs, "length {len}");
            }
        }
    }

    #[test]
    fn short_sorts_are_stable() {
        // Pairs ordered by their first item only: equal keys keep their order.
        let mut v: Vec<(u64, usize)> = numbers(9, SHORT, 3)
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_unstable_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, expected);
    }

    #[test]
    fn least_sorted_is_select_then_sort() {
        for len in 0..90 {
            for k in [0, 1, 3, 8, 32, 100] {
                for (seed, range) in [(4, 7), (5, 1 << 20)] {
                    let values = numbers(seed * 31 + len as u64, len, range);
                    // By value, then by index: a total order over the slots.
                    let order = |x: &usize, y: &usize| values[*x].cmp(&values[*y]).then(x.cmp(y));
                    let mut ours: Vec<usize> = (0..len).collect();
                    least_sorted(&mut ours, k, order);
                    let mut theirs: Vec<usize> = (0..len).collect();
                    theirs.sort_by(order);
                    let k = k.min(len);
                    assert_eq!(ours[..k], theirs[..k], "length {len}, k {k}");
                    ours.sort_unstable();
                    assert_eq!(ours, (0..len).collect::<Vec<_>>(), "a permutation");
                }
            }
        }
    }
}
