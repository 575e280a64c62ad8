// Types of the package's entry for Node (node.js): everything the generated
// gridward.d.ts declares; the WebAssembly module is ready on import.
export * from "./gridward.js";

/**
 * Resolves at once: in Node the module is instantiated when the package is imported, so
 * `init` is not needed there. It takes the browser entry's argument and ignores it, so
 * code written for browsers runs unchanged.
 */
export default function init(input?: unknown): Promise<void>;
