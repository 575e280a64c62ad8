//! Work spread over the machine's cores: a list cut into contiguous parts, each part done
//! on a thread of its own, the results given back in the list's order.
//!
//! There are no threads in WebAssembly, so there everything runs on the calling thread;
//! the answers are the same either way.

use std::ops::Range;

/// How many parts to cut `items` into: one where the platform offers no threads (it
/// reports no parallelism) or where there are fewer than `least` items to a part, else
/// what the platform offers, at most eight.
pub(crate) fn parts_for(items: usize, least: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    cores.min(items / least.max(1)).max(1)
}

/// `0..len` cut into `parts` contiguous ranges whose lengths differ by at most one.
pub(crate) fn ranges(len: usize, parts: usize) -> Vec<Range<usize>> {
    let parts = parts.clamp(1, len.max(1));
    let (size, extra) = (len / parts, len % parts);
    let mut start = 0;
    (0..parts)
        .map(|p| {
            let end = start + size + usize::from(p < extra);
            let range = start..end;
            start = end;
            range
        })
        .collect()
}

/// Runs `work` on every range, given with its index, the first on the calling thread and
/// each other on a thread of its own, and returns the results in the ranges' order. A
/// thread that cannot be started leaves its range to the calling thread.
pub(crate) fn run<R, F>(ranges: &[Range<usize>], work: F) -> Vec<R>
where
    R: Send,
    F: Fn(usize, Range<usize>) -> R + Sync,
{
    // Without threads the ranges are worked in turn, and no thread code is built in.
    if cfg!(target_arch = "wasm32") {
        return ranges
            .iter()
            .enumerate()
            .map(|(i, r)| work(i, r.clone()))
            .collect();
    }
    let Some((first, rest)) = ranges.split_first() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return vec![work(0, first.clone())];
    }
    std::thread::scope(|s| {
        let work = &work;
        let helpers: Vec<_> = rest
            .iter()
            .enumerate()
            .map(|(i, range)| {
                let spawned = std::thread::Builder::new()
                    .spawn_scoped(s, move || work(i + 1, range.clone()))
                    .ok();
                (i + 1, range, spawned)
            })
            .collect();
        let mut out = Vec::with_capacity(ranges.len());
        out.push(work(0, first.clone()));
        for (i, range, helper) in helpers {
            out.push(match helper {
                Some(h) => match h.join() {
                    Ok(r) => r,
                    Err(panic) => std::panic::resume_unwind(panic),
                },
                None => work(i, range.clone()),
            });
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_cover_every_index_once_in_order() {
        for len in [0, 1, 2, 7, 3_000] {
            for parts in [1, 2, 3, 8, 50] {
                let r = ranges(len, parts);
                let flat: Vec<usize> = r.iter().flat_map(|r| r.clone()).collect();
                assert_eq!(flat, (0..len).collect::<Vec<_>>(), "{len} in {parts}");
                let sizes: Vec<usize> = r.iter().map(|r| r.len()).collect();
                let (lo, hi) = (sizes.iter().min(), sizes.iter().max());
                assert!(hi.unwrap() - lo.unwrap() <= 1, "{sizes:?}");
            }
        }
    }

    #[test]
    fn results_come_back_in_order() {
        let data: Vec<u64> = (0..10_001).collect();
        let parts = run(&ranges(data.len(), 4), |p, r| {
            (p, data[r].iter().sum::<u64>())
        });
        let parts: Vec<u64> = parts
            .into_iter()
            .enumerate()
            .map(|(i, (p, sum))| {
                assert_eq!(i, p, "each part is given its index");
                sum
            })
            .collect();
        assert_eq!(parts.len(), 4);
        assert_eq!(parts.iter().sum::<u64>(), 10_000 * 10_001 / 2);
        assert_eq!(parts[0], (0..2_501).sum::<u64>());
    }

    #[test]
    fn small_lists_stay_on_one_thread() {
        assert_eq!(parts_for(10, 64), 1);
        assert!(parts_for(1_000_000, 64) >= 1);
    }
}
