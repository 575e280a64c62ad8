//! Every error the module raises: the core's typed errors become one exception class
//! per broad kind, all under `gridward.GridwardError`, each carrying the stable `.code`,
//! the `.kind`, and for bad input the `.field` at fault.

use gridward::{Error, ErrorKind};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    gridward,
    GridwardError,
    PyException,
    "Base of every Gridward error: `.code` is a stable snake_case code, `.kind` the broad kind, `.field` the field at fault (or None)."
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
    "The input clashes with the current state (kind \"conflict\")."
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
create_exception!(
    gridward,
    StorageError,
    GridwardError,
    "A ward's store on disk failed or refused (kind \"storage\"): a write or fsync failed (the command did not take effect), the store is locked by another writer, its journal is damaged at a line, or it must be opened again."
);
create_exception!(
    gridward,
    InternalError,
    GridwardError,
    "A fault of Gridward itself, not of the input (kind \"internal\", code \"internal_error\"): the native code panicked, the panic was caught at the boundary, and the ward is unchanged."
);

/// The exception for a core error, with `.code`, `.kind` and `.field` set.
pub fn raise(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    let err = match e.kind() {
        ErrorKind::Invalid => InvalidInputError::new_err(message),
        ErrorKind::NotFound => NotFoundError::new_err(message),
        ErrorKind::Conflict => ConflictError::new_err(message),
        ErrorKind::PermissionDenied => PermissionDeniedError::new_err(message),
        ErrorKind::Journal => JournalError::new_err(message),
        ErrorKind::Internal => InternalError::new_err(message),
        // A kind added to the core after this face: the base class still catches it.
        _ => GridwardError::new_err(message),
    };
    let field = match &e {
        Error::Input(i) if !i.field.is_empty() => Some(i.field.clone()),
        _ => None,
    };
    let value = err.value(py);
    // Exception instances take attributes; should that ever fail, the class and the
    // message still say what happened.
    let _ = value.setattr("code", e.code());
    let _ = value.setattr("kind", e.kind().as_str());
    let _ = value.setattr("field", field);
    err
}

/// The exception for a store's error: the core's own error for a refused command,
/// `StorageError` (kind "storage", with `.code` and, for damage, `.line`) otherwise.
pub fn raise_store(py: Python<'_>, e: gridward_store::StoreError) -> PyErr {
    use gridward_store::StoreError;
    let line = match &e {
        StoreError::Refused(inner) => return raise(py, (**inner).clone()),
        StoreError::Damaged { line, .. } | StoreError::Replay { line, .. } => Some(*line),
        _ => None,
    };
    let err = StorageError::new_err(e.to_string());
    let value = err.value(py);
    let _ = value.setattr("code", e.code());
    let _ = value.setattr("kind", "storage");
    let _ = value.setattr("field", None::<String>);
    let _ = value.setattr("line", line);
    err
}

/// Turns a core result into a Python one.
pub trait OrRaise<T> {
    /// The value, or the exception for the error.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| raise(py, e))
    }
}

/// Adds the exception classes to the module.
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
    m.add("InternalError", py.get_type::<InternalError>())?;
    m.add("StorageError", py.get_type::<StorageError>())?;
    Ok(())
}
