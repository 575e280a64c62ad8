"""Tables in and out, through Arrow (pyarrow): reading a table given to an import, reading
a CSV or Parquet file, and turning rows into an Arrow table for pandas and polars.

Going in, a table's cells reach the core as JSON, and the core reads them as a table's
cells (``Shapes::check_args``): whole numbers, and whole floats below 2^53, where a code
or id is described become its digits; a binary float where a decimal is described is
refused naming its row and column (``rows[3].area``). Rows are counted from 0, in the
table's order (not by a DataFrame's index labels).
"""

from __future__ import annotations

import datetime as _dt
import os
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import pyarrow  # type: ignore[import-untyped]


def _pyarrow(why: str) -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(f"{why} needs pyarrow: pip install 'gridward[arrow]'") from e
    return pyarrow


def table_columns(table: Any) -> tuple[list[str], list[list[Any]]]:
    """A table's column names and cells, column by column (the native side makes the rows:
    no dict per row is built here). A pandas DataFrame gives its columns' values (NaN,
    ``pd.NA`` and ``NaT`` are missing cells); anything with the Arrow PyCapsule interface
    (polars, pyarrow, DuckDB …) is read through pyarrow (nulls are missing cells)."""
    if type(table).__module__.split(".")[0] == "pandas" or not (
        hasattr(table, "__arrow_c_stream__") or hasattr(table, "__arrow_c_array__")
    ):
        names = [str(c) for c in table.columns]
        return names, [table[c].tolist() for c in table.columns]
    pa = _pyarrow("reading an Arrow table")
    if hasattr(table, "__arrow_c_stream__"):
        arrow = pa.table(table)
    else:
        arrow = pa.Table.from_batches([pa.record_batch(table)])
    return list(arrow.column_names), [column.to_pylist() for column in arrow.columns]


def read_table(path: str | os.PathLike[str], *, format: str | None = None) -> pyarrow.Table:
    """Reads a CSV or Parquet file as an Arrow table, ready for an import
    (``ward.grid.import_rows(gridward.read_table("households.csv"))``).

    A CSV file's cells are read as their text, except columns of ``true``/``false``: a
    code or id keeps its leading zeros and every digit, and an area its exact decimal
    (``72.50``), which a float would round. Empty cells are missing. A Parquet file's
    columns keep their stored types: a column of binary floats where a decimal is
    described is refused at the import, naming its row and column.

    Args:
        path: The file.
        format: ``"csv"`` or ``"parquet"``; by default from the file's extension.
    """
    fmt = (format or os.path.splitext(os.fspath(path))[1].lstrip(".")).lower()
    pa = _pyarrow("read_table()")
    if fmt == "parquet":
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        return pq.read_table(path)
    if fmt != "csv":
        raise ValueError(f"read_table reads csv or parquet files, not {fmt!r}: give format=")
    import pyarrow.csv as pcsv  # type: ignore[import-untyped]

    with pcsv.open_csv(path) as reader:  # infers the columns' types from the first block
        inferred = reader.schema
    types = {f.name: pa.string() for f in inferred if not pa.types.is_boolean(f.type)}
    options = pcsv.ConvertOptions(column_types=types, strings_can_be_null=True)
    return pcsv.read_csv(path, convert_options=options)


def arrow_table(rows: Sequence[Any], columns: Sequence[str]) -> pyarrow.Table:
    """Rows (dicts) as an Arrow table with these columns (every key of the rows, in the
    order first met, when there are none), each typed by its values: exact decimals as
    Arrow decimals, days as ``date32``, times as timestamps in the zone of the first
    (one column holds one zone), whole numbers as ``int64`` and flags as ``bool``;
    missing values are nulls."""
    pa = _pyarrow("Arrow export")
    names = list(columns)
    if not names:
        seen: dict[str, None] = {}
        for row in rows:
            if isinstance(row, dict):
                seen.update(dict.fromkeys(row))
        names = list(seen)
    arrays = [_column(pa, [row.get(n) if isinstance(row, dict) else None for row in rows]) for n in names]
    return pa.Table.from_arrays(arrays, names=names)


def _column(pa: Any, values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    if not present:
        return pa.nulls(len(values))
    if _all(present, bool):
        return pa.array(values, pa.bool_())
    if _all(present, int):
        return pa.array(values, pa.int64() if all(-(2**63) <= v < 2**63 for v in present) else pa.uint64())
    if _all(present, Decimal):
        return _decimals(pa, values, present)
    if _all(present, _dt.datetime):
        zone = present[0].tzinfo
        if zone is not None:
            values = [v.astimezone(zone) if v is not None else None for v in values]
        return pa.array(values)
    if _all(present, _dt.date):
        return pa.array(values, pa.date32())
    if _all(present, str):
        return pa.array(values, pa.string())
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed kinds: each as its text
        return pa.array([None if v is None else str(v) for v in values], pa.string())


def _decimals(pa: Any, values: list[Any], present: list[Decimal]) -> Any:
    """Exact decimals in one Arrow decimal type: the largest scale among them, and the
    precision that holds the largest of them at that scale."""
    scale = max(max(-int(d.as_tuple().exponent), 0) for d in present)
    digits = max(d.adjusted() + 1 for d in present if d != 0) if any(d != 0 for d in present) else 1
    precision = max(digits, 1) + scale
    kind = pa.decimal128 if precision <= 38 else pa.decimal256
    return pa.array(values, kind(min(max(precision, 1), 76 if kind is pa.decimal256 else 38), scale))


def _all(values: list[Any], kind: type) -> bool:
    return all(isinstance(v, kind) for v in values)
