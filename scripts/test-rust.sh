#!/usr/bin/env bash
# The Rust face's checks: formatting, clippy with warnings as errors, every unit,
# integration, property and doc test of the workspace, and the main job as a smoke test.
# The ledger interchange tests run hledger and Beancount: install-tools.sh installs them
# when missing and sets GRIDWARD_TOOLS=1, so that a missing tool fails instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== generated faces are current (the description, the Python and JS modules, the bad-input cases)"
cargo run -q -p gridward-codegen -- --check

echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== accountants' tools (hledger, Beancount)"
source scripts/install-tools.sh

echo "== cargo test"
cargo test --workspace --release

echo "== main job (smoke)"
cargo run --release --quiet --example jifu_community > /dev/null
echo "== rust face: all checks passed"
