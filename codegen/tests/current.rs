//! The checked-in generated faces are what the core describes now.

#[test]
fn generated_files_are_current() {
    let stale = gridward_codegen::stale().expect("the description renders");
    assert!(
        stale.is_empty(),
        "regenerate with `cargo run -p gridward-codegen`: {stale:?}"
    );
}
