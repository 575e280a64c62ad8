//! Python values into JSON, before the core checks them against their described type.
//!
//! The conversion knows no types but Python's: `Decimal` becomes its text, an aware
//! `datetime` its ISO text with offset (a naive one its ISO text without, which the core
//! refuses where a date-time is described), a `date` its ISO text, and a table (pandas,
//! polars, Arrow) its rows, read column by column by `gridward._tables.table_columns` (missing cells drop
//! their key). A float becomes a JSON float, which the core refuses where a decimal is
//! described, naming the field.
//!
//! Lists and objects may nest [`MAX_NESTING`] deep: one deeper is refused with
//! `too_deep`, naming its path, before it is read, so that no value can exhaust the
//! stack however deep it goes.

use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

use gridward::surface::{InputError, Problem, MAX_NESTING};
use gridward::Error;

static DECIMAL: GILOnceCell<Py<PyType>> = GILOnceCell::new();
static DATE: GILOnceCell<Py<PyType>> = GILOnceCell::new();
static TABLE_COLUMNS: GILOnceCell<Py<PyAny>> = GILOnceCell::new();

/// Python's `decimal.Decimal`, imported once.
pub fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL.import(py, "decimal", "Decimal")
}

/// A fault of the value itself; the walk names its field on the way back out, so that
/// a value without faults costs no path at all.
fn fault(problem: Problem) -> Failure {
    Failure::Input(Error::Input(InputError::new("", problem)))
}

/// Places a fault found below `step` (a key, or an index written `[3]`) under it.
fn under(step: &str) -> impl FnOnce(Failure) -> Failure + '_ {
    move |f| match f {
        Failure::Input(Error::Input(e)) => Failure::Input(Error::Input(e.under(step))),
        other => other,
    }
}

/// A Python value as JSON; `Err` carries either a Python exception or a typed error.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Failure> {
    walk(obj, 0)
}

/// What a Python value is, in the words of an error message.
fn found(obj: &Bound<'_, PyAny>) -> &'static str {
    if obj.is_none() {
        "None"
    } else if obj.is_instance_of::<PyBool>() {
        "a boolean"
    } else if obj.is_instance_of::<PyInt>() || obj.is_instance_of::<PyFloat>() {
        "a number"
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        "a list"
    } else if obj.is_instance_of::<PyDict>() {
        "a dict"
    } else {
        "a value of another type"
    }
}

/// A text argument of the native entry points (`actor`, `key`, a journal's `text`):
/// None when absent or None, and a `wrong_type` error naming `field` when not a `str`.
pub fn text_arg(obj: Option<&Bound<'_, PyAny>>, field: &str) -> Result<Option<String>, Error> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let text = obj
        .downcast::<PyString>()
        .ok()
        .and_then(|s| s.to_cow().ok().map(|t| t.into_owned()));
    match text {
        Some(t) => Ok(Some(t)),
        None => Err(Error::Input(InputError::new(
            field,
            Problem::WrongType {
                expected: "a string",
                found: found(obj),
            },
        ))),
    }
}

/// The error for a text argument that is required and was None.
pub fn text_required(field: &str) -> Error {
    Error::Input(InputError::new(
        field,
        Problem::WrongType {
            expected: "a string",
            found: "None",
        },
    ))
}

/// The fault of a list or object at `depth`, when that is below the limit.
fn too_deep(depth: usize) -> Result<(), Failure> {
    if depth >= MAX_NESTING {
        return Err(fault(Problem::TooDeep(MAX_NESTING)));
    }
    Ok(())
}

/// Why a conversion failed: the input, or Python itself.
pub enum Failure {
    /// The value cannot be given (a typed error naming the field).
    Input(Error),
    /// Python raised while the value was read.
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Self {
        Failure::Python(e)
    }
}

/// `obj` as JSON; `depth` is how many lists and objects hold it.
fn walk(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
    let py = obj.py();
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.downcast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(n) = obj.extract::<i64>() {
            return Ok(Value::Number(n.into()));
        }
        if let Ok(n) = obj.extract::<u64>() {
            return Ok(Value::Number(n.into()));
        }
        let text = obj.str()?.to_cow()?.into_owned();
        return Err(fault(Problem::OutOfRange(format!(
            "{text} does not fit in 64 bits"
        ))));
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        return match Number::from_f64(f.value()) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(fault(Problem::FloatNotAllowed)),
        };
    }
    if obj.is_instance(decimal_class(py)?)? {
        return Ok(Value::String(obj.str()?.to_cow()?.into_owned()));
    }
    // `datetime.datetime` is a subclass of `datetime.date`: both give their ISO text.
    if obj.is_instance(DATE.import(py, "datetime", "date")?)? {
        let text = obj.call_method0("isoformat")?.str()?;
        return Ok(Value::String(text.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.downcast::<PyDict>() {
        too_deep(depth)?;
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.downcast::<PyString>() else {
                return Err(fault(Problem::WrongType {
                    expected: "an object with text keys",
                    found: "a key that is not text",
                }));
            };
            let key = key.to_cow()?.into_owned();
            let value = walk(&v, depth + 1).map_err(under(&key))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        too_deep(depth)?;
        return items(obj, depth);
    }
    // A table (pandas, polars, Arrow): its rows, with missing cells left out.
    if is_table(obj)? {
        too_deep(depth)?;
        return table(obj, depth);
    }
    let name = obj.get_type().name()?.to_cow()?.into_owned();
    Err(fault(Problem::Unsupported(format!(
        "a value of Python type {name}"
    ))))
}

/// True for a table: a pandas DataFrame, or anything that gives an Arrow stream or
/// array through the Arrow PyCapsule interface (polars, pyarrow, DuckDB …).
pub fn is_table(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_instance_of::<PyDict>() || obj.is_instance_of::<PyList>() {
        return Ok(false);
    }
    Ok(obj.hasattr("__arrow_c_stream__")?
        || obj.hasattr("__arrow_c_array__")?
        || (obj.hasattr("to_dict")? && obj.hasattr("columns")?))
}

/// The arguments of a command's dict that are tables, by name: their cells are read
/// as a table's ([`gridward::surface::Shapes::check_args`]).
pub fn table_args(args: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let Ok(dict) = args.downcast::<PyDict>() else {
        return Ok(Vec::new());
    };
    let mut tables = Vec::new();
    for (k, v) in dict.iter() {
        if let Ok(key) = k.downcast::<PyString>() {
            if is_table(&v)? {
                tables.push(key.to_cow()?.into_owned());
            }
        }
    }
    Ok(tables)
}

/// The rows of the table `obj`, which is at `depth`, made from its columns (read by
/// `gridward._tables.table_columns`): a row is an object of the cells it has.
fn table(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
    let py = obj.py();
    let (names, columns): (Vec<String>, Vec<Bound<'_, PyList>>) = TABLE_COLUMNS
        .import(py, "gridward._tables", "table_columns")?
        .call1((obj,))?
        .extract()?;
    let rows = columns.first().map_or(0, |c| c.len());
    let mut out = Vec::with_capacity(rows);
    for i in 0..rows {
        let mut row = Map::new();
        for (name, column) in names.iter().zip(&columns) {
            let cell = column.get_item(i)?;
            if is_missing(&cell)? {
                continue;
            }
            let value = walk(&cell, depth + 2)
                .map_err(under(name))
                .map_err(|f| under(&format!("[{i}]"))(f))?;
            row.insert(name.clone(), value);
        }
        out.push(Value::Object(row));
    }
    Ok(Value::Array(out))
}

/// The items of the list `obj`, which is at `depth`.
fn items(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Failure> {
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in obj.try_iter()?.enumerate() {
        out.push(walk(&item?, depth + 1).map_err(|f| under(&format!("[{i}]"))(f))?);
    }
    Ok(Value::Array(out))
}

/// pandas' missing markers: None, NaN, `pd.NA`, `pd.NaT`.
fn is_missing(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.is_none() {
        return Ok(true);
    }
    if let Ok(f) = obj.downcast::<PyFloat>() {
        return Ok(f.value().is_nan());
    }
    let name = obj.get_type().name()?;
    Ok(matches!(name.to_cow()?.as_ref(), "NAType" | "NaTType"))
}
