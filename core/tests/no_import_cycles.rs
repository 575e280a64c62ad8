//! The core's modules import one another without cycles.
//!
//! The test reads every `.rs` file under `core/src` and collects what each one imports
//! from the crate: `use` declarations and paths in code that start with `crate::`,
//! `super::`, `self::`, a declared submodule or a module imported by `use`. Comments,
//! string literals and `#[cfg(test)]` items are left out (tests may import anything). A
//! path is followed through `pub use` re-exports to the module that defines the name, so
//! `use super::GridError` in `grid/decide.rs` is an import of `grid/error.rs`, not of
//! `grid/mod.rs`. A re-export is itself an import only where the file's own code uses the
//! name.
//!
//! A folder's `mod.rs` is its front: it declares and re-exports the folder's files, and
//! in most capabilities it holds the state type whose methods hand the work to them
//! (`Tasks::apply` calls `apply.rs`, which takes the `&mut Tasks`). So what a `mod.rs`
//! imports from inside its own folder is not counted; everything else is — a file using
//! its folder's `mod.rs`, files using each other, and anything across folders.
//!
//! Three checks run on the resulting graph of modules (one module per file):
//!
//! 1. no cycle between files, anywhere in the crate;
//! 2. in every folder, no cycle between its members — its `mod.rs` and each of its files
//!    and subfolders, a subfolder counting as one (so at the top: `access`, `assembly`,
//!    `calendar`, `fund`, `grid` … as wholes);
//! 3. `error/kind.rs` imports nothing from the crate, and nothing below the ward imports
//!    `ward`: only the layers above it may (`queries`, typed questions to a ward,
//!    `surface`, the description and the faces' catalog, and `sim`, which drives wards).
//!
//! The crate's [`Error`](gridward::Error) in `error/mod.rs` wraps every capability's error
//! and every capability returns it, so as a whole `error` would sit both above and below
//! the capabilities. The check therefore splits it: `error::kind` (the leaf with
//! `ErrorKind` and the `error_codes!` macro, which every capability's error uses) is a
//! member of the top level like any module, and `error/mod.rs` is left out of the
//! top-level check (2). Check 1 still holds it to account file by file: no error of a
//! capability, nor anything such an error uses, may import it back.

mod imports;

use std::path::Path;

use imports::{check, name, read_dir, sources};

#[test]
fn the_core_has_no_import_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_dir(&src, &src, &mut files);
    let (graph, faults) = check(&files);
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    // The scan sees what it should, so that an empty graph cannot pass.
    let edge = |a: &str, b: &str| {
        graph
            .edges
            .keys()
            .any(|(x, y)| name(x) == a && name(y) == b)
    };
    for (a, b) in [
        ("grid::decide", "grid::authority"),
        ("grid::import", "grid::authority"),
        ("grid::decide", "grid::error"),
        ("assembly::decide", "fund::effect"),
        ("error", "grid::error"),
        ("grid::error", "error::kind"),
        ("ward::table", "tasks"),
        ("ward::table", "capability"),
    ] {
        assert!(edge(a, b), "the scan misses {a} → {b}");
    }
    assert!(
        graph.files.len() > 80,
        "only {} files read",
        graph.files.len()
    );
}

#[test]
fn a_cycle_between_top_level_modules_is_found() {
    let files = sources(&[
        (
            "lib.rs",
            "pub mod fund; pub mod assembly; pub use fund::Funds;",
        ),
        (
            "fund/mod.rs",
            "mod effect; pub struct Funds; pub(crate) use effect::decided;",
        ),
        (
            "fund/effect.rs",
            "use crate::assembly::Subject; pub(crate) fn decided() {}",
        ),
        (
            "assembly/mod.rs",
            "mod decide; mod subject; pub use subject::Subject;",
        ),
        ("assembly/subject.rs", "pub enum Subject {}"),
        ("assembly/decide.rs", "fn f() { crate::fund::decided(); }"),
    ]);
    let (_, faults) = check(&files);
    assert!(
        faults.iter().any(
            |f| f.starts_with("import cycle in crate: assembly → fund → assembly")
                || f.starts_with("import cycle in crate: fund → assembly → fund")
        ),
        "{faults:?}"
    );
}

#[test]
fn a_cycle_between_files_of_a_folder_is_found() {
    let files = sources(&[
        ("lib.rs", "mod grid;"),
        (
            "grid/mod.rs",
            "mod decide;\nmod import;\npub(crate) use decide::{decide, Authority};",
        ),
        (
            "grid/decide.rs",
            "use super::import::import;\npub struct Authority;",
        ),
        (
            "grid/import.rs",
            "use super::Authority;\npub fn import() {}",
        ),
    ]);
    let (_, faults) = check(&files);
    assert!(
        faults
            .iter()
            .any(|f| f.contains("grid::decide → grid::import → grid::decide")),
        "{faults:?}"
    );
    assert!(
        faults
            .iter()
            .any(|f| f.contains("grid/import.rs uses super::Authority")),
        "{faults:?}"
    );
}

#[test]
fn the_leaf_and_the_top_are_kept() {
    let files = sources(&[
        ("lib.rs", "mod error; mod grid; mod ward;"),
        (
            "error/mod.rs",
            "pub(crate) mod kind; pub use kind::ErrorKind; use crate::grid::GridError;",
        ),
        (
            "error/kind.rs",
            "pub enum ErrorKind {} fn f() -> crate::grid::Grid { todo!() }",
        ),
        (
            "grid/mod.rs",
            "pub struct Grid; pub struct GridError; use crate::ward::Ward;",
        ),
        ("ward/mod.rs", "pub struct Ward; use crate::grid::Grid;"),
    ]);
    let (_, faults) = check(&files);
    let all = faults.join("\n");
    assert!(all.contains("error::kind must import nothing"), "{all}");
    assert!(
        all.contains(
            "only ward and what sits above it may import ward: grid/mod.rs uses crate::ward::Ward"
        ),
        "{all}"
    );
    // The root error imports the grid and the grid imports nothing of it: no fault.
    assert!(!all.contains("import cycle in crate: error"), "{all}");
}

#[test]
fn comments_strings_and_tests_are_not_imports() {
    let files = sources(&[
        ("lib.rs", "mod a; mod b;"),
        (
            "a.rs",
            "//! See [`X`](crate::b::X).\n/* crate::b::X */\npub struct Y;\n\
             const S: &str = \"crate::b::X\";\nconst R: &str = r#\"crate::b::X\"#;\n\
             fn f<'a>(c: char) -> bool { c == '\"' }\n\
             #[cfg(test)]\nmod tests { use crate::b::X; }\n#[cfg(test)]\nmod more;",
        ),
        ("a/more.rs", "use crate::b::X;"),
        (
            "b.rs",
            "pub struct X; use crate::a::Y;\nmod inner { use super::*; }",
        ),
    ]);
    let (graph, faults) = check(&files);
    assert!(faults.is_empty(), "{faults:?}");
    assert_eq!(graph.edges.len(), 1, "{:?}", graph.edges);
}

#[test]
fn a_folder_front_may_use_its_files() {
    // `Tasks::apply` in mod.rs calls apply.rs, which takes the `Tasks`: not a cycle. Two
    // files of the folder using each other through the front are one.
    let files = sources(&[
        ("lib.rs", "mod tasks;"),
        (
            "tasks/mod.rs",
            "mod apply; mod check; mod model; pub use model::Request;\n\
             pub struct Tasks; impl Tasks { fn apply(&mut self) { apply::apply(self) } }",
        ),
        (
            "tasks/apply.rs",
            "use super::Tasks; pub(super) fn apply(t: &mut Tasks) {}",
        ),
        ("tasks/model.rs", "pub struct Request;"),
        ("tasks/check.rs", "use super::Request;"),
    ]);
    let (graph, faults) = check(&files);
    assert!(faults.is_empty(), "{faults:?}");
    let edges: Vec<String> = graph
        .edges
        .keys()
        .map(|(a, b)| format!("{} → {}", name(a), name(b)))
        .collect();
    assert_eq!(
        edges,
        ["tasks::apply → tasks", "tasks::check → tasks::model"]
    );

    let mut files = files;
    files.push((
        "tasks/model.rs".into(),
        "use super::check; pub struct Request;".into(),
    ));
    files.remove(3);
    let (_, faults) = check(&files);
    assert!(
        faults
            .iter()
            .any(|f| f.contains("tasks::check → tasks::model → tasks::check")),
        "{faults:?}"
    );
}
