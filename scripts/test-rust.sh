#!/usr/bin/env bash
# The Rust face's checks: formatting, clippy with warnings as errors, every unit,
# integration, property and doc test of the workspace, and the main job as a smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo test"
cargo test --workspace --release

echo "== main job (smoke)"
cargo run --release --quiet --example jifu_community > /dev/null
echo "== rust face: all checks passed"
