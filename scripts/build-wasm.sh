#!/usr/bin/env bash
# Builds the WebAssembly face: the gridward-wasm crate for wasm32 (the `wasm` profile:
# built for size), then wasm-bindgen's ES module glue without the name section, then
# wasm-opt (npm's binaryen, installed with the dev tools in bindings-wasm/node_modules
# when missing), then the npm package: the generated api.js and gridward.d.ts, the
# entries for browsers (index.js) and Node (node.js) with their types, the package's
# README, the licence texts and package.json.
# Output: bindings-wasm/pkg/{index,node,api}.js, {index,node,gridward}.d.ts,
# wasm/gridward{.js,_bg.wasm}, README.md, LICENSE-MIT, LICENSE-APACHE, package.json.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in bindings-wasm/Cargo.toml

rustup target add wasm32-unknown-unknown >/dev/null
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen ${WASM_BINDGEN_VERSION}" ]]; then
    cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

cargo build --profile wasm --target wasm32-unknown-unknown -p gridward-wasm
target_dir="${CARGO_TARGET_DIR:-target}"
wasm="${target_dir}/wasm32-unknown-unknown/wasm/gridward_wasm.wasm"

pkg=bindings-wasm/pkg
rm -rf "${pkg}"
# One WebAssembly module for every environment: the web target's glue also runs in Node,
# where node.js hands it the module's bytes.
wasm-bindgen "${wasm}" --target web --weak-refs --remove-name-section \
    --remove-producers-section --out-dir "${pkg}/wasm" --out-name gridward
# Only the glue and the module ship; wasm-bindgen's own declarations of them do not.
rm -f "${pkg}/wasm/gridward.d.ts" "${pkg}/wasm/gridward_bg.wasm.d.ts"
cp bindings-wasm/js/index.js bindings-wasm/js/node.js bindings-wasm/js/api.js \
    bindings-wasm/js/index.d.ts bindings-wasm/js/node.d.ts bindings-wasm/js/gridward.d.ts \
    bindings-wasm/README.md LICENSE-MIT LICENSE-APACHE "${pkg}/"

# The dev tools (binaryen's wasm-opt among them), unless they are installed already and
# match package.json. The package must exist first: the tools install it as `gridward`.
(
    cd bindings-wasm
    if ! npm ls --depth=0 >/dev/null 2>&1; then
        if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
    fi
)
# wasm-opt after wasm-bindgen (scripts/wasm-opt-passes.sh says why these passes).
source scripts/wasm-opt-passes.sh
bindings-wasm/node_modules/.bin/wasm-opt "${WASM_OPT_PASSES[@]}" \
    --strip-debug --strip-producers --strip-target-features \
    "${pkg}/wasm/gridward_bg.wasm" -o "${pkg}/wasm/gridward_bg.wasm"

version="$(cargo metadata --no-deps --format-version 1 \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
        const p=JSON.parse(s).packages.find(p=>p.name==="gridward-wasm");
        process.stdout.write(p.version);})')"
sed "s/__VERSION__/${version}/" bindings-wasm/package.template.json > "${pkg}/package.json"
echo "built ${pkg} (gridward ${version})"
