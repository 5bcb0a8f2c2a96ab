//! Background loading: files → articles → events on a worker thread, sent back in batches.
//!
//! The UI thread starts a [`LoadJob`] and polls [`Loader::poll`] every frame; the worker
//! reports progress (files done / total) and batches of finished files, and stops early
//! when cancelled. Nothing here touches egui except the repaint request.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;

use rayon::prelude::*;

use crate::corpus::{FileStamp, LoadedArticle};
use crate::load::{LoadError, LoadFailure};
use crate::model::{Article, Event};

/// Expands files and folders into article files (+ failures for unlistable inputs).
pub type CollectFn = fn(&[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>);

/// The engine functions the loader runs. Defaults to the crate's loader and extractor;
/// tests may inject others.
#[derive(Clone, Copy)]
pub struct Pipeline {
    /// Expand files and folders into article files (+ failures for unlistable inputs).
    pub collect: CollectFn,
    /// Read and parse one file.
    pub load_file: fn(&Path) -> Result<Vec<Article>, LoadError>,
    /// Extract the events of one article.
    pub extract: fn(&Article) -> Vec<Event>,
    /// The bundled sample articles.
    pub samples: fn() -> Result<Vec<Article>, LoadError>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            collect: crate::load::collect_files,
            load_file: crate::load::load_file,
            extract: crate::extract::extract,
            samples: crate::sample::sample_articles,
        }
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pipeline")
    }
}

/// What to load.
#[derive(Debug, Clone)]
pub enum LoadJob {
    /// Open these files/folders; files already loaded (keys of `known`) are skipped.
    Open {
        inputs: Vec<PathBuf>,
        known: HashMap<String, Option<FileStamp>>,
    },
    /// Re-read every file under `inputs` whose stamp changed (or that is new), and report
    /// loaded files that vanished.
    Reload {
        inputs: Vec<PathBuf>,
        known: HashMap<String, Option<FileStamp>>,
    },
    /// The bundled samples.
    Samples,
}

/// The result for one file.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub outcome: Result<(Vec<LoadedArticle>, Option<FileStamp>), LoadError>,
}

/// Messages from the worker.
#[derive(Debug)]
pub enum LoadMsg {
    Progress { done: usize, total: usize },
    Batch(Vec<FileResult>),
    Done { cancelled: bool },
}

/// Files per batch sent to the UI.
const BATCH: usize = 64;

/// A running (or finished) load.
pub struct Loader {
    rx: Receiver<LoadMsg>,
    cancel: Arc<AtomicBool>,
    pub done: usize,
    pub total: usize,
    pub finished: bool,
    pub cancelled: bool,
}

impl Loader {
    /// Start `job` on a worker thread. `repaint` is called whenever a message is sent.
    pub fn start(
        job: LoadJob,
        pipeline: Pipeline,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Loader {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let worker_cancel = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("border-atlas-loader".into())
            .spawn(move || {
                // A panic anywhere in the job (listing included) ends this
                // load with an error; the window and later loads go on.
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    run_job(job, pipeline, &tx, &worker_cancel, &repaint)
                }));
                let cancelled = run.unwrap_or_else(|payload| {
                    let _ = tx.send(LoadMsg::Batch(vec![FileResult {
                        path: "(loader)".into(),
                        outcome: Err(LoadError::Internal(crate::load::panic_message(
                            payload.as_ref(),
                        ))),
                    }]));
                    true
                });
                let _ = tx.send(LoadMsg::Done { cancelled });
                repaint();
            });
        let mut loader = Loader {
            rx,
            cancel,
            done: 0,
            total: 0,
            finished: false,
            cancelled: false,
        };
        if let Err(e) = spawned {
            // No thread: report the failure as a finished load with an error batch.
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(LoadMsg::Batch(vec![FileResult {
                path: "(loader)".into(),
                outcome: Err(LoadError::Internal(format!(
                    "cannot start the loading thread: {e}"
                ))),
            }]));
            let _ = tx.send(LoadMsg::Done { cancelled: true });
            loader.rx = rx;
        }
        loader
    }

    /// Ask the worker to stop after the files in flight.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Take every message received so far (updates progress/finished).
    pub fn poll(&mut self) -> Vec<FileResult> {
        let mut out = Vec::new();
        loop {
            let msg = match self.rx.try_recv() {
                Ok(msg) => msg,
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The worker is gone without saying it was done: the load is
                    // over (and failed), so later loads are not queued behind it.
                    if !self.finished {
                        self.finished = true;
                        self.cancelled = true;
                        out.push(FileResult {
                            path: "(loader)".into(),
                            outcome: Err(LoadError::Internal(
                                "the loading thread stopped before it was done".into(),
                            )),
                        });
                    }
                    break;
                }
            };
            match msg {
                LoadMsg::Progress { done, total } => {
                    self.done = done;
                    self.total = total;
                }
                LoadMsg::Batch(files) => out.extend(files),
                LoadMsg::Done { cancelled } => {
                    self.finished = true;
                    self.cancelled = cancelled;
                }
            }
        }
        out
    }
}

/// The canonical string for a path (what the corpus keys files by).
pub fn path_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn stamp_of(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// Read one file and extract its events. A parser or extractor that panics
/// fails this file only, with the reason, as in `load::load_files`.
pub fn load_one(path: &Path, pipeline: &Pipeline) -> FileResult {
    let stamp = stamp_of(path);
    let key = path.to_string_lossy().into_owned();
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (pipeline.load_file)(path).map(|articles| {
            articles
                .into_iter()
                .map(|a| LoadedArticle::extract_with(a, pipeline.extract))
                .collect::<Vec<_>>()
        })
    }));
    let outcome = match read {
        Ok(Ok(loaded)) => Ok((loaded, stamp)),
        Ok(Err(e)) => Err(e),
        Err(payload) => Err(LoadError::Internal(crate::load::panic_message(
            payload.as_ref(),
        ))),
    };
    FileResult { path: key, outcome }
}

/// Group sample articles by their path (each becomes one "file").
pub fn sample_results(pipeline: &Pipeline) -> Vec<FileResult> {
    match (pipeline.samples)() {
        Err(e) => vec![FileResult {
            path: "sample".into(),
            outcome: Err(e),
        }],
        Ok(articles) => {
            let mut by_path: Vec<(String, Vec<LoadedArticle>)> = Vec::new();
            for a in articles {
                let loaded = LoadedArticle::extract_with(a, pipeline.extract);
                match by_path.iter_mut().find(|(p, _)| *p == loaded.article.path) {
                    Some((_, v)) => v.push(loaded),
                    None => by_path.push((loaded.article.path.clone(), vec![loaded])),
                }
            }
            by_path
                .into_iter()
                .map(|(path, v)| FileResult {
                    path,
                    outcome: Ok((v, None)),
                })
                .collect()
        }
    }
}

fn run_job(
    job: LoadJob,
    pipeline: Pipeline,
    tx: &Sender<LoadMsg>,
    cancel: &AtomicBool,
    repaint: &(dyn Fn() + Send + Sync),
) -> bool {
    let send = |msg: LoadMsg| {
        let _ = tx.send(msg);
        repaint();
    };
    let (inputs, known, reload) = match job {
        LoadJob::Samples => {
            let results = sample_results(&pipeline);
            let n = results.len();
            send(LoadMsg::Batch(results));
            send(LoadMsg::Progress { done: n, total: n });
            return false;
        }
        LoadJob::Open { inputs, known } => (inputs, known, false),
        LoadJob::Reload { inputs, known } => (inputs, known, true),
    };
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let (files, failures) = (pipeline.collect)(&inputs);
    let mut early: Vec<FileResult> = failures
        .into_iter()
        .map(|f| FileResult {
            path: f.path,
            outcome: Err(f.error),
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut todo: Vec<PathBuf> = Vec::new();
    for f in files {
        let key = path_key(&f);
        if !seen.insert(key.clone()) {
            continue;
        }
        match known.get(&key) {
            None => todo.push(PathBuf::from(key)),
            Some(old) if reload && (old.is_none() || *old != stamp_of(Path::new(&key))) => {
                todo.push(PathBuf::from(key))
            }
            Some(_) => {}
        }
    }
    if reload {
        // Files loaded before that are gone now: say so, keep what was loaded.
        for path in known.keys() {
            if !seen.contains(path) && !path.starts_with("sample/") && !Path::new(path).exists() {
                early.push(FileResult {
                    path: path.clone(),
                    outcome: Err(LoadError::Vanished),
                });
            }
        }
    }
    let total = todo.len();
    send(LoadMsg::Progress { done: 0, total });
    if !early.is_empty() {
        send(LoadMsg::Batch(early));
    }
    let done = AtomicUsize::new(0);
    for chunk in todo.chunks(BATCH) {
        if cancel.load(Ordering::Relaxed) {
            return true;
        }
        let results: Vec<FileResult> = chunk
            .par_iter()
            .filter_map(|path| {
                if cancel.load(Ordering::Relaxed) {
                    return None;
                }
                let r = load_one(path, &pipeline);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                if n.is_multiple_of(16) {
                    let _ = tx.send(LoadMsg::Progress { done: n, total });
                    repaint();
                }
                Some(r)
            })
            .collect();
        send(LoadMsg::Batch(results));
        send(LoadMsg::Progress {
            done: done.load(Ordering::Relaxed),
            total,
        });
    }
    cancel.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worker_gone_without_done_ends_the_load_with_an_error() {
        let (tx, rx) = mpsc::channel();
        tx.send(LoadMsg::Progress { done: 1, total: 3 }).unwrap();
        drop(tx);
        let mut loader = Loader {
            rx,
            cancel: Arc::new(AtomicBool::new(false)),
            done: 0,
            total: 0,
            finished: false,
            cancelled: false,
        };
        let results = loader.poll();
        assert!(loader.finished && loader.cancelled);
        assert_eq!(results.len(), 1);
        assert!(results[0].outcome.is_err());
        // Said once only.
        assert!(loader.poll().is_empty());
    }

    fn collect_given(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>) {
        (inputs.to_vec(), Vec::new())
    }
    fn read_utf8(path: &Path) -> Result<Vec<Article>, LoadError> {
        let bytes = std::fs::read(path).map_err(|e| LoadError::Io(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Io(e.to_string()))?;
        Ok(vec![Article {
            path: path.to_string_lossy().into_owned(),
            text,
            ..Article::default()
        }])
    }
    fn no_events(_: &Article) -> Vec<Event> {
        Vec::new()
    }
    fn no_samples() -> Result<Vec<Article>, LoadError> {
        Ok(Vec::new())
    }
    const TEST_PIPELINE: Pipeline = Pipeline {
        collect: collect_given,
        load_file: read_utf8,
        extract: no_events,
        samples: no_samples,
    };

    fn run_to_end(job: LoadJob) -> (Vec<FileResult>, Loader) {
        let mut loader = Loader::start(job, TEST_PIPELINE, || {});
        let mut out = Vec::new();
        let start = std::time::Instant::now();
        while !loader.finished && start.elapsed().as_secs() < 20 {
            out.extend(loader.poll());
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        out.extend(loader.poll());
        (out, loader)
    }

    #[test]
    fn loads_files_skips_known_and_reports_failures() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let bad = dir.path().join("bad.txt");
        std::fs::write(&a, "alpha").unwrap();
        std::fs::write(&b, "beta").unwrap();
        std::fs::write(&bad, [0xff, 0xfe, 0x00]).unwrap();
        let mut known = HashMap::new();
        known.insert(path_key(&b), None);
        let (results, loader) = run_to_end(LoadJob::Open {
            inputs: vec![a.clone(), b.clone(), bad.clone()],
            known,
        });
        assert!(loader.finished && !loader.cancelled);
        assert_eq!((loader.done, loader.total), (2, 2));
        let ok: Vec<&str> = results
            .iter()
            .filter(|r| r.outcome.is_ok())
            .map(|r| r.path.as_str())
            .collect();
        assert_eq!(ok, [path_key(&a)]);
        let err: Vec<&FileResult> = results.iter().filter(|r| r.outcome.is_err()).collect();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].path, path_key(&bad));
    }

    #[test]
    fn reload_reads_only_changed_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "alpha").unwrap();
        std::fs::write(&b, "beta").unwrap();
        let mut known = HashMap::new();
        known.insert(path_key(&a), stamp_of(&a));
        known.insert(path_key(&b), stamp_of(&b));
        std::fs::write(&b, "beta, longer now").unwrap();
        let (results, _) = run_to_end(LoadJob::Reload {
            inputs: vec![a.clone(), b.clone()],
            known,
        });
        let paths: Vec<&str> = results.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, [path_key(&b)]);
    }
}
