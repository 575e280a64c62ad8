#!/usr/bin/env bash
# The Python face's checks: build the extension into .venv with maturin, run pytest
# (including the parity fixtures, the bad-input cases, the README's example and the stub
# checks: stubtest and mypy --strict), execute the example notebooks headless, then build
# the release wheel (abi3) and check it: twine check, its metadata and licence files, and
# the package README's example run from the wheel installed into a fresh virtual
# environment; last, print the wheel's size. `--build-only` stops after the first build.
# Works from any directory; needs Rust and Python >= 3.11 with venv.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    python3 -m venv .venv
fi
export VIRTUAL_ENV="$PWD/.venv"
export PATH="$VIRTUAL_ENV/bin:$PATH"
py="$VIRTUAL_ENV/bin/python"

# Install only what is missing (package name, and the module it installs when they differ).
missing=()
for pkg in maturin pytest mypy pandas pyarrow polars distributed matplotlib nbclient nbformat ipykernel twine trove-classifiers:trove_classifiers; do
    if ! "$py" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('${pkg#*:}') is None)"; then
        missing+=("${pkg%%:*}")
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
    "examples/notebooks/pabulib_tour.ipynb",
    "examples/notebooks/store_tour.ipynb",
    "examples/notebooks/policy_sweep.ipynb",
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
echo "== wheel: maturin build --release"
wheels="${CARGO_TARGET_DIR:-target}/wheels/gridward-python"
rm -rf "${wheels}"
maturin build --release -m bindings-python/Cargo.toml --out "${wheels}"
wheel="$(ls "${wheels}"/gridward-*.whl)"
"$py" -m twine check --strict "${wheel}"
"$py" - "${wheel}" <<'PY'
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

from trove_classifiers import classifiers as known

wheel = Path(sys.argv[1])
assert "-cp311-abi3-" in wheel.name, f"{wheel.name} is not an abi3 wheel for CPython 3.11+"
with zipfile.ZipFile(wheel) as z:
    (dist_info,) = {n.split("/")[0] for n in z.namelist() if n.split("/")[0].endswith(".dist-info")}
    meta = Parser().parsestr(z.read(f"{dist_info}/METADATA").decode())
    for name in ("LICENSE-MIT", "LICENSE-APACHE"):
        shipped = z.read(f"{dist_info}/licenses/{name}")
        assert shipped == Path(name).read_bytes(), f"{name} in the wheel differs from the root's"
assert meta["License-Expression"] == "MIT OR Apache-2.0", meta["License-Expression"]
assert sorted(meta.get_all("License-File")) == ["LICENSE-APACHE", "LICENSE-MIT"]
assert meta["Description-Content-Type"].startswith("text/markdown")
assert meta.get_payload().startswith("# gridward"), "the long description is the package README"
assert len(meta["Keywords"].split(",")) >= 5
unknown = [c for c in meta.get_all("Classifier") if c not in known]
assert not unknown, f"classifiers PyPI does not know: {unknown}"
print(f"{wheel.name}: metadata {meta['Metadata-Version']}, licence files and classifiers checked")
PY

echo "== wheel: installed into a fresh virtual environment"
fresh="$(mktemp -d)"
trap 'rm -rf "${fresh}"' EXIT
python3 -m venv "${fresh}/venv"
"${fresh}/venv/bin/python" -m pip install -q --disable-pip-version-check --no-index "${wheel}"
# The package README's example, verbatim, run away from the source tree.
"$py" - bindings-python/README.md "${fresh}/example.py" <<'PY'
import re
import sys
from pathlib import Path

(block,) = re.findall(r"```python\n(.*?)```", Path(sys.argv[1]).read_text(encoding="utf-8"), re.S)
Path(sys.argv[2]).write_text(block + "print(ward.journal_length, gridward.__file__)\n", encoding="utf-8")
PY
(cd "${fresh}" && venv/bin/python example.py) | {
    read -r entries location
    [[ "${entries}" == 1 && "${location}" == "${fresh}/venv/"* ]] || {
        echo "the README example from the wheel printed: ${entries} ${location}" >&2
        exit 1
    }
    echo "the README's example ran from the installed wheel (${location#"${fresh}/"})"
}

scripts/sizes.sh wheel "${wheel}"
echo "== python face: all checks passed"
