//! Running the commands views send: selection, filters, corrections, files, dialogs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::dialog::{self, DialogKind, DialogOutcome, SaveRequest};
use super::map::MapView;
use super::screenshot::ImageSlot;
use super::{BorderAtlasApp, Command, Focus, Notice};
use crate::corpus::Filter;
use crate::model::{EventKind, ProvinceId};
use crate::workbench::loader::LoadJob;
use crate::workbench::{ExportFormat, Workbench};
use crate::workspace::Workspace;

/// What a pending dialog's answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DialogPurpose {
    /// Articles to load: replacing what is loaded, or beside it.
    OpenArticles {
        replace: bool,
    },
    OpenWorkspace,
    SaveWorkspace,
    Export(ExportFormat),
}

/// How the notice after a deletion ends.
const UNDO_HINT: &str = " — Ctrl+Z to undo";

impl BorderAtlasApp {
    pub(super) fn run_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        for c in commands {
            self.run_command(c);
        }
    }

    pub(super) fn run_command(&mut self, command: Command) {
        match command {
            c @ (Command::OpenDialog(..)
            | Command::AddDialog(..)
            | Command::SaveWorkspaceDialog
            | Command::ExportDialog(..)) => self.ask_command(c),
            c @ (Command::SaveWorkspace(..)
            | Command::Export { .. }
            | Command::OpenWorkspace(..)
            | Command::Open(..)
            | Command::Reload
            | Command::CancelLoad
            | Command::CloseAll
            | Command::ClearRecent) => self.files_command(c),
            c @ (Command::SetPublished { .. }
            | Command::EditEvent { .. }
            | Command::DeleteEvent(..)
            | Command::AddEvent { .. }
            | Command::DiscardCorrection(..)
            | Command::SplitMerged(..)
            | Command::Undo
            | Command::Redo) => self.correct_command(c),
            c @ (Command::SelectProvince(..)
            | Command::SelectLink(..)
            | Command::SelectEvent(..)
            | Command::SetRange(..)
            | Command::SetCountryPair(..)
            | Command::ToggleKind(..)
            | Command::SetText(..)
            | Command::ClearFilters
            | Command::Escape) => self.select_command(c),
            c @ (Command::ShowOrphans(..)
            | Command::ShowArticle(..)
            | Command::ShowErrors(..)
            | Command::DismissNotice) => self.panes_command(c),
        }
    }

    /// Open a file dialog (one at a time); its answer comes back through `poll_dialog`.
    fn ask_command(&mut self, command: Command) {
        if self.pending_dialog.is_some() {
            return;
        }
        let (purpose, save) = match command {
            Command::OpenDialog(kind) | Command::AddDialog(kind) => {
                let replace = matches!(command, Command::OpenDialog(_));
                let purpose = match kind {
                    DialogKind::Workspace => DialogPurpose::OpenWorkspace,
                    DialogKind::Files | DialogKind::Folder => {
                        DialogPurpose::OpenArticles { replace }
                    }
                };
                (purpose, Err(kind))
            }
            Command::SaveWorkspaceDialog => (
                DialogPurpose::SaveWorkspace,
                Ok(SaveRequest {
                    title: "Save workspace".into(),
                    file_name: "workspace.json".into(),
                    extension: "json".into(),
                }),
            ),
            Command::ExportDialog(format) => {
                let ext = format.extension();
                (
                    DialogPurpose::Export(format),
                    Ok(SaveRequest {
                        title: format!("Export {}", ext.to_uppercase()),
                        file_name: format!("border-atlas-events.{ext}"),
                        extension: ext.into(),
                    }),
                )
            }
            _ => return,
        };
        let ctx = self.ctx.clone();
        let repaint = Box::new(move || ctx.request_repaint());
        let answer = match save {
            Ok(request) => self.dialog.save_file(request, repaint),
            Err(kind) => self.dialog.open(kind, repaint),
        };
        self.pending_dialog = Some((purpose, answer));
    }

    /// Opening, reloading and closing files, workspaces and exports.
    fn files_command(&mut self, command: Command) {
        match command {
            Command::SaveWorkspace(p) => self.save_workspace(&p),
            Command::Export {
                format: ExportFormat::Png,
                path,
            } => {
                let slot: ImageSlot = Arc::new(Mutex::new(None));
                let s2 = slot.clone();
                let ctx = self.ctx.clone();
                self.ctx.request_screenshot(move |img| {
                    if let Ok(mut s) = s2.lock() {
                        *s = Some(img);
                    }
                    ctx.request_repaint();
                });
                self.png_export = Some((path, slot));
            }
            Command::Export { format, path } => {
                self.refresh_derived();
                let result = self.workbench.export(format, &path, &self.derived.filtered);
                self.show_result(result);
            }
            Command::OpenWorkspace(p) => self.open_workspace(&p),
            Command::Open(paths) => self.open(paths),
            Command::Reload => {
                if self.persisted.open_paths.is_empty() {
                    self.workbench.close_all();
                    self.start_job(LoadJob::Samples);
                } else {
                    let inputs = self.persisted.open_paths.clone();
                    self.start_job(LoadJob::Reload {
                        inputs,
                        known: HashMap::new(),
                    });
                }
            }
            Command::CancelLoad => {
                self.queued.clear();
                if let Some(l) = &self.loader {
                    l.cancel();
                }
            }
            Command::CloseAll => {
                self.queued.clear();
                if let Some(l) = &self.loader {
                    l.cancel();
                }
                self.workbench.close_all();
                self.persisted.open_paths.clear();
                self.selected_event = None;
                self.filter = Filter::default();
            }
            Command::ClearRecent => self.persisted.recent.clear(),
            _ => {}
        }
    }

    /// Corrections and publication dates: changes of the workbench that keep the selection.
    fn correct_command(&mut self, command: Command) {
        match command {
            Command::SetPublished { article, date } => {
                self.keeping_selection(|wb| wb.set_published(&article, date));
            }
            Command::EditEvent { key, changes } => {
                self.keeping_selection(|wb| wb.edit(key, changes));
            }
            Command::DeleteEvent(key) => {
                let what = self
                    .workbench
                    .corpus()
                    .event(key)
                    .map(|e| format!("{} · {}", super::date_label(e.event.date), e.event.kind));
                self.keeping_selection(|wb| wb.delete(key));
                self.draft = None;
                // Deleting asks nothing, so say what went and how to have it back.
                if let Some(what) = what {
                    self.notice = Some(Notice {
                        text: format!("Deleted the event {what}{UNDO_HINT}"),
                        is_error: false,
                    });
                }
            }
            Command::AddEvent {
                article,
                start,
                end,
                event,
            } => match self.keeping_selection(|wb| wb.add(article, start, end, event)) {
                Ok(k) => self.run_command(Command::SelectEvent(Some(k))),
                Err(text) => self.show_result(Err(text)),
            },
            Command::DiscardCorrection(id) => {
                if let Some(c) = self.keeping_selection(|wb| wb.discard(id)) {
                    self.show_result(Ok(format!("Discarded a correction of {}.", c.article)));
                }
            }
            Command::SplitMerged(key) => {
                let result = self
                    .workbench
                    .split(key)
                    .map(|n| format!("Split into {n} separate events (Ctrl+Z undoes)."));
                self.show_result(result);
            }
            Command::Undo => {
                self.keeping_selection(Workbench::undo);
                // The deletion it announced is undone: the notice goes too.
                if self
                    .notice
                    .as_ref()
                    .is_some_and(|n| n.text.ends_with(UNDO_HINT))
                {
                    self.notice = None;
                }
            }
            Command::Redo => {
                self.keeping_selection(Workbench::redo);
            }
            _ => {}
        }
    }

    /// Selection and filters.
    fn select_command(&mut self, command: Command) {
        match command {
            Command::SelectProvince(p) => {
                self.filter.link = None;
                self.filter.province = p.map(ProvinceId::new);
            }
            Command::SelectLink(l) => {
                self.filter.province = None;
                self.filter.link = l.map(|(a, b)| (ProvinceId::new(a), ProvinceId::new(b)));
            }
            Command::SelectEvent(e) => {
                self.selected_event = e;
                if e.is_some() {
                    self.focus = e.map(Focus::Event);
                }
            }
            Command::SetRange(r) => {
                self.filter.range = r.map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
            }
            Command::SetCountryPair(p) => self.filter.country_pair = p,
            Command::ToggleKind(kind) => {
                let mut kinds = self
                    .filter
                    .kinds
                    .clone()
                    .unwrap_or_else(|| EventKind::ALL.into_iter().collect());
                if !kinds.remove(&kind) {
                    kinds.insert(kind);
                }
                self.filter.kinds = (kinds.len() != EventKind::ALL.len()).then_some(kinds);
            }
            Command::SetText(t) => self.filter.text = t,
            Command::ClearFilters => {
                self.filter = Filter::default();
                self.side.clear_inputs();
            }
            Command::Escape => {
                if self.selected_event.is_some() {
                    self.selected_event = None;
                } else if self.filter.range.is_some() {
                    self.filter.range = None;
                    self.side.clear_inputs();
                } else {
                    self.filter.province = None;
                    self.filter.link = None;
                }
            }
            _ => {}
        }
    }

    /// Panes, windows and the notice.
    fn panes_command(&mut self, command: Command) {
        match command {
            Command::ShowOrphans(b) => self.show_orphans = b,
            Command::ShowArticle(b) => self.persisted.show_article = b,
            Command::ShowErrors(b) => self.persisted.show_errors = b,
            Command::DismissNotice => self.notice = None,
            _ => {}
        }
    }

    /// Run a change of the workbench, keeping the selected event selected (by its id)
    /// when it survives.
    pub(super) fn keeping_selection<T>(&mut self, change: impl FnOnce(&mut Workbench) -> T) -> T {
        let selected_id = self
            .selected_event
            .and_then(|k| self.workbench.corpus().event(k))
            .map(|e| e.event.id.clone());
        let out = change(&mut self.workbench);
        self.selected_event = selected_id.and_then(|id| self.workbench.corpus().find_event_id(&id));
        out
    }

    pub(super) fn show_result(&mut self, result: Result<String, String>) {
        self.notice = Some(match result {
            Ok(text) => Notice {
                text,
                is_error: false,
            },
            Err(text) => Notice {
                text,
                is_error: true,
            },
        });
    }

    pub(super) fn save_workspace(&mut self, path: &std::path::Path) {
        self.notice = Some(match self.workspace().save(path) {
            Ok(()) => Notice {
                text: format!(
                    "Workspace saved to {} ({} files, {} corrections).",
                    path.display(),
                    self.persisted.open_paths.len(),
                    self.workbench.corrections().corrections().len()
                ),
                is_error: false,
            },
            Err(e) => Notice {
                text: format!("Workspace not saved: {e}"),
                is_error: true,
            },
        });
    }

    /// Replace everything with the workspace at `path` (its files are loaded again).
    pub(super) fn open_workspace(&mut self, path: &std::path::Path) {
        let ws = match Workspace::load(path) {
            Ok(ws) => ws,
            Err(e) => {
                self.notice = Some(Notice {
                    text: format!("Workspace not opened: {e}"),
                    is_error: true,
                });
                return;
            }
        };
        self.queued.clear();
        // Results of a load still running belong to the old state: drop them.
        if let Some(l) = self.loader.take() {
            l.cancel();
        }
        self.workbench.reset_to(&ws);
        self.selected_event = None;
        self.draft = None;
        self.persisted.open_paths.clear();
        self.filter = serde_json::from_value(ws.filters.clone()).unwrap_or_default();
        self.side.clear_inputs();
        if let Ok(map) = serde_json::from_value::<MapView>(ws.view.clone()) {
            self.persisted.map = map;
        }
        let missing = ws.missing_files();
        let existing = ws.existing_files();
        self.open(existing);
        self.notice = Some(if missing.is_empty() {
            Notice {
                text: format!(
                    "Workspace {} opened ({} corrections).",
                    path.display(),
                    self.workbench.corrections().corrections().len()
                ),
                is_error: false,
            }
        } else {
            Notice {
                text: format!(
                    "Workspace {} opened; {} not found and skipped: {}",
                    path.display(),
                    super::count(missing.len(), "file", "files"),
                    list_some(&missing, 3)
                ),
                is_error: true,
            }
        });
    }

    pub(super) fn poll_dialog(&mut self) {
        let Some((purpose, rx)) = &self.pending_dialog else {
            return;
        };
        let purpose = *purpose;
        let outcome = match rx.try_recv() {
            Ok(o) => o,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                DialogOutcome::Unavailable(dialog::NO_BACKEND_MESSAGE.to_string())
            }
        };
        self.pending_dialog = None;
        match outcome {
            DialogOutcome::Picked(paths) => match purpose {
                DialogPurpose::OpenArticles { replace } => {
                    // Open replaces what is loaded (as Close all would); Add keeps it.
                    if replace {
                        self.run_command(Command::CloseAll);
                    }
                    self.open(paths);
                }
                DialogPurpose::OpenWorkspace => {
                    if let Some(p) = paths.into_iter().next() {
                        self.open_workspace(&p);
                    }
                }
                DialogPurpose::SaveWorkspace => {
                    if let Some(p) = paths.into_iter().next() {
                        self.save_workspace(&p);
                    }
                }
                DialogPurpose::Export(format) => {
                    if let Some(p) = paths.into_iter().next() {
                        self.commands.push(Command::Export { format, path: p });
                    }
                }
            },
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable(msg) => {
                self.notice = Some(Notice {
                    text: msg,
                    is_error: true,
                });
            }
        }
    }
}

/// The first `n` items joined, and how many more there are: a notice stays one
/// readable line however many files a workspace lists.
fn list_some(items: &[String], n: usize) -> String {
    let shown = items[..items.len().min(n)].join(", ");
    match items.len().saturating_sub(n) {
        0 => shown,
        more => format!("{shown} and {} more", crate::load::thousands(more)),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_list_is_cut_to_its_first_items_and_a_count() {
        let items: Vec<String> = (1..=100_000).map(|i| format!("f{i}.txt")).collect();
        assert_eq!(
            super::list_some(&items, 3),
            "f1.txt, f2.txt, f3.txt and 99,997 more"
        );
        assert_eq!(super::list_some(&items[..2], 3), "f1.txt, f2.txt");
    }
}
