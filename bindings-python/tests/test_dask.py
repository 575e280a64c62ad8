"""A province on a Dask LocalCluster of two worker processes, started and stopped here:
the same districts, digests and merged counts as in one process, and a district's
journal rebuilds its ward here."""

from __future__ import annotations

import pytest

from gridward import Ward, indicators_from_counts
from gridward.dask import merge, simulate_province

SHAPE = {
    "districts": 4,
    "streets": 2,
    "communities": 2,
    "grids": 2,
    "micro_grids": 3,
    "min_households": 30,
    "max_households": 87,
}
ARGS = {"start": "2026-03-02T08:30:00+08:00", "days": 10, "requests": 250, "seed": 3,
        "policy": {"max_open_claims": 1, "resolution_limit": "3wd"}, "period_days": 5}


def test_the_cluster_gives_the_one_process_result() -> None:
    distributed = pytest.importorskip("distributed")
    alone = simulate_province(SHAPE, **ARGS)  # type: ignore[arg-type]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        spread = simulate_province(SHAPE, client=client, journals=True, **ARGS)  # type: ignore[arg-type]
        workers = {w for w in client.run(lambda: __import__("os").getpid()).values()}
    assert len(workers) == 2
    # District by district: the same ward (head and digest) and the same counts.
    assert [(d["district"], d["head"], d["digest"]) for d in spread.districts] == [
        (d["district"], d["head"], d["digest"]) for d in alone.districts
    ]
    assert spread.counts == alone.counts and spread.whole == alone.whole
    assert spread.indicators == alone.indicators
    assert spread.whole["filed"] == 4 * 250
    # By unit and period: 2 periods of 5 days for each of the 4 districts' 8 communities.
    assert spread.by_period == alone.by_period and len(spread.by_period) == 2 * 4 * 2 * 2
    assert sum(row["filed"] for row in spread.by_period) == 4 * 250
    # Rates come from the merged counts, not from averaging the districts' rates.
    assert spread.whole_indicators == indicators_from_counts(spread.whole)
    # A ward comes back as its journal and configuration, and rebuilds here.
    first = spread.districts[0]
    assert first["journal"] is not None and first["config"] is not None
    ward = Ward.from_journal(first["journal"], config=first["config"])
    assert (ward.head, ward.state_digest()) == (first["head"], first["digest"])


def test_merging_nothing_or_different_periods_is_refused() -> None:
    with pytest.raises(ValueError, match="no districts"):
        merge([])
    a = simulate_province(SHAPE, districts=[0], **ARGS).districts[0]  # type: ignore[arg-type]
    b = simulate_province(SHAPE, districts=[1], **{**ARGS, "days": 9}).districts[0]  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="different periods"):
        merge([a, b])
