"""The READMEs' Python examples — the repository's and the package's (the wheel's long
description) — run exactly as written, no line changed (they assert their own results)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
PACKAGE_README = Path(__file__).resolve().parents[1] / "README.md"


def run_example(readme: Path) -> object:
    """Runs the README's one Python example as written; the `ward` it leaves."""
    blocks = re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, f"{readme.name} has one Python example"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(readme), "exec"), namespace)
    return namespace["ward"]


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
