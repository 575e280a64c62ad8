"""Tables: the rows a query answers with, as a list that also gives a DataFrame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, Iterable, Sequence, TypeVar

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]

T = TypeVar("T")


class Table(list[T], Generic[T]):
    """A list of rows (dicts) that also converts to a pandas DataFrame.

    ``columns`` are the row type's fields in their described order, so that an empty
    table still gives a frame with its columns.
    """

    columns: tuple[str, ...]

    def __init__(self, rows: Iterable[T] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a DataFrame, one column per field (pandas imported when needed)."""
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'gridward[pandas]'") from e
        rows: list[Any] = list(self)
        return pd.DataFrame(rows, columns=list(self.columns) or None)
