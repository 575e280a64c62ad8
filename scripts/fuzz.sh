#!/usr/bin/env bash
# Coverage-guided fuzzing of the decoders and of Ward::execute (the targets in fuzz/), with
# cargo fuzz and libFuzzer, on the stable toolchain (`--sanitizer none`: the core is safe
# Rust, so AddressSanitizer, which needs nightly, would find nothing the panics and the
# targets' own checks do not; debug assertions and overflow checks stay on).
#   scripts/fuzz.sh smoke [TARGET…]          each target over its seeds and a few thousand
#                                            mutations (part of the test command; a debug
#                                            build, so overflow checks are on too)
#   scripts/fuzz.sh long [SECONDS] [TARGET…] each target for SECONDS (600 by default), two at
#                                            a time, then a table: executions, coverage
#                                            (edges and features), corpus, peak memory
# The seed corpora are written from the fixtures: for the long run into fuzz/corpus/
# (which keeps what the fuzzer adds, and is not committed), for the smoke run into a
# temporary folder. A crash, a panic, a hang (an input over 10 s) or a
# leak past 2 GB ends the run with the input saved under fuzz/artifacts/TARGET/; the
# script then fails. Reproduce one with `cargo fuzz run --sanitizer none TARGET FILE`.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-smoke}"
shift || true
seconds=600
if [[ "${mode}" == long && "${1:-}" =~ ^[0-9]+$ ]]; then
    seconds="$1"
    shift
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== cargo install cargo-fuzz"
    cargo install cargo-fuzz --locked --version 0.13.2
fi

cd fuzz
case "${mode}" in
smoke) build=(--sanitizer none --dev) ;;
long) build=(--sanitizer none) ;;
*)
    echo "usage: scripts/fuzz.sh smoke [TARGET…] | long [SECONDS] [TARGET…]" >&2
    exit 2
    ;;
esac

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    mapfile -t targets < <(cargo fuzz list)
fi

echo "== cargo fuzz build ${build[*]}"
cargo fuzz build "${build[@]}"
logs="$(mktemp -d)"
trap 'rm -rf "${logs}"' EXIT
# The smoke run starts from the seeds alone, as on a fresh clone; the long run keeps
# what earlier runs found in fuzz/corpus.
corpus=corpus
[[ "${mode}" == smoke ]] && corpus="${logs}/corpus"
echo "== seeds"
GRIDWARD_FUZZ_SEEDS="${corpus}" cargo fuzz run "${build[@]}" "${targets[0]}" 2>/dev/null
# An input that runs past 30 s is taken for a hang: the slowest inputs of the dev build
# take about 5 s (the execute target over the fund scenario).
run() {
    local target="$1"
    shift
    mkdir -p "${corpus}/${target}" "artifacts/${target}"
    cargo fuzz run "${build[@]}" "${target}" "${corpus}/${target}" -- \
        -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 "$@" >"${logs}/${target}.log" 2>&1
}
failed=()
report() {
    local target="$1" status="$2"
    local log="${logs}/${target}.log"
    local done execs peak
    done="$(grep -E '^#[0-9]+[[:space:]]+DONE' "${log}" | tail -1 || true)"
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "${log}" | tail -1)"
    peak="$(sed -n 's/^stat::peak_rss_mb: *//p' "${log}" | tail -1)"
    local cov ft corp
    cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"${done}")"
    ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"${done}")"
    corp="$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"${done}")"
    if [[ "${status}" -ne 0 ]]; then
        {
            echo "---- ${target} FAILED (status ${status}); the end of its log:"
            grep -v '^#' "${log}" | tail -30
        } >&2
        printf '%-14s %12s %8s %8s %8s %8s  %s\n' "${target}" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${peak:-?}" FAILED
    else
        printf '%-14s %12s %8s %8s %8s %8s  %s\n' "${target}" "${execs}" "${cov}" "${ft}" "${corp}" "${peak}" "0 crashes, 0 panics, 0 hangs"
    fi
}

header() {
    printf '%-14s %12s %8s %8s %8s %8s  %s\n' target executions edges features corpus "rss MB" outcome
}

if [[ "${mode}" == smoke ]]; then
    echo "== smoke: every target over its seeds, then mutations for up to 20 s"
    rows=()
    for target in "${targets[@]}"; do
        status=0
        run "${target}" -runs=3000 -max_total_time=20 || status=$?
        rows+=("$(report "${target}" "${status}")")
        [[ "${status}" -eq 0 ]] || failed+=("${target}")
    done
else
    echo "== long: ${seconds} s per target, two at a time"
    rows=()
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
        pids=()
        pair=("${targets[@]:i:2}")
        for target in "${pair[@]}"; do
            run "${target}" -max_total_time="${seconds}" &
            pids+=("$!")
        done
        for j in "${!pair[@]}"; do
            status=0
            wait "${pids[$j]}" || status=$?
            rows+=("$(report "${pair[$j]}" "${status}")")
            [[ "${status}" -eq 0 ]] || failed+=("${pair[$j]}")
        done
    done
fi
header
printf '%s\n' "${rows[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzzing FAILED: ${failed[*]} (inputs under fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzzing: ${#targets[@]} targets, no crash, panic or hang"
