//! The workspace file: what the user had open and what they changed.
//!
//! ```json
//! { "format": "border-atlas-workspace", "version": 2,
//!   "files": ["/data/news/a.txt", "b.html"],
//!   "published_overrides": {"/data/news/a.txt": "2022-05-30"},
//!   "corrections": [ {"id": 1, "article": "...", "key": {...}, "action": {"type": "edit", ...}} ],
//!   "filters": { ...app-defined... },
//!   "view": { ...app-defined... } }
//! ```
//!
//! Versions: 1 had edit, delete and add corrections; 2 adds split corrections
//! (`"type": "split"`, merged events the user split into their reports). This build reads
//! both and writes 2, so an older build refuses a file it could not read correctly
//! instead of calling it damaged.
//!
//! Saving is atomic ([`crate::atomic::write_atomic`]) and refuses to replace a
//! file that is a newer workspace or not a workspace at all unless the caller
//! confirmed ([`Workspace::save_replacing`]). Loading never writes. Relative
//! file paths are resolved against the workspace file's folder.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::atomic::{write_atomic, WriteError};
use crate::corrections::Correction;

/// The `format` tag of a workspace file.
pub const FORMAT: &str = "border-atlas-workspace";
/// The schema version this build writes (and the newest it reads).
pub const VERSION: u64 = 2;
/// The oldest schema version this build reads.
pub const OLDEST_VERSION: u64 = 1;
/// Largest workspace file read (corrections of a big corpus stay far below).
pub const MAX_WORKSPACE_BYTES: u64 = 256 * 1024 * 1024;

/// A saved workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] when written by this build.
    pub version: u64,
    /// The open files and folders, as the user gave them.
    #[serde(default)]
    pub files: Vec<String>,
    /// Publication dates set by the user, by article path.
    #[serde(default)]
    pub published_overrides: BTreeMap<String, NaiveDate>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The app's filter state (opaque here).
    #[serde(default)]
    pub filters: serde_json::Value,
    /// The app's view state (opaque here).
    #[serde(default)]
    pub view: serde_json::Value,
    /// Folder of the file this was loaded from (resolves relative paths).
    #[serde(skip)]
    pub base_dir: Option<PathBuf>,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace {
            format: FORMAT.to_string(),
            version: VERSION,
            files: Vec::new(),
            published_overrides: BTreeMap::new(),
            corrections: Vec::new(),
            filters: serde_json::Value::Null,
            view: serde_json::Value::Null,
            base_dir: None,
        }
    }
}

/// Why a workspace could not be opened or saved.
#[derive(Debug)]
pub enum WorkspaceError {
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    TooLarge {
        path: PathBuf,
        bytes: u64,
    },
    Malformed {
        path: PathBuf,
        reason: String,
    },
    WrongFormat {
        path: PathBuf,
        found: Option<String>,
    },
    NewerVersion {
        path: PathBuf,
        version: u64,
    },
    UnsupportedVersion {
        path: PathBuf,
        version: String,
    },
    /// Saving would replace a file this build cannot read as its own workspace.
    WouldReplace {
        path: PathBuf,
        reason: String,
    },
    Encode {
        path: PathBuf,
        reason: String,
    },
    Write(WriteError),
}

impl fmt::Display for WorkspaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use WorkspaceError::*;
        match self {
            Unreadable { path, reason } => {
                write!(f, "cannot read workspace {}: {reason}", path.display())
            }
            TooLarge { path, bytes } => write!(
                f,
                "workspace {} is too large ({bytes} bytes; the limit is {MAX_WORKSPACE_BYTES})",
                path.display()
            ),
            Malformed { path, reason } => write!(
                f,
                "workspace {} is damaged ({reason}); it was not changed",
                path.display()
            ),
            WrongFormat { path, found: None } => write!(
                f,
                "{} is not a Border Atlas workspace (no \"format\": \"{FORMAT}\"); it was not changed",
                path.display()
            ),
            WrongFormat {
                path,
                found: Some(tag),
            } => write!(
                f,
                "{} is not a Border Atlas workspace (format {tag:?}); it was not changed",
                path.display()
            ),
            NewerVersion { path, version } => write!(
                f,
                "workspace {}: version {version} is newer than this Border Atlas supports ({VERSION}); it was not changed",
                path.display()
            ),
            UnsupportedVersion { path, version } => write!(
                f,
                "workspace {}: unsupported version {version}; it was not changed",
                path.display()
            ),
            WouldReplace { path, reason } => write!(
                f,
                "not saving over {}: {reason}; choose another file or confirm replacing it",
                path.display()
            ),
            Encode { path, reason } => {
                write!(f, "cannot encode workspace {}: {reason}", path.display())
            }
            Write(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for WorkspaceError {}

impl From<WriteError> for WorkspaceError {
    fn from(e: WriteError) -> Self {
        WorkspaceError::Write(e)
    }
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Read and check a workspace file. Never writes to it.
    pub fn load(path: &Path) -> Result<Self, WorkspaceError> {
        let unreadable = |e: std::io::Error| WorkspaceError::Unreadable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        // Looked at before it is opened: opening a named pipe would wait
        // for a writer, and a device may never end.
        let meta = std::fs::metadata(path).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(WorkspaceError::Unreadable {
                path: path.to_path_buf(),
                reason: "it is a folder".into(),
            });
        }
        if !meta.is_file() {
            return Err(WorkspaceError::Unreadable {
                path: path.to_path_buf(),
                reason: "it is not a regular file (a pipe, socket or device)".into(),
            });
        }
        let file = std::fs::File::open(path).map_err(unreadable)?;
        if meta.len() > MAX_WORKSPACE_BYTES {
            return Err(WorkspaceError::TooLarge {
                path: path.to_path_buf(),
                bytes: meta.len(),
            });
        }
        let mut bytes = Vec::new();
        file.take(MAX_WORKSPACE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        let mut ws = Self::from_slice(path, &bytes)?;
        ws.base_dir = path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(Path::to_path_buf);
        Ok(ws)
    }

    /// Parse and check workspace bytes (`path` only names the file in errors).
    pub fn from_slice(path: &Path, bytes: &[u8]) -> Result<Self, WorkspaceError> {
        let malformed = |reason: String| WorkspaceError::Malformed {
            path: path.to_path_buf(),
            reason,
        };
        let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
            .map_err(|e| malformed(format!("not UTF-8 text: {e}")))?;
        if text.trim().is_empty() {
            return Err(malformed("the file is empty".into()));
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| malformed(format!("not valid JSON: {e}")))?;
        let Some(obj) = value.as_object() else {
            return Err(WorkspaceError::WrongFormat {
                path: path.to_path_buf(),
                found: None,
            });
        };
        match obj.get("format") {
            Some(serde_json::Value::String(tag)) if tag == FORMAT => {}
            Some(serde_json::Value::String(tag)) => {
                return Err(WorkspaceError::WrongFormat {
                    path: path.to_path_buf(),
                    found: Some(tag.clone()),
                })
            }
            _ => {
                return Err(WorkspaceError::WrongFormat {
                    path: path.to_path_buf(),
                    found: None,
                })
            }
        }
        match obj.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if (OLDEST_VERSION..=VERSION).contains(&v) => {}
            Some(v) if v > VERSION => {
                return Err(WorkspaceError::NewerVersion {
                    path: path.to_path_buf(),
                    version: v,
                })
            }
            _ => {
                return Err(WorkspaceError::UnsupportedVersion {
                    path: path.to_path_buf(),
                    version: obj
                        .get("version")
                        .map_or_else(|| "(missing)".to_string(), |v| v.to_string()),
                })
            }
        }
        serde_json::from_value(value).map_err(|e| malformed(e.to_string()))
    }

    /// The file as written (pretty JSON, trailing newline).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut ws = self.clone();
        ws.format = FORMAT.to_string();
        ws.version = VERSION;
        let mut s = serde_json::to_string_pretty(&ws)?;
        s.push('\n');
        Ok(s)
    }

    /// Save atomically. Refuses to replace an existing file that is not a
    /// workspace this build can read (a newer version, a damaged file, another
    /// kind of file): use [`Workspace::save_replacing`] once the user confirmed.
    pub fn save(&self, path: &Path) -> Result<(), WorkspaceError> {
        if path.exists() {
            if let Err(e) = Self::load(path) {
                let reason = match e {
                    WorkspaceError::NewerVersion { version, .. } => format!(
                        "it is a version {version} workspace, newer than this Border Atlas supports ({VERSION})"
                    ),
                    WorkspaceError::Malformed { reason, .. } => {
                        format!("it is a damaged workspace or another file ({reason})")
                    }
                    WorkspaceError::WrongFormat { .. } => {
                        "it is not a Border Atlas workspace".to_string()
                    }
                    other => other.to_string(),
                };
                return Err(WorkspaceError::WouldReplace {
                    path: path.to_path_buf(),
                    reason,
                });
            }
        }
        self.save_replacing(path)
    }

    /// Save atomically, replacing whatever is at `path`.
    pub fn save_replacing(&self, path: &Path) -> Result<(), WorkspaceError> {
        let json = self.to_json().map_err(|e| WorkspaceError::Encode {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        write_atomic(path, json.as_bytes())?;
        Ok(())
    }

    /// Where a listed file is: relative paths are taken from the workspace's folder.
    /// A name that is not UTF-8 is listed with `\xNN` escapes (see
    /// [`crate::load::path_text`]) and read back here.
    pub fn resolve(&self, file: &str) -> PathBuf {
        let p = crate::load::text_path(file);
        match &self.base_dir {
            Some(base) if p.is_relative() => {
                let joined = base.join(file);
                if joined.exists() {
                    joined
                } else {
                    base.join(p)
                }
            }
            _ => p,
        }
    }

    /// The listed files that still exist (resolved) and those that do not
    /// (moved or deleted), in the listed order.
    pub fn split_files(&self) -> (Vec<PathBuf>, Vec<String>) {
        let mut present = Vec::new();
        let mut missing = Vec::new();
        for f in &self.files {
            let p = self.resolve(f);
            if p.exists() {
                present.push(p);
            } else {
                missing.push(f.clone());
            }
        }
        (present, missing)
    }

    /// The listed files that no longer exist.
    pub fn missing_files(&self) -> Vec<String> {
        self.split_files().1
    }

    /// The listed files that exist, resolved.
    pub fn existing_files(&self) -> Vec<PathBuf> {
        self.split_files().0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Workspace::from_slice(Path::new("w.json"), json.as_bytes())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn newer_version_message() {
        let e = err(r#"{"format": "border-atlas-workspace", "version": 3}"#);
        assert_eq!(
            e,
            "workspace w.json: version 3 is newer than this Border Atlas supports (2); it was not changed"
        );
    }

    #[test]
    fn clear_messages_for_bad_files() {
        assert!(err("").contains("empty"));
        assert!(err("{\"format\": ").contains("not valid JSON"));
        assert!(err("[1, 2]").contains("not a Border Atlas workspace"));
        assert!(err(r#"{"format": "geojson", "version": 1}"#).contains("\"geojson\""));
        assert!(err(r#"{"version": 1}"#).contains("no \"format\""));
        assert!(err(r#"{"format": "border-atlas-workspace"}"#).contains("(missing)"));
        assert!(err(r#"{"format": "border-atlas-workspace", "version": 0}"#)
            .contains("unsupported version 0"));
        let e = err(r#"{"format": "border-atlas-workspace", "version": 1, "files": 7}"#);
        assert!(e.contains("damaged") && e.contains("w.json"), "{e}");
        assert!(Workspace::from_slice(Path::new("w"), b"\xff\xfe{").is_err());
    }

    #[test]
    fn version_1_files_with_corrections_still_load_and_save_as_2() {
        let v1 = br#"{"format": "border-atlas-workspace", "version": 1, "corrections": [
            {"id": 4, "article": "a.txt",
             "key": {"article_hash": "00", "start": 0, "end": 3, "sentence": "Met."},
             "action": {"type": "delete"}}]}"#;
        let ws = Workspace::from_slice(Path::new("w.json"), v1).unwrap();
        assert_eq!(ws.corrections.len(), 1);
        let json = ws.to_json().unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["version"], 2);
        let back = Workspace::from_slice(Path::new("w.json"), json.as_bytes()).unwrap();
        assert_eq!(back.version, 2);
        assert_eq!(back.corrections, ws.corrections);
    }

    #[test]
    fn minimal_v1_loads_with_defaults() {
        let ws = Workspace::from_slice(
            Path::new("w.json"),
            br#"{"format": "border-atlas-workspace", "version": 1, "future_field": true}"#,
        )
        .unwrap();
        assert!(ws.files.is_empty() && ws.corrections.is_empty());
        assert_eq!(ws.filters, serde_json::Value::Null);
    }
}
