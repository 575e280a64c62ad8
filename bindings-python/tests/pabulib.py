"""The thirteen Pabulib elections of tests/fixtures/pabulib, read by a small reader of
the tests' own (semicolon-separated sections META, PROJECTS and VOTES, quoted fields, a
byte-order mark and CRLF accepted) into the face's `ElectionIn` with Python values
(Decimal budget and costs), with the rule the file's META declares and the projects its
`selected` column names: what the files are checked against when imported through
`ward.projects.import_election`."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from support import CST

from gridward import Ward

PABULIB = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pabulib"

STAFF = "cs"
COMMUNITY = "510105001001"
UNITS = [("510105", "青羊区"), ("510105001", "草市街街道"), (COMMUNITY, "吉福社区")]
OPENED = datetime(2026, 2, 2, 10, 0, tzinfo=CST)
IMPORTED = datetime(2026, 3, 1, 9, 0, tzinfo=CST)

_KINDS = {"approval": "approval", "cumulative": "cumulative", "choose-1": "choose_one", "ordinal": "ordinal"}
_RULES = {
    "greedy": "greedy",
    "greedy-no-skip": "greedy_no_skip",
    "greedy-threshold": "greedy_threshold",
    "equalshares/add1": "equal_shares",
    "equalshares/add1-comparison": "equal_shares_comparison",
}


@dataclass
class PbFile:
    """A Pabulib file as the tests use it."""

    meta: dict[str, str]
    election: Any
    rule: Any
    selected: list[str]


def files() -> list[str]:
    """The fixture files' names, sorted."""
    return sorted(p.name for p in PABULIB.glob("*.pb"))


def text(name: str) -> str:
    """A fixture file's text, line ends as written."""
    return (PABULIB / name).read_bytes().decode("utf-8")


def _list(value: str) -> list[str]:
    return [] if not value.strip() else [s.strip() for s in value.split(",")]


def read(source: str) -> PbFile:
    """A Pabulib file's text, read."""
    sections: dict[str, tuple[list[str], list[dict[str, str]]]] = {}
    current: str | None = None
    header: list[str] | None = None
    for row in csv.reader(io.StringIO(source.removeprefix("\ufeff"), newline=""), delimiter=";"):
        fields = [f.strip() for f in row]
        if not fields or fields == [""]:
            continue
        if len(fields) == 1 and fields[0].upper() in ("META", "PROJECTS", "VOTES"):
            current, header = fields[0].upper(), None
            continue
        assert current is not None, f"a row before any section: {fields}"
        if header is None:
            header = fields
            sections[current] = (header, [])
        else:
            sections[current][1].append(dict(zip(header, fields)))
    meta = {r["key"]: r["value"] for r in sections["META"][1]}
    kind = _KINDS[meta.get("vote_type", "approval")]

    def whole(key: str) -> int | None:
        return int(meta[key]) if key in meta else None

    form = {
        "kind": kind,
        "min_length": whole("min_length"),
        "max_length": whole("max_length"),
        "max_points_per_project": whole("max_points"),
        "min_sum_points": whole("min_sum_points"),
        "max_sum_points": whole("max_sum_points"),
        "max_sum_cost": Decimal(meta["max_sum_cost"]) if "max_sum_cost" in meta else None,
    }
    projects = sections["PROJECTS"][1]
    candidates = [
        {"id": p["project_id"], "cost": Decimal(p["cost"]), "name": p.get("name", ""),
         "category": p.get("category") or None}
        for p in projects
    ]
    ballots = [
        {"voter": v["voter_id"], "choices": _list(v["vote"]),
         "points": [int(x) for x in _list(v["points"])] if kind == "cumulative" else []}
        for v in sections["VOTES"][1]
    ]
    name = _RULES[meta["rule"]]
    rule: Any = {"rule": name}
    if name == "greedy_threshold":
        rule["min_score"] = Decimal(meta["min_project_score_threshold"])
    selected = [p["project_id"] for p in projects if int(p["selected"]) != 0]
    election = {"budget": Decimal(meta["budget"]), "form": form, "candidates": candidates, "ballots": ballots}
    return PbFile(meta, election, rule, selected)


def fund_ward(fund: str, amount: Decimal, source: Any = "guarantee") -> Ward:
    """A ward with a community and its staff member, and a fund of `amount` for 2026."""
    ward = Ward()
    at = datetime(2026, 2, 1, 9, 0, tzinfo=CST)
    for code, name in UNITS:
        ward.grid.add_unit(code, name, at=at)
    ward.grid.add_person(STAFF, "社区工作者", at=at)
    ward.grid.grant_role(STAFF, "community_staff", COMMUNITY, at=at)
    ward.projects.open_fund(fund, COMMUNITY, 2026, source, amount, actor=STAFF, at=OPENED)
    return ward
