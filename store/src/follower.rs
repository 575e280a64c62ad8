//! A reader of a store that another process writes: it opens without the lock and
//! follows the entries as they are appended.

use std::fs::File;
use std::path::Path;

use gridward::Ward;

use crate::layout::{io, Layout};
use crate::read::{read_into, Position};
use crate::snapshots;
use crate::StoreError;

/// A read-only view of a store, which may be open for writing elsewhere. It reads the
/// whole lines there are, each checked as when opening for writing, and leaves a last
/// line still being written for the next [`Follower::poll`].
pub struct Follower {
    layout: Layout,
    file: File,
    ward: Option<Ward>,
    at: Position,
}

impl Follower {
    /// Opens the store in `dir` for reading and reads its journal, from its newest
    /// snapshot that checks (as the writer opens it), every line verified.
    pub fn open(dir: impl AsRef<Path>) -> Result<Follower, StoreError> {
        let layout = Layout::new(dir.as_ref());
        let config = layout.read_config()?;
        let file = File::open(&layout.journal).map_err(io("open", &layout.journal))?;
        let start =
            snapshots::restore(&layout, &config, &file, false, &mut |_| {}, &mut Vec::new())?;
        let read = read_into(
            start.ward,
            &file,
            &layout.journal,
            start.at,
            false,
            &mut |_| {},
        )?;
        Ok(Follower {
            layout,
            file,
            ward: Some(read.ward),
            at: read.at,
        })
    }

    /// Reads the entries appended since the last reading; returns how many.
    ///
    /// A damaged line, or a journal cut back below what was read (the writer withdrew
    /// an entry whose write failed), is an error, after which the follower must be
    /// opened again.
    pub fn poll(&mut self) -> Result<u64, StoreError> {
        let Some(ward) = self.ward.take() else {
            return Err(StoreError::MustReopen {
                reason: "an earlier reading failed".to_owned(),
            });
        };
        let len = self
            .file
            .metadata()
            .map_err(io("read", &self.layout.journal))?
            .len();
        if len < self.at.offset {
            return Err(StoreError::MustReopen {
                reason: format!(
                    "the journal was cut back to {len} bytes, below the {} read",
                    self.at.offset
                ),
            });
        }
        let before = self.at.lines;
        let from = Position {
            lines: self.at.lines,
            offset: self.at.offset,
        };
        let read = read_into(
            ward,
            &self.file,
            &self.layout.journal,
            from,
            false,
            &mut |_| {},
        )?;
        self.at = read.at;
        self.ward = Some(read.ward);
        Ok(self.at.lines - before)
    }

    /// The ward as of the last reading; `None` once a reading has failed.
    pub fn ward(&self) -> Option<&Ward> {
        self.ward.as_ref()
    }

    /// Entries read so far.
    pub fn entries(&self) -> u64 {
        self.at.lines
    }
}
