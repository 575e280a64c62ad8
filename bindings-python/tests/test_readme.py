"""The READMEs' Python examples — the repository's and the package's (the wheel's long
description) — run exactly as written, no line changed (they assert their own results)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
PACKAGE_README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the README has one Python example"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(README), "exec"), namespace)
    ward = namespace["ward"]
    # Import, directive, acknowledgement, person, residence, request, fund, bills, payment;
    # the refused float payment left no entry.
    assert ward.journal_length == 9  # type: ignore[attr-defined]


def test_package_readme_python_example_runs() -> None:
    blocks = re.findall(r"```python\n(.*?)```", PACKAGE_README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "the package README has one Python example"
    namespace: dict[str, object] = {}
    exec(compile(blocks[0], str(PACKAGE_README), "exec"), namespace)
    ward = namespace["ward"]
    # The import; the refused float area left no entry.
    assert ward.journal_length == 1  # type: ignore[attr-defined]
