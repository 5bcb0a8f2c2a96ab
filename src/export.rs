//! Exports of a list of events: CSV, JSON, GeoJSON and iCalendar.
//!
//! The exported unit is a [`MergedEvent`] (a single-source event is a merged
//! event with one source, see [`MergedEvent::from_single`]) with the user's
//! correction marks ([`ExportEvent`]). Every `write_*` goes through
//! [`write_atomic`]: an existing file is replaced only by a complete new one.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::atomic::{write_atomic, WriteError};
use crate::corrections::{CorrectedEvent, Orphan};
use crate::geo::{geography, Region};
use crate::load::LoadFailure;
use crate::merge::{MergedEvent, Source};
use crate::model::{Article, Event, ProvinceId};

impl MergedEvent {
    /// An event reported by one article, as a merged event with one source.
    pub fn from_single(article_path: &str, event: &Event) -> MergedEvent {
        MergedEvent {
            id: event.id.clone(),
            date: event.date,
            kind: event.kind,
            provinces: event.provinces.clone(),
            location: event.location.clone(),
            summary: event.summary.clone(),
            evidence: event.evidence.clone(),
            sources: vec![Source {
                path: article_path.to_string(),
                event_id: event.id.clone(),
                date: event.date,
                provinces: event.provinces.clone(),
                evidence: event.evidence.clone(),
            }],
            date_inferred_from: None,
            disagreement: false,
        }
    }
}

/// One exported event: a merged event and its correction marks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportEvent {
    #[serde(flatten)]
    pub event: MergedEvent,
    /// Some source event was edited by the user.
    pub edited: bool,
    /// Some source event was added by the user.
    pub added: bool,
}

impl ExportEvent {
    /// A corrected event of one article.
    pub fn single(article_path: &str, ce: &CorrectedEvent) -> Self {
        ExportEvent {
            event: MergedEvent::from_single(article_path, &ce.event),
            edited: ce.edited,
            added: ce.added,
        }
    }
    /// Merged events (merged from corrected events) with the marks of their sources.
    pub fn mark<'a>(
        merged: Vec<MergedEvent>,
        corrected: impl IntoIterator<Item = &'a CorrectedEvent>,
    ) -> Vec<Self> {
        let mut edited = BTreeSet::new();
        let mut added = BTreeSet::new();
        for ce in corrected {
            if ce.edited {
                edited.insert(ce.event.id.clone());
            }
            if ce.added {
                added.insert(ce.event.id.clone());
            }
        }
        merged
            .into_iter()
            .map(|m| ExportEvent {
                edited: m.sources.iter().any(|s| edited.contains(&s.event_id)),
                added: m.sources.iter().any(|s| added.contains(&s.event_id)),
                event: m,
            })
            .collect()
    }
}

/// Why an export failed.
#[derive(Debug)]
pub enum ExportError {
    Encode { path: PathBuf, reason: String },
    Write(WriteError),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::Encode { path, reason } => {
                write!(f, "cannot export to {}: {reason}", path.display())
            }
            ExportError::Write(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ExportError {}

impl From<WriteError> for ExportError {
    fn from(e: WriteError) -> Self {
        ExportError::Write(e)
    }
}

// ---------------------------------------------------------------- CSV

/// Column names of the CSV export.
pub const CSV_HEADER: [&str; 11] = [
    "id",
    "date",
    "precision",
    "kind",
    "provinces",
    "province_names",
    "location",
    "summary",
    "sources",
    "source_count",
    "edited",
];

/// CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheets read
/// Khmer and Lao text): one row per event.
pub fn to_csv(events: &[ExportEvent]) -> Result<Vec<u8>, csv::Error> {
    to_csv_with(events, &ProvinceId::name)
}

/// [`to_csv`] with a given province-name lookup.
pub fn to_csv_with(
    events: &[ExportEvent],
    name: &dyn Fn(&ProvinceId) -> String,
) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    w.write_record(CSV_HEADER)?;
    for e in events {
        let m = &e.event;
        let join = |it: &mut dyn Iterator<Item = String>| it.collect::<Vec<_>>().join(";");
        w.write_record([
            m.id.clone(),
            m.date.map(|d| d.to_string()).unwrap_or_default(),
            m.date
                .map(|d| d.precision().to_string())
                .unwrap_or_default(),
            m.kind.to_string(),
            join(&mut m.provinces.iter().map(|p| p.to_string())),
            join(&mut m.provinces.iter().map(name)),
            m.location.clone().unwrap_or_default(),
            m.summary.clone(),
            join(&mut m.sources.iter().map(|s| s.path.clone())),
            m.sources.len().to_string(),
            e.edited.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Write the CSV export atomically.
pub fn write_csv(path: &Path, events: &[ExportEvent]) -> Result<(), ExportError> {
    let bytes = to_csv(events).map_err(|e| encode_err(path, e))?;
    Ok(write_atomic(path, &bytes)?)
}

fn encode_err(path: &Path, e: impl fmt::Display) -> ExportError {
    ExportError::Encode {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

// ---------------------------------------------------------------- JSON

/// The `format` tag of the JSON export.
pub const JSON_FORMAT: &str = "border-atlas-events";

/// One article in the JSON export (as in `extract`, with correction marks on its events).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleExport {
    pub path: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    pub events: Vec<CorrectedEvent>,
}

/// The JSON export: the `extract` object (`articles`, `errors`, merged
/// `events`) plus correction marks and the corrections that could not be applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonExport {
    pub format: String,
    pub version: u64,
    pub articles: Vec<ArticleExport>,
    #[serde(default)]
    pub errors: Vec<LoadFailure>,
    pub events: Vec<ExportEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned_corrections: Vec<Orphan>,
}

impl JsonExport {
    /// Articles with their (corrected, filtered) events, and the merged events.
    pub fn new(articles: &[(&Article, &[CorrectedEvent])], events: Vec<ExportEvent>) -> Self {
        JsonExport {
            format: JSON_FORMAT.to_string(),
            version: 1,
            articles: articles
                .iter()
                .map(|(a, evs)| ArticleExport {
                    path: a.path.clone(),
                    title: a.title.clone(),
                    source: a.source.clone(),
                    url: a.url.clone(),
                    published: a.published,
                    warnings: a.warnings.clone(),
                    events: evs.to_vec(),
                })
                .collect(),
            errors: Vec::new(),
            events,
            orphaned_corrections: Vec::new(),
        }
    }
}

/// Write the JSON export atomically (pretty-printed).
pub fn write_json(path: &Path, export: &JsonExport) -> Result<(), ExportError> {
    let mut s = serde_json::to_string_pretty(export).map_err(|e| encode_err(path, e))?;
    s.push('\n');
    Ok(write_atomic(path, s.as_bytes())?)
}

// ---------------------------------------------------------------- GeoJSON

/// Number of events naming each province.
pub fn event_counts(events: &[ExportEvent]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for e in events {
        let ids: BTreeSet<&str> = e.event.provinces.iter().map(|p| p.as_str()).collect();
        for id in ids {
            *counts.entry(id.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

/// A GeoJSON (RFC 7946) FeatureCollection of the provinces among `regions`
/// with their event counts (`properties.events`, 0 when none). Rings are
/// closed and counter-clockwise. A counted id with no region is kept as a
/// feature with a null geometry so no count is lost.
pub fn geojson_counts(regions: &[Region], counts: &HashMap<String, usize>) -> Value {
    let mut features = Vec::new();
    let mut seen = BTreeSet::new();
    for r in regions.iter().filter(|r| r.is_province()) {
        seen.insert(r.id.as_str());
        let polygons: Vec<Value> = r
            .polygons
            .iter()
            .filter_map(|ring| closed_ccw_ring(ring))
            .map(|ring| json!([ring]))
            .collect();
        let geometry = if polygons.is_empty() {
            Value::Null
        } else {
            json!({"type": "MultiPolygon", "coordinates": polygons})
        };
        features.push(json!({
            "type": "Feature",
            "id": r.id,
            "geometry": geometry,
            "properties": {
                "id": r.id,
                "name": r.name,
                "country": r.country,
                "events": counts.get(&r.id).copied().unwrap_or(0),
            }
        }));
    }
    let rest: BTreeMap<&String, &usize> = counts
        .iter()
        .filter(|(id, _)| !seen.contains(id.as_str()))
        .collect();
    for (id, n) in rest {
        let pid = ProvinceId::new(id.clone());
        features.push(json!({
            "type": "Feature",
            "id": id,
            "geometry": Value::Null,
            "properties": {
                "id": id,
                "name": pid.name(),
                "country": pid.country(),
                "events": n,
            }
        }));
    }
    json!({"type": "FeatureCollection", "features": features})
}

/// A ring with finite points, closed, counter-clockwise; `None` if degenerate.
fn closed_ccw_ring(ring: &[[f64; 2]]) -> Option<Vec<[f64; 2]>> {
    let mut pts: Vec<[f64; 2]> = ring
        .iter()
        .copied()
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .collect();
    pts.dedup();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() < 3 {
        return None;
    }
    let n = pts.len();
    let twice_area: f64 = (0..n)
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    if twice_area < 0.0 {
        pts.reverse();
    }
    let first = pts[0];
    pts.push(first);
    Some(pts)
}

/// The GeoJSON export over the built-in map.
pub fn to_geojson(events: &[ExportEvent]) -> Value {
    geojson_counts(&geography().regions, &event_counts(events))
}

/// Write the GeoJSON export atomically.
pub fn write_geojson(path: &Path, events: &[ExportEvent]) -> Result<(), ExportError> {
    let mut s = serde_json::to_string(&to_geojson(events)).map_err(|e| encode_err(path, e))?;
    s.push('\n');
    Ok(write_atomic(path, s.as_bytes())?)
}

// ---------------------------------------------------------------- iCalendar

/// What an iCalendar export contains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IcsSummary {
    /// VEVENTs written.
    pub written: usize,
    /// Events with no date.
    pub skipped_undated: usize,
    /// Events whose year is unknown (`XXXX-MM-DD`).
    pub skipped_unknown_year: usize,
    /// Events whose year an iCalendar date cannot hold (before year 1 or
    /// after 9999: RFC 5545 dates are eight digits).
    pub skipped_out_of_range: usize,
}

/// Escape a TEXT value (RFC 5545 §3.3.11): `\ ; ,` and newlines; other
/// control characters are dropped.
pub fn ics_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Append a content line folded at 75 octets (RFC 5545 §3.1) on UTF-8
/// character boundaries, with CRLF. A fold never leaves whitespace at the end
/// of a physical line (some readers trim it), unless a line is all blanks.
fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut first = true;
    loop {
        let limit = if first { 75 } else { 74 };
        if !first {
            out.push(' ');
        }
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let cut = fold_point(rest, limit);
        if cut == 0 {
            // Unreachable for valid UTF-8 (a char is at most 4 bytes); never loop forever.
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n");
        rest = tail;
        first = false;
    }
}

/// Where to fold `rest` at most `limit` octets in: a character boundary that
/// leaves no blank at the line end and does not split an escape (`\\,`); the
/// plain character boundary if no such point exists.
fn fold_point(rest: &str, limit: usize) -> usize {
    let b = rest.as_bytes();
    let mut max = limit.min(b.len());
    while max > 0 && !rest.is_char_boundary(max) {
        max -= 1;
    }
    let mut cut = max;
    while cut > 0 {
        let head = b.get(..cut).unwrap_or_default();
        let blank_end = matches!(head.last(), Some(b' ' | b'\t'));
        let open_escape = head.iter().rev().take_while(|&&x| x == b'\\').count() % 2 == 1;
        if blank_end || open_escape {
            cut -= 1;
        } else {
            break;
        }
    }
    if cut == 0 {
        max
    } else {
        cut
    }
}

fn ics_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// iCalendar text (RFC 5545): one all-day VEVENT per event with a known year;
/// month- and year-precision events span their month or year (DTEND exclusive).
/// `dtstamp` is written as every DTSTAMP so the output is deterministic.
pub fn to_ics(events: &[ExportEvent], dtstamp: DateTime<Utc>) -> (String, IcsSummary) {
    let mut out = String::new();
    let mut summary = IcsSummary::default();
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//Border Atlas//Border Atlas ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
    ] {
        push_folded(&mut out, l);
    }
    for e in events {
        let m = &e.event;
        let Some(date) = m.date else {
            summary.skipped_undated += 1;
            continue;
        };
        let Some((first, last)) = date.span() else {
            summary.skipped_unknown_year += 1;
            continue;
        };
        let Some(end) = last.succ_opt() else {
            summary.skipped_out_of_range += 1;
            continue;
        };
        if first.year() < 1 || end.year() > 9999 {
            summary.skipped_out_of_range += 1;
            continue;
        }
        let names: Vec<String> = m.provinces.iter().map(ProvinceId::name).collect();
        let location = match &m.location {
            Some(l) if !l.trim().is_empty() => l.clone(),
            _ => names.join(", "),
        };
        let mut desc = m.summary.clone();
        if m.evidence.sentence.trim() != m.summary.trim() {
            desc.push_str(&format!("\n\nEvidence: {}", m.evidence.sentence.trim()));
        }
        if date.precision() != crate::model::Precision::Day {
            desc.push_str(&format!(
                "\n\nDate known to the {}: {}",
                date.precision(),
                date.display_long()
            ));
        }
        if let Some(from) = &m.date_inferred_from {
            desc.push_str(&format!("\nYear inferred from {from}"));
        }
        if !names.is_empty() {
            desc.push_str(&format!("\nProvinces: {}", names.join(", ")));
        }
        desc.push_str("\n\nSources:");
        for s in &m.sources {
            desc.push_str(&format!("\n{}", s.path));
        }
        if e.edited || e.added {
            desc.push_str(if e.added {
                "\n\n(added by the user)"
            } else {
                "\n\n(edited by the user)"
            });
        }
        let mut lines = vec![
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", ics_escape(&format!("{}@border-atlas", m.id))),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", ics_date(first)),
            format!("DTEND;VALUE=DATE:{}", ics_date(end)),
            format!("SUMMARY:{}", ics_escape(&m.summary)),
            format!("DESCRIPTION:{}", ics_escape(&desc)),
        ];
        if !location.is_empty() {
            lines.push(format!("LOCATION:{}", ics_escape(&location)));
        }
        lines.push(format!("CATEGORIES:{}", ics_escape(m.kind.as_str())));
        lines.push("TRANSP:TRANSPARENT".to_string());
        lines.push("END:VEVENT".to_string());
        for l in &lines {
            push_folded(&mut out, l);
        }
        summary.written += 1;
    }
    push_folded(&mut out, "END:VCALENDAR");
    (out, summary)
}

/// Write the iCalendar export atomically; says how many events were skipped.
pub fn write_ics(
    path: &Path,
    events: &[ExportEvent],
    dtstamp: DateTime<Utc>,
) -> Result<IcsSummary, ExportError> {
    let (text, summary) = to_ics(events, dtstamp);
    write_atomic(path, text.as_bytes())?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_text() {
        assert_eq!(
            ics_escape("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn folding_respects_octets_and_char_boundaries() {
        let line = format!("SUMMARY:{}", "ក".repeat(60)); // 3 bytes each
        let mut out = String::new();
        push_folded(&mut out, &line);
        assert!(out.ends_with("\r\n"));
        let phys: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(phys.len() > 1);
        for (i, p) in phys.iter().enumerate() {
            assert!(p.len() <= 75, "{}", p.len());
            assert_eq!(i > 0, p.starts_with(' '));
        }
        let unfolded: String = phys
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn fold_never_ends_a_line_with_a_space() {
        let line = format!("DESCRIPTION:{}", "word ".repeat(40));
        let mut out = String::new();
        push_folded(&mut out, line.trim_end());
        for p in out.split("\r\n") {
            assert!(!p.ends_with(' '), "{p:?}");
        }
    }

    #[test]
    fn fold_keeps_escapes_whole() {
        for pad in 0..8 {
            let line = format!(
                "SUMMARY:{}{}",
                "x".repeat(60 + pad),
                "\\,\\; \\n \\\\ a".repeat(10)
            );
            let mut out = String::new();
            push_folded(&mut out, &line);
            for p in out.split("\r\n") {
                let trailing = p.bytes().rev().take_while(|&b| b == b'\\').count();
                assert_eq!(trailing % 2, 0, "{p:?}");
                assert!(!p.ends_with(' '), "{p:?}");
            }
            let unfolded = out.trim_end().replace("\r\n ", "");
            assert_eq!(unfolded, line);
        }
    }

    #[test]
    fn ring_is_closed_and_counter_clockwise() {
        let cw = [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.0]];
        let r = closed_ccw_ring(&cw).unwrap();
        assert_eq!(r.len(), 5);
        assert_eq!(r.first(), r.last());
        let twice_area: f64 = r
            .windows(2)
            .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
            .sum();
        assert!(twice_area > 0.0, "{r:?}");
        // An already counter-clockwise ring keeps its order.
        let ccw = closed_ccw_ring(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]).unwrap();
        assert_eq!(ccw, vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]);
        assert!(closed_ccw_ring(&[[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]]).is_none());
    }
}
