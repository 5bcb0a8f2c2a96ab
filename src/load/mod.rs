//! File formats → [`Article`]s, with a clear per-file error for everything
//! that cannot be loaded. A bad file never stops the others.
//!
//! # Formats (picked by the file extension, case-insensitively)
//!
//! - `.txt`: an optional header at the very top — `Title:`, `Source:`, `URL:`,
//!   `Published:` (or `Date:`) and `Author:` (ignored), keys case-insensitive,
//!   any order — ended by a blank line (or by the first line that is not a
//!   header line). The rest is the body. No header: the whole file is the body.
//! - `.md`, `.markdown`: front matter between `---` lines (`title`, `source`,
//!   `url`, `published`/`date`; `key: value`, optional quotes), or else the `.txt`
//!   header. Leading `#` heading markers are removed from body lines; without a
//!   title, the first level-one heading is the title.
//! - `.html`, `.htm`: see [`html`](self#html) below — meta tags for the metadata,
//!   `<article>` (else `<main>`, else `<body>`) for the text.
//! - `.json`: one article object or an array of them (`title`, `source`, `url`,
//!   `published`/`date`, `text`/`body`/`content`). **Paths of array elements**:
//!   an array of more than one article gives each element the path
//!   `file.json#N`, N counted from 1; a single article keeps the file path
//!   ([`split_article_path`] undoes this). Each element loads or fails on its
//!   own: one bad element does not drop its neighbours.
//! - Any other extension: files inside folders are skipped (reported as
//!   "not an article file (.pdf)", see below). A file named explicitly (on the
//!   command line, dropped on the window) is read as plain text with a warning
//!   if it is text, and refused as binary otherwise.
//!
//! Every article's `text` is the body only; evidence offsets index into it.
//! Text is trimmed of leading and trailing whitespace. Metadata values
//! (title, source, URL) lose control characters and bidirectional overrides
//! (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM), have their whitespace collapsed
//! and are cut to [`MAX_FIELD_CHARS`] characters. The body is kept as written
//! except for line endings and NUL bytes (below).
//!
//! A publication date that cannot be read (`Published: 2024-13-45`) leaves
//! `published` empty and adds a warning naming the value; the article loads.
//!
//! # Decoding
//!
//! In this order: an empty file is refused ("empty file"); a known binary
//! signature (PDF, PNG, JPEG, GIF, ZIP/DOCX, ELF, gzip...) is refused naming the
//! kind ("binary file (looks like a PDF document)"); a UTF-8 byte-order mark is
//! stripped silently; UTF-16 LE/BE with a byte-order mark (or, without one, when
//! every other byte is NUL) is decoded with a warning; otherwise more than 1% NUL
//! bytes or 5% control bytes in the first 8 KiB means binary; valid UTF-8 is
//! used as is; anything else is decoded as Windows-1252 with the warning
//! "not valid UTF-8; decoded as Windows-1252", unless the result still looks
//! like binary noise. **NUL bytes** below the binary threshold are removed from
//! the text with a warning (they carry no meaning in an article and would break
//! display). **Line endings** are normalised (CRLF and lone CR → LF) before any
//! parsing, so offsets never depend on the file's convention.
//!
//! # Limits
//!
//! - [`MAX_FILE_BYTES`] = 32 MB (decimal) per file. A news article is 2–50 KB
//!   and a JSON dump of ten thousand articles about 30 MB; 32 MB admits such dumps
//!   while bounding memory: text, Markdown and JSON files need about three times
//!   their size while loading, HTML about ten times for its DOM (measured in a
//!   release build: a 29 MB page of 300,000 paragraphs, 1.7 s and 340 MB peak;
//!   a 30 MB JSON array of 10,000 articles, 0.08 s). A larger file is refused
//!   from its size on disk, before it is read ("too large (60.0 MB; the limit is
//!   32 MB)"), and reads are capped at the limit in case the file grows meanwhile.
//!   Parsing is linear: a 10 MB line without a newline loads in 0.07 s (`.txt`)
//!   to 0.15 s (`.html`) in a release build.
//! - [`MAX_DEPTH`] = 32 folder levels below each folder given. Real archives are
//!   a few levels deep; deeper trees are usually link farms or generated. Folders
//!   at the limit are not entered and one failure per input names the first.
//! - [`MAX_FILES`] = 100,000 article files per load (ten times the corpus the
//!   performance budget targets). Beyond that, listing stops with a failure
//!   ("too many files"); what was listed loads. Listing also stops after
//!   [`MAX_ENTRIES_VISITED`] folder entries of any kind, so that pointing the app at `/`
//!   ends in bounded time.
//!
//! # Folders
//!
//! Folders are walked recursively in file-name order, following symlinks;
//! symlink loops and broken symlinks become failures for those paths only.
//! Hidden files and folders (name starting with `.`, e.g. `.git`) inside a
//! folder are skipped silently (a hidden file named explicitly is loaded).
//! Files without an article extension are reported as skipped: the first
//! [`SKIP_LIST_PER_GROUP`] of each extension in each folder one by one
//! ("not an article file (.pdf)"), and beyond that one entry for the folder
//! ("2,345 files skipped: not article files (.png)"); at most
//! [`MAX_SKIP_ENTRIES`] such entries per load, the rest summed in one line.
//! Paths (in articles and failures) are the inputs as given, joined with the
//! path found below them.
//!
//! # Fuzzing
//!
//! `tests/bad_inputs.rs` holds property tests that feed arbitrary bytes,
//! arbitrary text and random splices of format fragments (headers, front
//! matter, tags, JSON pieces, byte-order marks, NULs, bidi characters) to
//! [`load_bytes`] for every extension, 2,000 cases each by default, asserting
//! no panic and a valid article (non-empty trimmed text, no NUL or CR, clean
//! metadata). For a longer run:
//! `PROPTEST_CASES=200000 cargo test --release --test bad_inputs never_panics`.
//!
//! # Loading
//!
//! [`load_paths`] lists, then reads and parses files in parallel (rayon),
//! calling `progress(done, total)` as each file finishes, and returns early when
//! `cancel` is set (with what was loaded so far). Articles are sorted by file
//! path (elements of a JSON array in array order), failures by path. A file that
//! disappears or cannot be read between listing and reading fails alone. A
//! panic in a parser (a bug) is caught and reported as a failure for that file.

mod decode;
mod fields;
mod html;
mod json;
pub use json::{MAX_ARTICLES_PER_FILE, MAX_ELEMENT_FAILURES};
mod text;

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::Article;

/// Largest file read, in bytes (32 MB, decimal).
pub const MAX_FILE_BYTES: u64 = 32_000_000;
/// Deepest folder level entered below each folder given.
pub const MAX_DEPTH: usize = 32;
/// Most article files listed in one load.
pub const MAX_FILES: usize = 100_000;
/// Most folder entries (of any kind) visited in one load.
pub const MAX_ENTRIES_VISITED: usize = 1_000_000;
/// Longest title, source or URL kept, in characters.
pub const MAX_FIELD_CHARS: usize = 1_000;
/// Non-article files of one extension in one folder listed one by one before
/// they are summed up in one entry.
pub const SKIP_LIST_PER_GROUP: usize = 3;
/// Most "skipped" entries in one load's failures; the rest are summed in one.
pub const MAX_SKIP_ENTRIES: usize = 200;
/// Extensions loaded from folders (lower case, without the dot).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "json"];

/// Why a file could not be loaded. Every message names the reason; the path is carried by [`LoadFailure`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read: {0}")]
    Io(String),
    #[error("empty file")]
    Empty,
    /// The file holds no body text; the detail says what it holds instead.
    #[error("no article text{}", .0.as_ref().map(|d| format!(" ({d})")).unwrap_or_default())]
    NoText(Option<String>),
    #[error("too large ({}; the limit is {} MB)", megabytes(*.size), .limit / 1_000_000)]
    TooLarge { size: u64, limit: u64 },
    #[error("binary file ({0})")]
    Binary(String),
    #[error("malformed JSON at line {line}, column {column}: {message}")]
    MalformedJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// Well-formed data of the wrong shape (e.g. JSON that is not an article object).
    #[error("{0}")]
    Shape(String),
    /// A file with a non-article extension found inside a folder (`.pdf`, or "no extension").
    #[error("not an article file ({0})")]
    NotArticle(String),
    /// Several non-article files of one extension in one folder.
    #[error("{count} files skipped: not article files ({ext})")]
    SkippedMany { count: usize, ext: String },
    #[error("not a regular file ({0})")]
    NotRegularFile(String),
    #[error("symlink loop (leads back to {0}); not followed")]
    SymlinkLoop(String),
    #[error("broken symlink (its target does not exist)")]
    BrokenSymlink,
    #[error(
        "folder nested deeper than {limit} levels: not read ({count} such folder(s) in this input)"
    )]
    TooDeep { limit: usize, count: usize },
    #[error("too many files: listing stopped after {0}")]
    TooManyFiles(String),
    #[error("internal error while loading (please report it): {0}")]
    Internal(String),
    /// HTML whose tree would take too long or too much memory to build.
    #[error("HTML too complex to read: {0}")]
    HtmlTooComplex(String),
    /// Further non-article files in more folders than are listed one by one.
    #[error(
        "{files} more files skipped: not article files (in {groups} more folder/extension groups)"
    )]
    SkippedMore { files: usize, groups: usize },
    /// Failed elements of a JSON array past those listed one by one.
    #[error("and {} more elements that failed (only the first {listed} are listed)", thousands(*count))]
    FailuresNotListed { count: usize, listed: usize },
    /// A JSON array with more articles than one file may bring.
    #[error("more than {} articles in one file: the first {} were read, {} more elements were not", thousands(*limit), thousands(*limit), thousands(*unread))]
    TooManyArticles { limit: usize, unread: usize },
    /// A file that took longer than the window's budget for one file.
    #[error("took longer than {} to read: skipped (the other files were loaded)", seconds(*budget))]
    TooSlow { budget: std::time::Duration },
    /// A file loaded before that is gone at a reload.
    #[error("file no longer exists (the loaded copy is kept)")]
    Vanished,
    /// A failure known only by its message (read back from a saved report).
    #[error("{0}")]
    Reported(String),
}

impl LoadError {
    /// Whether the file was skipped because it is not an article (an image,
    /// a PDF, JSON without article fields in a folder …) rather than an
    /// article file that failed: front ends show these apart.
    pub fn is_skip(&self) -> bool {
        matches!(
            self,
            LoadError::NotArticle(_)
                | LoadError::SkippedMany { .. }
                | LoadError::SkippedMore { .. }
        )
    }
}

/// A count with thousands separators: 15999900 → "15,999,900".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A duration in seconds for messages: "30 s", "0.2 s".
fn seconds(d: std::time::Duration) -> String {
    if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

fn megabytes(bytes: u64) -> String {
    // Integer arithmetic keeps the rounding exact and clippy-clean.
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// A file that failed, with the reason (written as its message in reports:
/// `{"path": …, "error": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub path: String,
    pub error: LoadError,
}

impl LoadFailure {
    pub fn new(path: impl Into<String>, error: &LoadError) -> Self {
        LoadFailure {
            path: path.into(),
            error: error.clone(),
        }
    }

    /// Whether the file was skipped as not an article (see [`LoadError::is_skip`]).
    pub fn is_skip(&self) -> bool {
        self.error.is_skip()
    }
}

/// The report's shape of a failure: its path and its message.
#[derive(serde::Serialize, serde::Deserialize)]
struct FailureRecord {
    path: String,
    error: String,
}

impl serde::Serialize for LoadFailure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FailureRecord {
            path: self.path.clone(),
            error: self.error.to_string(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for LoadFailure {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = FailureRecord::deserialize(d)?;
        Ok(LoadFailure {
            path: r.path,
            error: LoadError::Reported(r.error),
        })
    }
}

/// Result of loading a set of inputs.
#[derive(Debug, Default, Clone)]
pub struct LoadOutcome {
    pub articles: Vec<Article>,
    pub failures: Vec<LoadFailure>,
}

/// The format a path's extension selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The format of an article file, from its extension; `None` for other files.
    pub fn of(path: &str) -> Option<Format> {
        let ext = extension(path)?;
        Some(match ext.as_str() {
            "txt" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" => Format::Html,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// Lower-case extension of the last path component, without the dot.
fn extension(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_ascii_lowercase())
}

/// A path as text for keys, messages and output. A name that is not UTF-8
/// (a Latin-1 `caf\xe9.txt` on Linux) keeps each of its other bytes as a
/// `\xNN` escape instead of one replacement character, so that two such
/// names stay two paths; [`text_path`] reads the escapes back.
pub fn path_text(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            return out;
        }
    }
    path.to_string_lossy().into_owned()
}

/// The path a [`path_text`] string names: the string itself when such a
/// file exists, else the string with its `\xNN` escapes read back as bytes.
pub fn text_path(text: &str) -> PathBuf {
    let literal = PathBuf::from(text);
    #[cfg(unix)]
    if text.contains("\\x") && !literal.exists() {
        use std::os::unix::ffi::OsStringExt;
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let hex = bytes
                .get(i + 2..i + 4)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(b) if bytes[i] == b'\\' && bytes[i + 1] == b'x' => {
                    out.push(b);
                    i += 4;
                }
                _ => {
                    out.push(bytes[i]);
                    i += 1;
                }
            }
        }
        return PathBuf::from(std::ffi::OsString::from_vec(out));
    }
    literal
}

/// One file's articles, each with its own path (`file.json#N` for the
/// elements of a JSON array) and its own result.
pub type Elements = Vec<(String, Result<Article, LoadError>)>;

/// Split an article path into the file path and, for an element of a JSON
/// array, its 1-based index: `"a/b.json#3"` → `("a/b.json", Some(3))`.
pub fn split_article_path(path: &str) -> (&str, Option<usize>) {
    if let Some((file, n)) = path.rsplit_once('#') {
        if Format::of(file) == Some(Format::Json) {
            if let Ok(i) = n.parse::<usize>() {
                return (file, Some(i));
            }
        }
    }
    (path, None)
}

/// Parse one file's bytes, each article separately: a JSON array gives one
/// entry per element (path `file.json#N`), every other file one entry. The
/// outer error is for the whole file (binary, empty, malformed...).
pub fn load_bytes_each(path: &str, bytes: &[u8]) -> Result<Elements, LoadError> {
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: len,
            limit: MAX_FILE_BYTES,
        });
    }
    let format = Format::of(path);
    let declared = match format {
        Some(Format::Html) => decode::html_declared_encoding(bytes),
        _ => None,
    };
    let decoded = decode::decode_with_declared(bytes, declared)?;
    let mut warnings = decoded.warnings;
    let text = decoded.text.as_str();
    let single = |r: Result<Article, LoadError>| Ok(vec![(path.to_string(), r)]);
    match format {
        Some(Format::Text) => single(text::parse_txt(path, text, warnings)),
        Some(Format::Markdown) => single(text::parse_md(path, text, warnings)),
        Some(Format::Html) => single(html::parse_html(path, text, warnings)),
        Some(Format::Json) => json::parse_json(path, text, warnings),
        None => {
            let what = extension(path)
                .map(|e| format!("unknown extension .{e}"))
                .unwrap_or_else(|| "no extension".to_string());
            warnings.push(format!("{what}; read as plain text"));
            single(text::parse_txt(path, text, warnings))
        }
    }
}

/// Parse one file's bytes (pure; the extension of `path` picks the format). A JSON array yields several articles.
///
/// For a JSON array some of whose elements fail, the good ones are returned
/// (use [`load_bytes_each`] to see the failures); when none loads, the first
/// element's error is returned.
pub fn load_bytes(path: &str, bytes: &[u8]) -> Result<Vec<Article>, LoadError> {
    let mut articles = Vec::new();
    let mut first_error = None;
    for (_, result) in load_bytes_each(path, bytes)? {
        match result {
            Ok(a) => articles.push(a),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if articles.is_empty() => Err(e),
        _ => Ok(articles),
    }
}

fn io_error(e: &std::io::Error) -> LoadError {
    use std::io::ErrorKind;
    LoadError::Io(match e.kind() {
        ErrorKind::NotFound => "file not found (it may have been moved or deleted)".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "it is a folder, not a file".to_string(),
        _ => e.to_string(),
    })
}

/// Read a file, refusing folders, devices, pipes and files over [`MAX_FILE_BYTES`]
/// without reading them.
fn read_limited(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_ok() {
            LoadError::BrokenSymlink
        } else {
            io_error(&e)
        }
    })?;
    if meta.is_dir() {
        return Err(LoadError::NotRegularFile("a folder".to_string()));
    }
    if !meta.is_file() {
        return Err(LoadError::NotRegularFile(
            "a device, pipe or socket".to_string(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(&e))?;
    let capacity = usize::try_from(meta.len().min(MAX_FILE_BYTES)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The file grew after we looked at its size.
        return Err(LoadError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes)
}

/// Read and parse one file, each article separately (see [`load_bytes_each`]).
pub fn load_file_each(path: &Path) -> Result<Elements, LoadError> {
    let bytes = read_limited(path)?;
    load_bytes_each(&path_text(path), &bytes)
}

/// Parse one article JSON object (or array) given as text, such as a line
/// of `border-atlas extract -` input, under the display path `path`.
pub fn load_json_text(path: &str, text: &str) -> FileResult {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            size: text.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    json::parse_json(path, text, Vec::new())
}

/// Read and parse one file.
pub fn load_file(path: &Path) -> Result<Vec<Article>, LoadError> {
    let bytes = read_limited(path)?;
    load_bytes(&path_text(path), &bytes)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Label of a non-article file's extension for messages: ".pdf" or "no extension".
fn ext_label(path: &Path) -> String {
    match extension(&path.to_string_lossy()) {
        Some(e) => format!(".{e}"),
        None => "no extension".to_string(),
    }
}

#[derive(Default)]
struct Collector {
    files: Vec<PathBuf>,
    /// Files already listed, by identity: one file reached by several paths
    /// ("D", "./D", "D/../D", a symlinked folder, a hard link) is read once.
    seen: HashSet<FileId>,
    failures: Vec<LoadFailure>,
    /// Non-article files by (folder, extension label).
    skipped: BTreeMap<(String, String), Vec<String>>,
    visited: usize,
    stopped: bool,
}

/// What makes a file the same file whatever path reaches it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    /// Device and inode.
    Inode(u64, u64),
    /// The canonical path, where inodes are not known.
    Path(PathBuf),
}

fn file_id(path: &Path) -> FileId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(m) = std::fs::metadata(path) {
            return FileId::Inode(m.dev(), m.ino());
        }
    }
    FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

impl Collector {
    fn push_file(&mut self, path: PathBuf) {
        if self.seen.insert(file_id(&path)) {
            self.files.push(path);
        }
    }

    fn fail(&mut self, path: &Path, error: &LoadError) {
        self.failures.push(LoadFailure::new(path_text(path), error));
    }

    fn walk(&mut self, root: &Path) {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .max_depth(MAX_DEPTH)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        let mut too_deep: Option<(PathBuf, usize)> = None;
        for entry in walker {
            self.visited += 1;
            if self.files.len() >= MAX_FILES || self.visited > MAX_ENTRIES_VISITED {
                let what = if self.files.len() >= MAX_FILES {
                    format!("{MAX_FILES} article files")
                } else {
                    format!("{MAX_ENTRIES_VISITED} folder entries")
                };
                self.fail(root, &LoadError::TooManyFiles(what));
                self.stopped = true;
                break;
            }
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err.path().unwrap_or(root).to_path_buf();
                    let error = if let Some(ancestor) = err.loop_ancestor() {
                        LoadError::SymlinkLoop(path_text(ancestor))
                    } else if err
                        .io_error()
                        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound)
                        && path
                            .symlink_metadata()
                            .is_ok_and(|m| m.file_type().is_symlink())
                    {
                        LoadError::BrokenSymlink
                    } else {
                        match err.io_error() {
                            Some(io) => io_error(io),
                            None => LoadError::Io(err.to_string()),
                        }
                    };
                    self.fail(&path, &error);
                    continue;
                }
            };
            let file_type = entry.file_type();
            let path = entry.path();
            if file_type.is_dir() {
                if entry.depth() == MAX_DEPTH
                    && std::fs::read_dir(path).is_ok_and(|mut d| d.next().is_some())
                {
                    match &mut too_deep {
                        Some((_, count)) => *count += 1,
                        None => too_deep = Some((path.to_path_buf(), 1)),
                    }
                }
            } else if file_type.is_file() {
                if Format::of(&path.to_string_lossy()).is_some() {
                    self.push_file(path.to_path_buf());
                } else {
                    let folder = path.parent().map(path_text).unwrap_or_default();
                    if self.seen.insert(file_id(path)) {
                        self.skipped
                            .entry((folder, ext_label(path)))
                            .or_default()
                            .push(path_text(path));
                    }
                }
            } else if Format::of(&path.to_string_lossy()).is_some() {
                self.fail(
                    path,
                    &LoadError::NotRegularFile("a device, pipe or socket".to_string()),
                );
            }
        }
        if let Some((path, count)) = too_deep {
            self.fail(
                &path,
                &LoadError::TooDeep {
                    limit: MAX_DEPTH,
                    count,
                },
            );
        }
    }

    fn finish(mut self) -> (Vec<PathBuf>, Vec<LoadFailure>) {
        let mut entries = 0usize;
        let mut rest_files = 0usize;
        let mut rest_groups = 0usize;
        let mut first_rest: Option<String> = None;
        for ((folder, ext), paths) in std::mem::take(&mut self.skipped) {
            let needed = if paths.len() <= SKIP_LIST_PER_GROUP {
                paths.len()
            } else {
                1
            };
            if entries + needed > MAX_SKIP_ENTRIES {
                rest_files += paths.len();
                rest_groups += 1;
                first_rest.get_or_insert(folder);
                continue;
            }
            entries += needed;
            if paths.len() <= SKIP_LIST_PER_GROUP {
                for p in paths {
                    let error = LoadError::NotArticle(ext.clone());
                    self.failures.push(LoadFailure::new(p, &error));
                }
            } else {
                let error = LoadError::SkippedMany {
                    count: paths.len(),
                    ext,
                };
                self.failures.push(LoadFailure::new(folder, &error));
            }
        }
        if let Some(folder) = first_rest {
            self.failures.push(LoadFailure {
                path: folder,
                error: LoadError::SkippedMore {
                    files: rest_files,
                    groups: rest_groups,
                },
            });
        }
        (self.files, self.failures)
    }
}

/// Expand files and folders (recursively) into the article files to read, plus failures for inputs that cannot be listed.
///
/// A file given directly is always listed (whatever its extension: see the
/// module docs); files inside folders only with an article extension.
pub fn collect_files(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>) {
    let mut c = Collector::default();
    for input in inputs {
        if c.stopped {
            break;
        }
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => c.walk(input),
            Ok(m) if m.is_file() => {
                if c.files.len() >= MAX_FILES {
                    c.fail(
                        input,
                        &LoadError::TooManyFiles(format!("{MAX_FILES} article files")),
                    );
                    break;
                }
                c.push_file(input.clone())
            }
            Ok(_) => c.fail(
                input,
                &LoadError::NotRegularFile("a device, pipe or socket".to_string()),
            ),
            Err(e) => {
                let error = if input
                    .symlink_metadata()
                    .is_ok_and(|m| m.file_type().is_symlink())
                {
                    LoadError::BrokenSymlink
                } else if e.kind() == std::io::ErrorKind::NotFound {
                    LoadError::Io("not found".to_string())
                } else {
                    io_error(&e)
                };
                c.fail(input, &error);
            }
        }
    }
    c.finish()
}

type FileResult = Result<Elements, LoadError>;

/// The message of a caught panic, for the per-file error that replaces it.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a parser panicked".to_string())
}

/// Load an already-listed set of files (see [`collect_files`]) in parallel,
/// calling `progress(done, total)`; stops early when `cancel` is set.
pub fn load_files(
    files: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> LoadOutcome {
    let total = files.len();
    progress(0, total);
    let done = AtomicUsize::new(0);
    let mut results: Vec<(String, FileResult)> = files
        .par_iter()
        .filter_map(|path| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let display = path_text(path);
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load_file_each(path)))
                    .unwrap_or_else(|payload| {
                        Err(LoadError::Internal(panic_message(payload.as_ref())))
                    });
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(n, total);
            Some((display, result))
        })
        .collect();
    // Sort by file; the elements of one JSON file keep their array order.
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut outcome = LoadOutcome::default();
    for (display, result) in results {
        match result {
            Ok(parts) => {
                for (path, r) in parts {
                    match r {
                        Ok(article) => outcome.articles.push(article),
                        Err(e) => outcome.failures.push(LoadFailure::new(path, &e)),
                    }
                }
            }
            Err(e) => outcome.failures.push(LoadFailure::new(display, &e)),
        }
    }
    outcome
}

/// Load every input (in parallel), calling `progress(done, total)`; stops early when `cancel` is set.
/// Articles come back in a deterministic order (sorted by path).
pub fn load_paths(
    inputs: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
    cancel: &AtomicBool,
) -> LoadOutcome {
    let (files, mut failures) = collect_files(inputs);
    let mut outcome = load_files(&files, progress, cancel);
    failures.append(&mut outcome.failures);
    // By file; a sort that keeps the order of equals leaves a JSON array's
    // elements in array order (`a.json#2` before `a.json#10`), with the line
    // that counts the unlisted ones after them.
    failures.sort_by(|a, b| {
        split_article_path(&a.path)
            .0
            .cmp(split_article_path(&b.path).0)
    });
    outcome.failures = failures;
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_message() {
        let e = LoadError::TooLarge {
            size: 60_000_000,
            limit: MAX_FILE_BYTES,
        };
        assert_eq!(e.to_string(), "too large (60.0 MB; the limit is 32 MB)");
        assert_eq!(megabytes(32_000_001), "32.0 MB");
        assert_eq!(megabytes(62_914_560), "62.9 MB");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_apart_and_read_back() {
        use std::os::unix::ffi::OsStrExt;
        let e9 = Path::new(std::ffi::OsStr::from_bytes(b"/d/caf\xe9.txt"));
        let e8 = Path::new(std::ffi::OsStr::from_bytes(b"/d/caf\xe8.txt"));
        assert_eq!(path_text(e9), "/d/caf\\xe9.txt");
        assert_ne!(path_text(e9), path_text(e8));
        assert_eq!(text_path(&path_text(e9)), e9);
        assert_eq!(text_path(&path_text(e8)), e8);
        // UTF-8 names are themselves, both ways.
        assert_eq!(
            path_text(Path::new("/d/Stœng Trêng.txt")),
            "/d/Stœng Trêng.txt"
        );
        assert_eq!(
            text_path("/d/Stœng Trêng.txt"),
            Path::new("/d/Stœng Trêng.txt")
        );
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(15_999_900), "15,999,900");
    }

    #[test]
    fn formats_from_extensions() {
        assert_eq!(Format::of("a/B.TXT"), Some(Format::Text));
        assert_eq!(Format::of("x.markdown"), Some(Format::Markdown));
        assert_eq!(Format::of("x.htm"), Some(Format::Html));
        assert_eq!(Format::of("x.json"), Some(Format::Json));
        assert_eq!(Format::of("x.pdf"), None);
        assert_eq!(Format::of(".txt"), None);
        assert_eq!(Format::of("dir.txt/file"), None);
    }

    #[test]
    fn article_paths_split() {
        assert_eq!(split_article_path("a/b.json#3"), ("a/b.json", Some(3)));
        assert_eq!(split_article_path("a/b#c.txt"), ("a/b#c.txt", None));
        assert_eq!(split_article_path("a.txt"), ("a.txt", None));
    }

    #[test]
    fn unknown_extension_read_as_text_when_text() {
        let a = load_bytes("notes.rtf", b"Talks in Pakse.").unwrap();
        assert_eq!(a[0].text, "Talks in Pakse.");
        assert!(a[0].warnings[0].contains("unknown extension .rtf"));
        let e = load_bytes("scan.pdf", b"%PDF-1.4 ...").unwrap_err();
        assert_eq!(e.to_string(), "binary file (looks like a PDF document)");
    }
}
