#!/usr/bin/env bash
# Installs the accountants' tools the ledger interchange tests run against, when they are
# missing: hledger from Debian's packages (Debian 12 ships 1.25), and Beancount 3
# (`bean-check`) into the repo's .venv, which the Python face shares. Idempotent and
# quiet; meant to be sourced by test-rust.sh, after which `.venv/bin` is on PATH and
# GRIDWARD_TOOLS=1 tells the tests that a missing tool is a failure, not a skip.
set -euo pipefail

gridward_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v hledger >/dev/null 2>&1; then
    echo "== apt-get install hledger"
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    # The package lists may be missing or stale on a fresh machine.
    ${sudo} apt-get update -qq
    DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -qq hledger >/dev/null
fi

if [[ ! -x "${gridward_root}/.venv/bin/python" ]]; then
    echo "== creating .venv"
    python3 -m venv "${gridward_root}/.venv"
fi
if [[ ! -x "${gridward_root}/.venv/bin/bean-check" ]]; then
    echo "== pip install beancount (3.x) into .venv"
    "${gridward_root}/.venv/bin/python" -m pip install -q --disable-pip-version-check "beancount>=3,<4"
fi

export PATH="${gridward_root}/.venv/bin:${PATH}"
export GRIDWARD_TOOLS=1
