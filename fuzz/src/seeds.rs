//! Each fuzz target's seed corpus, written from the repository's fixtures into a folder
//! (one sub-folder per target): the parity scenarios' journals, bodies and
//! configurations, an Open311 feed the requests scenario exports, the rating fixture,
//! the calendar presets with limits, the grid's import rows, the Pabulib elections, the
//! scenarios' snapshots, and for `execute` one input per scenario that keeps every step.
//!
//! Any target writes them when started with `GRIDWARD_FUZZ_SEEDS` set to the folder,
//! then exits: `GRIDWARD_FUZZ_SEEDS=fuzz/corpus cargo fuzz run execute` (so the seeds
//! need no build of their own).

use std::fs;
use std::path::{Path, PathBuf};

use crate::{scenarios, wards_after};
use gridward::calendar::{Calendar, CalendarConfig, PRESETS};
use gridward::journal::Journal;
use serde_json::json;

/// The environment variable that names the folder to write the seeds into.
pub const SEEDS_VAR: &str = "GRIDWARD_FUZZ_SEEDS";

const RATING: &str = include_str!("../../tests/fixtures/rating/four_types_tree.json");

/// When `GRIDWARD_FUZZ_SEEDS` names a folder, writes the seeds there and ends the
/// process (with status 1 if they could not be written); otherwise does nothing. Every
/// target calls it before fuzzing.
pub fn on_request() {
    let Some(root) = std::env::var_os(SEEDS_VAR) else {
        return;
    };
    match write(&PathBuf::from(root)) {
        Ok(()) => std::process::exit(0),
        Err(e) => {
            eprintln!("seeds: {e}");
            std::process::exit(1);
        }
    }
}

/// Writes every target's seeds under `root`.
pub fn write(root: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut written = 0usize;
    let mut put = |target: &str, name: &str, bytes: &[u8]| -> std::io::Result<()> {
        let dir = root.join(target);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(name), bytes)?;
        written += 1;
        Ok(())
    };

    for (i, (scenario, ward)) in scenarios().iter().zip(wards_after()).enumerate() {
        let jsonl = ward.to_jsonl();
        put("journal_lines", scenario.name, jsonl.as_bytes())?;
        let journal = Journal::from_jsonl(&jsonl)?;
        let mut bodies = vec![i as u8];
        for entry in journal.entries() {
            bodies.extend_from_slice(entry.body().as_bytes());
            bodies.push(b'\n');
        }
        put("replay", scenario.name, &bodies)?;
        put(
            "config",
            scenario.name,
            scenario.config_json.to_string().as_bytes(),
        )?;
        // One byte picks the scenario, then one zero byte per step keeps it.
        let mut keep = vec![i as u8];
        keep.resize(1 + 2 * scenario.steps.len(), 0);
        put("execute", scenario.name, &keep)?;
        // The snapshot's body alone (its header is the scenario's own), and the whole
        // snapshot behind a byte with the high bit set.
        let snapshot = ward.snapshot()?;
        let (_, body) = gridward::snapshot::SnapshotHeader::read(&snapshot)?;
        let mut bare = vec![i as u8];
        bare.extend_from_slice(body);
        put("snapshot", &format!("{}-body", scenario.name), &bare)?;
        let mut whole = vec![i as u8 | 0x80];
        whole.extend_from_slice(&snapshot);
        put("snapshot", &format!("{}-whole", scenario.name), &whole)?;
        for (n, step) in scenario.steps.iter().enumerate() {
            if let Some(rows) = step.command.pointer("/grid/rows") {
                put(
                    "import_rows",
                    &format!("{}-{n}", scenario.name),
                    rows.to_string().as_bytes(),
                )?;
            }
        }
        if scenario.name == "tasks" {
            put(
                "open311",
                "requests",
                ward.open311_requests_json(None, None).as_bytes(),
            )?;
            put(
                "open311",
                "services",
                ward.open311_services_json().as_bytes(),
            )?;
        }
    }

    put("rating_tree", "four_types", RATING.as_bytes())?;

    let limits = ["5wh", "3wd", "24h", "7d", "0wd", "15wd"];
    let starts = ["2026-01-30T17:30:00+08:00", "2025-09-30T09:00:00+08:00"];
    let default = CalendarConfig::from(Calendar::default());
    for (n, start) in starts.iter().enumerate() {
        let input = json!({"calendar": default, "start": start, "limits": limits});
        put(
            "calendar",
            &format!("default-{n}"),
            input.to_string().as_bytes(),
        )?;
    }
    for preset in PRESETS {
        let mut config = default.clone();
        config.presets = vec![preset.name.to_owned()];
        config.strict = true;
        let input = json!({"calendar": config, "start": starts[0], "limits": limits});
        put("calendar", preset.name, input.to_string().as_bytes())?;
    }

    let pabulib = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pabulib");
    for entry in fs::read_dir(&pabulib)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "pb") {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("pb")
                .to_owned();
            put("pabulib", &name, &fs::read(&path)?)?;
        }
    }
    println!("{written} seeds written under {}", root.display());
    Ok(())
}
