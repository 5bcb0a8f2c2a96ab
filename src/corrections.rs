//! User corrections of extracted events: edits, deletions and added events.
//!
//! A correction is keyed by where its event is stated, not by the event's id,
//! so it survives a reload of the article and a change of the extractor: the
//! key is the SHA-256 of the article text, the evidence span and the evidence
//! sentence itself. To re-apply a correction the sentence is found again
//! (re-anchored) in the article's current text:
//!
//! 1. the same span still holds the same sentence (identical or edited text);
//! 2. else the exact sentence elsewhere (the occurrence nearest the old span);
//! 3. else the sentence with its whitespace runs normalised (re-wrapped text);
//! 4. else the correction is *orphaned*: kept in the workspace, not applied,
//!    and listed so the user can see it.
//!
//! A *split* ([`Action::Split`]) is not applied to one article's events: it names the
//! reports of a merged event that must stay apart, and [`crate::merge`] honours it
//! (see [`splits`]).
//!
//! Corrections are applied in order, so a later edit of the same event wins
//! field by field. An edit or deletion targets the event whose evidence is the
//! anchored sentence (or overlaps it most, when the extractor now splits
//! sentences differently).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Article, Event, EventKind, Evidence, PartialDate, ProvinceId};

/// Hex SHA-256 of an article's text (the first part of a correction key).
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Where a corrected event is stated: article hash + evidence span + sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EvidenceKey {
    pub article_hash: String,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
}

impl EvidenceKey {
    /// The key of `text[start..end]`; `None` if the span does not slice the text.
    pub fn new(text: &str, start: usize, end: usize) -> Option<Self> {
        Some(EvidenceKey {
            article_hash: content_hash(text),
            start,
            end,
            sentence: text.get(start..end)?.to_string(),
        })
    }
    /// The key of an event of `article`.
    pub fn of_event(article: &Article, event: &Event) -> Self {
        EvidenceKey {
            article_hash: content_hash(&article.text),
            start: event.evidence.start,
            end: event.evidence.end,
            sentence: event.evidence.sentence.clone(),
        }
    }
}

/// Deserialize a present field (even `null`) as `Some(..)`, so that an edit can
/// tell "clear the date" (`"date": null`) from "date unchanged" (absent).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// The fields a user changed on an event; `None` = unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventEdit {
    /// `Some(None)` removes the date; the precision is that of the [`PartialDate`].
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub date: Option<Option<PartialDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provinces: Option<Vec<ProvinceId>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub location: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl EventEdit {
    /// The edit that turns `before` into `after` (only the fields that differ).
    pub fn between(before: &Event, after: &Event) -> Self {
        EventEdit {
            date: (before.date != after.date).then_some(after.date),
            kind: (before.kind != after.kind).then_some(after.kind),
            provinces: (before.provinces != after.provinces).then(|| after.provinces.clone()),
            location: (before.location != after.location).then(|| after.location.clone()),
            summary: (before.summary != after.summary).then(|| after.summary.clone()),
        }
    }
    pub fn is_empty(&self) -> bool {
        *self == EventEdit::default()
    }
    fn apply_to(&self, e: &mut Event) {
        if let Some(d) = self.date {
            e.date = d;
        }
        if let Some(k) = self.kind {
            e.kind = k;
        }
        if let Some(p) = &self.provinces {
            e.provinces = p.clone();
        }
        if let Some(l) = &self.location {
            e.location = l.clone();
        }
        if let Some(s) = &self.summary {
            e.summary = s.clone();
        }
    }
}

/// The fields of an event the user added from a selected sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEvent {
    pub date: Option<PartialDate>,
    pub kind: EventKind,
    #[serde(default)]
    pub provinces: Vec<ProvinceId>,
    #[serde(default)]
    pub location: Option<String>,
    /// Empty: the evidence sentence is the summary.
    #[serde(default)]
    pub summary: String,
}

/// One report of a merged event, as a split names it: the article's path when split and
/// the key of the report's evidence sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SplitSource {
    pub article: String,
    pub key: EvidenceKey,
}

impl SplitSource {
    /// Whether `event` of `article` is this report: the same sentence, in the same article
    /// (same path, or same text). `article_hash` is computed only when the path differs.
    pub fn is(
        &self,
        article: &Article,
        event: &Event,
        article_hash: impl FnOnce() -> String,
    ) -> bool {
        event.evidence.sentence == self.key.sentence
            && (article.path == self.article || article_hash() == self.key.article_hash)
    }
}

/// What a correction does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Action {
    Edit {
        changes: EventEdit,
    },
    Delete,
    Add {
        event: NewEvent,
    },
    /// Never merge these reports with one another (workspace version 2).
    Split {
        sources: Vec<SplitSource>,
    },
}

/// One user correction, stored in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// Unique within a workspace (assigned by [`CorrectionLog::push`]).
    pub id: u64,
    /// The article's path when the correction was made (the hash decides; the
    /// path lets a correction follow an article whose text was edited).
    pub article: String,
    pub key: EvidenceKey,
    /// The id the target event had (to choose between two events stated by one sentence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    pub action: Action,
}

impl Correction {
    /// Edit `event` of `article` (id 0 until pushed on a [`CorrectionLog`]).
    pub fn edit(article: &Article, event: &Event, changes: EventEdit) -> Self {
        Self::on_event(article, event, Action::Edit { changes })
    }
    /// Delete `event` of `article` as a false event.
    pub fn delete(article: &Article, event: &Event) -> Self {
        Self::on_event(article, event, Action::Delete)
    }
    /// Add an event stated by `article.text[start..end]`; `None` if the span does not slice the text.
    pub fn add(article: &Article, start: usize, end: usize, event: NewEvent) -> Option<Self> {
        Some(Correction {
            id: 0,
            article: article.path.clone(),
            key: EvidenceKey::new(&article.text, start, end)?,
            event_id: None,
            action: Action::Add { event },
        })
    }
    /// Keep the reports of a merged event apart; `None` with fewer than two reports.
    /// The first report anchors the correction.
    pub fn split(sources: Vec<SplitSource>) -> Option<Self> {
        let first = sources.first()?.clone();
        if sources.len() < 2 {
            return None;
        }
        Some(Correction {
            id: 0,
            article: first.article,
            key: first.key,
            event_id: None,
            action: Action::Split { sources },
        })
    }
    fn on_event(article: &Article, event: &Event, action: Action) -> Self {
        Correction {
            id: 0,
            article: article.path.clone(),
            key: EvidenceKey::of_event(article, event),
            event_id: Some(event.id.clone()),
            action,
        }
    }
    /// Id given to the event a [`Action::Add`] correction creates.
    pub fn added_event_id(&self) -> String {
        format!("added-{}", self.id)
    }
    /// Whether this correction belongs to `article` (same text, or same path).
    pub fn concerns(&self, article: &Article, article_hash: &str) -> bool {
        self.key.article_hash == article_hash || self.article == article.path
    }
}

/// An event after corrections, with its marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectedEvent {
    #[serde(flatten)]
    pub event: Event,
    /// A user edit changed it.
    pub edited: bool,
    /// The user added it (the extractor did not find it).
    pub added: bool,
}

/// Why a correction could not be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrphanReason {
    /// The evidence sentence is no longer in the article's text.
    SentenceNotFound,
    /// The sentence is there but no event is stated by it any more.
    NoEventAtSentence,
}

impl fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OrphanReason::SentenceNotFound => "its sentence is no longer in the article",
            OrphanReason::NoEventAtSentence => "no event is found in its sentence any more",
        })
    }
}

/// A correction kept but not applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Orphan {
    pub correction: Correction,
    pub reason: OrphanReason,
}

/// How a key was found again in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorMatch {
    /// Same span, same sentence.
    SameSpan,
    /// The exact sentence, at another place.
    Moved,
    /// The sentence with different whitespace.
    Whitespace,
}

/// Find the key's sentence in `text`: the (start, end) byte span and how it was found.
pub fn anchor(key: &EvidenceKey, text: &str) -> Option<(usize, usize, AnchorMatch)> {
    if key.sentence.trim().is_empty() {
        return None;
    }
    if text.get(key.start..key.end) == Some(key.sentence.as_str()) {
        return Some((key.start, key.end, AnchorMatch::SameSpan));
    }
    let nearest = |starts: &mut dyn Iterator<Item = (usize, usize)>| {
        starts.min_by_key(|&(s, _)| s.abs_diff(key.start))
    };
    if let Some((s, e)) = nearest(
        &mut text
            .match_indices(key.sentence.as_str())
            .map(|(s, m)| (s, s + m.len())),
    ) {
        return Some((s, e, AnchorMatch::Moved));
    }
    let pattern = key
        .sentence
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let re = regex::RegexBuilder::new(&pattern)
        .size_limit(1 << 24)
        .build()
        .ok()?;
    let found = nearest(&mut re.find_iter(text).map(|m| (m.start(), m.end())));
    found.map(|(s, e)| (s, e, AnchorMatch::Whitespace))
}

/// Apply `corrections` (those that concern `article`; the others are ignored)
/// to the events extracted from it. Returns the corrected events in text order
/// and the corrections that could not be applied.
pub fn apply(
    article: &Article,
    events: Vec<Event>,
    corrections: &[Correction],
) -> (Vec<CorrectedEvent>, Vec<Orphan>) {
    let hash = content_hash(&article.text);
    let mut out: Vec<CorrectedEvent> = events
        .into_iter()
        .map(|event| CorrectedEvent {
            event,
            edited: false,
            added: false,
        })
        .collect();
    let mut orphans = Vec::new();
    for c in corrections.iter().filter(|c| c.concerns(article, &hash)) {
        if matches!(c.action, Action::Split { .. }) {
            // Splits act on merging across articles, not on this article's events.
            continue;
        }
        let orphan = |reason| Orphan {
            correction: c.clone(),
            reason,
        };
        let Some((start, end, _)) = anchor(&c.key, &article.text) else {
            orphans.push(orphan(OrphanReason::SentenceNotFound));
            continue;
        };
        match &c.action {
            Action::Add { event } => {
                let Some(evidence) = Evidence::from_span(&article.text, start, end) else {
                    orphans.push(orphan(OrphanReason::SentenceNotFound));
                    continue;
                };
                let summary = if event.summary.trim().is_empty() {
                    evidence.sentence.trim().to_string()
                } else {
                    event.summary.clone()
                };
                out.push(CorrectedEvent {
                    event: Event {
                        id: c.added_event_id(),
                        date: event.date,
                        kind: event.kind,
                        provinces: event.provinces.clone(),
                        location: event.location.clone(),
                        summary,
                        evidence,
                    },
                    edited: false,
                    added: true,
                });
            }
            Action::Edit { changes } => match target(&out, c, start, end) {
                Some(i) => {
                    if let Some(ce) = out.get_mut(i) {
                        changes.apply_to(&mut ce.event);
                        ce.edited = true;
                    }
                }
                None => orphans.push(orphan(OrphanReason::NoEventAtSentence)),
            },
            Action::Delete => match target(&out, c, start, end) {
                Some(i) => {
                    out.remove(i);
                }
                None => orphans.push(orphan(OrphanReason::NoEventAtSentence)),
            },
            Action::Split { .. } => {}
        }
    }
    out.sort_by_key(|ce| (ce.event.evidence.start, ce.added));
    (out, orphans)
}

/// The groups of reports the user split apart, in correction order.
pub fn splits(corrections: &[Correction]) -> Vec<&[SplitSource]> {
    corrections
        .iter()
        .filter_map(|c| match &c.action {
            Action::Split { sources } => Some(sources.as_slice()),
            _ => None,
        })
        .collect()
}

/// The event a correction anchored at `start..end` targets: the exact span
/// (the remembered id first), else the event whose evidence overlaps it most.
fn target(events: &[CorrectedEvent], c: &Correction, start: usize, end: usize) -> Option<usize> {
    let same: Vec<usize> = events
        .iter()
        .enumerate()
        .filter(|(_, ce)| ce.event.evidence.start == start && ce.event.evidence.end == end)
        .map(|(i, _)| i)
        .collect();
    if let Some(&i) = same
        .iter()
        .find(|&&i| events.get(i).map(|ce| Some(&ce.event.id)) == Some(c.event_id.as_ref()))
    {
        return Some(i);
    }
    if let Some(&i) = same.first() {
        return Some(i);
    }
    events
        .iter()
        .enumerate()
        .filter_map(|(i, ce)| {
            let (s, e) = (ce.event.evidence.start, ce.event.evidence.end);
            let overlap = e.min(end).saturating_sub(s.max(start));
            (overlap > 0).then_some((overlap, i))
        })
        .max_by_key(|&(overlap, i)| (overlap, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// The workspace's corrections with an undo/redo history of the last edits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorrectionLog {
    corrections: Vec<Correction>,
    redo: Vec<Correction>,
    next_id: u64,
}

impl CorrectionLog {
    /// Corrections loaded from a workspace (undo can take them back too).
    pub fn from_corrections(corrections: Vec<Correction>) -> Self {
        let next_id = corrections.iter().map(|c| c.id + 1).max().unwrap_or(1);
        CorrectionLog {
            corrections,
            redo: Vec::new(),
            next_id: next_id.max(1),
        }
    }
    /// Record a correction; gives it a fresh id (returned) and clears the redo history.
    pub fn push(&mut self, mut c: Correction) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        c.id = id;
        self.corrections.push(c);
        self.redo.clear();
        id
    }
    /// Take back the last correction; returns it.
    pub fn undo(&mut self) -> Option<&Correction> {
        let c = self.corrections.pop()?;
        self.redo.push(c);
        self.redo.last()
    }
    /// Re-do the last undone correction; returns it.
    pub fn redo(&mut self) -> Option<&Correction> {
        let c = self.redo.pop()?;
        self.corrections.push(c);
        self.corrections.last()
    }
    pub fn can_undo(&self) -> bool {
        !self.corrections.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Remove every correction with this id (e.g. "revert to extracted"); undoable by pushing it again.
    pub fn remove(&mut self, id: u64) -> Option<Correction> {
        let i = self.corrections.iter().position(|c| c.id == id)?;
        Some(self.corrections.remove(i))
    }
    pub fn corrections(&self) -> &[Correction] {
        &self.corrections
    }
    pub fn into_corrections(self) -> Vec<Correction> {
        self.corrections
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Officials met in Pakse on Monday. \
        On 27 May 2022 the governors of Champasak and Stung Treng signed a deal. \
        Trade grew last year.";
    const SENT: &str = "On 27 May 2022 the governors of Champasak and Stung Treng signed a deal.";

    fn article(text: &str) -> Article {
        Article {
            path: "a.txt".into(),
            text: text.into(),
            ..Default::default()
        }
    }

    /// What a (fake) extractor finds: one agreement at the sentence, wherever it is.
    fn extracted(text: &str) -> Vec<Event> {
        let Some(start) = text.find(SENT) else {
            return Vec::new();
        };
        vec![Event {
            id: format!("x-{start}"),
            date: Some("2022-05-27".parse().unwrap()),
            kind: EventKind::Agreement,
            provinces: vec!["LA-CH".into()],
            location: None,
            summary: "deal".into(),
            evidence: Evidence::from_span(text, start, start + SENT.len()).unwrap(),
        }]
    }

    fn edit_provinces(a: &Article) -> Correction {
        let e = &extracted(&a.text)[0];
        Correction::edit(
            a,
            e,
            EventEdit {
                provinces: Some(vec!["LA-CH".into(), "KH-19".into()]),
                kind: Some(EventKind::Meeting),
                ..Default::default()
            },
        )
    }

    #[test]
    fn edit_reapplies_after_reload_of_identical_text() {
        let a = article(TEXT);
        let mut log = CorrectionLog::default();
        log.push(edit_provinces(&a));
        let reloaded = article(TEXT);
        let (evs, orphans) = apply(&reloaded, extracted(&reloaded.text), log.corrections());
        assert!(orphans.is_empty());
        assert_eq!(evs.len(), 1);
        assert!(evs[0].edited && !evs[0].added);
        assert_eq!(evs[0].event.kind, EventKind::Meeting);
        assert_eq!(
            evs[0].event.provinces,
            vec![ProvinceId::from("LA-CH"), ProvinceId::from("KH-19")]
        );
        assert_eq!(evs[0].event.summary, "deal");
    }

    #[test]
    fn edit_reanchors_when_text_changed_around_the_sentence() {
        let a = article(TEXT);
        let c = edit_provinces(&a);
        let changed = article(&format!(
            "UPDATED: a new lead paragraph. {TEXT} More later."
        ));
        let (s, e, how) = anchor(&c.key, &changed.text).unwrap();
        assert_eq!(how, AnchorMatch::Moved);
        assert_eq!(&changed.text[s..e], SENT);
        let (evs, orphans) = apply(&changed, extracted(&changed.text), &[c]);
        assert!(orphans.is_empty());
        assert!(evs[0].edited);
        assert_eq!(evs[0].event.provinces.len(), 2);
    }

    #[test]
    fn reanchors_on_rewrapped_whitespace() {
        let a = article(TEXT);
        let c = Correction::add(
            &a,
            TEXT.find(SENT).unwrap(),
            TEXT.find(SENT).unwrap() + SENT.len(),
            NewEvent {
                date: Some("2022-05-27".parse().unwrap()),
                kind: EventKind::Agreement,
                provinces: vec!["KH-19".into()],
                location: Some("Pakse".into()),
                summary: String::new(),
            },
        )
        .unwrap();
        let wrapped = TEXT.replace("governors of", "governors\n   of");
        let b = article(&wrapped);
        let (s, e, how) = anchor(&c.key, &b.text).unwrap();
        assert_eq!(how, AnchorMatch::Whitespace);
        assert!(b.text[s..e].starts_with("On 27 May") && b.text[s..e].ends_with("deal."));
        let (evs, orphans) = apply(&b, Vec::new(), &[c]);
        assert!(orphans.is_empty());
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0].event.evidence.start, s);
        assert_eq!(evs[0].event.evidence.sentence, &b.text[s..e]);
    }

    #[test]
    fn orphaned_when_the_sentence_is_gone() {
        let a = article(TEXT);
        let c = edit_provinces(&a);
        let gone = article("Officials met in Pakse on Monday. Trade grew last year.");
        let (evs, orphans) = apply(&gone, extracted(&gone.text), std::slice::from_ref(&c));
        assert!(evs.is_empty());
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].reason, OrphanReason::SentenceNotFound);
        assert_eq!(orphans[0].correction, c);
    }

    #[test]
    fn orphaned_when_no_event_at_the_sentence() {
        let a = article(TEXT);
        let c = edit_provinces(&a);
        let (evs, orphans) = apply(&a, Vec::new(), &[c]);
        assert!(evs.is_empty());
        assert_eq!(orphans[0].reason, OrphanReason::NoEventAtSentence);
    }

    #[test]
    fn corrections_of_other_articles_are_ignored() {
        let a = article(TEXT);
        let mut c = edit_provinces(&a);
        c.article = "other.txt".into();
        c.key.article_hash = content_hash("something else");
        let (evs, orphans) = apply(&a, extracted(TEXT), &[c]);
        assert!(orphans.is_empty());
        assert!(!evs[0].edited);
    }

    #[test]
    fn delete_removes_the_event() {
        let a = article(TEXT);
        let e = &extracted(TEXT)[0];
        let (evs, orphans) = apply(&a, extracted(TEXT), &[Correction::delete(&a, e)]);
        assert!(evs.is_empty());
        assert!(orphans.is_empty());
    }

    #[test]
    fn add_creates_a_marked_event_with_sentence_summary() {
        let a = article(TEXT);
        let start = 0;
        let end = TEXT.find(" On 27").unwrap();
        let mut log = CorrectionLog::default();
        let id = log.push(
            Correction::add(
                &a,
                start,
                end,
                NewEvent {
                    date: None,
                    kind: EventKind::Meeting,
                    provinces: vec!["LA-CH".into()],
                    location: Some("Pakse".into()),
                    summary: " ".into(),
                },
            )
            .unwrap(),
        );
        let (evs, _) = apply(&a, extracted(TEXT), log.corrections());
        assert_eq!(evs.len(), 2);
        let added = &evs[0];
        assert!(added.added && !added.edited);
        assert_eq!(added.event.id, format!("added-{id}"));
        assert_eq!(added.event.summary, "Officials met in Pakse on Monday.");
        assert_eq!(added.event.location.as_deref(), Some("Pakse"));
        // An added event can be edited in turn.
        log.push(Correction::edit(
            &a,
            &added.event,
            EventEdit {
                date: Some(Some("2022-05-23".parse().unwrap())),
                ..Default::default()
            },
        ));
        let (evs, _) = apply(&a, extracted(TEXT), log.corrections());
        assert!(evs[0].added && evs[0].edited);
        assert_eq!(evs[0].event.date.unwrap().to_string(), "2022-05-23");
        assert!(Correction::add(&a, 0, 9999, added_new()).is_none());
    }

    fn added_new() -> NewEvent {
        NewEvent {
            date: None,
            kind: EventKind::Other,
            provinces: Vec::new(),
            location: None,
            summary: String::new(),
        }
    }

    #[test]
    fn undo_and_redo() {
        let a = article(TEXT);
        let e = &extracted(TEXT)[0];
        let mut log = CorrectionLog::default();
        let first = log.push(edit_provinces(&a));
        let second = log.push(Correction::delete(&a, e));
        assert_ne!(first, second);
        assert!(apply(&a, extracted(TEXT), log.corrections()).0.is_empty());
        assert_eq!(log.undo().map(|c| c.id), Some(second));
        let (evs, _) = apply(&a, extracted(TEXT), log.corrections());
        assert_eq!(evs.len(), 1);
        assert!(evs[0].edited);
        assert_eq!(log.undo().map(|c| c.id), Some(first));
        assert!(log.undo().is_none());
        assert!(!apply(&a, extracted(TEXT), log.corrections()).0[0].edited);
        assert_eq!(log.redo().map(|c| c.id), Some(first));
        assert!(apply(&a, extracted(TEXT), log.corrections()).0[0].edited);
        // A new edit clears the redo history.
        log.push(edit_provinces(&a));
        assert!(!log.can_redo());
        assert!(log.redo().is_none());
        assert_eq!(log.corrections().len(), 2);
        let reloaded = CorrectionLog::from_corrections(log.clone().into_corrections());
        let mut reloaded = reloaded;
        let next = reloaded.push(edit_provinces(&a));
        assert!(log.corrections().iter().all(|c| c.id < next));
    }

    #[test]
    fn later_edit_wins_field_by_field() {
        let a = article(TEXT);
        let e = &extracted(TEXT)[0];
        let cs = [
            Correction::edit(
                &a,
                e,
                EventEdit {
                    summary: Some("first".into()),
                    location: Some(Some("Khong".into())),
                    ..Default::default()
                },
            ),
            Correction::edit(
                &a,
                e,
                EventEdit {
                    summary: Some("second".into()),
                    date: Some(None),
                    ..Default::default()
                },
            ),
        ];
        let (evs, _) = apply(&a, extracted(TEXT), &cs);
        assert_eq!(evs[0].event.summary, "second");
        assert_eq!(evs[0].event.location.as_deref(), Some("Khong"));
        assert_eq!(evs[0].event.date, None);
    }

    #[test]
    fn edit_serialization_tells_null_from_absent() {
        let clear = EventEdit {
            date: Some(None),
            ..Default::default()
        };
        let json = serde_json::to_string(&clear).unwrap();
        assert_eq!(json, r#"{"date":null}"#);
        assert_eq!(serde_json::from_str::<EventEdit>(&json).unwrap(), clear);
        assert_eq!(
            serde_json::from_str::<EventEdit>("{}").unwrap(),
            EventEdit::default()
        );
        let a = article(TEXT);
        let c = edit_provinces(&a);
        let back: Correction = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn split_is_kept_out_of_apply_and_listed_by_splits() {
        let a = article(TEXT);
        let e = &extracted(TEXT)[0];
        let key = EvidenceKey::of_event(&a, e);
        let other = SplitSource {
            article: "b.txt".into(),
            key: EvidenceKey::new("Other text.", 0, 11).unwrap(),
        };
        let mine = SplitSource {
            article: a.path.clone(),
            key: key.clone(),
        };
        assert!(Correction::split(vec![mine.clone()]).is_none());
        let c = Correction::split(vec![mine.clone(), other.clone()]).unwrap();
        assert_eq!(c.key, key);
        // Not applied to the article's events, never orphaned (even if the sentence is gone).
        let (evs, orphans) = apply(&a, extracted(TEXT), std::slice::from_ref(&c));
        assert_eq!(evs.len(), 1);
        assert!(!evs[0].edited && orphans.is_empty());
        let gone = article("Nothing here.");
        assert!(apply(&gone, Vec::new(), std::slice::from_ref(&c))
            .1
            .is_empty());
        let cs = [edit_provinces(&a), c.clone()];
        let groups = splits(&cs);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0], [mine.clone(), other]);
        // Recognises its report by path, or by text when the path changed.
        assert!(mine.is(&a, e, || unreachable!("same path: no hash needed")));
        let mut moved = article(TEXT);
        moved.path = "moved.txt".into();
        assert!(mine.is(&moved, e, || content_hash(TEXT)));
        assert!(!mine.is(&moved, e, || content_hash("changed")));
        let json = serde_json::to_string(&c).unwrap();
        assert!(json.contains(r#""type":"split""#), "{json}");
        assert_eq!(serde_json::from_str::<Correction>(&json).unwrap(), c);
    }

    #[test]
    fn edit_between_lists_only_changes() {
        let e = &extracted(TEXT)[0];
        let mut f = e.clone();
        f.kind = EventKind::Visit;
        let d = EventEdit::between(e, &f);
        assert_eq!(d.kind, Some(EventKind::Visit));
        assert!(d.date.is_none() && d.provinces.is_none() && d.summary.is_none());
        assert!(EventEdit::between(e, e).is_empty());
    }
}
