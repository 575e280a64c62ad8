#!/usr/bin/env bash
# Installs the accountants' tools the ledger interchange tests run against, when they are
# missing: hledger from Debian's packages (Debian 12 ships 1.25), and Beancount 3
# (`bean-check`) into the repo's .venv, which the Python face shares. Idempotent and
# quiet; meant to be sourced by test-rust.sh, after which `.venv/bin` is on PATH and
# GRIDWARD_TOOLS=1 tells the tests that a missing tool is a failure, not a skip.
# With `--compare` (`bash scripts/install-tools.sh --compare`) it also installs what the
# cold-load comparison `examples/ledger_cold.rs` runs and the tests do not: the C++
# `ledger` (Debian's package) and `bean-query` (PyPI's beanquery, into .venv).
set -euo pipefail

gridward_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gridward_compare=0
if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == "--compare" ]]; then gridward_compare=1; fi

gridward_debs=(hledger)
if (( gridward_compare )); then gridward_debs+=(ledger); fi
gridward_missing=()
for tool in "${gridward_debs[@]}"; do
    if ! command -v "${tool}" >/dev/null 2>&1; then gridward_missing+=("${tool}"); fi
done
if (( ${#gridward_missing[@]} > 0 )); then
    echo "== apt-get install ${gridward_missing[*]}"
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    # The package lists may be missing or stale on a fresh machine.
    ${sudo} apt-get update -qq
    DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -qq "${gridward_missing[@]}" >/dev/null
fi

if [[ ! -x "${gridward_root}/.venv/bin/python" ]]; then
    echo "== creating .venv"
    python3 -m venv "${gridward_root}/.venv"
fi
if [[ ! -x "${gridward_root}/.venv/bin/bean-check" ]]; then
    echo "== pip install beancount (3.x) into .venv"
    "${gridward_root}/.venv/bin/python" -m pip install -q --disable-pip-version-check "beancount>=3,<4"
fi
if (( gridward_compare )) && [[ ! -x "${gridward_root}/.venv/bin/bean-query" ]]; then
    echo "== pip install beanquery into .venv"
    "${gridward_root}/.venv/bin/python" -m pip install -q --disable-pip-version-check beanquery
fi

export PATH="${gridward_root}/.venv/bin:${PATH}"
export GRIDWARD_TOOLS=1
