// The package's entry in Node: the WebAssembly module is read and instantiated on import,
// and `init()` resolves at once, so code written for the browser runs unchanged.
import { readFileSync } from "node:fs";
import { initSync } from "./wasm/gridward.js";

initSync({ module: readFileSync(new URL("./wasm/gridward_bg.wasm", import.meta.url)) });

export * from "./api.js";

/** Resolves at once: in Node the module is ready on import. */
export default function init() {
  return Promise.resolve();
}
