"""A province spread over a Dask cluster: one task per district, exact results.

Each task builds its district of the synthetic city in a ward of its own, simulates its
requests under a policy, and returns the district's report: its counts, the ward's head
and digest, and, when asked, its journal and configuration (a ward travels between
processes as its journal, never as pickled memory). The counts are merged unit by unit
and the rates computed after merging (`merge_indicator_counts`,
`indicators_from_counts`), so the result equals the one-process result for the same
seed, district by district (digest and head) and count by count.

Needs ``dask.distributed`` (``pip install 'gridward[dask]'``) for a cluster; without a
client, the same tasks run one after another in this process.

    from distributed import Client, LocalCluster
    from gridward.dask import simulate_province

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        province = simulate_province(shape, start=start, days=30, requests=10_000, seed=1,
                                     client=client)
    province.indicators.to_pandas()
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from ._api import CityShape, DistrictReport, IndicatorCounts, Indicators, Level, Policy
from ._api import indicators_from_counts, merge_indicator_counts, simulate_district
from ._table import Table

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True)
class Province:
    """A province simulated district by district, its counts merged.

    Attributes:
        districts: Every district's report, in district order (counts, head, digest,
            outcome; journal and configuration when asked for).
        counts: The merged counts of every unit of the level, in code order.
        indicators: Their indicators, rates computed after merging.
        whole: The province's counts: every district's merged.
        whole_indicators: The province's indicators.
        by_period: When periods were asked for (``period_days``), the indicators of
            every unit in every period, one row each, the period's ``from`` and ``to``
            first; empty otherwise.
    """

    districts: list[DistrictReport]
    counts: Table[IndicatorCounts]
    indicators: Table[Indicators]
    whole: IndicatorCounts
    whole_indicators: Indicators
    by_period: Table[dict[str, Any]]


def district_specs(
    shape: CityShape,
    *,
    start: _dt.datetime | str,
    days: int,
    requests: int,
    seed: int,
    policy: Policy | None = None,
    level: Level = "community",
    districts: Iterable[int] | None = None,
    journals: bool = False,
    period_days: int | None = None,
) -> list[dict[str, Any]]:
    """The arguments of `simulate_district` for each district (all of the shape's when
    `districts` is None): the tasks, as plain data any process can take."""
    numbers = range(shape["districts"]) if districts is None else districts
    return [
        {
            "shape": shape,
            "district": d,
            "start": start,
            "days": days,
            "requests": requests,
            "seed": seed,
            "policy": policy,
            "level": level,
            "journal": journals,
            "period_days": period_days,
        }
        for d in numbers
    ]


def run_district(spec: dict[str, Any]) -> DistrictReport:
    """One task: build and simulate one district (see `district_specs`)."""
    return simulate_district(**spec)


def merge(reports: Sequence[DistrictReport]) -> Province:
    """The districts' reports merged: counts unit by unit, and the whole; rates after.
    The reports must count the same period (and the same periods, when asked for)."""
    if not reports:
        raise ValueError("no districts to merge")
    spans = {(str(r["period"]), str([p["period"] for p in r["periods"]])) for r in reports}
    if len(spans) > 1:
        raise ValueError("the reports count different periods: merge only one run's districts")
    counts = merge_indicator_counts([row for r in reports for row in r["counts"]])
    total = merge_indicator_counts([{**r["whole"], "unit": None} for r in reports])[0]
    columns = tuple(Indicators.__annotations__)
    indicators = Table([indicators_from_counts(c) for c in counts], columns)
    by_period: list[dict[str, Any]] = []
    for i, first in enumerate(reports[0]["periods"]):
        rows = merge_indicator_counts([row for r in reports for row in r["periods"][i]["counts"]])
        span = {"from": first["period"]["from"], "to": first["period"]["to"]}
        by_period.extend({**span, **indicators_from_counts(row)} for row in rows)
    return Province(
        districts=list(reports),
        counts=counts,
        indicators=indicators,
        whole=total,
        whole_indicators=indicators_from_counts(total),
        by_period=Table(by_period, ("from", "to", *columns)),
    )


def simulate_province(
    shape: CityShape,
    *,
    start: _dt.datetime | str,
    days: int,
    requests: int,
    seed: int,
    policy: Policy | None = None,
    level: Level = "community",
    districts: Iterable[int] | None = None,
    journals: bool = False,
    period_days: int | None = None,
    client: Client | None = None,
) -> Province:
    """Simulates every district of `shape` (or those listed), `requests` requests each
    over `days` days from `start`, one task per district: on the Dask cluster of
    `client`, or one after another in this process without one. The result is the same
    either way, digest for digest and count for count.

    Args:
        shape: The synthetic city's shape.
        start: The first filing: the first day at this time of day.
        days: The days on which requests are filed; the period counted.
        requests: Requests filed in each district.
        seed: The seed; each district draws from it and its number.
        policy: The policy (the benchmarks' when None).
        level: The level of the units counted.
        districts: The districts, numbered from 0 (all of the shape's when None).
        journals: Whether each district's journal and configuration come back.
        period_days: Also count consecutive periods of this many days (``by_period``).
        client: A ``distributed.Client``; None runs here.
    """
    specs = district_specs(
        shape, start=start, days=days, requests=requests, seed=seed, policy=policy,
        level=level, districts=districts, journals=journals, period_days=period_days,
    )
    if client is None:
        reports = [run_district(spec) for spec in specs]
    else:
        # pure=False: a task is never taken from another run's cache by its arguments.
        futures = client.map(run_district, specs, pure=False)
        reports = client.gather(futures)  # type: ignore[no-untyped-call]
    return merge(reports)
