"""Gridward: neighbourhood governance as Chinese cities practise it (网格化管理).

A :class:`Ward` holds a grid — district → street → community → grid → micro-grid →
household — with the people who answer for it, and records every change in a
hash-chained journal that anyone can verify with SHA-256 and a JSON parser.

>>> from gridward import Ward
>>> ward = Ward()
>>> ward.add_unit("510105", "青羊区")["seq"]
1
>>> ward.subtree("510105").to_pandas()  # doctest: +SKIP

Tables (``subtree``, ``households_under``, ``people_under``, ``children``, ``roots``,
``directive_progress_by``) are lists of dicts with a ``to_pandas()`` method; the
coverage report is a dict with ``findings()`` and ``to_pandas()``. pandas is optional
(``pip install gridward[pandas]``) and imported only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Sequence, TypeVar

from . import _gridward
from ._gridward import (
    ConflictError,
    GridwardError,
    InvalidInputError,
    JournalError,
    NotFoundError,
    PermissionDeniedError,
    __version__,
    default_config,
    verify_journal,
)

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]

    from ._gridward import (
        CoverageReportDict,
        PersonAtRow,
        HouseholdRow,
        TreeRow,
        UnitDict,
        UnitProgressRow,
    )

__all__ = [
    "ConflictError",
    "CoverageReport",
    "GridwardError",
    "InvalidInputError",
    "JournalError",
    "NotFoundError",
    "PermissionDeniedError",
    "Table",
    "Ward",
    "__version__",
    "default_config",
    "verify_journal",
]

T = TypeVar("T")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised only without pandas
        raise ImportError(
            "to_pandas() needs pandas, which is not installed: "
            "pip install 'gridward[pandas]' (or pip install pandas)"
        ) from e
    return pandas


class Table(list[T]):
    """Rows of a query: a plain list of dicts, plus :meth:`to_pandas`."""

    columns: tuple[str, ...]

    def __init__(self, rows: Iterable[T] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame, one row per item (pandas imported lazily)."""
        pd = _pandas()
        frame = pd.DataFrame(list(self), columns=list(self.columns) or None)
        return frame


_UNIT = ("code", "name", "level", "parent", "domains", "direct_households")
_TREE = ("code", "parent", "level", "name", "depth", "direct_households", "households")
_HOUSEHOLD = ("id", "unit", "area")
_PERSON_AT = ("person", "role", "unit", "household")
_PROGRESS = ("code", "name", "targets", "acknowledged", "completion_rate")
_FINDING = ("finding", "code", "households", "level", "role", "household")


class CoverageReport(dict[str, Any]):
    """The coverage report (a dict: ``scope``, ``households``, ``micro_grids``,
    ``unassigned_households``, ``out_of_band``, ``without_party_member``,
    ``without_leader``, ``is_clean``, ``micro_grid_compliance``) with its findings as a
    table."""

    def findings(self) -> Table[dict[str, Any]]:
        """One row per finding: ``{finding, code, households, level, role, household}``,
        where ``finding`` is ``"unassigned_household"``, ``"out_of_band"``,
        ``"without_party_member"`` or ``"without_leader"``; fields a finding lacks are
        None (``household`` is set only for unassigned households)."""
        rows: list[dict[str, Any]] = []

        def row(finding: str, **fields: Any) -> None:
            base: dict[str, Any] = dict.fromkeys(_FINDING)
            base.update(finding=finding, **fields)
            rows.append(base)

        for h in self.get("unassigned_households", []):
            row("unassigned_household", household=h)
        for o in self.get("out_of_band", []):
            row("out_of_band", code=o["code"], households=o["households"], level="micro_grid")
        for c in self.get("without_party_member", []):
            row("without_party_member", code=c, level="micro_grid")
        for m in self.get("without_leader", []):
            row("without_leader", code=m["code"], level=m["level"], role=m["role"])
        return Table(rows, _FINDING)

    def to_pandas(self) -> pandas.DataFrame:
        """The findings as a DataFrame, one per row (see :meth:`findings`); the
        ``households`` column is a nullable integer, since most findings lack it."""
        frame = self.findings().to_pandas()
        frame["households"] = frame["households"].astype("Int64")
        return frame


class Ward(_gridward.Ward):
    """A ward: the grid with its hash-chained journal (see the native class for every
    command). Table-returning queries give :class:`Table`, and :meth:`coverage` a
    :class:`CoverageReport`."""

    def roots(self) -> Table[UnitDict]:
        """The districts at the top, in code order."""
        return Table(super().roots(), _UNIT)

    def children(self, code: str) -> Table[UnitDict]:
        """A unit's children, in code order."""
        return Table(super().children(code), _UNIT)

    def subtree(self, code: str) -> Table[TreeRow]:
        """The subtree of a unit, depth first, with household totals."""
        return Table(super().subtree(code), _TREE)

    def households_under(self, code: str) -> Table[HouseholdRow]:
        """Households in a unit's subtree: ``{id, unit, area}``."""
        return Table(super().households_under(code), _HOUSEHOLD)

    def people_under(self, code: str) -> Table[PersonAtRow]:
        """People in a unit's subtree: ``{person, role, unit, household}``."""
        return Table(super().people_under(code), _PERSON_AT)

    def directive_progress_by(self, id: str, level: str) -> Table[UnitProgressRow]:
        """A directive's progress by the units of ``level``."""
        return Table(super().directive_progress_by(id, level), _PROGRESS)

    def coverage(  # type: ignore[override]
        self, scope: str | None = None, rules: dict[str, Any] | None = None
    ) -> CoverageReport:
        """The coverage report of the grid or of a subtree."""
        return CoverageReport(super().coverage(scope, rules))

