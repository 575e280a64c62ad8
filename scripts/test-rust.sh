#!/usr/bin/env bash
# The Rust face's checks: formatting, clippy with warnings as errors, every unit,
# integration, property and doc test of the workspace, a smoke run of every fuzz target,
# the main job as a smoke test, the journal unchanged with rust_decimal's serde-float on,
# the core built with its declared rust-version, and the core packaged for crates.io (a
# dry run).
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

echo "== fuzz targets (smoke: each over its seeds and a few thousand mutations)"
(cd fuzz && cargo fmt -- --check)
bash scripts/fuzz.sh smoke

echo "== main job (smoke)"
cargo run --release --quiet --example jifu_community > /dev/null

echo "== decimals stay text with rust_decimal's serde-float on (checks/decimal-float)"
(cd checks/decimal-float && CARGO_TARGET_DIR=../../target/decimal-float cargo test --locked --quiet)

# The declared rust-version, e.g. "1.85", is checked with its first release, 1.85.0.
msrv=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
[[ "$msrv" =~ ^[0-9]+\.[0-9]+$ ]] && msrv="$msrv.0"
echo "== the core builds with its declared rust-version ($msrv)"
if ! rustup toolchain list | grep -q "^$msrv-"; then
    rustup toolchain install "$msrv" --profile minimal
fi
CARGO_TARGET_DIR=target/msrv cargo "+$msrv" check --locked --quiet -p gridward --all-features

echo "== the core packages and builds as published (cargo publish --dry-run)"
# The core and its derive macros are packaged together: cargo builds the core's package
# against the macros' package, as crates.io would have them. A clean checkout (as CI
# has) needs no flag; uncommitted changes to their files are packaged as they are, and
# said so.
dirty=()
if [ -n "$(git status --porcelain -- core derive Cargo.toml Cargo.lock)" ]; then
    echo "(the core has uncommitted changes: packaging them with --allow-dirty)"
    dirty=(--allow-dirty)
fi
cargo publish --dry-run --locked --quiet -p gridward-derive -p gridward "${dirty[@]}"
echo "== rust face: all checks passed"
