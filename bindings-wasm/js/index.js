// The package's entry in browsers and bundlers: `await init()` fetches and instantiates
// the WebAssembly module (beside this file, or from `input`), once.
import initModule from "./wasm/gridward.js";

export * from "./api.js";

let ready;

/** Loads the WebAssembly module; resolves once it is ready. */
export default function init(input) {
  ready ??= initModule(input === undefined ? undefined : { module_or_path: input }).then(() => undefined);
  return ready;
}
