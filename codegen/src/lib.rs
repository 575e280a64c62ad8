//! Generates Gridward's faces from the core's description of its public surface
//! ([`gridward::surface::describe`]): the description itself as JSON (which the core
//! embeds and the faces read at run time), the Python module of types and capability
//! classes, and the JavaScript module with its TypeScript declarations.
//!
//! `cargo run -p gridward-codegen` writes them; `cargo run -p gridward-codegen -- --check`
//! (and the test of this crate) fails if any checked-in file differs from what the core
//! describes now.

mod bad_input;
mod ir;
mod naming;
mod python;
mod typescript;

use std::path::{Path, PathBuf};

/// The workspace's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every generated file: its path under the workspace root, and its text.
pub fn generate() -> Result<Vec<(PathBuf, String)>, String> {
    let surface = gridward::surface::describe();
    // Checks that the faces will be able to compile what they read.
    let catalog = gridward::surface::Catalog::new(&surface).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&surface).map_err(|e| e.to_string())? + "\n";
    let shapes = shapes_only(&surface)?;
    let bad = bad_input::cases(&surface, &catalog)?;
    let bad = serde_json::to_string_pretty(&bad).map_err(|e| e.to_string())? + "\n";
    let (js, dts) = typescript::render(&surface)?;
    Ok(vec![
        (PathBuf::from("core/src/surface/surface.json"), json),
        (PathBuf::from("core/src/surface/shapes.json"), shapes),
        (
            PathBuf::from("bindings-python/python/gridward/_api.py"),
            python::render(&surface)?,
        ),
        (PathBuf::from("bindings-wasm/js/api.js"), js),
        (PathBuf::from("bindings-wasm/js/gridward.d.ts"), dts),
        (PathBuf::from("tests/fixtures/parity/bad_input.json"), bad),
    ])
}

/// The description as the faces need it at run time, to check input and find operations:
/// compact, without the doc comments (which the generated faces carry already). It is what
/// the core embeds for its catalog, so that a WebAssembly module does not ship the docs
/// twice.
fn shapes_only(surface: &gridward::surface::Surface) -> Result<String, String> {
    let mut value = serde_json::to_value(surface).map_err(|e| e.to_string())?;
    strip_docs(&mut value, false);
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

/// Empties every `doc` and drops every schema `description`, except where they are the
/// names of properties (a command's `description` field stays).
fn strip_docs(value: &mut serde_json::Value, names: bool) {
    match value {
        serde_json::Value::Object(map) => {
            if !names {
                map.remove("description");
                if let Some(doc) = map.get_mut("doc") {
                    if doc.is_string() {
                        *doc = serde_json::Value::String(String::new());
                    }
                }
            }
            for (key, inner) in map.iter_mut() {
                let holds_names = !names && matches!(key.as_str(), "properties" | "$defs");
                strip_docs(inner, holds_names);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| strip_docs(v, false)),
        _ => {}
    }
}

/// The generated files whose checked-in text differs from what would be generated now.
pub fn stale() -> Result<Vec<PathBuf>, String> {
    let root = root();
    Ok(generate()?
        .into_iter()
        .filter(|(path, text)| {
            std::fs::read_to_string(root.join(path)).ok().as_deref() != Some(text)
        })
        .map(|(path, _)| path)
        .collect())
}
