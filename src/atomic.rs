//! Atomic file writes: every workspace and export goes to a temporary file in
//! the target's folder, is flushed to disk, then renamed over the target. On
//! any error the existing file is untouched and the temporary file removed.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The step of an atomic write that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteStage {
    /// Creating the temporary file next to the target (missing or read-only folder...).
    CreateTemp,
    /// Writing or flushing the bytes (disk full...).
    Write,
    /// Renaming the temporary file over the target.
    Replace,
}

/// A failed atomic write: names the path and the reason.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub stage: WriteStage,
    pub source: io::Error,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.stage {
            WriteStage::CreateTemp => "cannot create a file in the folder of",
            WriteStage::Write => "cannot write",
            WriteStage::Replace => "cannot replace",
        };
        write!(
            f,
            "{what} {}: {} (nothing was changed)",
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder,
/// fsync, rename into place (then fsync the folder, best effort). A symlink
/// at `path` is followed, so the link stays and its target is replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// Removes the temporary file unless disarmed.
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = fs::remove_file(p);
        }
    }
}

/// [`write_atomic`] with a hook run just before the rename (tests inject failures).
fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> Result<(), WriteError> {
    let err = |stage, source| WriteError {
        path: path.to_path_buf(),
        stage,
        source,
    };
    // Follow a symlink so that the link is kept and its target replaced.
    let target = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(|e| err(WriteStage::CreateTemp, e))?
        }
        _ => path.to_path_buf(),
    };
    let name = target.file_name().ok_or_else(|| {
        err(
            WriteStage::CreateTemp,
            io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file"),
        )
    })?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (file, tmp) =
        create_temp(&dir, &name.to_string_lossy()).map_err(|e| err(WriteStage::CreateTemp, e))?;
    let mut guard = TempGuard(Some(tmp.clone()));
    // Keep the permissions of the file being replaced.
    if let Ok(meta) = fs::metadata(&target) {
        if meta.is_file() {
            let _ = fs::set_permissions(&tmp, meta.permissions());
        }
    }
    write_and_sync(file, bytes).map_err(|e| err(WriteStage::Write, e))?;
    before_rename(&tmp).map_err(|e| err(WriteStage::Replace, e))?;
    fs::rename(&tmp, &target).map_err(|e| err(WriteStage::Replace, e))?;
    guard.0 = None;
    sync_dir(&dir);
    Ok(())
}

fn write_and_sync(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Create a new, uniquely named hidden file in `dir` (never an existing one).
fn create_temp(dir: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let pid = std::process::id();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    // The user's name may use all 255 bytes a file name allows: the
    // temporary name keeps only its first 64, so it always fits.
    let mut cut = name.len().min(64);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = &name[..cut];
    let mut last = None;
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{prefix}.{pid}-{n}-{nanos:x}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((f, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Make the rename durable (best effort: not every platform can open folders).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn a_legal_name_near_the_length_limit_is_written() {
        let dir = tempfile::tempdir().unwrap();
        // 240 bytes, of which many are two-byte characters.
        let name = format!("{}{}.csv", "é".repeat(100), "x".repeat(36));
        assert_eq!(name.len(), 240);
        let p = dir.path().join(&name);
        write_atomic(&p, b"data").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"data");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn writes_new_and_replaces_existing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_atomic(&p, b"first").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"first");
        write_atomic(&p, b"second, longer").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"second, longer");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn failure_before_rename_keeps_old_file_and_removes_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("keep.csv");
        fs::write(&p, b"precious").unwrap();
        let mut seen = None;
        let e = write_atomic_with(&p, b"new", |tmp| {
            seen = Some(tmp.to_path_buf());
            assert!(tmp.exists());
            Err(io::Error::other("simulated crash"))
        })
        .unwrap_err();
        assert_eq!(e.stage, WriteStage::Replace);
        assert!(e.to_string().contains("keep.csv"), "{e}");
        assert!(e.to_string().contains("simulated crash"), "{e}");
        assert_eq!(fs::read(&p).unwrap(), b"precious");
        assert!(!seen.unwrap().exists());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("no-such-folder").join("x.ics");
        let e = write_atomic(&p, b"x").unwrap_err();
        assert_eq!(e.stage, WriteStage::CreateTemp);
        let msg = e.to_string();
        assert!(msg.contains("no-such-folder"), "{msg}");
        assert!(!p.exists());
    }

    #[test]
    fn replacing_a_folder_fails_and_leaves_it() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub");
        fs::create_dir(&p).unwrap();
        fs::write(p.join("inner.txt"), b"inside").unwrap();
        let e = write_atomic(&p, b"x").unwrap_err();
        assert_eq!(e.stage, WriteStage::Replace);
        assert_eq!(fs::read(p.join("inner.txt")).unwrap(), b"inside");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, b"old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
