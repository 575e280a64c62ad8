//! Reading JSON lines: each line examined on its own (its length, its fields, the hash of
//! its content), then the links checked in order.
//!
//! A line's hash depends only on its own text, so the examining is spread over the
//! threads the platform offers; only the links (each `prev` equal to the hash before
//! it, each `seq` one more) must be checked in order, and that is cheap. The report is
//! the same as a reading in one pass: the first fault in line order, with the same
//! words, however the lines were shared out.

use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::Hash;
use crate::limits::MAX_ENTRY_BYTES;

/// One line's fields, as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line<'a> {
    seq: u64,
    prev: Hash,
    hash: Hash,
    #[serde(borrow)]
    body: &'a RawValue,
}

/// A line examined on its own: its fields and the hash its content has.
pub(super) struct Examined<'a> {
    /// The line's number (1-based) in the text.
    pub line: u64,
    /// The fields and the computed hash, or why the line is not an entry.
    pub fields: Result<Fields<'a>, String>,
}

/// The fields of a line that reads as an entry.
pub(super) struct Fields<'a> {
    pub seq: u64,
    pub prev: Hash,
    pub hash: Hash,
    /// The body exactly as written.
    pub body: &'a str,
    /// The hash of `seq`, `prev` and `body` as written.
    pub computed: Hash,
}

/// The non-blank lines of `text` with their numbers (1-based).
fn lines(text: &str) -> Vec<(u64, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i as u64 + 1, l))
        .collect()
}

pub(super) fn examine(line: u64, text: &str) -> Examined<'_> {
    let fields = if text.len() > MAX_ENTRY_BYTES {
        Err(format!(
            "a line of {} bytes is longer than the limit of {MAX_ENTRY_BYTES}",
            text.len()
        ))
    } else {
        match serde_json::from_str::<Line<'_>>(text) {
            Ok(l) => {
                let body = l.body.get();
                Ok(Fields {
                    seq: l.seq,
                    prev: l.prev,
                    hash: l.hash,
                    body,
                    computed: Hash::of_entry(l.seq, &l.prev, body),
                })
            }
            Err(e) => Err(format!("not a journal entry: {e}")),
        }
    };
    Examined { line, fields }
}

/// Lines taken at a time by one thread close once they hold this many bytes (or
/// [`BLOCK_LINES`] lines): enough to make taking them cheap, little enough that the
/// threads finish together. A longer line is a block of its own.
const BLOCK_BYTES: usize = 1 << 18;

/// The most lines in one block.
const BLOCK_LINES: usize = 1024;

/// Where each block of lines starts and ends, in `lines`.
fn blocks(lines: &[(u64, &str)]) -> Vec<std::ops::Range<usize>> {
    let mut blocks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, (_, line)) in lines.iter().enumerate() {
        bytes += line.len();
        if bytes >= BLOCK_BYTES || i + 1 - start >= BLOCK_LINES {
            blocks.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < lines.len() {
        blocks.push(start..lines.len());
    }
    blocks
}

/// Text shorter than this is examined on the calling thread alone.
const SPREAD_FROM_BYTES: usize = 1 << 20;

/// Every non-blank line of `text`, examined, in line order.
pub(super) fn examine_all(text: &str) -> Vec<Examined<'_>> {
    let lines = lines(text);
    let threads = threads_for(text.len());
    if threads <= 1 {
        return lines.iter().map(|&(n, l)| examine(n, l)).collect();
    }
    let blocks = blocks(&lines);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            let Some(range) = blocks.get(b) else {
                break done;
            };
            let part = &lines[range.clone()];
            done.push((b, part.iter().map(|&(n, l)| examine(n, l)).collect()));
        }
    };
    let mut parts: Vec<(usize, Vec<Examined<'_>>)> = std::thread::scope(|s| {
        // A thread that cannot be started leaves its blocks to the others; the calling
        // thread takes blocks too, so every block is examined.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut parts = work();
        for h in helpers {
            match h.join() {
                Ok(p) => parts.extend(p),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        parts
    });
    parts.sort_unstable_by_key(|(b, _)| *b);
    parts.into_iter().flat_map(|(_, p)| p).collect()
}

/// How many threads to examine `bytes` of text with: one where there are no threads
/// (WebAssembly) or the text is short, else what the platform offers, at most eight.
fn threads_for(bytes: usize) -> usize {
    if cfg!(target_arch = "wasm32") || bytes < SPREAD_FROM_BYTES {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Journal;

    #[test]
    fn blocks_cover_every_line_once_in_order() {
        let long = "x".repeat(BLOCK_BYTES + 1);
        let short = "y";
        let mut lines = vec![(1, short), (2, long.as_str()), (3, short)];
        lines.extend((4..3_000).map(|n| (n, short)));
        let b = blocks(&lines);
        assert_eq!(b[0], 0..2, "a block closes at the line that fills it");
        assert_eq!(b[1], 2..2 + BLOCK_LINES);
        assert_eq!(b.last().unwrap().end, lines.len());
        assert!(b.windows(2).all(|w| w[0].end == w[1].start));
        assert!(blocks(&[]).is_empty());
    }

    #[test]
    fn spread_and_single_examinations_agree_line_for_line() {
        let mut j = Journal::new();
        for i in 0..3_000 {
            j.append(&serde_json::json!({"n": i, "pad": "x".repeat(400)}))
                .unwrap();
        }
        let mut text = j.to_jsonl();
        assert!(text.len() > SPREAD_FROM_BYTES);
        // A fault far into the text: only the line in order may report it.
        text = text.replacen("\"n\":2500,", "\"n\":2501,", 1);
        let spread = examine_all(&text);
        let single: Vec<_> = lines(&text)
            .into_iter()
            .map(|(n, l)| examine(n, l))
            .collect();
        assert_eq!(spread.len(), 3_000);
        for (a, b) in spread.iter().zip(&single) {
            assert_eq!(a.line, b.line);
            match (&a.fields, &b.fields) {
                (Ok(x), Ok(y)) => {
                    assert_eq!(
                        (x.seq, x.prev, x.hash, x.computed),
                        (y.seq, y.prev, y.hash, y.computed)
                    );
                    assert_eq!(x.body, y.body);
                }
                (Err(x), Err(y)) => assert_eq!(x, y),
                _ => panic!("line {} examined differently", a.line),
            }
        }
        let bad = spread
            .iter()
            .filter(|e| e.fields.as_ref().is_ok_and(|f| f.computed != f.hash))
            .map(|e| e.line)
            .collect::<Vec<_>>();
        assert_eq!(bad, vec![2501]);
    }
}
