//! Decides a Pabulib election under the rule its file declares and prints the projects
//! chosen, one id per line, in the candidates' order (sorted, as a set).
//!
//!     cargo run --release --example pabulib_select -- tests/fixtures/pabulib/Netherlands_Assen_2024.pb
//!
//! With `--explain`, prints instead the selection as JSON (scores, reasons, the per-voter
//! budget `add1` ended at, exact payments, the comparison with greedy). This is the
//! binary `scripts/bench-pabutools.sh` times against pabutools.

use std::error::Error;
use std::process::ExitCode;

use gridward::projects::pabulib::read;
use gridward::projects::select;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pabulib_select: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let mut explain = false;
    let mut path = None;
    for arg in args.by_ref() {
        if arg == "--explain" {
            explain = true;
        } else {
            path = Some(arg);
        }
    }
    let path = path.ok_or("usage: pabulib_select [--explain] FILE.pb")?;
    let text = std::fs::read_to_string(&path)?;
    let file = read(&text)?;
    let rule = file
        .rule
        .clone()
        .ok_or("the file's META rule is not one Gridward implements")?;
    let selection = select(&file.election, &rule)?;
    if explain {
        println!("{}", serde_json::to_string_pretty(&selection)?);
        return Ok(());
    }
    let chosen: std::collections::HashSet<&str> =
        selection.selected.iter().map(String::as_str).collect();
    let mut out = String::new();
    for c in &file.election.candidates {
        if chosen.contains(c.id.as_str()) {
            out.push_str(&c.id);
            out.push('\n');
        }
    }
    print!("{out}");
    Ok(())
}
