//! The boundary between Python and the native code: no Rust panic crosses it.
//!
//! pyo3 would turn a panic into `pyo3_runtime.PanicException`, a `BaseException` that
//! `except GridwardError` (or even `except Exception`) does not catch. Every entry point
//! runs its body through [`guard`] instead, which catches the panic and raises
//! `gridward.InternalError` (code `internal_error`, kind `internal`) with the panic's
//! message. A panic is a bug of Gridward's, never the caller's fault: input is refused
//! with typed errors before it could cause one.
//!
//! What happens to the ward a panic interrupts is [`WardCell`]'s concern.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use gridward::{Error, Hash, Ward};
use pyo3::prelude::*;

use crate::error::raise;

/// The panic's message, as `panic!` was given it.
fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// The typed error for a caught panic.
fn internal(payload: &(dyn Any + Send)) -> Error {
    Error::Internal(message(payload))
}

/// Runs `body`, turning a panic into `gridward.InternalError`.
///
/// `AssertUnwindSafe` is sound here because nothing `body` may have left half-changed is
/// used after a panic: the Python values it touched are reference-counted objects whose
/// own invariants Python keeps, and a ward is only reached through [`WardCell::with`],
/// which checks what a panic left behind.
pub fn guard<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => Err(raise(py, internal(payload.as_ref()))),
    }
}

/// A ward behind its lock, kept usable after a panic.
///
/// Why a ward stays usable: the core's `execute` is all-or-nothing. It decides the
/// events reading the state only (`decide` and the idempotency check take `&Ward`), then
/// appends the journal entry, then applies the events (which cannot fail). A panic
/// anywhere before the append — in deciding, in checking the input, in a query — leaves
/// the ward exactly as it was, and the journal's length and head say so. Only a panic
/// after the append (in applying, which would be a bug of the core) can leave the state
/// half-applied; then the ward is rebuilt by replaying its journal up to the entry
/// before, which is the state before the command. Should even that fail, the ward is
/// marked broken and every later call on it raises `InternalError`, rather than answer
/// from a state nobody can vouch for.
///
/// A batch is the exception to "before the append": it applies each accepted command
/// before the one entry that records them all is written. A panic part-way through a
/// batch may therefore leave the journal as it was and the state ahead of it, so
/// [`WardCell::with_batch`] rebuilds the ward from its journal after any panic.
///
/// The panic is caught inside the lock's guard, so the `Mutex` is never poisoned by one
/// of ours; were it poisoned all the same (a panic this module did not catch), the state
/// it holds is taken over under the same reasoning rather than refused forever.
pub struct WardCell {
    ward: Mutex<Ward>,
    broken: AtomicBool,
}

/// What a ward's journal says of it: its length and head.
fn mark(ward: &Ward) -> (usize, Hash) {
    (ward.journal().len(), ward.head())
}

impl WardCell {
    /// A cell holding `ward`.
    pub fn new(ward: Ward) -> WardCell {
        WardCell {
            ward: Mutex::new(ward),
            broken: AtomicBool::new(false),
        }
    }

    /// Runs `f` on the ward, turning a panic into `InternalError` and keeping the ward
    /// as it was before `f` (see the type's doc).
    pub fn with<T>(&self, py: Python<'_>, f: impl FnOnce(&mut Ward) -> PyResult<T>) -> PyResult<T> {
        self.run(py, false, f)
    }

    /// [`WardCell::with`] for a batch: after a panic the ward is rebuilt from its journal
    /// as it stood before, whether or not the journal moved (see the type's doc).
    pub fn with_batch<T>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut Ward) -> PyResult<T>,
    ) -> PyResult<T> {
        self.run(py, true, f)
    }

    fn run<T>(
        &self,
        py: Python<'_>,
        always_rebuild: bool,
        f: impl FnOnce(&mut Ward) -> PyResult<T>,
    ) -> PyResult<T> {
        if self.broken.load(Ordering::Acquire) {
            return Err(raise(
                py,
                Error::Internal(
                    "this ward was left broken by an earlier internal error; rebuild it with \
                     Ward.from_journal from a journal exported before"
                        .to_owned(),
                ),
            ));
        }
        let mut ward = self.ward.lock().unwrap_or_else(PoisonError::into_inner);
        let before = mark(&ward);
        match catch_unwind(AssertUnwindSafe(|| f(&mut ward))) {
            Ok(result) => result,
            Err(payload) => {
                let error = internal(payload.as_ref());
                let moved = always_rebuild || mark(&ward) != before;
                if moved && !restore(&mut ward, before) {
                    self.broken.store(true, Ordering::Release);
                }
                Err(raise(py, error))
            }
        }
    }
}

impl WardCell {
    /// Reads the ward's journal (its head, length or lines), even after the ward was
    /// marked broken: the journal itself is intact, and exporting it is how the ward is
    /// rebuilt or a fault reported.
    pub fn journal<T>(&self, py: Python<'_>, f: impl FnOnce(&Ward) -> T) -> PyResult<T> {
        let ward = self.ward.lock().unwrap_or_else(PoisonError::into_inner);
        catch_unwind(AssertUnwindSafe(|| f(&ward))).map_err(|p| raise(py, internal(p.as_ref())))
    }
}

/// Rebuilds `ward` from the first `before.0` entries of its journal, checking that they
/// end at `before.1`; whether it could.
fn restore(ward: &mut Ward, before: (usize, Hash)) -> bool {
    let rebuilt = catch_unwind(AssertUnwindSafe(|| {
        let text = ward.to_jsonl();
        let kept: String = text
            .split_inclusive('\n')
            .take(before.0)
            .collect::<String>();
        Ward::from_jsonl(ward.config().clone(), &kept).ok()
    }));
    match rebuilt {
        Ok(Some(w)) if mark(&w) == before => {
            *ward = w;
            true
        }
        _ => false,
    }
}
