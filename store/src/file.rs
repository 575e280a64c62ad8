//! The file operations a store makes on its journal, behind a trait so that tests can
//! make any of them fail.

use std::fs::File;
use std::io::{self, Write};

/// The operations a store makes on its open journal file after reading it: append a
/// line, make what was appended durable, and cut the file back. [`std::fs::File`]
/// implements them; a wrapper given to [`crate::Store::open_with`] can make any of them
/// fail, as a full disk or a failing device would.
pub trait JournalFile: Send {
    /// Appends all of `bytes` at the end of the file. On an error, some of them may have
    /// been written.
    fn append(&mut self, bytes: &[u8]) -> io::Result<()>;
    /// Makes every byte appended so far durable (fsync).
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file to `len` bytes.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl JournalFile for File {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        // The file is opened for appending: every write goes to its end.
        self.write_all(bytes)
    }

    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }

    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)
    }
}
