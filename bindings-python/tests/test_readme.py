"""The READMEs' Python examples — the repository's and the package's (the wheel's long
description) — run exactly as written, no line changed (they assert their own results)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
PACKAGE_README = Path(__file__).resolve().parents[1] / "README.md"


def run_example(readme: Path) -> object:
    """Runs the README's first Python example as written; the `ward` it leaves."""
    blocks = examples(readme)
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(readme), "exec"), namespace)
    return namespace["ward"]


def examples(readme: Path) -> list[str]:
    """The README's Python examples, in order."""
    blocks: list[str] = re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert blocks, f"{readme.name} has a Python example"
    return blocks


def test_readme_research_example_runs() -> None:
    """The repository README's second example: a province on a Dask cluster."""
    blocks = examples(README)
    assert len(blocks) == 2
    namespace: dict[str, object] = {}
    exec(compile(blocks[1], str(README), "exec"), namespace)
    assert namespace["communities"].shape[0] == 4 * 2 * 3  # type: ignore[attr-defined]


def test_readme_python_example_runs() -> None:
    ward = run_example(README)
    # Import, directive, acknowledgement, person, residence, request, fund, 40 owners, the
    # fee's motion with its 30 votes and its closing, bills, payment; the refused float
    # payment left no entry.
    assert ward.journal_length == 81  # type: ignore[attr-defined]


def test_package_readme_python_example_runs() -> None:
    ward = run_example(PACKAGE_README)
    # The import; the refused float area left no entry.
    assert ward.journal_length == 1  # type: ignore[attr-defined]
