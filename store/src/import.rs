//! Reading any journal file (an export, not necessarily a store's) into a ward, line by
//! line, without holding the file's text in memory.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use gridward::{Ward, WardConfig};

use crate::layout::io;
use crate::read::{follow_line, read_into, Position, Progress};
use crate::StoreError;

/// Reads the journal in the JSON-lines file at `path` into a ward with `config`,
/// checking every line's hash and link and every event, as [`Ward::from_jsonl`] does,
/// but one line at a time: the file's text is never held whole. The ward keeps its
/// journal's entries. A last line without its newline is read as any other. An error
/// names the line. `progress` hears how far the reading has come.
pub fn read_journal(
    path: impl AsRef<Path>,
    config: WardConfig,
    progress: &mut dyn FnMut(&Progress),
) -> Result<Ward, StoreError> {
    let path = path.as_ref();
    let file = File::open(path).map_err(io("open", path))?;
    let start = Position {
        lines: 0,
        offset: 0,
    };
    let read = read_into(Ward::new(config), &file, path, start, true, progress)?;
    let Some(torn) = read.torn else {
        return Ok(read.ward);
    };
    // An exported file need not end in a newline: its last line is read as it stands.
    let mut last = Vec::new();
    let mut handle = &file;
    handle
        .seek(SeekFrom::Start(torn.offset))
        .and_then(|_| handle.read_to_end(&mut last))
        .map_err(io("read", path))?;
    follow_line(read.ward, path, torn.line, &last)
}
