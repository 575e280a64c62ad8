//! WebAssembly bindings of Gridward.
