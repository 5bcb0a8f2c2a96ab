//! One history from many reports: the same occasion reported by several
//! articles becomes one [`MergedEvent`] that keeps every source.
//!
//! Two reports are the same occasion when they come from different articles,
//! their dates are compatible at each side's precision (2022-05-27 ~ 2022-05 ~
//! XXXX-05-27; a year-only date never absorbs a finer one), their kinds agree
//! (meetings, agreements and visits are one family: a visit is often reported
//! as talks and a signing), and their provinces overlap (Jaccard ≥ 0.5), or both
//! name no province and state the same day. Undated reports never merge. A year
//! missing from one report is taken from a dated one and marked as inferred.
//!
//! The user can split a merged event back into its reports: [`merge_events_apart`] takes
//! those splits (groups of [`SplitSource`]) and never puts two reports of one group in the
//! same merged event.

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::corrections::{content_hash, SplitSource};
use crate::model::{Article, Event, EventKind, Evidence, PartialDate, Precision, ProvinceId};

/// One report of a merged event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub event_id: String,
    /// The date as this article states it.
    pub date: Option<PartialDate>,
    pub provinces: Vec<ProvinceId>,
    pub evidence: Evidence,
}

/// An event merged across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub id: String,
    pub date: Option<PartialDate>,
    pub kind: EventKind,
    pub provinces: Vec<ProvinceId>,
    pub location: Option<String>,
    pub summary: String,
    pub evidence: Evidence,
    pub sources: Vec<Source>,
    /// Path of the source whose year completed a date stated without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_inferred_from: Option<String>,
    /// The sources disagree on the date or the provinces.
    pub disagreement: bool,
}

fn family(k: EventKind) -> u8 {
    match k {
        EventKind::Meeting | EventKind::Agreement | EventKind::Visit => 0,
        EventKind::Aid => 1,
        EventKind::Proposal => 2,
        EventKind::Operation => 3,
        EventKind::Other => 4,
    }
}

fn jaccard(a: &[ProvinceId], b: &[ProvinceId]) -> f64 {
    let strictly_sorted = |v: &[ProvinceId]| v.windows(2).all(|w| w[0] < w[1]);
    if strictly_sorted(a) && strictly_sorted(b) {
        // The extractor's province lists are sorted sets: count without allocating.
        let (mut i, mut j, mut both) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - both;
        return if union == 0 {
            1.0
        } else {
            both as f64 / union as f64
        };
    }
    let a: BTreeSet<&ProvinceId> = a.iter().collect();
    let b: BTreeSet<&ProvinceId> = b.iter().collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 1.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Whether two dated reports can be the same occasion, by date alone.
fn dates_match(a: &PartialDate, b: &PartialDate) -> bool {
    if !a.compatible(b) {
        return false;
    }
    // A year alone is too vague to join a finer date.
    let (pa, pb) = (a.precision(), b.precision());
    !((pa == Precision::Year) ^ (pb == Precision::Year))
}

#[derive(Default)]
struct Cluster {
    members: Vec<(usize, usize)>, // (article index, event index)
    /// The articles of the members (two reports of one article never merge).
    articles: HashSet<usize>,
    /// The distinct (kind, date, provinces) of the members.
    shapes: Vec<(EventKind, Option<PartialDate>, Vec<ProvinceId>)>,
}

impl Cluster {
    fn add(&mut self, ai: usize, ei: usize, e: &Event) {
        self.members.push((ai, ei));
        self.articles.insert(ai);
        let shape = (e.kind, e.date, e.provinces.clone());
        if !self.shapes.contains(&shape) {
            self.shapes.push(shape);
        }
    }
}

/// Blocking keys a report must share with the first report of a cluster it
/// joins: the kind family, the month (`None` for a year-only date), and a
/// province (or none on both sides); then the year and the day unless
/// unknown on one side. Joining needs every member to match, the first
/// included, so these keys lose no match; they make the merge linear instead
/// of comparing every cluster of a month.
type BlockKey = (u8, Option<u32>, Option<ProvinceId>);

#[derive(Default)]
struct Blocks {
    /// Clusters by key, year and day of their first report (`None`: unknown).
    exact: HashMap<(BlockKey, Option<i32>, Option<u32>), Vec<usize>>,
    /// Clusters by key and year, any day: for a report without a day.
    any_day: HashMap<(BlockKey, Option<i32>), Vec<usize>>,
    /// Clusters by key, any year: for a report whose year is unknown.
    any_year: HashMap<BlockKey, Vec<usize>>,
}

impl Blocks {
    fn keys(e: &Event) -> Vec<BlockKey> {
        let month = e.date.and_then(|d| d.month());
        let fam = family(e.kind);
        if e.provinces.is_empty() {
            vec![(fam, month, None)]
        } else {
            e.provinces
                .iter()
                .map(|p| (fam, month, Some(p.clone())))
                .collect()
        }
    }

    fn insert(&mut self, cluster: usize, first: &Event) {
        let Some(d) = first.date else {
            return; // Undated reports never merge.
        };
        for key in Self::keys(first) {
            self.exact
                .entry((key.clone(), d.year(), d.day()))
                .or_default()
                .push(cluster);
            self.any_day
                .entry((key.clone(), d.year()))
                .or_default()
                .push(cluster);
            self.any_year.entry(key).or_default().push(cluster);
        }
    }

    /// The clusters `e` (dated `d`) may join, in the order they were made.
    fn candidates(&self, e: &Event, d: PartialDate) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut take = |v: Option<&Vec<usize>>| {
            if let Some(v) = v {
                out.extend_from_slice(v);
            }
        };
        for key in Self::keys(e) {
            match (d.year(), d.day()) {
                (None, _) => take(self.any_year.get(&key)),
                (Some(y), None) => {
                    take(self.any_day.get(&(key.clone(), Some(y))));
                    take(self.any_day.get(&(key.clone(), None)));
                }
                (Some(y), Some(day)) => {
                    for year in [Some(y), None] {
                        take(self.exact.get(&(key.clone(), year, Some(day))));
                        take(self.exact.get(&(key.clone(), year, None)));
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Merge the events of several articles. Deterministic: the output follows the
/// order of the first report of each event (articles in the given order).
pub fn merge_events(articles: &[(&Article, &[Event])]) -> Vec<MergedEvent> {
    merge_events_apart(articles, &[])
}

/// For each report (article index, event index) named by a split, the splits naming it.
fn split_groups(
    articles: &[(&Article, &[Event])],
    apart: &[&[SplitSource]],
) -> HashMap<(usize, usize), Vec<usize>> {
    let mut groups: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    if apart.is_empty() {
        return groups;
    }
    let sentences: HashSet<&str> = apart
        .iter()
        .flat_map(|g| g.iter().map(|s| s.key.sentence.as_str()))
        .collect();
    for (ai, (article, events)) in articles.iter().enumerate() {
        let mut hash: Option<String> = None;
        for (ei, e) in events.iter().enumerate() {
            if !sentences.contains(e.evidence.sentence.as_str()) {
                continue;
            }
            for (gi, group) in apart.iter().enumerate() {
                let named = group.iter().any(|s| {
                    s.is(article, e, || {
                        hash.get_or_insert_with(|| content_hash(&article.text))
                            .clone()
                    })
                });
                if named {
                    groups.entry((ai, ei)).or_default().push(gi);
                }
            }
        }
    }
    groups
}

/// [`merge_events`], keeping apart the reports the user split: no two reports named by
/// one group of `apart` end up in the same merged event.
pub fn merge_events_apart(
    articles: &[(&Article, &[Event])],
    apart: &[&[SplitSource]],
) -> Vec<MergedEvent> {
    let groups = split_groups(articles, apart);
    let split_apart = |a: (usize, usize), b: (usize, usize)| match (groups.get(&a), groups.get(&b))
    {
        (Some(x), Some(y)) => x.iter().any(|g| y.contains(g)),
        _ => false,
    };
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = Blocks::default();
    for (ai, (_, events)) in articles.iter().enumerate() {
        for (ei, e) in events.iter().enumerate() {
            let found = e.date.and_then(|d| {
                index.candidates(e, d).into_iter().find(|&ci| {
                    let c = &clusters[ci];
                    // Every member must match: checked once per distinct
                    // (kind, date, provinces) of the members, not per member.
                    !c.articles.contains(&ai)
                        && (groups.is_empty()
                            || c.members.iter().all(|&m| !split_apart(m, (ai, ei))))
                        && c.shapes.iter().all(|(kind, od, provinces)| {
                            family(*kind) == family(e.kind)
                                && od.is_some_and(|od| dates_match(&od, &d))
                                && if e.provinces.is_empty() && provinces.is_empty() {
                                    d.precision() == Precision::Day
                                        && od.map(|o| o.precision()) == Some(Precision::Day)
                                } else {
                                    jaccard(&e.provinces, provinces) >= 0.5
                                }
                        })
                })
            });
            let ci = match found {
                Some(ci) => ci,
                None => {
                    index.insert(clusters.len(), e);
                    clusters.push(Cluster::default());
                    clusters.len() - 1
                }
            };
            clusters[ci].add(ai, ei, e);
        }
    }
    clusters
        .into_iter()
        .filter_map(|c| build(articles, &c))
        .collect()
}

fn build(articles: &[(&Article, &[Event])], c: &Cluster) -> Option<MergedEvent> {
    let &(fa, fe) = c.members.first()?;
    let first = articles.get(fa)?.1.get(fe)?;
    let sources: Vec<Source> = c
        .members
        .iter()
        .filter_map(|&(a, e)| {
            let (article, events) = articles.get(a)?;
            let ev = events.get(e)?;
            Some(Source {
                path: article.path.clone(),
                event_id: ev.id.clone(),
                date: ev.date,
                provinces: ev.provinces.clone(),
                evidence: ev.evidence.clone(),
            })
        })
        .collect();
    // The most precise date; a known year beats an unknown one at equal precision.
    let best = sources
        .iter()
        .filter_map(|s| s.date.map(|d| (d, s)))
        .max_by_key(|(d, _)| (d.precision(), d.year_known()));
    let mut date_inferred_from = None;
    let date = best.map(|(d, best_source)| {
        let (full, from) = if d.year_known() {
            (d, Some(best_source))
        } else {
            let dated = sources
                .iter()
                .find(|s| s.date.is_some_and(|x| x.year_known()));
            match dated.and_then(|s| Some((d.with_year(s.date?.year()?)?, s))) {
                Some((full, s)) => (full, Some(s)),
                None => (d, None),
            }
        };
        // Some report stated the date without its year: say where the year came from.
        let some_lacked_year = sources
            .iter()
            .any(|s| s.date.is_some_and(|x| !x.year_known()));
        if some_lacked_year && full.year_known() {
            date_inferred_from = from.map(|s| s.path.clone());
        }
        full
    });
    let provinces: BTreeSet<ProvinceId> = sources
        .iter()
        .flat_map(|s| s.provinces.iter().cloned())
        .collect();
    let disagreement = sources.windows(2).any(|w| {
        w[0].date.map(|d| d.to_string()) != w[1].date.map(|d| d.to_string())
            || w[0].provinces != w[1].provinces
    });
    Some(MergedEvent {
        id: first.id.clone(),
        date,
        kind: first.kind,
        provinces: provinces.into_iter().collect(),
        location: first.location.clone(),
        summary: first.summary.clone(),
        evidence: first.evidence.clone(),
        sources,
        date_inferred_from,
        disagreement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, date: Option<&str>, kind: EventKind, provs: &[&str]) -> Event {
        Event {
            id: id.into(),
            date: date.map(|d| d.parse().unwrap()),
            kind,
            provinces: provs.iter().map(|p| ProvinceId::from(*p)).collect(),
            location: None,
            summary: id.into(),
            evidence: Evidence {
                sentence: id.into(),
                start: 0,
                end: id.len(),
            },
        }
    }

    fn art(path: &str) -> Article {
        Article {
            path: path.into(),
            ..Default::default()
        }
    }

    #[test]
    fn same_meeting_two_reports_merge_and_infer_year() {
        let (a, b) = (art("a.txt"), art("b.txt"));
        let ea = [ev(
            "a1",
            Some("2023-09-26"),
            EventKind::Meeting,
            &["KH-19", "LA-AT"],
        )];
        let eb = [ev(
            "b1",
            Some("XXXX-09-26"),
            EventKind::Agreement,
            &["KH-19", "LA-AT"],
        )];
        let m = merge_events(&[(&b, &eb), (&a, &ea)]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].sources.len(), 2);
        assert_eq!(m[0].date.unwrap().to_string(), "2023-09-26");
        assert_eq!(m[0].date_inferred_from.as_deref(), Some("a.txt"));
        assert!(m[0].disagreement);
    }

    #[test]
    fn different_provinces_same_day_stay_apart() {
        let (a, b) = (art("a.txt"), art("b.txt"));
        let ea = [ev(
            "a1",
            Some("2023-09-26"),
            EventKind::Meeting,
            &["KH-19", "LA-AT"],
        )];
        let eb = [ev(
            "b1",
            Some("2023-09-26"),
            EventKind::Meeting,
            &["KH-13", "LA-CH"],
        )];
        assert_eq!(merge_events(&[(&a, &ea), (&b, &eb)]).len(), 2);
    }

    #[test]
    fn never_merge_within_one_article_or_across_incompatible_dates() {
        let a = art("a.txt");
        let b = art("b.txt");
        let ea = [
            ev("a1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"]),
            ev("a2", Some("2023-09-26"), EventKind::Meeting, &["KH-19"]),
        ];
        let eb = [ev("b1", Some("2023-09-27"), EventKind::Meeting, &["KH-19"])];
        assert_eq!(merge_events(&[(&a, &ea), (&b, &eb)]).len(), 3);
    }

    #[test]
    fn year_only_does_not_absorb_a_day() {
        let (a, b) = (art("a.txt"), art("b.txt"));
        let ea = [ev("a1", Some("2023"), EventKind::Meeting, &["KH-19"])];
        let eb = [ev("b1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"])];
        assert_eq!(merge_events(&[(&a, &ea), (&b, &eb)]).len(), 2);
    }

    #[test]
    fn a_split_keeps_its_reports_apart_and_nothing_else() {
        let (a, b, c) = (art("a.txt"), art("b.txt"), art("c.txt"));
        let ea = [ev("a1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"])];
        let eb = [ev("b1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"])];
        let ec = [ev("c1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"])];
        let input = [(&a, &ea[..]), (&b, &eb[..]), (&c, &ec[..])];
        assert_eq!(merge_events(&input).len(), 1);
        let source = |art: &Article, e: &Event| SplitSource {
            article: art.path.clone(),
            key: crate::corrections::EvidenceKey {
                article_hash: content_hash(&art.text),
                start: e.evidence.start,
                end: e.evidence.end,
                sentence: e.evidence.sentence.clone(),
            },
        };
        // a and b split apart: c still joins one of them.
        let split = [source(&a, &ea[0]), source(&b, &eb[0])];
        let m = merge_events_apart(&input, &[&split]);
        assert_eq!(m.len(), 2);
        let ids: Vec<Vec<&str>> = m
            .iter()
            .map(|m| m.sources.iter().map(|s| s.event_id.as_str()).collect())
            .collect();
        assert_eq!(ids, [vec!["a1", "c1"], vec!["b1"]]);
        // All three split: three events.
        let all = [split[0].clone(), split[1].clone(), source(&c, &ec[0])];
        assert_eq!(merge_events_apart(&input, &[&all]).len(), 3);
        // A split naming other sentences changes nothing.
        let mut other = split.clone();
        for s in &mut other {
            s.key.sentence = "elsewhere".into();
        }
        assert_eq!(merge_events_apart(&input, &[&other]).len(), 1);
    }

    #[test]
    fn month_report_joins_day_report() {
        let (a, b) = (art("a.txt"), art("b.txt"));
        let ea = [ev(
            "a1",
            Some("2023-09"),
            EventKind::Visit,
            &["KH-19", "LA-AT"],
        )];
        let eb = [ev("b1", Some("2023-09-26"), EventKind::Meeting, &["KH-19"])];
        let m = merge_events(&[(&a, &ea), (&b, &eb)]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].date.unwrap().to_string(), "2023-09-26");
        assert_eq!(m[0].date_inferred_from, None);
    }
}
