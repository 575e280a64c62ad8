//! A buffer each thread writes JSON into before it is hashed or kept, reused from one
//! call to the next so that writing a body does not start from a fresh allocation and
//! end with a shrinking copy.

use std::cell::RefCell;

/// What a buffer may keep between calls; a larger one (after a large import) is let go.
const KEPT: usize = 64 * 1024;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with an empty buffer: the thread's own, or a fresh one if that is in use.
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            let out = f(&mut buf);
            if buf.capacity() > KEPT {
                *buf = Vec::new();
            }
            out
        }
        Err(_) => f(&mut Vec::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_buffer_is_empty_each_time_and_a_nested_call_gets_its_own() {
        let outer = with_scratch(|buf| {
            buf.extend_from_slice(b"outer");
            let inner = with_scratch(|inner| {
                let was_empty = inner.is_empty();
                inner.extend_from_slice(b"inner");
                (was_empty, inner.clone())
            });
            (inner, buf.clone())
        });
        assert_eq!(outer, ((true, b"inner".to_vec()), b"outer".to_vec()));
        assert!(with_scratch(|buf| buf.is_empty()));
    }

    #[test]
    fn a_large_buffer_is_not_kept() {
        with_scratch(|buf| buf.resize(KEPT + 1, 0));
        assert!(with_scratch(|buf| buf.capacity()) <= KEPT);
    }
}
