"""Tables in: pandas as read_csv leaves it, polars, pyarrow and files read by
`read_table`; every refusal names its row and column. Tables out: Arrow, pandas and
polars from the same Arrow table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from support import AT

from gridward import InvalidInputError, Table, Ward, read_table

CSV = """kind,code,name,id,unit,area,party_member,household
unit,510107,武侯区,,,,,
unit,510107001,浆洗街街道,,,,,
unit,510107001001,锦里社区,,,,,
unit,510107001001001,一号网格,,,,,
household,,,0101,510107001001001,72.50,,
household,,,0102,510107001001001,89,,
person,,赵,r1,,,true,0101
"""


def _csv(tmp_path: Path, text: str = CSV) -> Path:
    path = tmp_path / "grid.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _check(ward: Ward, first_id: str = "0101") -> None:
    counts = ward.grid.counts()
    assert (counts["grids"], counts["households"], counts["people"]) == (1, 2, 1)
    home = ward.grid.household(first_id)
    assert home is not None and home["area"] == Decimal("72.50") and home["unit"] == "510107001001001"


def test_read_table_keeps_codes_ids_and_decimals_as_written(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    table = read_table(_csv(tmp_path))
    assert str(table.schema.field("party_member").type) == "bool"
    assert str(table.schema.field("area").type) == "string"
    ward = Ward()
    ward.grid.import_rows(table, at=AT)
    _check(ward)  # "0101" keeps its leading zero, 72.50 its exact decimal
    person = ward.grid.person("r1")
    assert person is not None and person["party_member"] is True


def test_read_table_reads_parquet(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "grid.parquet"
    pq.write_table(read_table(_csv(tmp_path)), path)
    ward = Ward()
    ward.grid.import_rows(read_table(path), at=AT)
    _check(ward)


def test_read_table_refuses_other_formats(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(ValueError, match="csv or parquet"):
        read_table(tmp_path / "grid.xlsx")


def test_pandas_read_csv_as_it_comes(tmp_path: Path) -> None:
    """read_csv makes the codes float64 (their column has gaps) and the areas floats: the
    codes are read back exactly, and the float areas are refused naming row and column."""
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(_csv(tmp_path))
    assert str(frame["code"].dtype) == "float64" and str(frame["area"].dtype) == "float64"
    ward = Ward()
    with pytest.raises(InvalidInputError) as e:
        ward.grid.import_rows(frame, at=AT)
    assert (e.value.code, e.value.field) == ("float_not_allowed", "rows[4].area")
    assert "dtype=str" in str(e.value)
    assert ward.journal_length == 0
    # With the areas read as text, and the codes as pandas guessed them, the import goes in.
    # (A column of ids alone would lose its leading zeros as numbers: read ids as text.)
    frame = pd.read_csv(_csv(tmp_path), dtype={"area": str, "household": str})
    assert str(frame["code"].dtype) == "float64"
    ward.grid.import_rows(frame, at=AT)
    _check(ward)


def test_a_long_code_read_as_a_float_is_refused(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"kind": ["unit"], "code": [510107001001001001.0], "name": ["微网格"]})
    with pytest.raises(InvalidInputError) as e:
        Ward().grid.import_rows(frame, at=AT)
    assert (e.value.code, e.value.field) == ("lost_digits", "rows[0].code")
    assert "read the column as text" in str(e.value)


def test_integer_codes_and_ids_are_text(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    units = pd.DataFrame({"kind": ["unit"] * 3, "code": [510107, 510107001, 510107001001], "name": ["区", "街", "社"]})
    homes = pd.DataFrame({"kind": ["household"], "id": [7], "unit": [510107001001], "area": [60]})
    assert str(units["code"].dtype) == str(homes["area"].dtype) == "int64"
    ward = Ward()
    ward.grid.import_rows(units, at=AT)
    ward.grid.import_rows(homes, at=AT)
    home = ward.grid.household("7")
    assert home is not None and home["unit"] == "510107001001" and home["area"] == Decimal("60")


def test_only_tables_are_read_as_cells() -> None:
    """A list of dicts stays strict: a number where a code is described is a wrong type."""
    with pytest.raises(InvalidInputError) as e:
        Ward().grid.import_rows([{"kind": "unit", "code": 510107, "name": "武侯区"}], at=AT)  # type: ignore[list-item]
    assert (e.value.code, e.value.field) == ("wrong_type", "rows[0].code")


def test_polars_and_pyarrow_tables(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    rows = [
        {"kind": "unit", "code": 510107, "name": "武侯区", "id": None, "unit": None, "area": None},
        {"kind": "unit", "code": 510107001, "name": "街道", "id": None, "unit": None, "area": None},
        {"kind": "unit", "code": 510107001001, "name": "社区", "id": None, "unit": None, "area": None},
        {"kind": "household", "code": None, "name": None, "id": "h1", "unit": 510107001001, "area": Decimal("72.50")},
    ]
    for table in (pl.DataFrame(rows), pa.Table.from_pylist(rows), pa.RecordBatch.from_pylist(rows)):
        ward = Ward()
        ward.grid.import_rows(table, at=AT)
        home = ward.grid.household("h1")
        assert home is not None and home["area"] == Decimal("72.50"), type(table)
    floats = pl.DataFrame({"kind": ["household"], "id": ["h"], "unit": ["510107"], "area": [72.5]})
    with pytest.raises(InvalidInputError) as e:
        Ward().grid.import_rows(floats, at=AT)
    assert (e.value.code, e.value.field) == ("float_not_allowed", "rows[0].area")


def test_refused_rows_leave_nothing(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    ward = Ward()
    ward.grid.import_rows(read_table(_csv(tmp_path)), at=AT)
    digest, length = ward.state_digest(), ward.journal_length
    bad = pd.DataFrame({"kind": ["household", "household"], "id": ["x", "y"], "unit": ["510107001001001"] * 2,
                        "area": [Decimal("1"), 2.5]})
    with pytest.raises(InvalidInputError) as e:
        ward.grid.import_rows(bad, at=AT)
    assert e.value.field == "rows[1].area"
    assert (ward.state_digest(), ward.journal_length) == (digest, length)


def test_table_results_through_arrow(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    ward = Ward()
    ward.grid.import_rows(read_table(_csv(tmp_path)), at=AT)
    homes = ward.grid.households_under("510107")
    arrow = homes.to_arrow()
    assert isinstance(arrow, pa.Table) and arrow.num_rows == 2
    assert str(arrow.schema.field("area").type) == "decimal128(4, 2)"
    polars = homes.to_polars()
    assert polars["area"].to_list() == [Decimal("72.50"), Decimal("89.00")]
    assert pl.DataFrame(homes)["id"].to_list() == ["0101", "0102"]  # the PyCapsule interface
    pandas = homes.to_pandas()
    assert pandas["area"].tolist() == [Decimal("72.50"), Decimal("89")]
    assert list(pandas.columns) == list(arrow.column_names) == list(polars.columns)
    empty = Table([], ["a", "b"])
    assert empty.to_arrow().column_names == ["a", "b"] and empty.to_polars().columns == ["a", "b"]
