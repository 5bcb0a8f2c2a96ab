//! The egui window.
//!
//! State is split as in egui's demo app and rerun's viewer:
//! - [`Persisted`]: what survives a restart (open files, recent files, panel toggles,
//!   map and timeline view), saved with eframe persistence;
//! - runtime state in [`BorderAtlasApp`] (`corpus`, filter, selection, loader, dialog);
//! - views (one module each, a small struct with `ui`) read a borrowed [`ViewCtx`] and push
//!   [`Command`]s, which the app runs at the end of the frame.

pub mod add_event;
pub mod article_pane;
pub mod details;
pub mod dialog;
pub mod edit;
pub mod errors;
pub mod event_list;
pub mod fonts;
pub mod map;
pub mod orphans;
pub mod side_panel;
pub mod timeline;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use egui::{Key, KeyboardShortcut, Modifiers};

use crate::corpus::{Corpus, EventKey, Filter};
use crate::corrections::{EventEdit, NewEvent};
use crate::gazetteer::gazetteer;
use crate::model::{EventKind, ProvinceId};
use crate::workbench::loader::{LoadJob, Loader, Pipeline};
use crate::workbench::Workbench;
pub use crate::workbench::{count, ExportFormat};
use crate::workspace::Workspace;
use dialog::{DialogKind, DialogOutcome, FileDialog, RfdDialog, SaveRequest};
use map::{MapInput, MapView};

/// Key of the persisted state in eframe storage.
const STORAGE_KEY: &str = "border-atlas-state";
const MAX_RECENT: usize = 10;

/// State saved across restarts.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Files and folders the user opened (reopened at start when no paths are given).
    pub open_paths: Vec<PathBuf>,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub show_article: bool,
    pub show_errors: bool,
    pub show_side: bool,
    pub map: MapView,
    pub timeline: timeline::Timeline,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            open_paths: Vec::new(),
            recent: Vec::new(),
            show_article: true,
            show_errors: true,
            show_side: true,
            map: MapView::default(),
            timeline: timeline::Timeline::default(),
        }
    }
}

/// Something a view asks the app to do; run at the end of the frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    OpenDialog(DialogKind),
    Open(Vec<PathBuf>),
    Reload,
    CancelLoad,
    CloseAll,
    ClearRecent,
    SelectProvince(Option<String>),
    SelectLink(Option<(String, String)>),
    SelectEvent(Option<EventKey>),
    SetRange(Option<(NaiveDate, NaiveDate)>),
    SetCountryPair(Option<String>),
    ToggleKind(EventKind),
    SetText(String),
    ClearFilters,
    /// Esc: clear the innermost selection (event, then range/province/link).
    Escape,
    ShowArticle(bool),
    DismissNotice,
    /// Record an edit of this event as a correction.
    EditEvent(EventKey, EventEdit),
    /// Record this event as false (a deletion correction).
    DeleteEvent(EventKey),
    /// Record an event the extractor missed, stated by `text[start..end]` of this article.
    AddEvent(crate::corpus::ArticleKey, usize, usize, NewEvent),
    /// Split the merged event this event belongs to back into its reports (a correction).
    SplitMerged(EventKey),
    /// Remove this correction from the workspace (an orphaned one, typically).
    DiscardCorrection(u64),
    /// Show or hide the list of corrections that no longer apply.
    ShowOrphans(bool),
    Undo,
    Redo,
    /// Ask where to save the workspace, then save it.
    SaveWorkspaceDialog,
    SaveWorkspace(PathBuf),
    OpenWorkspace(PathBuf),
    /// Set (or clear) the publication date of the article with this path; its relative
    /// dates are resolved again.
    SetPublished(String, Option<NaiveDate>),
    /// Ask where to export, then export.
    ExportDialog(ExportFormat),
    /// Export the events under the current filters (or the view, for PNG) to this file.
    Export(ExportFormat, PathBuf),
}

/// What a pending dialog's answer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DialogPurpose {
    OpenArticles,
    OpenWorkspace,
    SaveWorkspace,
    Export(ExportFormat),
}

/// What views read each frame.
pub struct ViewCtx<'a> {
    pub corpus: &'a Corpus,
    pub filter: &'a Filter,
    /// Events passing the filter, chronological.
    pub filtered: &'a [EventKey],
    pub selected_event: Option<EventKey>,
    /// Events per province under the filters other than the province/link selection.
    pub counts: &'a HashMap<String, usize>,
    /// The open files, corrections and publication dates (origins of events).
    pub workbench: &'a Workbench,
    /// The selected event merged with the same occasion in other articles (if any).
    pub merged: Option<&'a crate::merge::MergedEvent>,
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    pub fn send(&mut self, c: Command) {
        self.commands.push(c);
    }
}

/// How the app is set up (real run or test).
pub struct AppConfig {
    /// Paths from the command line (empty: reopen persisted files, else the samples).
    pub paths: Vec<PathBuf>,
    /// Read and write eframe persistence.
    pub persist: bool,
    pub dialog: Box<dyn FileDialog>,
    pub pipeline: Pipeline,
    /// Write a PNG of the window here once loaded, then close.
    pub screenshot: Option<PathBuf>,
    /// Open this workspace at start (instead of `paths`).
    pub workspace: Option<PathBuf>,
}

impl AppConfig {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        AppConfig {
            paths,
            persist: true,
            dialog: Box::new(RfdDialog),
            pipeline: Pipeline::default(),
            screenshot: None,
            workspace: None,
        }
    }
    /// No persistence, no real dialog (it reports "unavailable").
    pub fn for_test(paths: Vec<PathBuf>) -> Self {
        AppConfig {
            paths,
            persist: false,
            dialog: Box::new(dialog::FixedDialog(DialogOutcome::Unavailable(
                dialog::NO_BACKEND_MESSAGE.to_string(),
            ))),
            pipeline: Pipeline::default(),
            screenshot: None,
            workspace: None,
        }
    }
}

/// A message shown in a strip under the menu bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Derived data for the current filter, recomputed when the corpus or the filter changes.
#[derive(Default)]
struct Derived {
    key: Option<(u64, Filter)>,
    filtered: Vec<EventKey>,
    counts: HashMap<String, usize>,
    links: Vec<(String, String, usize)>,
}

#[derive(Default)]
enum ScreenshotState {
    #[default]
    Off,
    /// Waiting for the data, then for a few settled frames.
    Waiting {
        path: PathBuf,
        settled_frames: u32,
    },
    Requested {
        path: PathBuf,
        image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    },
    Done,
}

pub struct BorderAtlasApp {
    persisted: Persisted,
    persist: bool,
    workbench: Workbench,
    filter: Filter,
    selected_event: Option<EventKey>,
    derived: Derived,
    pipeline: Pipeline,
    loader: Option<Loader>,
    /// Jobs queued while another load runs.
    queued: Vec<LoadJob>,
    dialog: Box<dyn FileDialog>,
    pending_dialog: Option<(DialogPurpose, Receiver<DialogOutcome>)>,
    show_orphans: bool,
    /// The event being edited in the details pane.
    draft: Option<edit::Draft>,
    notice: Option<Notice>,
    commands: Vec<Command>,
    event_list: event_list::EventList,
    article_pane: article_pane::ArticlePane,
    side: side_panel::SidePanel,
    screenshot: ScreenshotState,
    /// A PNG export waiting for its screenshot.
    png_export: Option<(PathBuf, ImageSlot)>,
    ctx: egui::Context,
}

type ImageSlot = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

impl BorderAtlasApp {
    /// Build the app; starts loading `config.paths` (or the persisted files, or the samples).
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        fonts::install(&cc.egui_ctx);
        let persisted: Persisted = if config.persist {
            cc.storage
                .and_then(|s| eframe::get_value(s, STORAGE_KEY))
                .unwrap_or_default()
        } else {
            Persisted::default()
        };
        let mut app = BorderAtlasApp {
            persisted,
            persist: config.persist,
            workbench: Workbench::new(config.pipeline.extract),
            filter: Filter::default(),
            selected_event: None,
            derived: Derived::default(),
            pipeline: config.pipeline,
            loader: None,
            queued: Vec::new(),
            dialog: config.dialog,
            pending_dialog: None,
            show_orphans: false,
            draft: None,
            notice: None,
            commands: Vec::new(),
            event_list: event_list::EventList::default(),
            article_pane: article_pane::ArticlePane::default(),
            side: side_panel::SidePanel::default(),
            screenshot: match config.screenshot {
                Some(path) => ScreenshotState::Waiting {
                    path,
                    settled_frames: 0,
                },
                None => ScreenshotState::Off,
            },
            png_export: None,
            ctx: cc.egui_ctx.clone(),
        };
        if let Some(ws) = config.workspace {
            app.open_workspace(&ws);
        } else if !config.paths.is_empty() {
            app.persisted.open_paths.clear();
            app.open(config.paths);
        } else if !app.persisted.open_paths.is_empty() {
            let paths = app.persisted.open_paths.clone();
            app.start_job(LoadJob::Open {
                inputs: paths,
                known: HashMap::new(),
            });
        } else {
            app.start_job(LoadJob::Samples);
        }
        app
    }

    // ---- accessors (tests and embedding) ----

    pub fn corpus(&self) -> &Corpus {
        self.workbench.corpus()
    }
    pub fn workbench(&self) -> &Workbench {
        &self.workbench
    }
    pub fn filter(&self) -> &Filter {
        &self.filter
    }
    pub fn selected_event(&self) -> Option<EventKey> {
        self.selected_event
    }
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }
    pub fn persisted(&self) -> &Persisted {
        &self.persisted
    }
    /// Whether a load is running or queued.
    pub fn is_loading(&self) -> bool {
        self.loader.as_ref().is_some_and(|l| !l.finished) || !self.queued.is_empty()
    }
    /// Events passing the current filter, chronological.
    pub fn filtered_events(&mut self) -> Vec<EventKey> {
        self.refresh_derived();
        self.derived.filtered.clone()
    }
    /// Corrections that could not be applied to the loaded articles, by correction id
    /// (one correction concerning two loaded copies of its article is listed once).
    pub fn orphans(&self) -> Vec<crate::corrections::Orphan> {
        self.workbench.orphans()
    }
    /// The article text highlighted as evidence on the last frame.
    pub fn article_highlight(&self) -> Option<&str> {
        self.article_pane.highlighted.as_deref()
    }
    /// Where the evidence sentence was drawn on the last frame, and the part
    /// of the article pane in view.
    pub fn article_evidence_geometry(&self) -> Option<(egui::Rect, egui::Rect)> {
        Some((
            self.article_pane.evidence_rect?,
            self.article_pane.visible_rect?,
        ))
    }
    pub fn timeline(&self) -> &timeline::Timeline {
        &self.persisted.timeline
    }
    /// Queue a command as if a view had sent it (runs at the end of the next frame).
    pub fn send(&mut self, command: Command) {
        self.commands.push(command);
    }

    // ---- loading ----

    fn open(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        // Opening real files replaces the bundled samples.
        self.workbench.remove_samples();
        for p in &paths {
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if !self.persisted.open_paths.contains(&abs) {
                self.persisted.open_paths.push(abs.clone());
            }
            self.persisted.recent.retain(|r| r != &abs);
            self.persisted.recent.insert(0, abs);
        }
        self.persisted.recent.truncate(MAX_RECENT);
        // Known files are computed when the job starts (a queued job sees earlier results).
        self.start_job(LoadJob::Open {
            inputs: paths,
            known: HashMap::new(),
        });
    }

    fn start_job(&mut self, job: LoadJob) {
        if self.is_loading() {
            self.queued.push(job);
            return;
        }
        let known = self.workbench.known_files();
        let job = match job {
            LoadJob::Open { inputs, .. } => LoadJob::Open { inputs, known },
            LoadJob::Reload { inputs, .. } => LoadJob::Reload { inputs, known },
            LoadJob::Samples => LoadJob::Samples,
        };
        let ctx = self.ctx.clone();
        self.loader = Some(Loader::start(job, self.pipeline, move || {
            ctx.request_repaint()
        }));
    }

    fn apply_results(&mut self, results: Vec<crate::workbench::loader::FileResult>) {
        if results.is_empty() {
            return;
        }
        self.workbench.insert_results(results);
        // A selected event that was replaced by a reload is gone.
        if let Some(k) = self.selected_event {
            if self.workbench.corpus().event(k).is_none() {
                self.selected_event = None;
            }
        }
    }

    fn poll_loader(&mut self) {
        let Some(loader) = self.loader.as_mut() else {
            return;
        };
        let results = loader.poll();
        let finished = loader.finished;
        let cancelled = loader.cancelled;
        let (done, total) = (loader.done, loader.total);
        self.apply_results(results);
        if finished {
            if cancelled {
                self.notice = Some(Notice {
                    text: format!("Loading cancelled after {done} of {total} files; what was read stays loaded."),
                    is_error: false,
                });
            }
            if self.queued.is_empty() {
                // Keep the finished loader for its final counts.
            } else {
                let next = self.queued.remove(0);
                self.loader = None;
                self.start_job(next);
            }
        } else {
            // Progress comes with repaint requests; this is a safety net.
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn poll_dialog(&mut self) {
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
                DialogPurpose::OpenArticles => self.open(paths),
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
                        self.commands.push(Command::Export(format, p));
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

    // ---- corrections ----

    /// Run a change of the workbench, keeping the selected event selected (by its id)
    /// when it survives.
    fn keeping_selection<T>(&mut self, change: impl FnOnce(&mut Workbench) -> T) -> T {
        let selected_id = self
            .selected_event
            .and_then(|k| self.workbench.corpus().event(k))
            .map(|e| e.event.id.clone());
        let out = change(&mut self.workbench);
        self.selected_event = selected_id.and_then(|id| self.workbench.corpus().find_event_id(&id));
        out
    }

    fn show_result(&mut self, result: Result<String, String>) {
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

    fn poll_png_export(&mut self) {
        let Some((path, slot)) = &self.png_export else {
            return;
        };
        let taken = slot.lock().ok().and_then(|mut s| s.take());
        let Some(img) = taken else {
            self.ctx
                .request_repaint_after(std::time::Duration::from_millis(30));
            return;
        };
        let path = path.clone();
        self.png_export = None;
        self.notice = Some(match write_png(&path, &img) {
            Ok(()) => Notice {
                text: format!(
                    "Exported the view ({}×{} PNG) to {}.",
                    img.size[0],
                    img.size[1],
                    path.display()
                ),
                is_error: false,
            },
            Err(e) => Notice {
                text: format!("PNG export failed: {e:#}"),
                is_error: true,
            },
        });
    }

    // ---- workspace ----

    /// The current state as a workspace.
    pub fn workspace(&self) -> Workspace {
        self.workbench.workspace(
            &self.persisted.open_paths,
            serde_json::to_value(&self.filter).unwrap_or_default(),
            serde_json::to_value(&self.persisted.map).unwrap_or_default(),
        )
    }

    fn save_workspace(&mut self, path: &std::path::Path) {
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
    fn open_workspace(&mut self, path: &std::path::Path) {
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
                    "Workspace {} opened; {} file(s) not found and skipped: {}",
                    path.display(),
                    missing.len(),
                    missing.join(", ")
                ),
                is_error: true,
            }
        });
    }

    // ---- derived data ----

    fn refresh_derived(&mut self) {
        self.workbench.merged();
        let corpus = self.workbench.corpus();
        let key = (corpus.generation(), self.filter.clone());
        if self.derived.key.as_ref() == Some(&key) {
            return;
        }
        let filtered = corpus.filter(&self.filter);
        // The map shows counts for everything but the province/link selection itself,
        // so other provinces stay visible while one is selected.
        let mut map_filter = self.filter.clone();
        map_filter.province = None;
        map_filter.link = None;
        let map_events = if map_filter == self.filter {
            filtered.clone()
        } else {
            corpus.filter(&map_filter)
        };
        self.derived.counts = corpus.counts_by_province(&map_events);
        self.derived.links = corpus.links(&map_events);
        self.derived.filtered = filtered;
        self.derived.key = Some(key);
    }

    // ---- commands ----

    fn run_commands(&mut self) {
        let commands = std::mem::take(&mut self.commands);
        for c in commands {
            self.run_command(c);
        }
    }

    fn run_command(&mut self, command: Command) {
        match command {
            Command::OpenDialog(kind) => {
                if self.pending_dialog.is_none() {
                    let ctx = self.ctx.clone();
                    let purpose = match kind {
                        DialogKind::Workspace => DialogPurpose::OpenWorkspace,
                        DialogKind::Files | DialogKind::Folder => DialogPurpose::OpenArticles,
                    };
                    self.pending_dialog = Some((
                        purpose,
                        self.dialog
                            .open(kind, Box::new(move || ctx.request_repaint())),
                    ));
                }
            }
            Command::SaveWorkspaceDialog => {
                if self.pending_dialog.is_none() {
                    let ctx = self.ctx.clone();
                    let request = SaveRequest {
                        title: "Save workspace".into(),
                        file_name: "workspace.json".into(),
                        extension: "json".into(),
                    };
                    self.pending_dialog = Some((
                        DialogPurpose::SaveWorkspace,
                        self.dialog
                            .save_file(request, Box::new(move || ctx.request_repaint())),
                    ));
                }
            }
            Command::SaveWorkspace(p) => self.save_workspace(&p),
            Command::ExportDialog(format) => {
                if self.pending_dialog.is_none() {
                    let ctx = self.ctx.clone();
                    let ext = format.extension();
                    let request = SaveRequest {
                        title: format!("Export {}", ext.to_uppercase()),
                        file_name: format!("border-atlas-events.{ext}"),
                        extension: ext.into(),
                    };
                    self.pending_dialog = Some((
                        DialogPurpose::Export(format),
                        self.dialog
                            .save_file(request, Box::new(move || ctx.request_repaint())),
                    ));
                }
            }
            Command::Export(ExportFormat::Png, path) => {
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
            Command::Export(format, path) => {
                self.refresh_derived();
                let result = self.workbench.export(format, &path, &self.derived.filtered);
                self.show_result(result);
            }
            Command::OpenWorkspace(p) => self.open_workspace(&p),
            Command::SetPublished(article_path, date) => {
                self.keeping_selection(|wb| wb.set_published(&article_path, date));
            }
            Command::EditEvent(key, changes) => {
                self.keeping_selection(|wb| wb.edit(key, changes));
            }
            Command::DeleteEvent(key) => {
                self.keeping_selection(|wb| wb.delete(key));
                self.draft = None;
            }
            Command::AddEvent(article, start, end, event) => {
                match self.keeping_selection(|wb| wb.add(article, start, end, event)) {
                    Ok(k) => self.run_command(Command::SelectEvent(Some(k))),
                    Err(text) => self.show_result(Err(text)),
                }
            }
            Command::DiscardCorrection(id) => {
                if let Some(c) = self.keeping_selection(|wb| wb.discard(id)) {
                    self.show_result(Ok(format!("Discarded a correction of {}.", c.article)));
                }
            }
            Command::ShowOrphans(b) => self.show_orphans = b,
            Command::SplitMerged(key) => {
                let result = self
                    .workbench
                    .split(key)
                    .map(|n| format!("Split into {n} separate events (Ctrl+Z undoes)."));
                self.show_result(result);
            }
            Command::Undo => {
                self.keeping_selection(Workbench::undo);
            }
            Command::Redo => {
                self.keeping_selection(Workbench::redo);
            }
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
                    self.event_list.scroll_to_selected = true;
                    self.article_pane.scroll_to_evidence = true;
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
            Command::ShowArticle(b) => self.persisted.show_article = b,
            Command::DismissNotice => self.notice = None,
        }
    }

    // ---- input ----

    fn handle_global_input(&mut self, ctx: &egui::Context) {
        const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        const OPEN_FOLDER: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::O);
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN_FOLDER)) {
            self.commands.push(Command::OpenDialog(DialogKind::Folder));
        }
        if ctx.input_mut(|i| i.consume_shortcut(&OPEN)) {
            self.commands.push(Command::OpenDialog(DialogKind::Files));
        }
        let typing = ctx.egui_wants_keyboard_input();
        const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
        const REDO: KeyboardShortcut =
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&REDO)) {
            self.commands.push(Command::Redo);
        }
        if !typing && ctx.input_mut(|i| i.consume_shortcut(&UNDO)) {
            self.commands.push(Command::Undo);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F5)) {
            self.commands.push(Command::Reload);
        }
        if !typing && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.commands.push(Command::Escape);
        }
        // Dropped files and folders.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::Open(dropped));
        }
    }

    // ---- screenshot mode ----

    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let loading = self.is_loading();
        match std::mem::take(&mut self.screenshot) {
            ScreenshotState::Off => {}
            ScreenshotState::Done => self.screenshot = ScreenshotState::Done,
            ScreenshotState::Waiting {
                path,
                settled_frames,
            } => {
                let settled = if loading { 0 } else { settled_frames + 1 };
                if settled == 1 && self.selected_event.is_none() {
                    // Show a populated window: select the latest event linked to provinces.
                    let corpus = self.workbench.corpus();
                    let latest = corpus.events_in_order().iter().rev().find(|k| {
                        corpus.event(**k).is_some_and(|e| {
                            e.event.date.is_some() && !e.event.provinces.is_empty()
                        })
                    });
                    if let Some(k) = latest {
                        self.commands.push(Command::SelectEvent(Some(*k)));
                    }
                }
                if settled >= 5 {
                    let image = Arc::new(Mutex::new(None));
                    let slot = image.clone();
                    let ctx2 = ctx.clone();
                    ctx.request_screenshot(move |img| {
                        if let Ok(mut s) = slot.lock() {
                            *s = Some(img);
                        }
                        ctx2.request_repaint();
                    });
                    self.screenshot = ScreenshotState::Requested { path, image };
                } else {
                    self.screenshot = ScreenshotState::Waiting {
                        path,
                        settled_frames: settled,
                    };
                }
                ctx.request_repaint();
            }
            ScreenshotState::Requested { path, image } => {
                let taken = image.lock().ok().and_then(|mut s| s.take());
                match taken {
                    Some(img) => {
                        if let Err(e) = write_png(&path, &img) {
                            eprintln!("border-atlas: cannot write screenshot: {e:#}");
                        } else {
                            eprintln!("border-atlas: screenshot written to {}", path.display());
                        }
                        self.screenshot = ScreenshotState::Done;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    None => {
                        self.screenshot = ScreenshotState::Requested { path, image };
                        ctx.request_repaint_after(std::time::Duration::from_millis(30));
                    }
                }
            }
        }
    }

    // ---- layout ----

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu_bar").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| {
                    if ui.button("Open articles…  (Ctrl+O)").clicked() {
                        self.commands.push(Command::OpenDialog(DialogKind::Files));
                    }
                    if ui.button("Open folder…  (Ctrl+Shift+O)").clicked() {
                        self.commands.push(Command::OpenDialog(DialogKind::Folder));
                    }
                    ui.menu_button("Recent", |ui| {
                        if self.persisted.recent.is_empty() {
                            ui.label("No recent files");
                        }
                        for p in self.persisted.recent.clone() {
                            if ui.button(p.display().to_string()).clicked() {
                                self.commands.push(Command::Open(vec![p]));
                            }
                        }
                        ui.separator();
                        if ui.button("Clear recent").clicked() {
                            self.commands.push(Command::ClearRecent);
                        }
                    });
                    if ui.button("Reload changed files  (F5)").clicked() {
                        self.commands.push(Command::Reload);
                    }
                    if ui.button("Close all").clicked() {
                        self.commands.push(Command::CloseAll);
                    }
                    ui.separator();
                    if ui.button("Open workspace…").clicked() {
                        self.commands
                            .push(Command::OpenDialog(DialogKind::Workspace));
                    }
                    if ui.button("Save workspace…").clicked() {
                        self.commands.push(Command::SaveWorkspaceDialog);
                    }
                    ui.menu_button("Export", |ui| {
                        ui.weak("Events under the current filters");
                        for format in ExportFormat::ALL {
                            if ui.button(format.menu_label()).clicked() {
                                self.commands.push(Command::ExportDialog(format));
                            }
                        }
                    });
                    ui.separator();
                    if ui.button("Quit").clicked() {
                        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                });
                ui.menu_button("Edit", |ui| {
                    let corrections = self.workbench.corrections();
                    let n = corrections.corrections().len();
                    let (can_undo, can_redo) = (corrections.can_undo(), corrections.can_redo());
                    if ui
                        .add_enabled(
                            can_undo,
                            egui::Button::new("Undo last correction  (Ctrl+Z)"),
                        )
                        .clicked()
                    {
                        self.commands.push(Command::Undo);
                    }
                    if ui
                        .add_enabled(can_redo, egui::Button::new("Redo  (Ctrl+Shift+Z)"))
                        .clicked()
                    {
                        self.commands.push(Command::Redo);
                    }
                    ui.weak(format!("{n} corrections in this workspace"));
                    let orphans = self.orphans().len();
                    if ui
                        .button(format!("Corrections that no longer apply ({orphans})…"))
                        .clicked()
                    {
                        self.commands.push(Command::ShowOrphans(true));
                    }
                });
                ui.menu_button("View", |ui| {
                    ui.checkbox(&mut self.persisted.show_article, "Article pane");
                    ui.checkbox(&mut self.persisted.show_side, "Filters and provinces");
                    ui.checkbox(&mut self.persisted.show_errors, "Errors panel");
                    ui.separator();
                    ui.label("Theme");
                    egui::widgets::global_theme_preference_buttons(ui);
                });
                ui.separator();
                let corpus = self.workbench.corpus();
                ui.label(format!(
                    "{} · {}",
                    count(corpus.article_count(), "article", "articles"),
                    count(corpus.event_count(), "event", "events")
                ));
                let failures = corpus.failure_count();
                if failures > 0
                    && ui
                        .button(count(failures, "error", "errors"))
                        .on_hover_text("Show the files that could not be loaded")
                        .clicked()
                {
                    self.persisted.show_errors = true;
                }
                let orphans = self.orphans().len();
                if orphans > 0
                    && ui
                        .button(format!("{orphans} corrections no longer apply"))
                        .on_hover_text("Their article changed: see and discard them")
                        .clicked()
                {
                    self.commands.push(Command::ShowOrphans(true));
                }
                if !self.filter.is_empty() && ui.button("Clear filters").clicked() {
                    self.commands.push(Command::ClearFilters);
                }
            });
        });
    }

    fn status_strip(&mut self, ui: &mut egui::Ui) {
        let loading = self.loader.as_ref().filter(|l| !l.finished);
        if loading.is_none() && self.notice.is_none() {
            return;
        }
        egui::Panel::top("status_strip").show(ui, |ui| {
            if let Some(l) = loading {
                ui.horizontal(|ui| {
                    let frac = if l.total == 0 {
                        0.0
                    } else {
                        l.done as f32 / l.total as f32
                    };
                    ui.label("Loading");
                    ui.add(
                        egui::ProgressBar::new(frac)
                            .desired_width(300.0)
                            .text(format!("{} / {} files", l.done, l.total)),
                    );
                    if ui.button("Cancel").clicked() {
                        self.commands.push(Command::CancelLoad);
                    }
                });
            }
            if let Some(n) = &self.notice {
                ui.horizontal(|ui| {
                    let color = if n.is_error {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, &n.text);
                    if ui.small_button("Dismiss").clicked() {
                        self.commands.push(Command::DismissNotice);
                    }
                });
            }
        });
    }
}

impl eframe::App for BorderAtlasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_loader();
        self.poll_dialog();
        self.poll_png_export();
        self.handle_global_input(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.refresh_derived();
        self.menu_bar(ui);
        self.status_strip(ui);

        let Self {
            persisted,
            workbench,
            filter,
            selected_event,
            derived,
            commands,
            draft,
            event_list,
            article_pane,
            side,
            ..
        } = self;
        let corpus = workbench.corpus();
        let mut vc = ViewCtx {
            corpus,
            filter,
            filtered: &derived.filtered,
            selected_event: *selected_event,
            counts: &derived.counts,
            workbench,
            merged: selected_event
                .and_then(|k| corpus.event(k))
                .and_then(|e| workbench.last_merged().of_event(&e.event.id)),
            commands,
        };

        if persisted.show_errors && corpus.failure_count() > 0 {
            egui::Panel::bottom("errors_panel")
                .resizable(true)
                .default_size(90.0)
                .show(ui, |ui| {
                    if errors::ui(ui, corpus) {
                        persisted.show_errors = false;
                    }
                });
        }
        // The map is the central canvas: the panels around it take shares of
        // the window with bounds, so that at 1024×700 and up the map keeps
        // about half the width, and they give way before it does.
        let window = ui.available_rect_before_wrap();
        let (w, h) = (window.width(), window.height());
        egui::Panel::bottom("timeline_panel")
            .resizable(true)
            .default_size((h * 0.3).clamp(140.0, 320.0))
            .size_range(110.0..=(h * 0.45).max(110.0))
            .show(ui, |ui| persisted.timeline.ui(ui, &mut vc));
        if persisted.show_side {
            egui::Panel::left("side_panel")
                .resizable(true)
                .default_size((w * 0.17).clamp(160.0, 280.0))
                .size_range(140.0..=(w * 0.22).max(140.0))
                .show(ui, |ui| side.ui(ui, &mut vc));
        }
        // One column on the right: the events, the selected event's details,
        // and the article with its evidence.
        egui::Panel::right("events_panel")
            .resizable(true)
            .default_size((w * 0.33).clamp(300.0, 620.0))
            .size_range(240.0..=(w * 0.4).max(240.0))
            .show(ui, |ui| {
                let avail = ui.available_height();
                if persisted.show_article {
                    egui::Panel::bottom("article_panel")
                        .resizable(true)
                        .default_size(avail * 0.45)
                        .size_range((avail * 0.15)..=(avail * 0.7))
                        .show(ui, |ui| {
                            if article_pane.ui(ui, &mut vc) {
                                persisted.show_article = false;
                            }
                        });
                }
                egui::Panel::bottom("details_panel")
                    .resizable(true)
                    .default_size(avail * 0.3)
                    .size_range((avail * 0.1)..=(avail * 0.6))
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("details_scroll")
                            .auto_shrink([false, false])
                            .show(ui, |ui| details::ui(ui, &mut vc, draft));
                    });
                egui::CentralPanel::default().show(ui, |ui| event_list.ui(ui, &mut vc));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let mut highlighted: Vec<String> = Vec::new();
            if let Some(e) = vc.selected_event.and_then(|k| vc.corpus.event(k)) {
                highlighted = e.event.provinces.iter().map(|p| p.0.clone()).collect();
            }
            let input = MapInput {
                counts: derived.counts.clone(),
                selected: vc.filter.province.as_ref().map(|p| p.0.clone()),
                highlighted,
                links: derived.links.clone(),
                selected_link: vc
                    .filter
                    .link
                    .as_ref()
                    .map(|(a, b)| (a.0.clone(), b.0.clone())),
            };
            let resp = persisted.map.ui(ui, &input);
            if let Some(sel) = resp.select_province {
                vc.send(Command::SelectProvince(sel));
            }
            if let Some(link) = resp.select_link {
                vc.send(Command::SelectLink(Some(link)));
            }
        });

        if self.show_orphans {
            let orphans = self.orphans();
            let mut open = true;
            orphans::window(&ctx, &mut open, &orphans, &mut self.commands);
            self.show_orphans = open;
        }

        self.run_commands();
        self.drive_screenshot(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.persist {
            eframe::set_value(storage, STORAGE_KEY, &self.persisted);
        }
    }

    fn persist_egui_memory(&self) -> bool {
        self.persist
    }
}

/// A province's display name ("Champasak"), falling back to its id.
pub fn province_name(id: &str) -> String {
    gazetteer()
        .province(id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Colour of an event kind (markers, legend, list).
pub fn kind_color(kind: EventKind) -> egui::Color32 {
    use egui::Color32;
    match kind {
        EventKind::Meeting => Color32::from_rgb(0x1f, 0x77, 0xb4),
        EventKind::Agreement => Color32::from_rgb(0x2c, 0xa0, 0x2c),
        EventKind::Visit => Color32::from_rgb(0xff, 0x7f, 0x0e),
        EventKind::Aid => Color32::from_rgb(0xd6, 0x27, 0x28),
        EventKind::Proposal => Color32::from_rgb(0x94, 0x67, 0xbd),
        EventKind::Operation => Color32::from_rgb(0x8c, 0x56, 0x4b),
        EventKind::Other => Color32::from_rgb(0x7f, 0x7f, 0x7f),
    }
}

/// "27 May 2022 (day)", "May 2022 (month)", "undated".
pub fn date_label(date: Option<crate::model::PartialDate>) -> String {
    match date {
        Some(d) => format!("{} ({})", d.display_long(), d.precision()),
        None => "undated".to_string(),
    }
}

fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let [w, h] = image.size;
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, w as u32, h as u32);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().context("writing PNG header")?;
        let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
        writer
            .write_image_data(&pixels)
            .context("writing PNG data")?;
        writer.finish().context("finishing PNG")?;
    }
    crate::atomic::write_atomic(path, &bytes)?;
    Ok(())
}

/// Open the window. No paths: the files open last time, else the bundled samples.
/// `screenshot = Some(out)`: render 1400×900 once the data is loaded, write `out` (PNG), exit.
pub fn run(paths: Vec<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Border Atlas")
        .with_min_inner_size([800.0, 500.0])
        .with_drag_and_drop(true);
    viewport = viewport.with_inner_size([1400.0, 900.0]);
    let shot = screenshot.is_some();
    let options = eframe::NativeOptions {
        viewport,
        persist_window: !shot,
        ..Default::default()
    };
    let result = eframe::run_native(
        "border-atlas",
        options,
        Box::new(move |cc| {
            let mut config = AppConfig::new(paths);
            if shot {
                config.persist = false;
                config.screenshot = screenshot;
            }
            Ok(Box::new(BorderAtlasApp::new(cc, config)))
        }),
    );
    result.map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
