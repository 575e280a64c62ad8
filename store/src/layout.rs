//! A store's folder: its files, and writing one atomically.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use gridward::WardConfig;

use crate::StoreError;

/// The journal, in the exported JSON-lines format.
pub(crate) const JOURNAL: &str = "journal.jsonl";

/// The ward's configuration, as JSON: the journal is replayed under it.
pub(crate) const CONFIG: &str = "ward.json";

pub(crate) fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path,
        source,
    }
}

/// The paths of a store in `dir`.
pub(crate) struct Layout {
    pub dir: PathBuf,
    pub journal: PathBuf,
    pub config: PathBuf,
}

impl Layout {
    pub fn new(dir: &Path) -> Layout {
        Layout {
            dir: dir.to_path_buf(),
            journal: dir.join(JOURNAL),
            config: dir.join(CONFIG),
        }
    }

    /// Reads the ward's configuration.
    pub fn read_config(&self) -> Result<WardConfig, StoreError> {
        let text = fs::read_to_string(&self.config).map_err(|e| StoreError::NotAStore {
            path: self.config.clone(),
            expected: "a Gridward store's configuration",
            reason: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| StoreError::NotAStore {
            path: self.config.clone(),
            expected: "a Gridward store's configuration",
            reason: e.to_string(),
        })
    }

    /// Writes `bytes` to `name` in the folder atomically: a temporary file, fsynced,
    /// renamed over the name, then the folder fsynced, so that after a crash the file is
    /// either the old one or the new one, whole.
    pub fn write_atomically(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.dir.join(name);
        let temporary = self.dir.join(format!(".{name}.tmp"));
        let mut file = File::create(&temporary).map_err(io("create", &temporary))?;
        file.write_all(bytes).map_err(io("write", &temporary))?;
        file.sync_all().map_err(io("sync", &temporary))?;
        drop(file);
        fs::rename(&temporary, &path).map_err(io("rename into place", &path))?;
        self.sync_dir()
    }

    /// Makes the folder's entries (a created or renamed file) durable.
    pub fn sync_dir(&self) -> Result<(), StoreError> {
        File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(io("sync the folder", &self.dir))
    }
}
