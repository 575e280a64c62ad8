#!/usr/bin/env bash
# Builds the WebAssembly face: the gridward-wasm crate for wasm32, then wasm-bindgen's
# ES module glue, then the npm package: the generated api.js and gridward.d.ts, the
# entries for browsers (index.js) and Node (node.js), and package.json.
# Output: bindings-wasm/pkg/{index,node,api}.js, gridward.d.ts, wasm/gridward{.js,_bg.wasm}.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in bindings-wasm/Cargo.toml

rustup target add wasm32-unknown-unknown >/dev/null
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen ${WASM_BINDGEN_VERSION}" ]]; then
    cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}"
fi

cargo build --release --target wasm32-unknown-unknown -p gridward-wasm
target_dir="${CARGO_TARGET_DIR:-target}"
wasm="${target_dir}/wasm32-unknown-unknown/release/gridward_wasm.wasm"

pkg=bindings-wasm/pkg
rm -rf "${pkg}"
# One WebAssembly module for every environment: the web target's glue also runs in Node,
# where node.js hands it the module's bytes.
wasm-bindgen "${wasm}" --target web --weak-refs --out-dir "${pkg}/wasm" --out-name gridward
cp bindings-wasm/js/index.js bindings-wasm/js/node.js bindings-wasm/js/api.js \
    bindings-wasm/js/gridward.d.ts "${pkg}/"

version="$(cargo metadata --no-deps --format-version 1 \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
        const p=JSON.parse(s).packages.find(p=>p.name==="gridward-wasm");
        process.stdout.write(p.version);})')"
sed "s/__VERSION__/${version}/" bindings-wasm/package.template.json > "${pkg}/package.json"
cp README.md "${pkg}/README.md" 2>/dev/null || true
echo "built ${pkg} (gridward ${version})"
