#!/usr/bin/env bash
# Gridward's Equal Shares against pabutools' on the same Pabulib files, as whole
# processes, side by side (scripts/bench_pabutools.py says what is timed).
#
#     scripts/bench-pabutools.sh [FILE.pb ...]     # default: Assen, then Wieliczka
#
# One pabutools run on Wieliczka (6,586 ballots, 64 projects) takes over ten minutes,
# so by default Wieliczka is run once (WIELICZKA_RUNS) and Assen RUNS times.
# Builds the `pabulib_select` example in release mode, and installs pabutools into a
# virtual environment under target/ when it is not there yet (PABUTOOLS_VENV overrides
# where). RUNS sets the number of runs of each (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${PABUTOOLS_VENV:-target/pabutools-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pabutools" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet pabutools
fi
cargo build --release --quiet --example pabulib_select
binary=target/release/examples/pabulib_select

"$venv/bin/python" -c "import importlib.metadata as m; print('pabutools', m.version('pabutools'))"
if [ "$#" -eq 0 ]; then
    "$venv/bin/python" scripts/bench_pabutools.py "$binary" \
        tests/fixtures/pabulib/Netherlands_Assen_2024.pb "${RUNS:-5}"
    echo
    "$venv/bin/python" scripts/bench_pabutools.py "$binary" \
        tests/fixtures/pabulib/Poland_Wieliczka_2023_Green_Budget.pb "${WIELICZKA_RUNS:-1}"
    exit 0
fi
for file in "$@"; do
    "$venv/bin/python" scripts/bench_pabutools.py "$binary" "$file" "${RUNS:-5}"
    echo
done
