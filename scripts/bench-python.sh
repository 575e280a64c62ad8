#!/usr/bin/env bash
# Python call costs before and after: builds this tree's Python face (.venv) and the face
# of an earlier revision (BASELINE, default 2fd472a: the last flat, hand-written face)
# into a second environment, runs bindings-python/benches/calls.py on each in one run,
# alternating, and prints both with their ratio. Takes several minutes (it builds the
# baseline from source once; later runs reuse it).
set -euo pipefail
cd "$(dirname "$0")/.."

baseline="${BASELINE:-2fd472a}"
runs="${RUNS:-5}"
# numpy (under pandas) spins BLAS threads that would time against the calls measured.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
base_dir="target/bench-baseline"
base_venv="${base_dir}/venv"

bash scripts/test-python.sh --build-only
if [[ ! -x "${base_venv}/bin/python" ]]; then
    echo "== building the baseline face at ${baseline}"
    rm -rf "${base_dir}/src"
    mkdir -p "${base_dir}"
    git worktree add --detach "${base_dir}/src" "${baseline}" >/dev/null
    python3 -m venv "${base_venv}"
    "${base_venv}/bin/pip" install -q --disable-pip-version-check maturin pandas
    (cd "${base_dir}/src" && CARGO_TARGET_DIR="$PWD/../target" \
        "../venv/bin/maturin" build --release -m bindings-python/Cargo.toml --out ../wheels -q)
    "${base_venv}/bin/pip" install -q --disable-pip-version-check "${base_dir}"/wheels/gridward-*.whl
    git worktree remove --force "${base_dir}/src"
fi

out_new=()
out_old=()
for i in 1 2; do
    out_old+=("$("${base_venv}/bin/python" bindings-python/benches/calls.py "${runs}")")
    out_new+=("$(.venv/bin/python bindings-python/benches/calls.py "${runs}")")
done
python3 - "${out_old[@]}" "${out_new[@]}" <<'PY'
import json, sys
old = [json.loads(s) for s in sys.argv[1:3]]
new = [json.loads(s) for s in sys.argv[3:5]]
def best(runs, key, stat="best"):
    return min(r[key][stat] for r in runs)
for key, unit in (("file_request_us", "µs per call"), ("import_400k_s", "s")):
    o, n = best(old, key), best(new, key)
    print(f"{key}: flat face {o:.3f} {unit}, namespaced face {n:.3f} {unit}, ratio new/old {n / o:.2f}")
PY
