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

/** A ward kept in the page's IndexedDB (see `open_in_indexeddb`). */
export interface KeptWard {
  /** The ward: its entries are written to the database as its commands take effect. */
  readonly ward: import("./gridward.js").Ward;
  /** Resolves once every entry so far is committed; rejects with the first write that failed. */
  written(): Promise<void>;
  /** Stops writing and closes the database. */
  close(): void;
}

/**
 * Opens the ward kept in this origin's IndexedDB database `name`, or starts one there
 * with `config` (used only when the database holds no ward). Reloading the page and
 * opening the same name brings back the same ward, with the same head.
 */
export function open_in_indexeddb(
  name: string,
  config?: import("./gridward.js").WardConfigIn | null,
): Promise<KeptWard>;
