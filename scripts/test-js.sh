#!/usr/bin/env bash
# Tests the JavaScript/WebAssembly face: builds the package, installs the dev tools
# (playwright-core, typescript), makes sure a Chromium is there, then runs the Node tests
# (API, errors, journal, parity, .d.ts, and the example page in headless Chromium) and
# the TypeScript check.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-wasm.sh

(
    cd bindings-wasm
    if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
)

if [[ ! -x /usr/bin/chromium ]]; then
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    ${sudo} apt-get update
    DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y chromium
fi

# An explicit list of files works on every Node version's --test.
node --test bindings-wasm/tests/*.test.mjs

bindings-wasm/node_modules/.bin/tsc -p bindings-wasm/tsconfig.json
echo "JS face: all tests and the TypeScript check passed"
