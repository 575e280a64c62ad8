"""Tables: the rows a query answers with, as a list that also gives a DataFrame."""

from __future__ import annotations

import datetime as _dt
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
        """The rows as a DataFrame, one column per field (pandas imported when needed).

        Decimals stay exact ``Decimal`` objects (sums stay exact); days become
        ``datetime64`` and times tz-aware ``datetime64`` (a missing one ``NaT``); whole
        numbers and flags with gaps become the nullable ``Int64`` and ``boolean`` rather
        than floats and objects.
        """
        try:
            import pandas as pd
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install 'gridward[pandas]'") from e
        rows: list[Any] = list(self)
        frame = pd.DataFrame(rows, columns=list(self.columns) or None)
        for name in frame.columns:
            values = [row.get(name) for row in rows if isinstance(row, dict)]
            present = [v for v in values if v is not None]
            gaps = len(present) < len(values)
            if not present:
                continue
            if _all(present, _dt.datetime):
                zones = {v.utcoffset() for v in present}
                if len(zones) == 1:
                    frame[name] = pd.to_datetime(frame[name])
                else:  # in the zone of the first, as one column can hold only one
                    frame[name] = pd.to_datetime(frame[name], utc=True).dt.tz_convert(present[0].tzinfo)
            elif _all(present, _dt.date):
                frame[name] = pd.to_datetime(frame[name])
            elif _all(present, bool):
                if gaps:
                    frame[name] = pd.array(values, dtype="boolean")
            elif _all(present, int) and gaps:
                frame[name] = pd.array(values, dtype="Int64")
        return frame


def _all(values: list[Any], kind: type) -> bool:
    return all(isinstance(v, kind) for v in values)
