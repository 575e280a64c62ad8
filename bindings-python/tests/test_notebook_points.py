"""The points tour notebook runs top to bottom against the installed package (headless,
in memory: the stored notebook stays without outputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("pandas")

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebooks" / "points_tour.ipynb"


def test_points_tour_runs_and_is_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and not any(c.get("outputs") or c.get("execution_count") for c in code)
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()
    assert all(not any(o.get("output_type") == "error" for o in c.outputs) for c in code)
