// Types of the package's entry for browsers and bundlers (index.js): everything the
// generated gridward.d.ts declares, and an `init` that loads the WebAssembly module.
export * from "./gridward.js";

/**
 * Fetches and instantiates the WebAssembly module, once; await it before anything else.
 * By default the module is `wasm/gridward_bg.wasm` beside this file; `input` may name
 * another place (a URL as a string or `URL`, a `Request`) or give the module itself (a
 * `Response`, its bytes, or a compiled `WebAssembly.Module`).
 */
export default function init(input?: unknown): Promise<void>;
