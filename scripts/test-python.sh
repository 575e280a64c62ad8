#!/usr/bin/env bash
# The Python face's checks: build the extension into .venv with maturin, run pytest
# (including the parity fixtures, the bad-input cases, the README's example and the stub
# checks: stubtest and mypy --strict), and execute the example notebooks headless.
# `--build-only` stops after the build. Works from any directory; needs Rust and Python
# >= 3.11 with venv.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    python3 -m venv .venv
fi
export VIRTUAL_ENV="$PWD/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
py="$VIRTUAL_ENV/bin/python"

# Install only what is missing (module name = package name for all of these).
missing=()
for pkg in maturin pytest mypy pandas nbclient nbformat ipykernel; do
    if ! "$py" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('$pkg') is None)"; then
        missing+=("$pkg")
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "== pip install ${missing[*]}"
    "$py" -m pip install -q --disable-pip-version-check "${missing[@]}"
fi

echo "== maturin develop --release"
maturin develop --release -m bindings-python/Cargo.toml
if [[ "${1:-}" == "--build-only" ]]; then
    exit 0
fi

echo "== pytest"
"$py" -m pytest bindings-python/tests -q

echo "== stubtest"
"$py" -m mypy.stubtest gridward._gridward

echo "== notebooks"
"$py" - <<'PY'
import sys

import nbformat
from nbclient import NotebookClient

for path in (
    "examples/notebooks/grid_tour.ipynb",
    "examples/notebooks/requests_tour.ipynb",
    "examples/notebooks/fund_tour.ipynb",
):
    nb = nbformat.read(path, as_version=4)
    if any(c.get("outputs") or c.get("execution_count") for c in nb.cells if c.cell_type == "code"):
        sys.exit(f"{path} is stored with outputs; clear them before committing")
    # Executed in memory only: the stored notebook stays without outputs.
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": "examples/notebooks"}}
    ).execute()
    print(f"{path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells ran")
PY
echo "== python face: all checks passed"
