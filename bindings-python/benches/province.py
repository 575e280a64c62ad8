"""A province of about 30 million households simulated for a month, one task per
district: on a Dask LocalCluster of worker processes and in one process, side by side in
one run, with the speed-up, each side's peak memory, and a check that both give the same
districts (digest and head) and the same merged counts.

The province is 75 districts of the city benchmark's district shape (10 streets of 17
communities of 8 grids of 5 micro-grids, 30 to 87 households each: about 396,000
households a district, 29.7 million in all), each with 10,000 requests over 30 days.

    python bindings-python/benches/province.py [--districts 75] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time

from distributed import Client, LocalCluster

from gridward.dask import simulate_province

SHAPE = {
    "streets": 10,
    "communities": 17,
    "grids": 8,
    "micro_grids": 5,
    "min_households": 30,
    "max_households": 87,
}


def peak_bytes() -> int:
    """This process's peak resident memory."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=75)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=30)
    args = parser.parse_args()
    shape = {"districts": args.districts, **SHAPE}
    run = {"start": "2026-03-02T08:30:00+08:00", "days": args.days, "requests": args.requests,
           "seed": 2026}

    # The cluster first, so that the one-process side's memory is measured after it and
    # includes nothing of the cluster's (its workers are other processes).
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, memory_limit=0) as cluster, Client(cluster) as client:
        client.run(lambda: None)  # the workers are up before the clock starts
        started = time.perf_counter()
        spread = simulate_province(shape, client=client, **run)  # type: ignore[arg-type]
        spread_seconds = time.perf_counter() - started
        worker_peaks = list(client.run(peak_bytes).values())

    started = time.perf_counter()
    alone = simulate_province(shape, **run)  # type: ignore[arg-type]
    alone_seconds = time.perf_counter() - started

    same = (
        [(d["head"], d["digest"]) for d in spread.districts]
        == [(d["head"], d["digest"]) for d in alone.districts]
        and spread.counts == alone.counts
        and spread.whole == alone.whole
    )
    households = sum(d["households"] for d in alone.districts)
    print(f"{args.districts} districts, {households:,} households, "
          f"{args.requests:,} requests each over {args.days} days; "
          f"{os.cpu_count()} cores")
    print(f"  one process:          {alone_seconds:7.2f} s  peak {peak_bytes() / 2**20:8.1f} MiB")
    print(f"  {args.workers} worker processes:   {spread_seconds:7.2f} s  peak per worker "
          + ", ".join(f"{p / 2**20:.1f}" for p in worker_peaks) + " MiB")
    print(f"  speed-up: {alone_seconds / spread_seconds:.2f}x; same districts and counts: {same}")
    print(json.dumps({
        "districts": args.districts, "households": households, "requests_per_district": args.requests,
        "one_process_seconds": alone_seconds, "cluster_seconds": spread_seconds,
        "workers": args.workers, "speedup": alone_seconds / spread_seconds,
        "one_process_peak_bytes": peak_bytes(), "worker_peak_bytes": worker_peaks,
        "whole": alone.whole, "same": same,
    }))
    if not same:
        raise SystemExit("the cluster and the one process disagree")


if __name__ == "__main__":
    main()
