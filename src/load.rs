//! File formats → [`Article`]s, with clear per-file errors. INTERFACE STUB: the loader helper replaces the bodies.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use crate::model::Article;

/// Why a file could not be loaded. Every message names the reason; the path is carried by [`LoadFailure`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("empty file")]
    Empty,
}

/// A file that failed, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LoadFailure {
    pub path: String,
    pub error: String,
}

/// Result of loading a set of inputs.
#[derive(Debug, Default, Clone)]
pub struct LoadOutcome {
    pub articles: Vec<Article>,
    pub failures: Vec<LoadFailure>,
}

/// Parse one file's bytes (pure; the extension of `path` picks the format). A JSON array yields several articles.
pub fn load_bytes(_path: &str, _bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    Err(LoadError::Empty)
}

/// Read and parse one file.
pub fn load_file(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io(e.to_string()))?;
    load_bytes(&path.to_string_lossy(), &bytes)
}

/// Expand files and folders (recursively) into the article files to read, plus failures for inputs that cannot be listed.
pub fn collect_files(_inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>) {
    (Vec::new(), Vec::new())
}

/// Load every input (in parallel), calling `progress(done, total)`; stops early when `cancel` is set.
/// Articles come back in a deterministic order (sorted by path).
pub fn load_paths(
    _inputs: &[PathBuf],
    _progress: &(dyn Fn(usize, usize) + Sync),
    _cancel: &AtomicBool,
) -> LoadOutcome {
    LoadOutcome::default()
}
