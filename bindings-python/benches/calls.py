"""Python call costs: one command call (filing a request) and an import of 400,000
households from a pandas DataFrame.

Runs against whichever `gridward` is importable; `scripts/bench-python.sh` runs it on
this tree's face and on the flat face of an earlier revision, side by side, and prints
the ratio. Both workloads are spelled for either face: the namespaced one
(`ward.tasks.file`) or the earlier flat one (`ward.file_request`).

Prints one JSON object: best and median of several runs, per workload.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

import pandas as pd

import gridward

AT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
MICRO = [f"510107017006001{m:03d}" for m in range(1, 101)]
NAMESPACED = hasattr(gridward.Ward(), "tasks")


def units() -> list[dict[str, Any]]:
    rows = [
        {"kind": "unit", "code": c, "name": f"u{c}"}
        for c in ["510107", "510107017", "510107017006", "510107017006001"]
    ]
    return rows + [{"kind": "unit", "code": c, "name": f"m{c[-3:]}"} for c in MICRO]


def import_rows(ward: Any, rows: Any, key: str) -> None:
    if NAMESPACED:
        ward.grid.import_rows(rows, at=AT, key=key)
    else:
        ward.import_rows(rows, at=AT, key=key)


def file_requests(n: int) -> float:
    """Seconds per call, filing `n` requests one by one (routed as they are filed)."""
    ward = gridward.Ward()
    rows = units() + [
        {"kind": "household", "id": f"h{i}", "unit": c, "area": "80"} for i, c in enumerate(MICRO)
    ]
    rows += [{"kind": "person", "id": "r1", "name": "王芳", "household": "h0"}]
    import_rows(ward, rows, "set-up")
    file: Callable[..., Any] = ward.tasks.file if NAMESPACED else ward.file_request
    start = time.perf_counter()
    for i in range(n):
        file(f"q{i}", "fire_hazard", {"household": "h0"}, "楼道堆放杂物", actor="r1", at=AT, key=f"k{i}")
    return (time.perf_counter() - start) / n


def import_households(n: int) -> float:
    """Seconds to import `n` households from a DataFrame into a ward with their units."""
    ward = gridward.Ward()
    import_rows(ward, units(), "units")
    frame = pd.DataFrame(
        {
            "kind": ["household"] * n,
            "id": [f"h{i}" for i in range(n)],
            "unit": [MICRO[i % len(MICRO)] for i in range(n)],
            "area": ["89.50"] * n,
        }
    )
    start = time.perf_counter()
    import_rows(ward, frame, "households")
    return time.perf_counter() - start


def summary(samples: list[float]) -> dict[str, float]:
    return {"best": min(samples), "median": statistics.median(samples)}


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    calls = [file_requests(20_000) for _ in range(runs)]
    imports = [import_households(400_000) for _ in range(runs)]
    print(json.dumps({
        "face": "namespaced" if NAMESPACED else "flat",
        "file_request_us": {k: v * 1e6 for k, v in summary(calls).items()},
        "import_400k_s": summary(imports),
    }))


if __name__ == "__main__":
    main()
