//! File dialogs behind a small trait, so the UI thread never blocks and tests never open one.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// What the user asked to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Files,
    Folder,
}

/// How a dialog ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown (no desktop portal and no zenity, or no thread).
    Unavailable(String),
}

/// Opens a file dialog without blocking; the outcome arrives on the returned channel.
pub trait FileDialog {
    fn open(&mut self, kind: DialogKind, repaint: Box<dyn Fn() + Send>) -> Receiver<DialogOutcome>;
}

/// Extensions the loader reads.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "json"];

/// The native dialog (rfd: xdg-desktop-portal, falling back to zenity), run on a worker thread.
#[derive(Debug, Default)]
pub struct RfdDialog;

/// A dialog returning `None` faster than this was not shown to anyone.
const TOO_FAST: Duration = Duration::from_millis(400);

/// Whether some dialog backend looks reachable (a session bus for the portal, or zenity).
pub fn backend_probably_available() -> bool {
    let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    has_bus || has_zenity
}

pub const NO_BACKEND_MESSAGE: &str = "No file dialog is available on this system (no desktop portal and no zenity). \
Drag files or folders onto the window, or pass them on the command line: border-atlas FILES_OR_DIRS…";

impl FileDialog for RfdDialog {
    fn open(&mut self, kind: DialogKind, repaint: Box<dyn Fn() + Send>) -> Receiver<DialogOutcome> {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("border-atlas-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let dialog = rfd::FileDialog::new().set_title(match kind {
                    DialogKind::Files => "Open articles",
                    DialogKind::Folder => "Open a folder of articles",
                });
                let picked = match kind {
                    DialogKind::Files => dialog
                        .add_filter("Articles", ARTICLE_EXTENSIONS)
                        .add_filter("All files", &["*"])
                        .pick_files(),
                    DialogKind::Folder => dialog.pick_folder().map(|f| vec![f]),
                };
                let outcome = match picked {
                    Some(paths) if !paths.is_empty() => DialogOutcome::Picked(paths),
                    _ if started.elapsed() < TOO_FAST || !backend_probably_available() => {
                        DialogOutcome::Unavailable(NO_BACKEND_MESSAGE.to_string())
                    }
                    _ => DialogOutcome::Cancelled,
                };
                let _ = tx.send(outcome);
                repaint();
            });
        if let Err(e) = spawned {
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(DialogOutcome::Unavailable(format!(
                "cannot start the file dialog: {e}. {NO_BACKEND_MESSAGE}"
            )));
            return rx;
        }
        rx
    }
}

/// A dialog that answers with a fixed outcome (tests, headless runs).
#[derive(Debug, Clone)]
pub struct FixedDialog(pub DialogOutcome);

impl FileDialog for FixedDialog {
    fn open(
        &mut self,
        _kind: DialogKind,
        _repaint: Box<dyn Fn() + Send>,
    ) -> Receiver<DialogOutcome> {
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(self.0.clone());
        rx
    }
}
