//! Shared helpers for the loader tests: a temporary folder tree built by the
//! test itself (nothing large is committed) and lookups into a load's outcome.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use border_atlas::load::{load_paths, LoadFailure, LoadOutcome};
use border_atlas::model::Article;

/// A short article written for these tests.
pub const GOOD_TXT: &str = "Title: Provincial officials meet at the border\n\
Source: Test Wire\n\
Published: 2023-09-27\n\
\n\
Officials from Stung Treng and Attapeu met on 26 September to discuss border security.\n\
They agreed to hold the next meeting in Stung Treng.\n";

/// A temporary folder that tests fill with files.
pub struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    pub fn new() -> Self {
        Tree {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Write `bytes` at `rel`, creating parent folders.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, bytes).expect("write fixture");
        path
    }

    /// Write the good article next to a bad input (`dir/good.txt`).
    pub fn good(&self, dir: &str) -> PathBuf {
        let rel = if dir.is_empty() {
            "good.txt".to_string()
        } else {
            format!("{dir}/good.txt")
        };
        self.write(&rel, GOOD_TXT)
    }

    /// Display string of a path below the root, as the loader reports it.
    pub fn shown(&self, rel: &str) -> String {
        self.path(rel).display().to_string()
    }
}

/// Load the inputs with no progress callback and no cancellation.
pub fn load(inputs: &[PathBuf]) -> LoadOutcome {
    let cancel = AtomicBool::new(false);
    load_paths(inputs, &|_, _| {}, &cancel)
}

/// The failure reported for exactly `path`.
pub fn failure<'a>(outcome: &'a LoadOutcome, path: &str) -> &'a LoadFailure {
    outcome
        .failures
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no failure for {path}; failures: {:#?}", outcome.failures))
}

/// The article loaded from exactly `path`.
pub fn article<'a>(outcome: &'a LoadOutcome, path: &str) -> &'a Article {
    outcome
        .articles
        .iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| {
            let paths: Vec<&str> = outcome.articles.iter().map(|a| a.path.as_str()).collect();
            panic!(
                "no article {path}; articles: {paths:?}; failures: {:#?}",
                outcome.failures
            )
        })
}

/// Assert the good article written by [`Tree::good`] loaded intact.
pub fn assert_good_loaded(outcome: &LoadOutcome, tree: &Tree, dir: &str) {
    let rel = if dir.is_empty() {
        "good.txt".to_string()
    } else {
        format!("{dir}/good.txt")
    };
    let a = article(outcome, &tree.shown(&rel));
    assert_eq!(
        a.title.as_deref(),
        Some("Provincial officials meet at the border")
    );
    assert!(
        a.text.starts_with("Officials from Stung Treng"),
        "{:?}",
        a.text
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

/// Make a named pipe at `path` with `mkfifo`; false where the system has none
/// (the test that needs it then says so and skips).
pub fn mkfifo(path: &Path) -> bool {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        eprintln!("mkfifo unavailable; skipping");
    }
    made
}
