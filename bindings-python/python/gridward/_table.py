"""Tables: the rows a query answers with, as a list that also gives an Arrow table, and
from it a pandas or polars DataFrame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, Iterable, Sequence, TypeVar

from ._tables import arrow_table

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]
    import polars
    import pyarrow  # type: ignore[import-untyped]

T = TypeVar("T")


class Table(list[T], Generic[T]):
    """A list of rows (dicts) that also converts to an Arrow table (pyarrow), and through
    it to a pandas or polars DataFrame.

    ``columns`` are the row type's fields in their described order, so that an empty
    table still gives a frame with its columns.
    """

    columns: tuple[str, ...]

    def __init__(self, rows: Iterable[T] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)

    def to_arrow(self) -> pyarrow.Table:
        """The rows as an Arrow table (pyarrow), one column per field, each typed by its
        values: decimals as Arrow decimals (exact, at the largest scale among them), days
        as ``date32``, times as timestamps in the zone of the first, whole numbers as
        ``int64``, flags as ``bool``; a missing value is a null. ``to_pandas`` and
        ``to_polars`` are made from it."""
        return arrow_table(self, self.columns)

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The Arrow PyCapsule interface: polars, pyarrow, DuckDB and other Arrow readers
        take the table directly (``polars.DataFrame(table)``)."""
        return self.to_arrow().__arrow_c_stream__(requested_schema)

    def to_polars(self) -> polars.DataFrame:
        """The rows as a polars DataFrame, from :meth:`to_arrow` (decimals stay exact)."""
        try:
            import polars as pl
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_polars() needs polars: pip install 'gridward[polars]'") from e
        frame = pl.from_arrow(self.to_arrow())
        assert isinstance(frame, pl.DataFrame)  # a table gives a frame, never a series
        return frame

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a DataFrame, one column per field, from :meth:`to_arrow`.

        Decimals stay exact ``Decimal`` objects (sums stay exact); days become
        ``datetime64`` and times tz-aware ``datetime64`` (a missing one ``NaT``); whole
        numbers and flags with gaps become the nullable ``Int64`` and ``boolean`` rather
        than floats and objects; lists and objects stay Python lists and dicts.
        """
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'gridward[pandas]'") from e
        arrow = self.to_arrow()
        frame = arrow.to_pandas(date_as_object=False)
        for name, column in zip(arrow.column_names, arrow.columns):
            kind = str(column.type)
            if column.null_count and kind in ("int64", "bool"):
                frame[name] = pd.array(column.to_pylist(), dtype="Int64" if kind == "int64" else "boolean")
            elif kind.startswith(("list", "large_list", "struct")):
                # Nested cells stay the values the core gave: Arrow's struct would give
                # every row every key of the column (a one-key party, `{"person": …}`,
                # would gain `"department": None`).
                frame[name] = pd.Series([_cell(row, name) for row in self], dtype=object)
        return frame


def _cell(row: object, name: str) -> object:
    return row.get(name) if isinstance(row, dict) else None
