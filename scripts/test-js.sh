#!/usr/bin/env bash
# Tests the JavaScript/WebAssembly face: builds the package (which installs the dev tools,
# binaryen, playwright-core and typescript, when missing), makes sure a Chromium is there,
# runs the Node tests (API, errors, journal, parity, .d.ts, the packed tarball installed
# into an empty folder, and the example page in headless Chromium) and the TypeScript
# check of both entries' types (Node's, and browsers' and bundlers'); last, prints the
# package's sizes, failing if the WebAssembly module is above its limit.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build-wasm.sh

if [[ ! -x /usr/bin/chromium ]]; then
    sudo=""
    if [[ "$(id -u)" != 0 ]]; then sudo="sudo"; fi
    ${sudo} apt-get update
    DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y chromium
fi

# An explicit list of files works on every Node version's --test.
node --test bindings-wasm/tests/*.test.mjs

bindings-wasm/node_modules/.bin/tsc -p bindings-wasm/tsconfig.json
bindings-wasm/node_modules/.bin/tsc -p bindings-wasm/tsconfig.browser.json
scripts/sizes.sh npm
# Where the module's bytes go (the same build with its function names kept).
scripts/sizes.sh parts
echo "JS face: all tests and the TypeScript checks passed"
