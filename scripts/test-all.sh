#!/usr/bin/env bash
# Every test on every face, installing what it needs on a fresh Debian 12 machine with
# Rust, Python 3.11 and Node 20: Rust (fmt, clippy, tests, main job), Python (maturin into
# .venv, pytest, stubtest, notebook), JavaScript (wasm-bindgen, node --test, headless
# Chromium, tsc). Stops at the first face that fails.
set -euo pipefail
cd "$(dirname "$0")/.."

passed=0
for face in rust python js; do
    echo "######## ${face} face"
    if ! bash "scripts/test-${face}.sh"; then
        echo "######## ${face} face FAILED"
        echo "faces: ${passed} passed, 1 failed"
        exit 1
    fi
    passed=$((passed + 1))
done
echo "faces: ${passed} passed, 0 failed"
