//! The set of loaded articles and their events, with indexes (no egui).
//!
//! Articles are grouped by the path they were read from. Adding a batch for a
//! path replaces only what came from that path; everything else stays loaded.
//! Every article and event gets a key ([`ArticleKey`], [`EventKey`]) that stays
//! valid for as long as it is loaded and is never reused in the same session, so
//! the UI can hold on to a selection across loads. Events also keep the
//! extractor's content-derived `Event::id`, which is stable across reloads of an
//! unchanged text ([`Corpus::find_event_id`]).
//!
//! Indexes: by province, by date (sorted spans), by article; and a global
//! chronological order. A [`Filter`] is evaluated against these indexes and a
//! pre-lowercased search text per event: nothing is re-parsed.
//!
//! Room to grow (issue 5): an [`EventEntry`] is one event as one article states
//! it, so merged events can be built as groups of entries without changing keys.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::load::LoadFailure;
use crate::model::{Article, Event, EventKind, PartialDate, ProvinceId};

/// Key of a loaded article; never reused within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleKey(pub u32);

/// Key of a loaded event; never reused within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventKey(pub u32);

/// A column the event list can be sorted by ([`Corpus::sorted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortBy {
    /// Chronological: the corpus order.
    #[default]
    Date,
    /// By the names of the event's provinces.
    Province,
    /// By kind (agreement, aid, meeting, …).
    Kind,
    /// By the number of articles reporting the event.
    Sources,
}

/// What a file looked like when it was read (to tell whether a reload is needed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub modified: Option<SystemTime>,
    pub len: u64,
}

/// An article with its extracted events, as handed to the corpus.
#[derive(Debug, Clone)]
pub struct LoadedArticle {
    pub article: Article,
    pub events: Vec<Event>,
}

impl LoadedArticle {
    /// Run the extractor on `article`.
    pub fn extract_with(article: Article, extract: impl Fn(&Article) -> Vec<Event>) -> Self {
        let events = extract(&article);
        LoadedArticle { article, events }
    }
}

/// One loaded article.
#[derive(Debug, Clone)]
pub struct ArticleEntry {
    pub key: ArticleKey,
    pub article: Article,
    /// Its events, in extraction order.
    pub events: Vec<EventKey>,
    /// The file path it came from (several articles may share one, e.g. a JSON array).
    pub source_path: String,
}

/// One event as stated by one article.
#[derive(Debug, Clone)]
pub struct EventEntry {
    pub key: EventKey,
    pub article: ArticleKey,
    pub event: Event,
    /// The country pair of the event, e.g. `KH–LA`, `LA`, or `—` when it has no province.
    pub country_pair: String,
    /// Lowercased summary + evidence + article title, for the text filter.
    search_text: String,
}

/// How events are grouped by their countries.
pub fn country_pair_of(provinces: &[ProvinceId]) -> String {
    let countries: BTreeSet<&str> = provinces.iter().map(|p| p.country()).collect();
    if countries.is_empty() {
        "—".to_string()
    } else {
        countries.into_iter().collect::<Vec<_>>().join("–")
    }
}

/// Which events to show. All criteria combine (logical AND); an empty filter matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Only events linked to this province.
    pub province: Option<ProvinceId>,
    /// Only events linking both provinces (a cross-border link on the map).
    pub link: Option<(ProvinceId, ProvinceId)>,
    /// Only events whose country pair is this (see [`country_pair_of`]).
    pub country_pair: Option<String>,
    /// Only these kinds; `None` means every kind.
    pub kinds: Option<BTreeSet<EventKind>>,
    /// Only events whose date span overlaps this inclusive range. Undated events and
    /// events with an unknown year never match a time range.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// Case-insensitive substring of the summary, the evidence or the article title.
    pub text: String,
}

impl Filter {
    /// Whether the filter lets every event through.
    pub fn is_empty(&self) -> bool {
        let mut f = self.clone();
        f.text = f.text.trim().to_string();
        f == Filter::default()
    }
    /// Whether `kind` passes the kind filter.
    pub fn kind_enabled(&self, kind: EventKind) -> bool {
        self.kinds.as_ref().is_none_or(|k| k.contains(&kind))
    }
}

/// The loaded articles and events with their indexes.
#[derive(Debug, Default)]
pub struct Corpus {
    articles: Vec<Option<ArticleEntry>>,
    events: Vec<Option<EventEntry>>,
    /// Source path → its articles.
    by_path: BTreeMap<String, Vec<ArticleKey>>,
    stamps: HashMap<String, FileStamp>,
    failures: BTreeMap<String, crate::load::LoadError>,
    by_event_id: HashMap<String, EventKey>,
    by_province: BTreeMap<ProvinceId, Vec<EventKey>>,
    /// Events with a known year, sorted by span start: (start, end, key).
    by_date: Vec<(NaiveDate, NaiveDate, EventKey)>,
    /// The longest span in `by_date` in days (bounds the range search).
    max_span_days: i64,
    /// Events whose year is unknown (`XXXX-MM-DD`, `XXXX-MM`).
    unknown_year: Vec<EventKey>,
    /// Events with no date at all.
    undated: Vec<EventKey>,
    /// Every event in chronological order (see [`Corpus::sort_key`]).
    order: Vec<EventKey>,
    /// Rank of each event key in `order` (indexed by key).
    rank: Vec<u32>,
    generation: u64,
}

impl Corpus {
    pub fn new() -> Self {
        Self::default()
    }

    /// Bumped on every change; views cache derived data on it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn article_count(&self) -> usize {
        self.articles.iter().flatten().count()
    }
    pub fn event_count(&self) -> usize {
        self.order.len()
    }
    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Add (or replace) the articles read from `source_path`. Articles from other paths
    /// are untouched; a previous failure for this path is cleared.
    pub fn insert_file(
        &mut self,
        source_path: &str,
        articles: Vec<LoadedArticle>,
        stamp: Option<FileStamp>,
    ) {
        self.insert_entries(source_path, articles, stamp);
        self.rebuild_indexes();
    }

    /// [`Corpus::insert_file`] for many files at once: the indexes are rebuilt once at the
    /// end instead of after every file (a load of N files stays O(N log N), not O(N² log N)).
    pub fn insert_files(
        &mut self,
        files: impl IntoIterator<Item = (String, Vec<LoadedArticle>, Option<FileStamp>)>,
    ) {
        let mut any = false;
        for (path, articles, stamp) in files {
            self.insert_entries(&path, articles, stamp);
            any = true;
        }
        if any {
            self.rebuild_indexes();
        }
    }

    /// Replace the entries of `source_path` without rebuilding the indexes.
    fn insert_entries(
        &mut self,
        source_path: &str,
        articles: Vec<LoadedArticle>,
        stamp: Option<FileStamp>,
    ) {
        self.remove_path_entries(source_path);
        self.forget_failures_of(source_path);
        let mut keys = Vec::with_capacity(articles.len());
        for loaded in articles {
            let akey = ArticleKey(self.articles.len() as u32);
            let title_lower = loaded
                .article
                .title
                .as_deref()
                .unwrap_or_default()
                .to_lowercase();
            let mut ekeys = Vec::with_capacity(loaded.events.len());
            for event in loaded.events {
                let ekey = EventKey(self.events.len() as u32);
                let search_text = format!(
                    "{}\n{}\n{}",
                    event.summary.to_lowercase(),
                    event.evidence.sentence.to_lowercase(),
                    title_lower
                );
                let country_pair = country_pair_of(&event.provinces);
                self.by_event_id.insert(event.id.clone(), ekey);
                self.events.push(Some(EventEntry {
                    key: ekey,
                    article: akey,
                    event,
                    country_pair,
                    search_text,
                }));
                ekeys.push(ekey);
            }
            self.articles.push(Some(ArticleEntry {
                key: akey,
                article: loaded.article,
                events: ekeys,
                source_path: source_path.to_string(),
            }));
            keys.push(akey);
        }
        self.by_path.insert(source_path.to_string(), keys);
        match stamp {
            Some(s) => {
                self.stamps.insert(source_path.to_string(), s);
            }
            None => {
                self.stamps.remove(source_path);
            }
        }
    }

    /// Record that `path` failed to load. Whatever was loaded from it before stays loaded.
    pub fn record_failure(&mut self, failure: LoadFailure) {
        self.failures.insert(failure.path, failure.error);
        self.generation += 1;
    }

    /// Forget the failure recorded for `path`.
    pub fn clear_failure(&mut self, path: &str) {
        if self.failures.remove(path).is_some() {
            self.generation += 1;
        }
    }

    /// Forget the failures of the file `path` and of its JSON array elements
    /// (`path#N`), found by range in the sorted map rather than by a scan.
    fn forget_failures_of(&mut self, path: &str) {
        self.failures.remove(path);
        let prefix = format!("{path}#");
        let elements: Vec<String> = self
            .failures
            .range(prefix.clone()..)
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        for k in elements {
            self.failures.remove(&k);
        }
    }

    /// Unload everything read from `path` (and its failures).
    pub fn remove_path(&mut self, path: &str) {
        self.remove_path_entries(path);
        self.forget_failures_of(path);
        self.stamps.remove(path);
        self.rebuild_indexes();
    }

    /// Unload everything.
    pub fn clear(&mut self) {
        let generation = self.generation + 1;
        *self = Corpus::default();
        self.generation = generation;
    }

    fn remove_path_entries(&mut self, path: &str) {
        let Some(keys) = self.by_path.remove(path) else {
            return;
        };
        for akey in keys {
            let Some(entry) = self
                .articles
                .get_mut(akey.0 as usize)
                .and_then(Option::take)
            else {
                continue;
            };
            for ekey in entry.events {
                if let Some(ev) = self.events.get_mut(ekey.0 as usize).and_then(Option::take) {
                    if self.by_event_id.get(&ev.event.id) == Some(&ekey) {
                        self.by_event_id.remove(&ev.event.id);
                    }
                }
            }
        }
    }

    fn rebuild_indexes(&mut self) {
        self.by_province.clear();
        self.by_date.clear();
        self.unknown_year.clear();
        self.undated.clear();
        self.order.clear();
        self.max_span_days = 0;
        for entry in self.events.iter().flatten() {
            let key = entry.key;
            let mut provinces: Vec<&ProvinceId> = entry.event.provinces.iter().collect();
            provinces.sort();
            provinces.dedup();
            for p in provinces {
                self.by_province.entry(p.clone()).or_default().push(key);
            }
            match entry.event.date {
                None => self.undated.push(key),
                Some(d) => match d.span() {
                    Some((a, b)) => {
                        self.max_span_days = self.max_span_days.max((b - a).num_days());
                        self.by_date.push((a, b, key));
                    }
                    None => self.unknown_year.push(key),
                },
            }
            self.order.push(key);
        }
        self.by_date.sort();
        let mut order = std::mem::take(&mut self.order);
        order.sort_by(|a, b| self.sort_key(*a).cmp(&self.sort_key(*b)));
        self.rank = vec![u32::MAX; self.events.len()];
        for (i, k) in order.iter().enumerate() {
            if let Some(r) = self.rank.get_mut(k.0 as usize) {
                *r = i as u32;
            }
        }
        self.order = order;
        self.generation += 1;
    }

    /// Chronological (then article path, evidence position), with the events whose
    /// year is unknown and then the undated ones grouped at the end (they have no
    /// place on the time axis).
    fn sort_key(&self, key: EventKey) -> (u8, Option<PartialDate>, &str, usize) {
        match self.event(key) {
            Some(e) => (
                match e.event.date {
                    Some(d) if d.year_known() => 0,
                    Some(_) => 1,
                    None => 2,
                },
                e.event.date,
                self.article(e.article)
                    .map(|a| a.article.path.as_str())
                    .unwrap_or(""),
                e.event.evidence.start,
            ),
            None => (2, None, "", usize::MAX),
        }
    }

    /// `keys` in the order a list sorted `by` a column shows them; `descending` reverses
    /// that column's order. Rows without a value for the column (an unknown year or no
    /// date when sorting by date, no province when sorting by province) stay at the end
    /// either way, and ties keep the chronological order. `sources` counts the articles
    /// reporting an event (merged across articles).
    pub fn sorted(
        &self,
        keys: &[EventKey],
        by: SortBy,
        descending: bool,
        sources: impl Fn(&EventEntry) -> usize,
    ) -> Vec<EventKey> {
        match by {
            // Newest first reverses the chronological order itself.
            SortBy::Date => self.sorted_by(keys, descending, descending, |e| {
                e.event.date.filter(|d| d.year_known()).map(|_| ())
            }),
            SortBy::Province => self.sorted_by(keys, descending, false, |e| {
                let mut names: Vec<String> = e.event.provinces.iter().map(|p| p.name()).collect();
                names.sort();
                (!names.is_empty()).then(|| names.join(", "))
            }),
            SortBy::Kind => {
                self.sorted_by(keys, descending, false, |e| Some(e.event.kind.to_string()))
            }
            SortBy::Sources => self.sorted_by(keys, descending, false, |e| Some(sources(e))),
        }
    }

    /// Sort by `column` (a value, or `None` for the end), then chronologically (newest
    /// first if `reverse_ties`).
    fn sorted_by<K: Ord>(
        &self,
        keys: &[EventKey],
        descending: bool,
        reverse_ties: bool,
        column: impl Fn(&EventEntry) -> Option<K>,
    ) -> Vec<EventKey> {
        let mut rows: Vec<(Option<K>, u32, EventKey)> = keys
            .iter()
            .map(|&k| (self.event(k).and_then(&column), self.rank(k), k))
            .collect();
        rows.sort_by(|a, b| match (&a.0, &b.0) {
            (Some(x), Some(y)) => {
                let by_column = if descending { y.cmp(x) } else { x.cmp(y) };
                let by_rank = if reverse_ties {
                    b.1.cmp(&a.1)
                } else {
                    a.1.cmp(&b.1)
                };
                by_column.then(by_rank)
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.1.cmp(&b.1),
        });
        rows.into_iter().map(|(_, _, k)| k).collect()
    }

    // ---- access ----

    pub fn event(&self, key: EventKey) -> Option<&EventEntry> {
        self.events.get(key.0 as usize).and_then(Option::as_ref)
    }
    pub fn article(&self, key: ArticleKey) -> Option<&ArticleEntry> {
        self.articles.get(key.0 as usize).and_then(Option::as_ref)
    }
    /// The article an event comes from.
    pub fn article_of(&self, key: EventKey) -> Option<&ArticleEntry> {
        self.event(key).and_then(|e| self.article(e.article))
    }
    /// The event with this extractor id (stable across reloads of unchanged text).
    pub fn find_event_id(&self, id: &str) -> Option<EventKey> {
        self.by_event_id.get(id).copied()
    }
    pub fn articles(&self) -> impl Iterator<Item = &ArticleEntry> {
        self.articles.iter().flatten()
    }
    /// Every event in chronological order.
    pub fn events_in_order(&self) -> &[EventKey] {
        &self.order
    }
    /// The source paths loaded (successfully), sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_path.keys().map(String::as_str)
    }
    pub fn contains_path(&self, path: &str) -> bool {
        self.by_path.contains_key(path)
    }
    pub fn stamp(&self, path: &str) -> Option<FileStamp> {
        self.stamps.get(path).copied()
    }
    /// Files that failed: (path, reason), sorted by path.
    /// Every file that could not be loaded or was skipped, with the reason.
    pub fn failures(&self) -> impl Iterator<Item = (&str, &crate::load::LoadError)> {
        self.failures.iter().map(|(p, e)| (p.as_str(), e))
    }
    /// Files that could not be loaded (not counting skipped ones).
    pub fn error_count(&self) -> usize {
        self.failures.values().filter(|e| !e.is_skip()).count()
    }
    /// Files skipped because they are not articles.
    pub fn skipped_count(&self) -> usize {
        self.failures.values().filter(|e| e.is_skip()).count()
    }
    /// Errors and skipped files together.
    pub fn failure_count(&self) -> usize {
        self.failures.len()
    }
    /// Events linked to a province (any order).
    pub fn events_of_province(&self, id: &str) -> &[EventKey] {
        self.by_province
            .get(&ProvinceId::new(id))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
    /// Provinces with at least one event.
    pub fn provinces(&self) -> impl Iterator<Item = &ProvinceId> {
        self.by_province.keys()
    }
    /// Country pairs present, sorted.
    pub fn country_pairs(&self) -> BTreeSet<&str> {
        self.events
            .iter()
            .flatten()
            .map(|e| e.country_pair.as_str())
            .collect()
    }
    pub fn unknown_year_events(&self) -> &[EventKey] {
        &self.unknown_year
    }
    pub fn undated_events(&self) -> &[EventKey] {
        &self.undated
    }
    /// First and last day covered by a dated event.
    pub fn date_bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        let first = self.by_date.first()?.0;
        let last = self.by_date.iter().map(|d| d.1).max()?;
        Some((first, last))
    }
    /// Position of an event in chronological order.
    pub fn rank(&self, key: EventKey) -> u32 {
        self.rank.get(key.0 as usize).copied().unwrap_or(u32::MAX)
    }

    // ---- filtering ----

    /// Events overlapping the inclusive range `[from, to]`, via the date index.
    pub fn events_in_range(&self, from: NaiveDate, to: NaiveDate) -> Vec<EventKey> {
        if from > to {
            return Vec::new();
        }
        // Spans starting after `to` cannot overlap; spans starting more than the longest
        // span before `from` cannot reach it.
        let lo_start = from - chrono::Duration::days(self.max_span_days);
        let lo = self.by_date.partition_point(|d| d.0 < lo_start);
        let hi = self.by_date.partition_point(|d| d.0 <= to);
        self.by_date
            .get(lo..hi)
            .unwrap_or(&[])
            .iter()
            .filter(|d| d.1 >= from)
            .map(|d| d.2)
            .collect()
    }

    /// Whether one event passes the filter (the text needle is already lowercased).
    fn matches(&self, entry: &EventEntry, filter: &Filter, needle: &str) -> bool {
        let ev = &entry.event;
        if let Some(p) = &filter.province {
            if !ev.provinces.contains(p) {
                return false;
            }
        }
        if let Some((a, b)) = &filter.link {
            if !(ev.provinces.contains(a) && ev.provinces.contains(b)) {
                return false;
            }
        }
        if let Some(cp) = &filter.country_pair {
            if &entry.country_pair != cp {
                return false;
            }
        }
        if !filter.kind_enabled(ev.kind) {
            return false;
        }
        if let Some((from, to)) = filter.range {
            match ev.date.and_then(|d| d.span()) {
                Some((a, b)) if a <= to && b >= from => {}
                _ => return false,
            }
        }
        needle.is_empty() || entry.search_text.contains(needle)
    }

    /// The events passing `filter`, in chronological order. Candidates come from the
    /// smallest applicable index (province, link, date range) and are then checked.
    pub fn filter(&self, filter: &Filter) -> Vec<EventKey> {
        let needle = filter.text.trim().to_lowercase();
        let mut candidates: Option<Vec<EventKey>> = None;
        let mut consider = |keys: Vec<EventKey>| {
            if candidates.as_ref().is_none_or(|c| keys.len() < c.len()) {
                candidates = Some(keys);
            }
        };
        if let Some(p) = &filter.province {
            consider(self.events_of_province(p.as_str()).to_vec());
        }
        if let Some((a, b)) = &filter.link {
            let (x, y) = (
                self.events_of_province(a.as_str()),
                self.events_of_province(b.as_str()),
            );
            consider(if x.len() <= y.len() { x } else { y }.to_vec());
        }
        if let Some((from, to)) = filter.range {
            consider(self.events_in_range(from, to));
        }
        let mut out: Vec<EventKey> = match candidates {
            Some(c) => c
                .into_iter()
                .filter(|k| {
                    self.event(*k)
                        .is_some_and(|e| self.matches(e, filter, &needle))
                })
                .collect(),
            None => self
                .order
                .iter()
                .copied()
                .filter(|k| {
                    self.event(*k)
                        .is_some_and(|e| self.matches(e, filter, &needle))
                })
                .collect(),
        };
        out.sort_by_key(|k| self.rank(*k));
        out.dedup();
        out
    }

    /// Number of events per province among `keys`.
    pub fn counts_by_province(&self, keys: &[EventKey]) -> HashMap<String, usize> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for k in keys {
            if let Some(e) = self.event(*k) {
                let mut seen: Vec<&ProvinceId> = e.event.provinces.iter().collect();
                seen.sort();
                seen.dedup();
                for p in seen {
                    *counts.entry(p.0.clone()).or_default() += 1;
                }
            }
        }
        counts
    }

    /// Cross-border links among `keys`: (Lao province, Cambodian province, number of events),
    /// sorted; only events of two provinces, one on each side (see [`Corpus::hubs`]).
    pub fn links(&self, keys: &[EventKey]) -> Vec<(String, String, usize)> {
        let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
        for k in keys {
            let Some(e) = self.event(*k) else { continue };
            if is_multilateral(&e.event.provinces) {
                continue;
            }
            let lao: BTreeSet<&str> = e
                .event
                .provinces
                .iter()
                .filter(|p| p.is_lao())
                .map(ProvinceId::as_str)
                .collect();
            let khm: BTreeSet<&str> = e
                .event
                .provinces
                .iter()
                .filter(|p| p.is_cambodian())
                .map(ProvinceId::as_str)
                .collect();
            for a in &lao {
                for b in &khm {
                    *counts.entry((a.to_string(), b.to_string())).or_default() += 1;
                }
            }
        }
        counts.into_iter().map(|((a, b), n)| (a, b, n)).collect()
    }

    /// Multilateral events among `keys` (three provinces or more, both sides
    /// among them), by their set of provinces: (sorted province ids, number of
    /// events), sorted. The map draws each set as a hub with a spoke to every
    /// province, not as every Lao–Cambodian pair.
    pub fn hubs(&self, keys: &[EventKey]) -> Vec<(Vec<String>, usize)> {
        let mut counts: BTreeMap<Vec<String>, usize> = BTreeMap::new();
        for k in keys {
            let Some(e) = self.event(*k) else { continue };
            if is_multilateral(&e.event.provinces) {
                let set: BTreeSet<String> = e.event.provinces.iter().map(|p| p.0.clone()).collect();
                *counts.entry(set.into_iter().collect()).or_default() += 1;
            }
        }
        counts.into_iter().collect()
    }
}

/// Whether an event links three provinces or more, Lao and Cambodian ones among them.
fn is_multilateral(provinces: &[ProvinceId]) -> bool {
    let set: BTreeSet<&ProvinceId> = provinces.iter().collect();
    set.len() >= 3 && set.iter().any(|p| p.is_lao()) && set.iter().any(|p| p.is_cambodian())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::LoadError;
    use crate::model::Evidence;

    fn article(path: &str, text: &str) -> Article {
        Article {
            path: path.to_string(),
            title: Some(format!("Title of {path}")),
            text: text.to_string(),
            ..Article::default()
        }
    }

    fn event(
        id: &str,
        date: Option<&str>,
        kind: EventKind,
        provs: &[&str],
        summary: &str,
    ) -> Event {
        Event {
            id: id.to_string(),
            date: date.map(|d| d.parse().unwrap()),
            kind,
            provinces: provs.iter().map(|p| ProvinceId::new(*p)).collect(),
            location: None,
            summary: summary.to_string(),
            evidence: Evidence {
                sentence: format!("Sentence for {summary}."),
                start: 0,
                end: 10,
            },
        }
    }

    fn sample() -> Corpus {
        let mut c = Corpus::new();
        c.insert_file(
            "a.txt",
            vec![LoadedArticle {
                article: article("a.txt", "text a"),
                events: vec![
                    event(
                        "a1",
                        Some("2022-05-27"),
                        EventKind::Meeting,
                        &["LA-CH", "KH-19"],
                        "Khong meeting",
                    ),
                    event(
                        "a2",
                        Some("2022-06"),
                        EventKind::Aid,
                        &["KH-16"],
                        "Banlung rice donation",
                    ),
                    event("a3", None, EventKind::Other, &["LA-AT"], "undated thing"),
                ],
            }],
            None,
        );
        c.insert_file(
            "b.txt",
            vec![LoadedArticle {
                article: article("b.txt", "text b"),
                events: vec![
                    event(
                        "b1",
                        Some("2021"),
                        EventKind::Agreement,
                        &["LA-AT", "KH-16"],
                        "border agreement",
                    ),
                    event(
                        "b2",
                        Some("XXXX-05-27"),
                        EventKind::Visit,
                        &["KH-19"],
                        "visit to Stung Treng",
                    ),
                ],
            }],
            None,
        );
        c
    }

    fn ids(c: &Corpus, keys: &[EventKey]) -> Vec<String> {
        keys.iter()
            .map(|k| c.event(*k).unwrap().event.id.clone())
            .collect()
    }

    #[test]
    fn empty_filter_returns_everything_in_chronological_order() {
        let c = sample();
        assert_eq!(c.article_count(), 2);
        assert_eq!(c.event_count(), 5);
        let all = c.filter(&Filter::default());
        // Known years first, then the year-unknown "XXXX-05-27", then undated.
        assert_eq!(ids(&c, &all), ["b1", "a1", "a2", "b2", "a3"]);
    }

    #[test]
    fn sorting_by_a_column_keeps_rows_without_a_value_at_the_end() {
        let c = sample();
        let all = c.filter(&Filter::default());
        let one = |_: &EventEntry| 1;
        let sorted = |by, desc| ids(&c, &c.sorted(&all, by, desc, one));
        assert_eq!(sorted(SortBy::Date, false), ["b1", "a1", "a2", "b2", "a3"]);
        // Newest first; the year-unknown and the undated rows stay last.
        assert_eq!(sorted(SortBy::Date, true), ["a2", "a1", "b1", "b2", "a3"]);
        // By names: "Attapeu" < "Attapeu, Ratanakiri" < "Champasak, Stung Treng" < …
        assert_eq!(
            sorted(SortBy::Province, false),
            ["a3", "b1", "a1", "a2", "b2"]
        );
        assert_eq!(
            sorted(SortBy::Province, true),
            ["b2", "a2", "a1", "b1", "a3"]
        );
        assert_eq!(sorted(SortBy::Kind, false), ["b1", "a2", "a1", "a3", "b2"]);
        // Ties keep the chronological order.
        let three = |e: &EventEntry| if e.event.id == "a2" { 3 } else { 1 };
        assert_eq!(
            ids(&c, &c.sorted(&all, SortBy::Sources, true, three)),
            ["a2", "b1", "a1", "b2", "a3"]
        );
    }

    #[test]
    fn province_filter_uses_index() {
        let c = sample();
        let f = Filter {
            province: Some("KH-19".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["a1", "b2"]);
        assert_eq!(c.events_of_province("LA-AT").len(), 2);
        assert!(c.events_of_province("LA-XX").is_empty());
    }

    #[test]
    fn time_range_overlaps_spans_and_excludes_unknown_years() {
        let c = sample();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // A range inside June 2022 overlaps the month-precision aid event only.
        let f = Filter {
            range: Some((d("2022-06-10"), d("2022-06-12"))),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["a2"]);
        // May 2022 holds the day event; XXXX-05-27 and undated never match a range.
        let f = Filter {
            range: Some((d("2022-05-01"), d("2022-05-31"))),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["a1"]);
        // A range in late 2021 overlaps the year-precision agreement.
        let f = Filter {
            range: Some((d("2021-12-30"), d("2022-01-02"))),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["b1"]);
        assert_eq!(c.unknown_year_events().len(), 1);
        assert_eq!(c.undated_events().len(), 1);
        assert_eq!(c.date_bounds(), Some((d("2021-01-01"), d("2022-06-30"))));
    }

    #[test]
    fn filters_combine() {
        let c = sample();
        let mut f = Filter {
            province: Some("KH-16".into()),
            kinds: Some([EventKind::Aid].into_iter().collect()),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["a2"]);
        f.kinds = None;
        f.text = "BORDER".into();
        assert_eq!(ids(&c, &c.filter(&f)), ["b1"]);
        f.text = "title of a.txt".into(); // title is searched too
        assert_eq!(ids(&c, &c.filter(&f)), ["a2"]);
        let f = Filter {
            link: Some(("LA-CH".into(), "KH-19".into())),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["a1"]);
        let f = Filter {
            country_pair: Some("KH–LA".into()),
            ..Filter::default()
        };
        assert_eq!(ids(&c, &c.filter(&f)), ["b1", "a1"]);
    }

    #[test]
    fn reloading_a_path_replaces_only_that_path_and_keys_are_not_reused() {
        let mut c = sample();
        let b1 = c.find_event_id("b1").unwrap();
        let old_a1 = c.find_event_id("a1").unwrap();
        c.insert_file(
            "a.txt",
            vec![LoadedArticle {
                article: article("a.txt", "new text"),
                events: vec![event(
                    "a9",
                    Some("2023-01-02"),
                    EventKind::Meeting,
                    &["LA-CH"],
                    "new",
                )],
            }],
            None,
        );
        assert_eq!(c.article_count(), 2);
        assert_eq!(c.event_count(), 3);
        assert_eq!(c.find_event_id("b1"), Some(b1), "other path keeps its keys");
        assert!(c.event(old_a1).is_none(), "replaced event is gone");
        assert!(c.find_event_id("a1").is_none());
        let a9 = c.find_event_id("a9").unwrap();
        assert!(a9.0 > b1.0, "keys are never reused");
        assert_eq!(c.events_of_province("KH-19").len(), 1);
        assert_eq!(c.paths().collect::<Vec<_>>(), ["a.txt", "b.txt"]);
    }

    #[test]
    fn failures_keep_loaded_articles_and_clear_on_success() {
        let mut c = sample();
        c.record_failure(LoadFailure {
            path: "a.txt".into(),
            error: LoadError::Io("permission denied".into()),
        });
        c.record_failure(LoadFailure {
            path: "bad.bin".into(),
            error: LoadError::Binary("NUL bytes".into()),
        });
        c.record_failure(LoadFailure {
            path: "gold.json".into(),
            error: LoadError::NotArticle(".json without article fields".into()),
        });
        assert_eq!(c.failure_count(), 3);
        assert_eq!((c.error_count(), c.skipped_count()), (2, 1));
        assert_eq!(c.article_count(), 2, "a failed reload loses nothing");
        c.insert_file(
            "a.txt",
            vec![LoadedArticle {
                article: article("a.txt", "rewritten"),
                events: vec![],
            }],
            None,
        );
        let left: Vec<(&str, String)> = c.failures().map(|(p, e)| (p, e.to_string())).collect();
        assert_eq!(
            left,
            [
                ("bad.bin", "binary file (NUL bytes)".to_string()),
                (
                    "gold.json",
                    "not an article file (.json without article fields)".to_string()
                )
            ]
        );
        c.remove_path("b.txt");
        assert_eq!(c.article_count(), 1);
        assert_eq!(c.event_count(), 0);
    }

    #[test]
    fn a_multilateral_event_is_a_hub_not_every_pair() {
        let mut c = sample();
        c.insert_file(
            "m.txt",
            vec![LoadedArticle {
                article: article("m.txt", "text m"),
                events: vec![event(
                    "m1",
                    Some("2023-01-10"),
                    EventKind::Meeting,
                    &["LA-CH", "LA-AT", "KH-19", "KH-16"],
                    "four governors meet",
                )],
            }],
            None,
        );
        let all = c.filter(&Filter::default());
        // The two-province events stay links; the four-province one is a hub.
        assert_eq!(c.links(&all).iter().map(|l| l.2).sum::<usize>(), 2);
        assert_eq!(
            c.hubs(&all),
            [(
                ["KH-16", "KH-19", "LA-AT", "LA-CH"]
                    .map(String::from)
                    .to_vec(),
                1
            )]
        );
    }

    #[test]
    fn counts_and_links() {
        let c = sample();
        let all = c.filter(&Filter::default());
        let counts = c.counts_by_province(&all);
        assert_eq!(counts.get("KH-19"), Some(&2));
        assert_eq!(counts.get("LA-AT"), Some(&2));
        assert_eq!(
            c.links(&all),
            [
                ("LA-AT".to_string(), "KH-16".to_string(), 1),
                ("LA-CH".to_string(), "KH-19".to_string(), 1)
            ]
        );
        assert_eq!(
            c.country_pairs().into_iter().collect::<Vec<_>>(),
            ["KH", "KH–LA", "LA"]
        );
    }

    #[test]
    fn insert_files_builds_the_same_indexes_as_one_file_at_a_time() {
        let one_by_one = sample();
        let mut files = Vec::new();
        for entry in one_by_one.articles() {
            let events: Vec<Event> = entry
                .events
                .iter()
                .filter_map(|k| one_by_one.event(*k))
                .map(|e| e.event.clone())
                .collect();
            files.push((
                entry.source_path.clone(),
                vec![LoadedArticle {
                    article: entry.article.clone(),
                    events,
                }],
                None,
            ));
        }
        assert_eq!(files.len(), 2);
        let mut batched = Corpus::new();
        batched.insert_files(files);
        let ids = |c: &Corpus, keys: &[EventKey]| -> Vec<String> {
            keys.iter()
                .filter_map(|k| c.event(*k))
                .map(|e| e.event.id.clone())
                .collect()
        };
        assert_eq!(
            ids(&batched, batched.events_in_order()),
            ids(&one_by_one, one_by_one.events_in_order())
        );
        assert_eq!(
            ids(&batched, batched.events_of_province("KH-19")),
            ["a1", "b2"]
        );
        assert_eq!(
            ids(&batched, batched.events_of_province("KH-16")),
            ids(&one_by_one, one_by_one.events_of_province("KH-16"))
        );
        assert_eq!(ids(&batched, batched.undated_events()), ["a3"]);
        assert_eq!(ids(&batched, batched.unknown_year_events()), ["b2"]);
        assert_eq!(batched.date_bounds(), one_by_one.date_bounds());
        // An empty batch changes nothing.
        let g = batched.generation();
        batched.insert_files(Vec::new());
        assert_eq!(batched.generation(), g);
    }

    #[test]
    fn generation_changes_on_every_mutation() {
        let mut c = Corpus::new();
        let g0 = c.generation();
        c.insert_file("x", vec![], None);
        let g1 = c.generation();
        assert!(g1 > g0);
        c.record_failure(LoadFailure {
            path: "y".into(),
            error: LoadError::Empty,
        });
        assert!(c.generation() > g1);
    }
}
