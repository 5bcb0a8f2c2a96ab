//! File dialogs behind a small trait, so the UI thread never blocks and tests never open one.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// What the user asked to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Files,
    Folder,
    /// One workspace file (.json).
    Workspace,
}

/// A "save as" dialog: title, proposed file name, and the extension to filter on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub title: String,
    pub file_name: String,
    pub extension: String,
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
    /// Ask where to save a file; `Picked` holds exactly one path.
    fn save_file(
        &mut self,
        request: SaveRequest,
        repaint: Box<dyn Fn() + Send>,
    ) -> Receiver<DialogOutcome>;
}

/// Run `pick` on a worker thread and send its outcome (see [`RfdDialog`]).
fn spawn_dialog(
    pick: impl FnOnce() -> Option<Vec<PathBuf>> + Send + 'static,
    repaint: Box<dyn Fn() + Send>,
) -> Receiver<DialogOutcome> {
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("border-atlas-dialog".into())
        .spawn(move || {
            let started = Instant::now();
            let outcome = match pick() {
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

/// Extensions the Open dialog offers: exactly those the loader reads.
pub use crate::load::ARTICLE_EXTENSIONS;

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
        spawn_dialog(
            move || {
                let dialog = rfd::FileDialog::new().set_title(match kind {
                    DialogKind::Files => "Open articles",
                    DialogKind::Folder => "Open a folder of articles",
                    DialogKind::Workspace => "Open workspace",
                });
                match kind {
                    DialogKind::Files => dialog
                        .add_filter("Articles", ARTICLE_EXTENSIONS)
                        .add_filter("All files", &["*"])
                        .pick_files(),
                    DialogKind::Folder => dialog.pick_folder().map(|f| vec![f]),
                    DialogKind::Workspace => dialog
                        .add_filter("Workspace", &["json"])
                        .add_filter("All files", &["*"])
                        .pick_file()
                        .map(|f| vec![f]),
                }
            },
            repaint,
        )
    }

    fn save_file(
        &mut self,
        request: SaveRequest,
        repaint: Box<dyn Fn() + Send>,
    ) -> Receiver<DialogOutcome> {
        spawn_dialog(
            move || {
                rfd::FileDialog::new()
                    .set_title(request.title.as_str())
                    .set_file_name(request.file_name.as_str())
                    .add_filter(request.extension.as_str(), &[request.extension.as_str()])
                    .save_file()
                    .map(|f| vec![f])
            },
            repaint,
        )
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
    fn save_file(
        &mut self,
        _request: SaveRequest,
        _repaint: Box<dyn Fn() + Send>,
    ) -> Receiver<DialogOutcome> {
        let (tx, rx) = mpsc::channel();
        let _ = tx.send(self.0.clone());
        rx
    }
}

#[cfg(test)]
mod tests {
    use super::ARTICLE_EXTENSIONS;
    use crate::load::Format;

    /// The Open dialog shows every file the loader reads (".markdown" was
    /// once hidden by a list of its own), and only those.
    #[test]
    fn the_open_dialog_offers_exactly_what_the_loader_reads() {
        for ext in ["txt", "md", "markdown", "html", "htm", "json"] {
            assert!(ARTICLE_EXTENSIONS.contains(&ext), "{ext}");
        }
        for ext in ARTICLE_EXTENSIONS {
            assert!(Format::of(&format!("a.{ext}")).is_some(), "{ext}");
        }
    }
}
