"""Loading a district: 400,000 households from a CSV file and from Parquet into a ward,
side by side with `pandas.read_csv` of the same file.

Each case runs in a fresh Python process (cold: nothing imported, nothing cached in the
process), the cases alternating, several rounds; each reports its seconds and its peak
resident memory (`ru_maxrss`). Prints one line per case with the median and the ratio
to `pandas.read_csv`, then one JSON object with every figure.

    python bindings-python/benches/loading.py [--households 400000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# Each case, as the code a fresh process runs: it reads `path` and prints its seconds
# and peak memory. The clock starts after the imports, which are not the work measured.
CASES = {
    "pandas.read_csv": "frame = pd.read_csv(path)",
    "pandas.read_csv(dtype=str) + import_rows": (
        "frame = pd.read_csv(path, dtype=str)\n"
        "ward = gridward.Ward()\n"
        "ward.grid.import_rows(frame, at=AT)"
    ),
    "read_table(csv) + import_rows": (
        "ward = gridward.Ward()\n"
        "ward.grid.import_rows(gridward.read_table(path), at=AT)"
    ),
    "read_table(parquet) + import_rows": (
        "ward = gridward.Ward()\n"
        "ward.grid.import_rows(gridward.read_table(parquet), at=AT)"
    ),
}

RUNNER = """
import resource, sys, time
from datetime import datetime, timedelta, timezone
import pandas as pd, pyarrow, pyarrow.csv, pyarrow.parquet
import gridward
AT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
path, parquet = sys.argv[1], sys.argv[2]
start = time.perf_counter()
{work}
seconds = time.perf_counter() - start
{check}
print(seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""

CHECK = "assert ward.grid.counts()['households'] == {n}, ward.grid.counts()"


def write_district(folder: Path, households: int) -> tuple[Path, Path]:
    """A district of one street, 20 communities, 200 grids and 2,000 micro-grids, with
    `households` spread over the micro-grids; areas with two decimals."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    kinds, codes, names, ids, units, areas = [], [], [], [], [], []

    def unit(code: str) -> None:
        kinds.append("unit")
        codes.append(code)
        names.append(f"单元{code[-3:]}")
        ids.append(None)
        units.append(None)
        areas.append(None)

    micro = []
    unit("510107")
    unit("510107017")
    for c in range(1, 21):
        community = f"510107017{c:03d}"
        unit(community)
        for g in range(1, 11):
            grid = f"{community}{g:03d}"
            unit(grid)
            for m in range(1, 11):
                unit(f"{grid}{m:03d}")
                micro.append(f"{grid}{m:03d}")
    for h in range(households):
        kinds.append("household")
        codes.append(None)
        names.append(None)
        ids.append(f"h{h:07d}")
        units.append(micro[h % len(micro)])
        areas.append(f"{50 + h % 90}.{h % 100:02d}")
    table = pa.table(
        {"kind": kinds, "code": codes, "name": names, "id": ids, "unit": units, "area": areas}
    )
    csv, parquet = folder / "district.csv", folder / "district.parquet"
    pcsv.write_csv(table, csv)
    pq.write_table(table, parquet)
    return csv, parquet


def run(case: str, csv: Path, parquet: Path, households: int) -> tuple[float, int]:
    work = CASES[case]
    check = "" if case == "pandas.read_csv" else CHECK.format(n=households)
    code = RUNNER.format(work=work, check=check)
    out = subprocess.run(
        [sys.executable, "-c", code, str(csv), str(parquet)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=400_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        csv, parquet = write_district(Path(folder), args.households)
        sizes = {"csv_bytes": csv.stat().st_size, "parquet_bytes": parquet.stat().st_size}
        figures: dict[str, list[tuple[float, int]]] = {case: [] for case in CASES}
        for _ in range(args.rounds):
            for case in CASES:
                figures[case].append(run(case, csv, parquet, args.households))
    base = statistics.median(s for s, _ in figures["pandas.read_csv"])
    print(f"{args.households:,} households; CSV {sizes['csv_bytes']:,} bytes, "
          f"Parquet {sizes['parquet_bytes']:,} bytes; median of {args.rounds} cold runs")
    summary = {}
    for case, runs in figures.items():
        seconds = statistics.median(s for s, _ in runs)
        peak = max(m for _, m in runs)
        summary[case] = {"seconds": seconds, "peak_bytes": peak, "vs_read_csv": seconds / base}
        print(f"  {case:<42} {seconds:7.3f} s  {seconds / base:5.2f}× read_csv  "
              f"peak {peak / 2**20:7.1f} MiB")
    print(json.dumps({"households": args.households, **sizes, "cases": summary}))


if __name__ == "__main__":
    main()
