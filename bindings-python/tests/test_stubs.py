"""The type stubs stay true: stubtest compares `_gridward.pyi` with the native module,
and mypy --strict checks the package and a typed usage file against them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

HERE = Path(__file__).resolve().parent


def _run(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", *args], capture_output=True, text=True, cwd=HERE
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_stubtest_agrees_with_the_native_module() -> None:
    _run("mypy.stubtest", "gridward._gridward")


def test_typed_usage_checks_strictly() -> None:
    _run("mypy", "--strict", "--no-incremental", "-p", "gridward")
    _run("mypy", "--strict", "--no-incremental", str(HERE / "typing" / "usage.py"))
