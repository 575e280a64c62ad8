//! Answers into Python values by their described type: an exact decimal becomes
//! `decimal.Decimal`, a date `datetime.date`, a date-time an aware `datetime.datetime`;
//! the rest as JSON maps (dicts, lists, str, int, float, bool, None).

use gridward::surface::shape::{Format, Pick, Shape, Shapes};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyList, PyTuple};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use crate::to_json::decimal_class;

static FROM_DATE: GILOnceCell<PyObject> = GILOnceCell::new();
static FROM_DATETIME: GILOnceCell<PyObject> = GILOnceCell::new();

fn iso_parser<'py>(
    py: Python<'py>,
    cell: &'static GILOnceCell<PyObject>,
    class: &str,
) -> PyResult<&'py Bound<'py, PyAny>> {
    let f = cell.get_or_try_init(py, || {
        py.import("datetime")?
            .getattr(class)?
            .getattr("fromisoformat")
            .map(Bound::unbind)
    })?;
    Ok(f.bind(py))
}

/// A JSON value of `shape` as a Python value.
pub fn to_py<'py>(
    py: Python<'py>,
    shapes: &Shapes,
    shape: &Shape,
    value: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    let shape = shapes.resolve(shape);
    match (shape, value) {
        (_, Value::Null) => Ok(py.None().into_bound(py)),
        (Shape::Nullable(inner), v) => to_py(py, shapes, inner, v),
        (
            Shape::Str {
                format: Some(f), ..
            },
            Value::String(s),
        ) => text(py, *f, s),
        (Shape::List(item), Value::Array(items)) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(to_py(py, shapes, item, v)?)?;
            }
            Ok(list.into_any())
        }
        (Shape::Tuple(places), Value::Array(items)) => {
            let parts = places
                .iter()
                .zip(items)
                .map(|(s, v)| to_py(py, shapes, s, v))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyTuple::new(py, parts)?.into_any())
        }
        (Shape::Map(inner), Value::Object(o)) => {
            let dict = PyDict::new(py);
            for (k, v) in o {
                dict.set_item(k, to_py(py, shapes, inner, v)?)?;
            }
            Ok(dict.into_any())
        }
        (Shape::Object(obj), Value::Object(o)) => {
            let dict = PyDict::new(py);
            for (k, v) in o {
                let item = match obj.field(k) {
                    Some(f) => to_py(py, shapes, &f.shape, v)?,
                    None => plain(py, v)?,
                };
                dict.set_item(k, item)?;
            }
            Ok(dict.into_any())
        }
        (Shape::OneOf(choice), v) => match shapes.branch(choice, v) {
            Some(branch) => to_py(py, shapes, branch, v),
            None if choice.pick == Pick::Try => {
                let branch = choice.branches.iter().find(|b| fits(shapes, b, v));
                match branch {
                    Some(b) => to_py(py, shapes, b, v),
                    None => plain(py, v),
                }
            }
            None => plain(py, v),
        },
        (_, v) => plain(py, v),
    }
}

/// Whether a value is of a branch's JSON kind (to pick among untagged branches).
fn fits(shapes: &Shapes, shape: &Shape, value: &Value) -> bool {
    matches!(
        (shapes.resolve(shape), value),
        (Shape::Object(_) | Shape::Map(_), Value::Object(_))
            | (Shape::List(_) | Shape::Tuple(_), Value::Array(_))
            | (Shape::Str { .. }, Value::String(_))
            | (Shape::Int { .. } | Shape::Number, Value::Number(_))
            | (Shape::Bool, Value::Bool(_))
            | (Shape::Any, _)
    )
}

fn text<'py>(py: Python<'py>, format: Format, s: &str) -> PyResult<Bound<'py, PyAny>> {
    match format {
        Format::Decimal | Format::Amount => decimal_class(py)?.call1((s,)),
        Format::Date => iso_parser(py, &FROM_DATE, "date")?.call1((s,)),
        Format::DateTime => iso_parser(py, &FROM_DATETIME, "datetime")?.call1((s,)),
        Format::Code | Format::Month | Format::Hash | Format::Limit => s.into_bound_py_any(py),
    }
}

/// A JSON value as plain Python, where the description says nothing more.
pub fn plain<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_bound_py_any(py),
            (None, Some(u), _) => u.into_bound_py_any(py),
            (None, None, Some(f)) => f.into_bound_py_any(py),
            _ => Ok(py.None().into_bound(py)),
        },
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(plain(py, v)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(o) => {
            let dict = PyDict::new(py);
            for (k, v) in o {
                dict.set_item(k, plain(py, v)?)?;
            }
            Ok(dict.into_any())
        }
    }
}
