//! The native ward's storage: a ward kept in a folder (`open`, `sync`, `close`,
//! `snapshot`), snapshots as bytes, journals exported incrementally or read from a file.

use std::path::PathBuf;

use gridward::surface::{InputError, Problem};
use gridward::{Error, Ward};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::boundary::{guard, WardCell};
use crate::error::{raise, raise_store, OrRaise};
use crate::stored::{self, Reporter, StoreSlot};
use crate::to_json::text_arg;
use crate::ward::{catalog, json, NativeWard};

#[pymethods]
impl NativeWard {
    /// The journal as JSON lines: all of it, or the entries after entry `since`.
    #[pyo3(signature = (since=None))]
    fn export_journal(&self, py: Python<'_>, since: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        guard(py, || {
            let since = match since.filter(|s| !s.is_none()) {
                None => 0,
                Some(s) if s.is_instance_of::<pyo3::types::PyBool>() => {
                    return Err(raise(py, since_error("a bool")))
                }
                Some(s) => s.extract::<u64>().map_err(|_| {
                    let found = if s.is_instance_of::<pyo3::types::PyInt>() {
                        "a whole number out of range"
                    } else {
                        "a value of another type"
                    };
                    raise(py, since_error(found))
                })?,
            };
            self.inner.journal(py, |w| {
                let entries = w.journal().entries_after(since);
                let mut out = String::new();
                for e in entries {
                    e.write_jsonl(&mut out);
                }
                out
            })
        })
    }

    /// Opens the ward kept in the folder `path`, or makes one there (with `config`,
    /// the default when None) when it holds none: verifies its journal, replays it and
    /// cuts off a torn last line. Every command is then written to the journal file
    /// before it takes effect, and fsynced as `sync` says. Other threads run meanwhile.
    #[staticmethod]
    #[pyo3(signature = (path, config=None, sync=None, progress=None, snapshot_every=None))]
    fn open(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        config: Option<&Bound<'_, PyAny>>,
        sync: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
        snapshot_every: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeWard> {
        guard(py, || {
            let dir = path_arg(py, path, "a folder's path (str or os.PathLike)")?;
            let config = match config.filter(|c| !c.is_none()) {
                Some(c) => Some(catalog(py)?.config(json(py, Some(c))?).or_raise(py)?),
                None => None,
            };
            let sync = stored::sync_policy(sync).or_raise(py)?;
            let every = stored::snapshot_every(snapshot_every).or_raise(py)?;
            let mut reporter = Reporter::new(progress).or_raise(py)?;
            let opened = py.allow_threads(|| {
                stored::open(dir, config, sync, every, &mut |p| reporter.report(p))
            });
            // An exception of the progress callable is raised; the store is closed.
            if let Some(e) = reporter.failure() {
                return Err(e);
            }
            let (ward, store) = opened.map_err(|e| raise_store(py, e))?;
            Ok(NativeWard {
                inner: WardCell::new(ward),
                store,
            })
        })
    }

    /// Reads the journal in the JSON-lines file `path` into a ward in memory, one line
    /// at a time (the file's text is never held whole), verifying every hash and
    /// checking every event. Other threads run meanwhile.
    #[staticmethod]
    #[pyo3(signature = (path, config=None, progress=None))]
    fn from_journal_file(
        py: Python<'_>,
        path: &Bound<'_, PyAny>,
        config: Option<&Bound<'_, PyAny>>,
        progress: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeWard> {
        guard(py, || {
            let file = path_arg(py, path, "a file's path (str or os.PathLike)")?;
            let config = catalog(py)?.config(json(py, config)?).or_raise(py)?;
            let mut reporter = Reporter::new(progress).or_raise(py)?;
            let read = py.allow_threads(|| {
                gridward_store::read_journal(file, config, &mut |p| reporter.report(p))
            });
            if let Some(e) = reporter.failure() {
                return Err(e);
            }
            Ok(NativeWard {
                inner: WardCell::new(read.map_err(|e| raise_store(py, e))?),
                store: StoreSlot::memory(),
            })
        })
    }

    /// Takes a snapshot of a stored ward's state into its folder (after making the
    /// journal durable); returns the snapshot file's path. Other threads run meanwhile.
    fn snapshot(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || {
            self.with(py, |w| {
                let w = &*w;
                py.allow_threads(|| self.store.snapshot(w))
                    .map_err(|e| raise_store(py, e))
            })
        })
    }

    /// The ward's snapshot as bytes: the header line and the CBOR body of its state.
    fn snapshot_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        guard(py, || {
            let bytes = self.with(py, |w| {
                let w = &*w;
                py.allow_threads(|| w.snapshot()).or_raise(py)
            })?;
            Ok(PyBytes::new(py, &bytes))
        })
    }

    /// The ward a snapshot holds, under `config`; with `journal` (JSON lines, whose
    /// chain is verified and must end at the snapshot's head) its journal whole, and
    /// otherwise none of the entries before the snapshot. Other threads run meanwhile.
    #[staticmethod]
    #[pyo3(signature = (snapshot, journal=None, config=None))]
    fn from_snapshot(
        py: Python<'_>,
        snapshot: &Bound<'_, PyAny>,
        journal: Option<&Bound<'_, PyAny>>,
        config: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<NativeWard> {
        guard(py, || {
            let bytes = snapshot.downcast::<PyBytes>().map_err(|_| {
                let problem = Problem::WrongType {
                    expected: "bytes (from snapshot_bytes())",
                    found: "a value of another type",
                };
                raise(py, Error::Input(InputError::new("snapshot", problem)))
            })?;
            let journal = text_arg(journal, "journal").or_raise(py)?;
            let config = catalog(py)?.config(json(py, config)?).or_raise(py)?;
            let bytes = bytes.as_bytes();
            let ward = py
                .allow_threads(|| {
                    let mut ward = Ward::from_snapshot(config, bytes)?;
                    if let Some(text) = journal {
                        ward.restore_journal(gridward::Journal::from_jsonl(&text)?)?;
                    }
                    Ok::<Ward, Error>(ward)
                })
                .or_raise(py)?;
            Ok(NativeWard {
                inner: WardCell::new(ward),
                store: StoreSlot::memory(),
            })
        })
    }

    /// Makes every entry written so far durable (for `sync="request"` or a number).
    fn sync(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            py.allow_threads(|| self.store.sync())
                .map_err(|e| raise_store(py, e))
        })
    }

    /// Syncs and closes the ward's store, releasing its lock: later commands are
    /// refused. Does nothing for a ward in memory, or closed already.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            py.allow_threads(|| self.store.close())
                .map_err(|e| raise_store(py, e))
        })
    }

    /// The folder of the ward's store, or None for a ward in memory.
    #[getter]
    fn path(&self, py: Python<'_>) -> PyResult<Option<String>> {
        guard(py, || Ok(self.store.path()))
    }
}

/// The argument `path` as a path, refused naming `path` when it is not one.
fn path_arg(py: Python<'_>, path: &Bound<'_, PyAny>, expected: &'static str) -> PyResult<PathBuf> {
    path.extract().map_err(|_| {
        let problem = Problem::WrongType {
            expected,
            found: "a value of another type",
        };
        raise(py, Error::Input(InputError::new("path", problem)))
    })
}

/// The error for a `since` that is not an entry number.
fn since_error(found: &'static str) -> Error {
    let problem = Problem::WrongType {
        expected: "an entry number (a whole number from 0)",
        found,
    };
    Error::Input(InputError::new("since", problem))
}
