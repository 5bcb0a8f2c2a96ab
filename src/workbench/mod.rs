//! What the user has open: the loaded files (what the extractor read in each), the
//! user's corrections and publication dates, and the [`Corpus`] built from them.
//!
//! The window owns one [`Workbench`] and changes it only through its methods; nothing
//! here knows egui. Every change keeps one invariant: the corpus holds, for each loaded
//! file, exactly what its articles give after the user's publication dates and
//! corrections are applied ([`Workbench::corpus`]). One entry per loaded
//! file holds its extracted articles, its stamp, and what the corrections did to it
//! (which events they changed, which corrections no longer apply).
//!
//! [`loader`] reads files in the background and hands back [`loader::FileResult`]s,
//! which [`Workbench::insert_results`] takes in.

pub mod loader;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use crate::corpus::{ArticleKey, Corpus, EventKey, FileStamp, LoadedArticle};
use crate::corrections::{
    CorrectedEvent, Correction, CorrectionLog, EventEdit, EvidenceKey, NewEvent, Orphan,
    SplitSource,
};
use crate::merge::MergedEvent;
use crate::model::{Article, Event};
use crate::workspace::Workspace;
use loader::FileResult;

/// Where an event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Origin {
    /// Found by the extractor, unchanged.
    #[default]
    Extracted,
    /// Found by the extractor, changed by a user correction.
    Edited,
    /// Added by the user (the extractor did not find it).
    Added,
}

impl Origin {
    fn of(ce: &CorrectedEvent) -> Origin {
        if ce.added {
            Origin::Added
        } else if ce.edited {
            Origin::Edited
        } else {
            Origin::Extracted
        }
    }
}

/// One loaded file.
#[derive(Debug, Clone)]
struct OpenFile {
    /// What the extractor produced, before the user's dates and corrections.
    articles: Vec<LoadedArticle>,
    stamp: Option<FileStamp>,
    /// Events of this file changed or added by a correction.
    changed: HashMap<String, Origin>,
    /// Corrections concerning this file that could not be applied.
    orphans: Vec<Orphan>,
}

/// The events merged across articles (the same occasion reported by several).
#[derive(Debug, Default)]
pub struct Merged {
    events: Vec<MergedEvent>,
    /// Index in `events` of the merged event of each event id.
    of: HashMap<String, usize>,
}

impl Merged {
    /// The merged event the event with this id belongs to.
    pub fn of_event(&self, id: &str) -> Option<&MergedEvent> {
        self.of.get(id).and_then(|i| self.events.get(*i))
    }
    pub fn events(&self) -> &[MergedEvent] {
        &self.events
    }
}

/// File ▸ Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    GeoJson,
    Ics,
    /// The current window (map, timeline, lists) as an image.
    Png,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Csv,
        ExportFormat::Json,
        ExportFormat::GeoJson,
        ExportFormat::Ics,
        ExportFormat::Png,
    ];
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Ics => "ics",
            ExportFormat::Png => "png",
        }
    }
    pub fn menu_label(self) -> &'static str {
        match self {
            ExportFormat::Csv => "Events as CSV…",
            ExportFormat::Json => "Events as JSON…",
            ExportFormat::GeoJson => "Province counts as GeoJSON…",
            ExportFormat::Ics => "Events as iCalendar (.ics)…",
            ExportFormat::Png => "View as PNG…",
        }
    }
}

/// "1 article", "2 articles": a count with its noun in the right number.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The user's open files, corrections and publication dates, and the corpus they give.
pub struct Workbench {
    corpus: Corpus,
    files: HashMap<String, OpenFile>,
    corrections: CorrectionLog,
    published_overrides: BTreeMap<String, NaiveDate>,
    /// The union of the files' `changed`.
    changed: HashMap<String, Origin>,
    /// Extracts an article again when the user sets its publication date.
    extract: fn(&Article) -> Vec<Event>,
    /// The merge, and the corpus generation and corrections revision it was computed for.
    merged: Merged,
    merged_for: Option<(u64, u64)>,
    /// Bumped whenever the corrections change (a split changes the merge only).
    revision: u64,
}

impl Default for Workbench {
    fn default() -> Self {
        Workbench::new(crate::extract::extract)
    }
}

impl Workbench {
    /// An empty workbench; `extract` reads an article again when its publication date is set.
    pub fn new(extract: fn(&Article) -> Vec<Event>) -> Self {
        Workbench {
            corpus: Corpus::new(),
            files: HashMap::new(),
            corrections: CorrectionLog::default(),
            published_overrides: BTreeMap::new(),
            changed: HashMap::new(),
            extract,
            merged: Merged::default(),
            merged_for: None,
            revision: 0,
        }
    }

    // ---- reading ----

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }
    pub fn corrections(&self) -> &CorrectionLog {
        &self.corrections
    }
    /// Publication dates set by the user, by article path.
    pub fn published_overrides(&self) -> &BTreeMap<String, NaiveDate> {
        &self.published_overrides
    }
    /// Where the event with this id comes from.
    pub fn origin(&self, event_id: &str) -> Origin {
        self.changed.get(event_id).copied().unwrap_or_default()
    }
    /// Whether a file with this key is loaded.
    pub fn is_loaded(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
    /// Every loaded or failed file with its stamp (what a load skips or re-reads).
    pub fn known_files(&self) -> HashMap<String, Option<FileStamp>> {
        self.corpus
            .paths()
            .map(|p| (p.to_string(), self.corpus.stamp(p)))
            .chain(self.corpus.failures().map(|(p, _)| (p.to_string(), None)))
            .collect()
    }
    /// Corrections that could not be applied to the loaded articles, by correction id
    /// (one correction concerning two loaded copies of its article is listed once).
    pub fn orphans(&self) -> Vec<Orphan> {
        let mut out: Vec<Orphan> = self
            .files
            .values()
            .flat_map(|f| f.orphans.iter().cloned())
            .collect();
        out.sort_by_key(|o| o.correction.id);
        out.dedup_by_key(|o| o.correction.id);
        out
    }

    /// The loaded events merged across articles, computed again only when the corpus or
    /// the corrections changed.
    pub fn merged(&mut self) -> &Merged {
        let now = (self.corpus.generation(), self.revision);
        if self.merged_for != Some(now) {
            self.merged = self.merge();
            self.merged_for = Some(now);
        }
        &self.merged
    }
    /// The last merge computed by [`Workbench::merged`] (empty before the first).
    pub fn last_merged(&self) -> &Merged {
        &self.merged
    }

    fn merge(&self) -> Merged {
        let owned: Vec<(&Article, Vec<Event>)> = self
            .corpus
            .articles()
            .map(|a| {
                let events = a
                    .events
                    .iter()
                    .filter_map(|k| self.corpus.event(*k))
                    .map(|e| e.event.clone())
                    .collect();
                (&a.article, events)
            })
            .collect();
        let input: Vec<(&Article, &[Event])> =
            owned.iter().map(|(a, e)| (*a, e.as_slice())).collect();
        let splits = crate::corrections::splits(self.corrections.corrections());
        let events = crate::merge::merge_events_apart(&input, &splits);
        let mut of = HashMap::new();
        for (i, m) in events.iter().enumerate() {
            for src in &m.sources {
                of.insert(src.event_id.clone(), i);
            }
        }
        Merged { events, of }
    }

    // ---- loading ----

    /// Take in what a load produced: loaded files replace what was loaded under their
    /// path, failures are recorded (in the order given).
    pub fn insert_results(&mut self, results: Vec<FileResult>) {
        // One index rebuild per batch, not per file.
        let mut batch = Vec::with_capacity(results.len());
        for r in results {
            match r.outcome {
                Ok((articles, stamp)) => {
                    self.files.insert(
                        r.path.clone(),
                        OpenFile {
                            articles,
                            stamp,
                            changed: HashMap::new(),
                            orphans: Vec::new(),
                        },
                    );
                    if let Some(corrected) = self.corrected_file(&r.path) {
                        batch.push(corrected);
                    }
                    if !r.element_failures.is_empty() {
                        self.corpus.insert_files(std::mem::take(&mut batch));
                        for failure in r.element_failures {
                            self.corpus.record_failure(failure);
                        }
                    }
                }
                Err(error) => {
                    // Keep the order of results (a failure after a success of the same path).
                    self.corpus.insert_files(std::mem::take(&mut batch));
                    self.corpus.record_failure(crate::load::LoadFailure {
                        path: r.path,
                        error,
                    });
                }
            }
        }
        self.corpus.insert_files(batch);
        self.refresh_changed();
    }

    /// Unload the bundled sample articles (opening real files replaces them).
    pub fn remove_samples(&mut self) {
        let samples: Vec<String> = self
            .corpus
            .paths()
            .filter(|p| p.starts_with("sample/"))
            .map(str::to_string)
            .collect();
        for p in samples {
            self.corpus.remove_path(&p);
            self.files.remove(&p);
        }
        self.refresh_changed();
    }

    /// Unload every file (corrections and publication dates stay).
    pub fn close_all(&mut self) {
        self.corpus.clear();
        self.files.clear();
        self.changed.clear();
    }

    // ---- corrections ----

    /// Set (or clear) the publication date of the article with this path; its relative
    /// dates are resolved again.
    pub fn set_published(&mut self, article_path: &str, date: Option<NaiveDate>) {
        match date {
            Some(d) => self.published_overrides.insert(article_path.to_string(), d),
            None => self.published_overrides.remove(article_path),
        };
        let files: Vec<String> = self
            .files
            .iter()
            .filter(|(_, f)| f.articles.iter().any(|a| a.article.path == article_path))
            .map(|(p, _)| p.clone())
            .collect();
        self.reapply(Some(files));
    }

    /// Record an edit of event `key`. False when the event is no longer loaded.
    pub fn edit(&mut self, key: EventKey, changes: EventEdit) -> bool {
        self.correct(key, |a, e| Correction::edit(a, e, changes))
    }

    /// Record that event `key` is false. False when the event is no longer loaded.
    pub fn delete(&mut self, key: EventKey) -> bool {
        self.correct(key, Correction::delete)
    }

    fn correct(
        &mut self,
        key: EventKey,
        make: impl FnOnce(&Article, &Event) -> Correction,
    ) -> bool {
        let Some(entry) = self.corpus.event(key) else {
            return false;
        };
        let Some(article) = self.corpus.article(entry.article) else {
            return false;
        };
        let c = make(&article.article, &entry.event);
        let path = article.source_path.clone();
        self.push_correction(c);
        self.reapply(Some(vec![path]));
        true
    }

    /// Record an event the extractor missed, stated by `text[start..end]` of `article`;
    /// returns the added event, or why it was not added.
    pub fn add(
        &mut self,
        article: ArticleKey,
        start: usize,
        end: usize,
        event: NewEvent,
    ) -> Result<EventKey, String> {
        let Some(entry) = self.corpus.article(article) else {
            return Err("Event not added: its article is no longer loaded.".into());
        };
        let Some(c) = Correction::add(&entry.article, start, end, event) else {
            return Err(format!(
                "Event not added: the sentence is no longer in {}.",
                entry.article.path
            ));
        };
        let path = entry.source_path.clone();
        let mut c = c;
        c.id = self.push_correction(c.clone());
        self.reapply(Some(vec![path]));
        self.corpus
            .find_event_id(&c.added_event_id())
            .ok_or_else(|| "Event not added: its sentence states no event here.".to_string())
    }

    /// Record that the reports merged with event `key` must stay apart; returns how
    /// many reports it was split into, or why not.
    pub fn split(&mut self, key: EventKey) -> Result<usize, String> {
        let id = self
            .corpus
            .event(key)
            .map(|e| e.event.id.clone())
            .ok_or_else(|| "Not split: the event is no longer loaded.".to_string())?;
        self.merged();
        let Some(merged) = self.merged.of_event(&id) else {
            return Err("Not split: the event is not merged with others.".into());
        };
        let sources: Vec<SplitSource> = merged
            .sources
            .iter()
            .filter_map(|s| {
                let article = self.corpus.articles().find(|a| a.article.path == s.path)?;
                Some(SplitSource {
                    article: s.path.clone(),
                    key: EvidenceKey::new(&article.article.text, s.evidence.start, s.evidence.end)?,
                })
            })
            .collect();
        let n = sources.len();
        let c = Correction::split(sources).ok_or_else(|| {
            "Not split: fewer than two of its sources are still loaded.".to_string()
        })?;
        // The corpus itself is unchanged; the merge is computed again with the split.
        self.push_correction(c);
        Ok(n)
    }

    /// Remove a correction (an orphaned one, typically).
    pub fn discard(&mut self, id: u64) -> Option<Correction> {
        let c = self.corrections.remove(id)?;
        self.corrections_changed();
        Some(c)
    }

    /// Undo the last correction. False when there is none.
    pub fn undo(&mut self) -> bool {
        if self.corrections.undo().is_none() {
            return false;
        }
        self.corrections_changed();
        true
    }

    /// Redo the last undone correction. False when there is none.
    pub fn redo(&mut self) -> bool {
        if self.corrections.redo().is_none() {
            return false;
        }
        self.corrections_changed();
        true
    }

    /// After the log changed other than by a push: every file again, and a new merge.
    fn corrections_changed(&mut self) {
        self.revision += 1;
        self.reapply(None);
    }

    fn push_correction(&mut self, c: Correction) -> u64 {
        self.revision += 1;
        self.corrections.push(c)
    }

    /// Apply the corrections again to `paths` (every loaded file when `None`).
    fn reapply(&mut self, paths: Option<Vec<String>>) {
        let paths = paths.unwrap_or_else(|| self.files.keys().cloned().collect());
        for p in paths {
            if let Some((path, corrected, stamp)) = self.corrected_file(&p) {
                self.corpus.insert_file(&path, corrected, stamp);
            }
        }
        self.refresh_changed();
    }

    /// A loaded file's articles with the user's publication dates and corrections
    /// applied; records in its entry what the corrections did.
    fn corrected_file(
        &mut self,
        path: &str,
    ) -> Option<(String, Vec<LoadedArticle>, Option<FileStamp>)> {
        let file = self.files.get(path)?;
        let mut changed = HashMap::new();
        let mut orphans = Vec::new();
        let corrected: Vec<LoadedArticle> = file
            .articles
            .iter()
            .map(|la| {
                // A publication date set by the user: extract again with it.
                let overridden = self
                    .published_overrides
                    .get(&la.article.path)
                    .filter(|d| la.article.published != Some(**d))
                    .map(|d| {
                        let mut article = la.article.clone();
                        article.published = Some(*d);
                        LoadedArticle::extract_with(article, self.extract)
                    });
                let la = overridden.as_ref().unwrap_or(la);
                let (events, left) = crate::corrections::apply(
                    &la.article,
                    la.events.clone(),
                    self.corrections.corrections(),
                );
                orphans.extend(left);
                let events = events
                    .into_iter()
                    .map(|ce| {
                        let origin = Origin::of(&ce);
                        if origin != Origin::Extracted {
                            changed.insert(ce.event.id.clone(), origin);
                        }
                        ce.event
                    })
                    .collect();
                LoadedArticle {
                    article: la.article.clone(),
                    events,
                }
            })
            .collect();
        let stamp = file.stamp;
        if let Some(file) = self.files.get_mut(path) {
            file.changed = changed;
            file.orphans = orphans;
        }
        Some((path.to_string(), corrected, stamp))
    }

    fn refresh_changed(&mut self) {
        self.changed = self
            .files
            .values()
            .flat_map(|f| f.changed.iter().map(|(k, v)| (k.clone(), *v)))
            .collect();
    }

    // ---- workspace ----

    /// The workspace of these open files with the corrections and publication dates;
    /// `filters` and `view` are the window's own state.
    pub fn workspace(
        &self,
        files: &[std::path::PathBuf],
        filters: serde_json::Value,
        view: serde_json::Value,
    ) -> Workspace {
        Workspace {
            files: files.iter().map(|p| crate::load::path_text(p)).collect(),
            corrections: self.corrections.corrections().to_vec(),
            published_overrides: self.published_overrides.clone(),
            filters,
            view,
            ..Workspace::default()
        }
    }

    /// Start over with the corrections and publication dates of `ws` and nothing loaded
    /// (the caller loads its files).
    pub fn reset_to(&mut self, ws: &Workspace) {
        self.close_all();
        self.corrections = CorrectionLog::from_corrections(ws.corrections.clone());
        self.published_overrides = ws.published_overrides.clone();
        self.revision += 1;
    }

    // ---- export ----

    /// These events with their correction marks.
    fn corrected_events(&self, keys: &[EventKey]) -> Vec<(ArticleKey, CorrectedEvent)> {
        keys.iter()
            .filter_map(|k| self.corpus.event(*k))
            .map(|e| {
                let origin = self.origin(&e.event.id);
                let ce = CorrectedEvent {
                    edited: origin == Origin::Edited,
                    added: origin == Origin::Added,
                    event: e.event.clone(),
                };
                (e.article, ce)
            })
            .collect()
    }

    /// Write these events in `format`; the message says what was written where.
    pub fn export(
        &self,
        format: ExportFormat,
        path: &Path,
        keys: &[EventKey],
    ) -> Result<String, String> {
        use crate::export;
        let selection = self.corrected_events(keys);
        let events: Vec<export::ExportEvent> = selection
            .iter()
            .filter_map(|(a, ce)| {
                let article = self.corpus.article(*a)?;
                Some(export::ExportEvent::single(&article.article.path, ce))
            })
            .collect();
        let n = events.len();
        let fail = |e: export::ExportError| format!("Export failed: {e}");
        let what = match format {
            ExportFormat::Csv => {
                export::write_csv(path, &events).map_err(fail)?;
                format!("{} as CSV", count(n, "event", "events"))
            }
            ExportFormat::Json => {
                let mut by_article: Vec<(ArticleKey, Vec<CorrectedEvent>)> = Vec::new();
                for (a, ce) in &selection {
                    match by_article.iter_mut().find(|(k, _)| k == a) {
                        Some((_, v)) => v.push(ce.clone()),
                        None => by_article.push((*a, vec![ce.clone()])),
                    }
                }
                let articles: Vec<(&Article, &[CorrectedEvent])> = by_article
                    .iter()
                    .filter_map(|(a, v)| Some((&self.corpus.article(*a)?.article, v.as_slice())))
                    .collect();
                let mut json = export::JsonExport::new(&articles, events.clone());
                // As the `extract` object: the files that failed beside the
                // articles read, and the corrections that found no event.
                json.errors = self
                    .corpus
                    .failures()
                    .map(|(path, error)| crate::load::LoadFailure::new(path, error))
                    .collect();
                json.orphaned_corrections = self.orphans();
                export::write_json(path, &json).map_err(fail)?;
                format!(
                    "{} of {} as JSON",
                    count(n, "event", "events"),
                    count(articles.len(), "article", "articles")
                )
            }
            ExportFormat::GeoJson => {
                export::write_geojson(path, &events).map_err(fail)?;
                format!(
                    "province counts of {} as GeoJSON",
                    count(n, "event", "events")
                )
            }
            ExportFormat::Ics => {
                let s = export::write_ics(path, &events, chrono::Utc::now()).map_err(fail)?;
                let mut t = count(s.written, "calendar event", "calendar events");
                let mut left_out = Vec::new();
                if s.skipped_undated > 0 {
                    left_out.push(format!("{} undated", s.skipped_undated));
                }
                if s.skipped_unknown_year > 0 {
                    left_out.push(format!("{} with an unknown year", s.skipped_unknown_year));
                }
                if s.skipped_out_of_range > 0 {
                    left_out.push(format!(
                        "{} with a year a calendar cannot hold",
                        s.skipped_out_of_range
                    ));
                }
                if !left_out.is_empty() {
                    t.push_str(&format!(" ({} left out)", left_out.join(", ")));
                }
                t
            }
            ExportFormat::Png => return Err("PNG export runs through a screenshot".into()),
        };
        Ok(format!("Exported {what} to {}.", path.display()))
    }
}
