//! Every error the module raises, in one place: the core's typed errors become one
//! exception class per broad kind, all under `gridward.GridwardError`, each instance
//! carrying the stable `.code` and `.kind` strings.

use gridward::fund::export::ExportError;
use gridward::grid::{CodeError, GridError};
use gridward::journal::JournalError as CoreJournalError;
use gridward::{Error, ErrorKind};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    gridward,
    GridwardError,
    PyException,
    "Base of every Gridward error; `.code` is a stable snake_case code (\"unknown_unit\", \"bad_area\"), `.kind` the broad kind."
);
create_exception!(
    gridward,
    InvalidInputError,
    GridwardError,
    "The input is malformed or breaks a rule (kind \"invalid\")."
);
create_exception!(
    gridward,
    NotFoundError,
    GridwardError,
    "Something named does not exist (kind \"not_found\")."
);
create_exception!(
    gridward,
    ConflictError,
    GridwardError,
    "The input clashes with the current state: exists already, not empty, reused key (kind \"conflict\")."
);
create_exception!(
    gridward,
    PermissionDeniedError,
    GridwardError,
    "The actor may not do this, or is not registered (kind \"permission_denied\")."
);
create_exception!(
    gridward,
    JournalError,
    GridwardError,
    "A journal is broken, malformed or not the one expected (kind \"journal\")."
);

/// Builds the exception for `kind`, with `.code` and `.kind` set on the instance.
fn raise(kind: ErrorKind, code: &str, message: String) -> PyErr {
    let err = match kind {
        ErrorKind::Invalid => InvalidInputError::new_err(message),
        ErrorKind::NotFound => NotFoundError::new_err(message),
        ErrorKind::Conflict => ConflictError::new_err(message),
        ErrorKind::PermissionDenied => PermissionDeniedError::new_err(message),
        ErrorKind::Journal => JournalError::new_err(message),
    };
    Python::with_gil(|py| {
        let value = err.value(py);
        // Exception instances take attributes; if that ever failed, the class and the
        // message still say what happened, so the failure is not worth a second error.
        let _ = value.setattr("code", code);
        let _ = value.setattr("kind", kind.as_str());
    });
    err
}

/// The exception for a core error.
pub fn core(e: Error) -> PyErr {
    raise(e.kind(), e.code(), e.to_string())
}

/// An `InvalidInputError` found by the binding itself (a float amount, a naive datetime,
/// an unknown domain name), with its own stable code.
pub fn invalid(code: &str, message: impl Into<String>) -> PyErr {
    raise(ErrorKind::Invalid, code, message.into())
}

/// The exception for a ledger that cannot be exported (an account name or currency
/// with no image in hledger's or Beancount's naming rules): an `InvalidInputError`
/// with the export's own code (`bad_export_currency`, `bad_export_account_name`).
pub fn export(e: &ExportError) -> PyErr {
    raise(ErrorKind::Invalid, e.code(), e.to_string())
}

/// Turns the core's results into Python results.
pub trait OrRaise<T> {
    /// Maps the error to its Gridward exception.
    fn or_raise(self) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(core)
    }
}

impl<T> OrRaise<T> for Result<T, GridError> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|e| core(e.into()))
    }
}

impl<T> OrRaise<T> for Result<T, CodeError> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|e| core(e.into()))
    }
}

impl<T> OrRaise<T> for Result<T, CoreJournalError> {
    fn or_raise(self) -> PyResult<T> {
        self.map_err(|e| core(e.into()))
    }
}

/// Registers the exception classes on the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("GridwardError", py.get_type::<GridwardError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("NotFoundError", py.get_type::<NotFoundError>())?;
    m.add("ConflictError", py.get_type::<ConflictError>())?;
    m.add(
        "PermissionDeniedError",
        py.get_type::<PermissionDeniedError>(),
    )?;
    m.add("JournalError", py.get_type::<JournalError>())?;
    Ok(())
}
