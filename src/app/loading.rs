//! Opening files: loads run in the background ([`crate::workbench::loader`]); the app
//! polls them each frame and queues a load asked for while another runs.

use std::collections::HashMap;
use std::path::PathBuf;

use super::{BorderAtlasApp, Notice, MAX_RECENT};
use crate::workbench::loader::{LoadJob, Loader};

impl BorderAtlasApp {
    pub(super) fn open(&mut self, paths: Vec<PathBuf>) {
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

    pub(super) fn start_job(&mut self, job: LoadJob) {
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

    pub(super) fn apply_results(&mut self, results: Vec<crate::workbench::loader::FileResult>) {
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

    pub(super) fn poll_loader(&mut self) {
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
}
