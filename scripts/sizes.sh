#!/usr/bin/env bash
# Sizes of what the faces ship, from their built artefacts.
#   scripts/sizes.sh npm          the npm package (bindings-wasm/pkg, by build-wasm.sh): its
#                                 WebAssembly module raw and gzipped (gzip -9), and the
#                                 tarball `npm pack` makes, packed and unpacked; says whether
#                                 the module meets the target, and fails when it grows past
#                                 the ceiling.
#   scripts/sizes.sh wheel FILE   a wheel's size.
#   scripts/sizes.sh parts        builds the module as build-wasm.sh does but with its
#                                 function names kept, and prints where its bytes go
#                                 (scripts/wasm_parts.py): decoding, encoding, the domain,
#                                 the libraries (with the ordered maps' share) and the
#                                 data, and the module's size without its decoding, its
#                                 encoding and its ordered maps.
#   scripts/sizes.sh before       builds the module as it was built before the size work
#                                 (release profile, wasm-bindgen only, no wasm-opt) and
#                                 prints its sizes; it takes a full release build.
# The target is 500 KiB gzipped (500 × 1024 = 512,000 bytes), and it is not met yet: most
# of what is left is the code serde derives to decode and encode every described type
# (its visitors, now built once: every type is decoded from JSON values by one decoder
# and encoded by one encoder). `parts` shows that a decoder of no size at all would still
# leave the module above the target: the encoding would have to go too, and the ordered
# maps' code nearly all, leaving about 10 KB for whatever replaced the three.
# Until then the ceiling keeps the module from growing unnoticed: 800 KiB, about 4%
# above the size measured once each type's decoding and encoding were built once:
# 785,224 bytes, against 904,916 before, 970,443 before the internally tagged enums were
# read tag first, 922,864 with the party capability, 821,076 with the projects
# capability and 662,134 before it.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_GZIP_TARGET=$((500 * 1024))
WASM_GZIP_CEILING=$((800 * 1024))

bytes() { stat -c %s "$1"; }
gzipped() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
# 1234567 → "1,234,567"
commas() { printf "%s" "$1" | rev | sed 's/[0-9]\{3\}/&,/g; s/,$//' | rev; }

case "${1:-}" in
npm)
    wasm=bindings-wasm/pkg/wasm/gridward_bg.wasm
    [[ -f "${wasm}" ]] || { echo "no ${wasm}: run scripts/build-wasm.sh first" >&2; exit 1; }
    raw="$(bytes "${wasm}")"
    gz="$(gzipped "${wasm}")"
    echo "wasm before: 4,909,776 bytes raw, 1,228,486 gzip -9 (release profile, wasm-bindgen only,"
    echo "             no wasm-opt: measured before the size work; \`scripts/sizes.sh before\` re-measures)"
    echo "wasm after:  $(commas "${raw}") bytes raw, $(commas "${gz}") gzip -9"
    if (( gz <= WASM_GZIP_TARGET )); then
        echo "wasm target: at most $(commas "${WASM_GZIP_TARGET}") gzipped (500 KiB): met"
    else
        echo "wasm target: at most $(commas "${WASM_GZIP_TARGET}") gzipped (500 KiB): NOT MET," \
            "$(commas "$((gz - WASM_GZIP_TARGET))") bytes over"
    fi
    pack="$(cd bindings-wasm/pkg && npm pack --dry-run --json 2>/dev/null)"
    node -e '
        const [p] = JSON.parse(process.argv[1]);
        const c = (n) => n.toLocaleString("en-US");
        console.log(`npm tarball: ${p.filename}, ${c(p.size)} bytes packed, ${c(p.unpackedSize)} unpacked, ${p.entryCount} files`);
    ' "${pack}"
    if (( gz > WASM_GZIP_CEILING )); then
        echo "FAIL: the WebAssembly module is $(commas "${gz}") bytes gzipped, above the ceiling of" \
            "$(commas "${WASM_GZIP_CEILING}") (800 KiB)" >&2
        exit 1
    fi
    ;;
wheel)
    wheel="${2:?usage: scripts/sizes.sh wheel FILE}"
    echo "wheel: $(basename "${wheel}"), $(commas "$(bytes "${wheel}")") bytes"
    ;;
parts)
    [[ -x bindings-wasm/node_modules/.bin/wasm-opt ]] ||
        { echo "no wasm-opt: run scripts/build-wasm.sh first, which installs it" >&2; exit 1; }
    cargo build --profile wasm --target wasm32-unknown-unknown -p gridward-wasm
    out="$(mktemp -d)"
    trap 'rm -rf "${out}"' EXIT
    wasm-bindgen "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm/gridward_wasm.wasm" \
        --target web --weak-refs --out-dir "${out}" --out-name gridward
    source scripts/wasm-opt-passes.sh
    bindings-wasm/node_modules/.bin/wasm-opt "${WASM_OPT_PASSES[@]}" --debuginfo \
        "${out}/gridward_bg.wasm" -o "${out}/named.wasm"
    python3 scripts/wasm_parts.py "${out}/named.wasm"
    ;;
before)
    cargo build --release --target wasm32-unknown-unknown -p gridward-wasm
    out="$(mktemp -d)"
    trap 'rm -rf "${out}"' EXIT
    wasm-bindgen "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/gridward_wasm.wasm" \
        --target web --weak-refs --out-dir "${out}" --out-name gridward
    echo "wasm before: $(commas "$(bytes "${out}/gridward_bg.wasm")") bytes raw," \
        "$(commas "$(gzipped "${out}/gridward_bg.wasm")") gzip -9"
    ;;
*)
    echo "usage: scripts/sizes.sh npm | wheel FILE | parts | before" >&2
    exit 2
    ;;
esac
