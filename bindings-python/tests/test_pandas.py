"""pandas at the edges: import rows from a DataFrame (NaN = not given), tables and the
coverage findings as DataFrames. Skipped cleanly when pandas is not installed."""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from support import AT

from gridward import Table, Ward, coverage_findings


def test_table_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    table = Table([{"a": 1}])
    assert table == [{"a": 1}] and isinstance(table, list)
    with pytest.raises(ImportError, match="pip install"):
        table.to_pandas()


def _frame():  # type: ignore[no-untyped-def]
    pd = pytest.importorskip("pandas")
    return pd.DataFrame(
        [
            {"kind": "unit", "code": "510105", "name": "青羊区"},
            {"kind": "unit", "code": "510105001", "name": "草市街街道"},
            {"kind": "unit", "code": "510105001001", "name": "吉福社区"},
            {"kind": "unit", "code": "510105001001001", "name": "一号院落网格"},
            {"kind": "unit", "code": "510105001001001001", "name": "1栋微网格"},
            {"kind": "household", "id": "1-101", "unit": "510105001001001001", "area": Decimal("72.50")},
            {"kind": "household", "id": "1-102", "unit": "510105001001001001", "area": "89"},
            {"kind": "person", "id": "w1", "name": "王", "party_member": True},
            {"kind": "person", "id": "r1", "name": "赵", "household": "1-101", "party_member": False},
            {"kind": "role", "person": "w1", "role": "micro_grid_worker", "unit": "510105001001001001"},
        ]
    )


def test_import_rows_from_a_dataframe() -> None:
    frame = _frame()
    assert frame["code"].isna().any()  # missing cells really are NaN
    ward = Ward()
    receipt = ward.grid.import_rows(frame, at=AT)
    assert receipt["seq"] == 1
    counts = ward.grid.counts()
    assert (counts["micro_grids"], counts["households"], counts["people"]) == (1, 2, 2)
    h = ward.grid.household("1-101")
    assert h is not None and h["area"] == Decimal("72.50") and h["residents"] == ["r1"]
    w1 = ward.grid.person("w1")
    assert w1 is not None and w1["party_member"] is True


def test_float_areas_in_a_dataframe_are_refused() -> None:
    pd = pytest.importorskip("pandas")
    from gridward import InvalidInputError

    frame = pd.DataFrame([{"kind": "household", "id": "h", "unit": "510105001001", "area": 72.5}])
    with pytest.raises(InvalidInputError) as e:
        Ward().grid.import_rows(frame, at=AT)
    assert e.value.code == "float_not_allowed"


def test_tables_to_pandas() -> None:
    pd = pytest.importorskip("pandas")
    ward = Ward()
    ward.grid.import_rows(_frame(), at=AT)
    tree = ward.grid.subtree("510105").to_pandas()
    assert isinstance(tree, pd.DataFrame)
    assert list(tree.columns) == [
        "code",
        "parent",
        "level",
        "name",
        "depth",
        "direct_households",
        "households",
    ]
    assert tree["households"].tolist() == [2, 2, 2, 2, 2]
    homes = ward.grid.households_under("510105").to_pandas()
    assert homes["area"].tolist() == [Decimal("72.50"), Decimal("89")]
    people = ward.grid.people_under("510105").to_pandas()
    assert people["person"].tolist() == ["w1", "r1"]
    assert ward.grid.children("510105001001001").to_pandas()["code"].tolist() == ["510105001001001001"]
    empty = ward.grid.children("510105001001001001").to_pandas()
    assert len(empty) == 0 and "code" in empty.columns


def test_coverage_findings_to_pandas() -> None:
    pytest.importorskip("pandas")
    ward = Ward()
    ward.grid.import_rows(_frame(), at=AT)
    ward.grid.add_household("loose", "510105001001", 50, at=AT)
    frame = coverage_findings(ward.grid.coverage()).to_pandas()
    assert list(frame.columns) == ["finding", "code", "households", "level", "role", "household"]
    assert frame["finding"].tolist() == [
        "unassigned_household",
        "out_of_band",
        "without_party_member",
        "without_leader",
        "without_leader",
        # No party body was set up: the community, the grid and the micro-grid lack theirs.
        "without_party_body",
        "without_party_body",
        "without_party_body",
    ]
    first = frame.iloc[0]
    assert first["household"] == "loose"
    band = frame.iloc[1]
    assert (band["code"], band["households"]) == ("510105001001001001", 2)
    # Most findings have no household count: a nullable integer column, not floats.
    assert str(frame["households"].dtype) == "Int64"


def test_directive_progress_by_to_pandas() -> None:
    pytest.importorskip("pandas")
    ward = Ward()
    ward.grid.import_rows(_frame(), at=AT)
    ward.grid.issue_directive("d", "510105", "t", at=AT)
    ward.grid.acknowledge("d", ["1-101"], actor="w1", at=AT)
    frame = ward.grid.directive_progress_by("d", "grid").to_pandas()
    assert frame.to_dict("records") == [
        {
            "code": "510105001001001",
            "name": "一号院落网格",
            "targets": 2,
            "acknowledged": 1,
            "completion_rate": 0.5,
        }
    ]


def test_table_columns_are_typed_by_their_values() -> None:
    pd = pytest.importorskip("pandas")
    cst = timezone(timedelta(hours=8))
    table = Table(
        [
            {"on": date(2026, 1, 2), "at": datetime(2026, 1, 2, 9, tzinfo=cst), "n": 1, "ok": True,
             "amount": Decimal("1.10")},
            {"on": None, "at": datetime(2026, 1, 2, 1, tzinfo=timezone.utc), "n": None, "ok": None,
             "amount": Decimal("2.20")},
        ],
        ["on", "at", "n", "ok", "amount"],
    )
    frame = table.to_pandas()
    assert str(frame["on"].dtype).startswith("datetime64") and pd.isna(frame.loc[1, "on"])
    # One column, one zone: times in different zones come in the zone of the first.
    assert str(frame["at"].dt.tz) == "UTC+08:00"
    assert frame.loc[1, "at"] == pd.Timestamp(datetime(2026, 1, 2, 9, tzinfo=cst))
    assert str(frame["n"].dtype) == "Int64" and str(frame["ok"].dtype) == "boolean"
    assert frame["amount"].sum() == Decimal("3.30")
    # Without gaps, whole numbers and flags keep pandas' own types.
    plain = Table([{"n": 1, "ok": False}], ["n", "ok"]).to_pandas()
    assert (str(plain["n"].dtype), str(plain["ok"].dtype)) == ("int64", "bool")
