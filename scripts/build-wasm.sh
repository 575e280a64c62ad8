#!/usr/bin/env bash
# Builds the WebAssembly face: the gridward-wasm crate for wasm32, then wasm-bindgen for
# the web (ES module + init) and for Node (CommonJS), then the npm package.json.
# Output: bindings-wasm/pkg/{web,node}/gridward{.js,.d.ts,_bg.wasm} and pkg/package.json.
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
wasm-bindgen "${wasm}" --target web --out-dir "${pkg}/web" --out-name gridward
wasm-bindgen "${wasm}" --target nodejs --out-dir "${pkg}/node" --out-name gridward

version="$(cargo metadata --no-deps --format-version 1 \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{
        const p=JSON.parse(s).packages.find(p=>p.name==="gridward-wasm");
        process.stdout.write(p.version);})')"
# The nodejs output is CommonJS, inside a package whose root says "type": "module".
echo '{ "type": "commonjs" }' > "${pkg}/node/package.json"
sed "s/__VERSION__/${version}/" bindings-wasm/package.template.json > "${pkg}/package.json"
cp README.md "${pkg}/README.md" 2>/dev/null || true
echo "built ${pkg} (gridward ${version})"
