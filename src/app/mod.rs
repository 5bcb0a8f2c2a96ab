//! The egui window. Everything the user has open lives in the library's
//! [`crate::workbench::Workbench`]; this module draws it and turns clicks into
//! changes of it.
//!
//! State is split as in egui's demo app and rerun's viewer:
//! - [`Persisted`]: what survives a restart (open files, recent files, panel toggles,
//!   map and timeline view), saved with eframe persistence;
//! - runtime state in [`BorderAtlasApp`]: the workbench, filter, selection, loader, dialog;
//! - views, one module each, a small struct (or function) with `ui`.
//!
//! **How views talk to the app — the one rule.** A view reads the borrowed [`ViewCtx`]
//! and may change its own struct (scroll position, text being typed, an open form) and
//! plain view toggles. Every action with an effect beyond the view — selecting,
//! filtering, correcting, opening, exporting, closing a pane — is a [`Command`] sent
//! through [`ViewCtx::send`]; the app runs the commands at the end of the frame
//! (`handle.rs`). A command that wants something brought into view sets a one-frame
//! [`Focus`], which each view reacts to on the next frame; the app never writes a view's
//! fields. The map is a standalone widget (tested on its own, like walkers' map): it
//! returns a [`map::MapResponse`] that the frame turns into commands.
//!
//! Files by role: `command.rs` (commands, focus, view context), `handle.rs` (running
//! commands, dialogs, workspaces), `loading.rs` (background loads), `frame.rs` (one
//! frame: input, layout, views), `menu.rs` (menu bar, status strip), `screenshot.rs`
//! (`--screenshot` and PNG export).

pub mod add_event;
pub mod article_pane;
mod command;
pub mod details;
pub mod dialog;
pub mod edit;
pub mod errors;
pub mod event_list;
pub mod fonts;
mod frame;
mod handle;
mod loading;
pub mod map;
mod menu;
pub mod orphans;
mod screenshot;
pub mod shortcuts;
pub mod side_panel;
pub mod timeline;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use crate::corpus::{Corpus, EventKey, Filter};
use crate::model::EventKind;
use crate::workbench::loader::{LoadJob, Loader, Pipeline};
use crate::workbench::Workbench;
pub use crate::workbench::{count, ExportFormat};
use crate::workspace::Workspace;
pub use command::{Command, Focus, ViewCtx};
use dialog::{DialogOutcome, FileDialog, RfdDialog};
use handle::DialogPurpose;
use map::MapView;
use screenshot::{ImageSlot, ScreenshotState};

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
    hubs: Vec<(Vec<String>, usize)>,
}

pub struct BorderAtlasApp {
    persisted: Persisted,
    persist: bool,
    workbench: Workbench,
    filter: Filter,
    selected_event: Option<EventKey>,
    /// What the views bring into view on the next frame.
    focus: Option<Focus>,
    derived: Derived,
    pipeline: Pipeline,
    loader: Option<Loader>,
    /// Jobs queued while another load runs.
    queued: Vec<LoadJob>,
    dialog: Box<dyn FileDialog>,
    pending_dialog: Option<(DialogPurpose, Receiver<DialogOutcome>)>,
    show_orphans: bool,
    /// Help ▸ Keyboard shortcuts is open.
    show_shortcuts: bool,
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
            focus: None,
            derived: Derived::default(),
            pipeline: config.pipeline,
            loader: None,
            queued: Vec::new(),
            dialog: config.dialog,
            pending_dialog: None,
            show_orphans: false,
            show_shortcuts: false,
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

    // ---- corrections ----

    // ---- workspace ----

    /// The current state as a workspace.
    pub fn workspace(&self) -> Workspace {
        self.workbench.workspace(
            &self.persisted.open_paths,
            serde_json::to_value(&self.filter).unwrap_or_default(),
            serde_json::to_value(&self.persisted.map).unwrap_or_default(),
        )
    }

    // ---- derived data ----

    // ---- commands ----

    // ---- input ----

    // ---- screenshot mode ----

    // ---- layout ----
}

pub use crate::gazetteer::province_name;

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
