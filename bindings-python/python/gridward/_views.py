"""Notebook views the generated face does not give: a coverage report's findings as one
table, and a public statement's sections as DataFrames.

The generated queries answer with the core's shapes (a coverage report holds its
findings in four lists of different rows; a statement holds its sections as plain
lists). These views reshape an answer, as any caller could, into the tables a notebook
reads; they ask the ward nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, TypedDict

from ._api import (
    ArrearsRow,
    CoverageView,
    IncomeRow,
    Level,
    NodeCode,
    Role,
    SpendingRow,
    Statement,
    VoucherRow,
)
from ._table import Table

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]

FindingKind = Literal[
    "unassigned_household",
    "out_of_band",
    "without_party_member",
    "without_leader",
    "without_party_body",
    "without_secretary",
    "chief_not_party_secretary",
]


class CoverageFinding(TypedDict):
    """One finding of a coverage report; fields its kind lacks are None.

    Attributes:
        finding: What was found.
        code: The unit at fault (none for an unassigned household).
        households: A micro-grid's household count (out of band only).
        level: The unit's level.
        role: The leader's role the unit lacks (without leader only).
        household: The household (unassigned household only).
    """

    finding: FindingKind
    code: NodeCode | None
    households: int | None
    level: Level | None
    role: Role | None
    household: str | None


_FINDING_COLUMNS = ("finding", "code", "households", "level", "role", "household")


def coverage_findings(report: CoverageView) -> Table[CoverageFinding]:
    """A coverage report's findings as one table, one row per finding, in the report's
    order: unassigned households, micro-grids out of band, micro-grids without a party
    member, units without their leader, then the party organisation's findings: units
    without their party body, bodies without a secretary, communities whose chief grid
    leader is not their party secretary.

    >>> import gridward
    >>> ward = gridward.Ward()
    >>> for code in ("510105", "510105001", "510105001001"):
    ...     _ = ward.grid.add_unit(code, code)
    >>> _ = ward.grid.add_household("h1", "510105001001", 60)
    >>> [(f["finding"], f["household"] or f["code"]) for f in
    ...  gridward.coverage_findings(ward.grid.coverage())]
    [('unassigned_household', 'h1'), ('without_leader', '510105001001'), ('without_party_body', '510105001001')]
    """
    rows: list[CoverageFinding] = []
    for household in report["unassigned_households"]:
        rows.append(_finding("unassigned_household", household=household))
    for band in report["out_of_band"]:
        rows.append(
            _finding("out_of_band", code=band["code"], households=band["households"], level="micro_grid")
        )
    for code in report["without_party_member"]:
        rows.append(_finding("without_party_member", code=code, level="micro_grid"))
    for missing in report["without_leader"]:
        rows.append(
            _finding("without_leader", code=missing["code"], level=missing["level"], role=missing["role"])
        )
    for body in report["without_party_body"]:
        rows.append(_finding("without_party_body", code=body["code"], level=body["level"]))
    for code in report["without_secretary"]:
        rows.append(_finding("without_secretary", code=code))
    for code in report["chief_not_party_secretary"]:
        rows.append(_finding("chief_not_party_secretary", code=code, level="community"))
    return Table(rows, _FINDING_COLUMNS)


def _finding(
    finding: FindingKind,
    *,
    code: NodeCode | None = None,
    households: int | None = None,
    level: Level | None = None,
    role: Role | None = None,
    household: str | None = None,
) -> CoverageFinding:
    return {
        "finding": finding,
        "code": code,
        "households": households,
        "level": level,
        "role": role,
        "household": household,
    }


class StatementFrames(TypedDict):
    """A statement's sections as DataFrames (see :func:`statement_frames`)."""

    income: pandas.DataFrame
    spending: pandas.DataFrame
    arrears_by_building: pandas.DataFrame
    vouchers: pandas.DataFrame


def statement_frames(statement: Statement) -> StatementFrames:
    """A public statement's sections as DataFrames: ``income``, ``spending``,
    ``arrears_by_building`` and ``vouchers``, one row per entry, amounts as exact
    ``Decimal`` (so sums stay exact); an empty section keeps its columns. The figures
    (``surplus``, ``fees`` …) stay in the statement itself."""
    income: Table[IncomeRow] = Table(statement["income"], _columns(IncomeRow))
    spending: Table[SpendingRow] = Table(statement["spending"], _columns(SpendingRow))
    arrears: Table[ArrearsRow] = Table(statement["arrears_by_building"], _columns(ArrearsRow))
    vouchers: Table[VoucherRow] = Table(statement["vouchers"], _columns(VoucherRow))
    return {
        "income": income.to_pandas(),
        "spending": spending.to_pandas(),
        "arrears_by_building": arrears.to_pandas(),
        "vouchers": vouchers.to_pandas(),
    }


def _columns(row: type) -> tuple[str, ...]:
    """A row type's fields, in their described order."""
    return tuple(row.__annotations__)
