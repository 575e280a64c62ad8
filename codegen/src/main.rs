//! `gridward-codegen`: writes the generated faces; with `--check`, only reports the files
//! that are not current and fails if there are any.

use std::process::ExitCode;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let result = if check { check_only() } else { write() };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gridward-codegen: {e}");
            ExitCode::FAILURE
        }
    }
}

fn check_only() -> Result<(), String> {
    let stale = gridward_codegen::stale()?;
    if stale.is_empty() {
        println!("generated faces are current");
        return Ok(());
    }
    let names: Vec<String> = stale.iter().map(|p| p.display().to_string()).collect();
    Err(format!(
        "not current (run `cargo run -p gridward-codegen`): {}",
        names.join(", ")
    ))
}

fn write() -> Result<(), String> {
    let root = gridward_codegen::root();
    for (path, text) in gridward_codegen::generate()? {
        let full = root.join(&path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&full, text).map_err(|e| format!("{}: {e}", full.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
