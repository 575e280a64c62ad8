//! Reading a journal file line by line into a ward: whole lines are checked and
//! applied; a last line without its newline is a torn write, reported for the caller to
//! cut off (a writer) or to read again later (a follower).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use gridward::journal::{Entry, JournalError};
use gridward::limits::MAX_ENTRY_BYTES;
use gridward::Journal;
use gridward::{Error, Ward};

use crate::layout::io;
use crate::StoreError;

/// A last line without its newline: a write cut short by a crash. No command whose
/// entry it was had been acknowledged, as the store acknowledges a command only after
/// its whole line is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TornTail {
    /// The line's number (1-based).
    pub line: u64,
    /// Where it starts in the file, in bytes: the length of the whole entries before it.
    pub offset: u64,
    /// Its length in bytes.
    pub bytes: u64,
}

/// How far a reading of a journal file has come, reported as it goes (about every MiB)
/// and once at the end: for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Whole lines read, checked and replayed.
    pub lines: u64,
    /// Bytes read.
    pub bytes: u64,
    /// The file's length when the reading began.
    pub total: u64,
}

/// Bytes read between two reports of progress.
const REPORT_EVERY: u64 = 1 << 20;

/// Where a reading of the file stopped.
pub(crate) struct Position {
    /// The entries read (the number of whole lines).
    pub lines: u64,
    /// The bytes of the whole lines read.
    pub offset: u64,
}

/// The outcome of reading the file from a position to its end.
pub(crate) struct ReadOut {
    pub ward: Ward,
    pub at: Position,
    pub torn: Option<TornTail>,
}

/// Reads the lines of `file` from `from` to its end into `ward`, each checked to
/// follow the one before and every event checked against the state; entries are not
/// kept in memory unless `keep` is set. On a damaged line the ward is gone, and the
/// error names the line. `progress` hears how far the reading has come.
pub(crate) fn read_into(
    ward: Ward,
    file: &File,
    path: &Path,
    from: Position,
    keep: bool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<ReadOut, StoreError> {
    let mut slot = Some(ward);
    let (at, torn) = read_lines(file, path, from, u64::MAX, progress, &mut |line, bytes| {
        let Some(ward) = slot.take() else {
            return Err(StoreError::MustReopen {
                reason: "an earlier line of the reading failed".to_owned(),
            });
        };
        let mut ward = follow_line(ward, path, line, bytes)?;
        if !keep {
            ward.release_journal();
        }
        slot = Some(ward);
        Ok(())
    })?;
    match slot {
        Some(ward) => Ok(ReadOut { ward, at, torn }),
        None => Err(StoreError::MustReopen {
            reason: "the reading lost its ward".to_owned(),
        }),
    }
}

/// Verifies the chain of the file's first `upto` lines (or as many whole lines as it
/// has) without replaying them: each line's own hash and its link to the one before.
/// The journal returned holds the entries when `keep` is set, and otherwise only their
/// number and head.
pub(crate) fn verify_prefix(
    file: &File,
    path: &Path,
    upto: u64,
    keep: bool,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(Journal, Position), StoreError> {
    let mut chain = Journal::new();
    let start = Position {
        lines: 0,
        offset: 0,
    };
    let (at, _) = read_lines(file, path, start, upto, progress, &mut |line, bytes| {
        chain
            .push(entry_of_line(path, line, bytes)?)
            .map_err(|e| match e {
                JournalError::Broken(b) => damaged(path, line, b.reason),
                other => damaged(path, line, other.to_string()),
            })?;
        if !keep {
            chain.release();
        }
        Ok(())
    })?;
    Ok((chain, at))
}

/// What is done with each whole line read: its number and its bytes.
type EachLine<'a> = dyn FnMut(u64, &[u8]) -> Result<(), StoreError> + 'a;

/// Reads the whole lines of `file` from `from`, at most up to line `upto`, handing each
/// (its number and its bytes, newline included) to `each`; stops at the end, at a torn
/// last line (reported), or at the first error.
fn read_lines(
    file: &File,
    path: &Path,
    from: Position,
    upto: u64,
    progress: &mut dyn FnMut(&Progress),
    each: &mut EachLine<'_>,
) -> Result<(Position, Option<TornTail>), StoreError> {
    let total = file.metadata().map_err(io("read", path))?.len();
    let mut reported = from.offset;
    let mut report = |at: &Position| {
        progress(&Progress {
            lines: at.lines,
            bytes: at.offset,
            total,
        })
    };
    let mut handle = file;
    handle
        .seek(SeekFrom::Start(from.offset))
        .map_err(io("read", path))?;
    let mut reader = BufReader::with_capacity(1 << 20, handle);
    let mut at = from;
    let mut buf = Vec::new();
    while at.lines < upto {
        buf.clear();
        let line = at.lines + 1;
        // One byte more than the longest line, newline included, shows a line too long.
        let limit = MAX_ENTRY_BYTES as u64 + 2;
        let n = (&mut reader)
            .take(limit)
            .read_until(b'\n', &mut buf)
            .map_err(io("read", path))?;
        if n == 0 {
            break;
        }
        if buf.last() != Some(&b'\n') {
            if n as u64 == limit {
                return Err(damaged(
                    path,
                    line,
                    format!("a line longer than the limit of {MAX_ENTRY_BYTES} bytes"),
                ));
            }
            report(&at);
            let torn = TornTail {
                line,
                offset: at.offset,
                bytes: n as u64,
            };
            return Ok((at, Some(torn)));
        }
        each(line, &buf)?;
        at.lines = line;
        at.offset += n as u64;
        if at.offset - reported >= REPORT_EVERY {
            reported = at.offset;
            report(&at);
        }
    }
    report(&at);
    Ok((at, None))
}

fn damaged(path: &Path, line: u64, reason: String) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        line,
        reason,
    }
}

/// The entry in line `line` of the file at `path`, its own hash checked.
fn entry_of_line(path: &Path, line: u64, bytes: &[u8]) -> Result<Entry, StoreError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| damaged(path, line, format!("not UTF-8 text: {e}")))?;
    Entry::from_jsonl_line(line, text).map_err(|e| match e {
        JournalError::Broken(b) => damaged(path, line, b.reason),
        other => damaged(path, line, other.to_string()),
    })
}

/// The ward with the entry in line `line` of the file at `path` (its bytes, newline
/// included or not) added, each fault an error naming the line.
pub(crate) fn follow_line(
    ward: Ward,
    path: &Path,
    line: u64,
    bytes: &[u8],
) -> Result<Ward, StoreError> {
    let entry = entry_of_line(path, line, bytes)?;
    ward.follow(entry).map_err(|e| match e {
        Error::Journal(JournalError::Broken(b)) => damaged(path, line, b.reason),
        Error::MalformedEntry { message, .. } => damaged(path, line, message),
        source => StoreError::Replay {
            path: path.to_path_buf(),
            line,
            source: Box::new(source),
        },
    })
}
