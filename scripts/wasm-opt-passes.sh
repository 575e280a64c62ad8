# The wasm-opt passes and features of the npm package's module, sourced by build-wasm.sh
# (which also strips the module's names) and by `sizes.sh parts` (which keeps them).
# The features are the ones rustc enables for wasm32; wasm-opt runs after wasm-bindgen,
# which reads the target_features section that wasm-opt drops. -O1 with duplicate and
# similar functions merged gives the smallest download: -Os and -Oz make the module
# smaller raw but larger gzipped (779,447 bytes with -Oz against 662,124 when measured).
WASM_OPT_PASSES=(
    -O1 --duplicate-function-elimination --merge-similar-functions
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
    --enable-mutable-globals --enable-reference-types --enable-multivalue
)
