//! Background loading: files → articles → events on a worker thread, sent back in batches.
//!
//! The UI thread starts a [`LoadJob`] and polls [`Loader::poll`] every frame; the worker
//! reports progress (files done / total) and batches of finished files, and stops early
//! when cancelled. Nothing here touches egui except the repaint request.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::corpus::{FileStamp, LoadedArticle};
use crate::load::{Elements, LoadError, LoadFailure};
use crate::model::{Article, Event};

/// Expands files and folders into article files (+ failures for unlistable inputs).
pub type CollectFn = fn(&[PathBuf]) -> (Vec<PathBuf>, Vec<LoadFailure>);

/// The engine functions the loader runs. Defaults to the crate's loader and extractor;
/// tests may inject others.
#[derive(Clone, Copy)]
pub struct Pipeline {
    /// Expand files and folders into article files (+ failures for unlistable inputs).
    pub collect: CollectFn,
    /// Read and parse one file, each article (JSON array element) apart.
    pub load_file: fn(&Path) -> Result<Elements, LoadError>,
    /// Extract the events of one article.
    pub extract: fn(&Article) -> Vec<Event>,
    /// The bundled sample articles.
    pub samples: fn() -> Result<Vec<Article>, LoadError>,
    /// How long one file may take to read and extract before the load gives
    /// it up (reported as too slow) and goes on without it.
    pub file_budget: Duration,
}

/// The default [`Pipeline::file_budget`]: a 32 MB article file is read and
/// extracted in about 2 s here; fifteen times that is a file gone wrong.
pub const FILE_BUDGET: Duration = Duration::from_secs(30);

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline {
            collect: crate::load::collect_files,
            load_file: crate::load::load_file_each,
            extract: crate::extract::extract,
            samples: crate::sample::sample_articles,
            file_budget: FILE_BUDGET,
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
    /// Elements of a JSON array that failed while others loaded, each under
    /// its own path (`file.json#N`), as the command line lists them.
    pub element_failures: Vec<LoadFailure>,
}

impl FileResult {
    /// A file that failed as a whole.
    pub fn failed(path: impl Into<String>, error: LoadError) -> Self {
        FileResult {
            path: path.into(),
            outcome: Err(error),
            element_failures: Vec::new(),
        }
    }
}

/// Messages from the worker.
#[derive(Debug)]
pub enum LoadMsg {
    Progress { done: usize, total: usize },
    Batch(Vec<FileResult>),
    Done { cancelled: bool },
}

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
                    let _ = tx.send(LoadMsg::Batch(vec![FileResult::failed(
                        "(loader)",
                        LoadError::Internal(crate::load::panic_message(payload.as_ref())),
                    )]));
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
            let _ = tx.send(LoadMsg::Batch(vec![FileResult::failed(
                "(loader)",
                LoadError::Internal(format!("cannot start the loading thread: {e}")),
            )]));
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
                        out.push(FileResult::failed(
                            "(loader)",
                            LoadError::Internal(
                                "the loading thread stopped before it was done".into(),
                            ),
                        ));
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
    crate::load::path_text(&std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

fn stamp_of(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

/// Read one file and extract its events. A parser or extractor that panics
/// fails this file only, with the reason, as in `load::load_files`. The
/// elements of a JSON array that fail are listed beside the ones that load;
/// a file none of whose articles loads fails as a whole.
pub fn load_one(path: &Path, pipeline: &Pipeline) -> FileResult {
    let stamp = stamp_of(path);
    let key = crate::load::path_text(path);
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (pipeline.load_file)(path).map(|elements| {
            let mut loaded = Vec::new();
            let mut failures = Vec::new();
            for (element, result) in elements {
                match result {
                    Ok(a) => loaded.push(LoadedArticle::extract_with(a, pipeline.extract)),
                    Err(error) => failures.push(LoadFailure {
                        path: element,
                        error,
                    }),
                }
            }
            (loaded, failures)
        })
    }));
    match read {
        Ok(Ok((loaded, mut failures))) => {
            if loaded.is_empty() && failures.len() == 1 && failures[0].path == key {
                let only = failures.remove(0);
                return FileResult::failed(key, only.error);
            }
            FileResult {
                path: key,
                outcome: Ok((loaded, stamp)),
                element_failures: failures,
            }
        }
        Ok(Err(e)) => FileResult::failed(key, e),
        Err(payload) => FileResult::failed(
            key,
            LoadError::Internal(crate::load::panic_message(payload.as_ref())),
        ),
    }
}

/// Group sample articles by their path (each becomes one "file").
pub fn sample_results(pipeline: &Pipeline) -> Vec<FileResult> {
    match (pipeline.samples)() {
        Err(e) => vec![FileResult::failed("sample", e)],
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
                    element_failures: Vec::new(),
                })
                .collect()
        }
    }
}

fn run_job(
    job: LoadJob,
    pipeline: Pipeline,
    tx: &Sender<LoadMsg>,
    cancel: &Arc<AtomicBool>,
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
        .map(|f| FileResult::failed(f.path, f.error))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut todo: Vec<PathBuf> = Vec::new();
    for f in files {
        // Read by its canonical path, keyed by that path's text (see `path_key`).
        let canonical = std::fs::canonicalize(&f).unwrap_or(f);
        let key = crate::load::path_text(&canonical);
        if !seen.insert(key.clone()) {
            continue;
        }
        match known.get(&key) {
            None => todo.push(canonical),
            Some(old) if reload && (old.is_none() || *old != stamp_of(&canonical)) => {
                todo.push(canonical)
            }
            Some(_) => {}
        }
    }
    if reload {
        // Files loaded before that are gone now: say so, keep what was loaded.
        for path in known.keys() {
            if !seen.contains(path)
                && !path.starts_with("sample/")
                && !crate::load::text_path(path).exists()
            {
                early.push(FileResult::failed(path.clone(), LoadError::Vanished));
            }
        }
    }
    let total = todo.len();
    send(LoadMsg::Progress { done: 0, total });
    if !early.is_empty() {
        send(LoadMsg::Batch(early));
    }
    load_each(todo, pipeline, &send, cancel)
}

/// Results gathered into one message at most (the UI takes every message
/// waiting at each frame anyway).
const BATCH: usize = 256;

/// Read and extract `todo` on a thread pool of this load's own, sending each
/// file's result as soon as it is ready, so that one slow file never holds
/// back the others. A file still unfinished after the pipeline's
/// `file_budget` is given up: it is reported as too slow at once and its
/// late result is dropped. Returns whether the load was cancelled.
///
/// The pool belongs to this load alone: a file that never finishes keeps
/// one of its threads, never those of later loads, and a cancelled load
/// returns at once without waiting for the files in flight.
fn load_each(
    todo: Vec<PathBuf>,
    pipeline: Pipeline,
    send: &dyn Fn(LoadMsg),
    cancel: &Arc<AtomicBool>,
) -> bool {
    let total = todo.len();
    if total == 0 {
        return cancel.load(Ordering::Relaxed);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("border-atlas-load-{i}"))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            send(LoadMsg::Batch(vec![FileResult::failed(
                "(loader)",
                LoadError::Internal(format!("cannot start the loading threads: {e}")),
            )]));
            return true;
        }
    };
    let todo = Arc::new(todo);
    // When each file in flight started, by its index in `todo`.
    let in_flight: Arc<Mutex<HashMap<usize, Instant>>> = Arc::default();
    let (result_tx, results) = mpsc::channel::<(usize, FileResult)>();
    {
        let (todo, in_flight, cancel) = (todo.clone(), in_flight.clone(), cancel.clone());
        pool.spawn(move || {
            todo.par_iter()
                .enumerate()
                .for_each_with(result_tx, |tx, (i, path)| {
                    if cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    lock(&in_flight).insert(i, Instant::now());
                    let result = load_one(path, &pipeline);
                    lock(&in_flight).remove(&i);
                    let _ = tx.send((i, result));
                });
        });
    }
    let mut given_up: HashSet<usize> = HashSet::new();
    let mut done = 0;
    while done < total {
        let mut batch = Vec::new();
        match results.recv_timeout(Duration::from_millis(100)) {
            Ok(first) => {
                let more = std::iter::from_fn(|| results.try_recv().ok()).take(BATCH - 1);
                for (i, result) in std::iter::once(first).chain(more) {
                    if !given_up.remove(&i) {
                        batch.push(result);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            // Every file has been read, or the load was cancelled.
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if cancel.load(Ordering::Relaxed) {
            // Files read so far are kept; those in flight are not waited for.
            if !batch.is_empty() {
                send(LoadMsg::Batch(batch));
            }
            return true;
        }
        let now = Instant::now();
        let overdue: Vec<usize> = lock(&in_flight)
            .iter()
            .filter(|(_, started)| now.duration_since(**started) >= pipeline.file_budget)
            .map(|(i, _)| *i)
            .collect();
        for i in overdue {
            lock(&in_flight).remove(&i);
            given_up.insert(i);
            let path = crate::load::path_text(&todo[i]);
            batch.push(FileResult::failed(
                path,
                LoadError::TooSlow {
                    budget: pipeline.file_budget,
                },
            ));
        }
        if !batch.is_empty() {
            done += batch.len();
            send(LoadMsg::Batch(batch));
            send(LoadMsg::Progress { done, total });
        }
    }
    cancel.load(Ordering::Relaxed)
}

/// A lock that outlives a panic elsewhere (what it guards stays consistent:
/// one insert or remove at a time).
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
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
    fn read_utf8(path: &Path) -> Result<Elements, LoadError> {
        let bytes = std::fs::read(path).map_err(|e| LoadError::Io(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Io(e.to_string()))?;
        let path = path.to_string_lossy().into_owned();
        Ok(vec![(
            path.clone(),
            Ok(Article {
                path,
                text,
                ..Article::default()
            }),
        )])
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
        file_budget: FILE_BUDGET,
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

    /// Set when the slow file of the test below has finished reading.
    static SLOW_FINISHED: AtomicBool = AtomicBool::new(false);

    fn slow_when_named_slow(path: &Path) -> Result<Elements, LoadError> {
        if path.to_string_lossy().contains("slow") {
            std::thread::sleep(Duration::from_secs(3));
            SLOW_FINISHED.store(true, Ordering::SeqCst);
        }
        read_utf8(path)
    }

    #[test]
    fn a_file_over_its_budget_is_given_up_and_never_holds_back_the_others() {
        let dir = tempfile::tempdir().unwrap();
        let slow = dir.path().join("slow.txt");
        let good: Vec<PathBuf> = (0..5)
            .map(|i| dir.path().join(format!("good{i}.txt")))
            .collect();
        std::fs::write(&slow, "slow").unwrap();
        for g in &good {
            std::fs::write(g, "good").unwrap();
        }
        let pipeline = Pipeline {
            load_file: slow_when_named_slow,
            file_budget: Duration::from_millis(300),
            ..TEST_PIPELINE
        };
        let mut inputs = vec![slow.clone()];
        inputs.extend(good.iter().cloned());
        let mut loader = Loader::start(
            LoadJob::Open {
                inputs,
                known: HashMap::new(),
            },
            pipeline,
            || {},
        );
        let mut results = Vec::new();
        while !loader.finished {
            results.extend(loader.poll());
            std::thread::sleep(Duration::from_millis(5));
        }
        results.extend(loader.poll());
        assert!(
            !SLOW_FINISHED.load(Ordering::SeqCst),
            "the load ended before the slow file did"
        );
        assert!(!loader.cancelled);
        assert_eq!((loader.done, loader.total), (6, 6));
        let ok = results.iter().filter(|r| r.outcome.is_ok()).count();
        assert_eq!(ok, 5, "every good file is shown");
        let slow_key = path_key(&slow);
        let failed: Vec<String> = results
            .iter()
            .filter(|r| r.path == slow_key)
            .filter_map(|r| r.outcome.as_ref().err().map(|e| e.to_string()))
            .collect();
        assert_eq!(
            failed,
            ["took longer than 0.3 s to read: skipped (the other files were loaded)"]
        );
    }

    /// Set when the slow file of the cancel test has finished reading.
    static CANCELLED_FINISHED: AtomicBool = AtomicBool::new(false);

    fn slow_then_flag(path: &Path) -> Result<Elements, LoadError> {
        std::thread::sleep(Duration::from_secs(3));
        CANCELLED_FINISHED.store(true, Ordering::SeqCst);
        read_utf8(path)
    }

    #[test]
    fn a_cancelled_load_ends_without_waiting_for_the_file_in_flight() {
        let dir = tempfile::tempdir().unwrap();
        let slow = dir.path().join("slow-cancel.txt");
        std::fs::write(&slow, "slow").unwrap();
        let pipeline = Pipeline {
            load_file: slow_then_flag,
            ..TEST_PIPELINE
        };
        let mut loader = Loader::start(
            LoadJob::Open {
                inputs: vec![slow],
                known: HashMap::new(),
            },
            pipeline,
            || {},
        );
        std::thread::sleep(Duration::from_millis(200));
        loader.cancel();
        while !loader.finished {
            loader.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert!(loader.cancelled);
        assert!(
            !CANCELLED_FINISHED.load(Ordering::SeqCst),
            "the cancelled load ended before its slow file did"
        );
    }
}
