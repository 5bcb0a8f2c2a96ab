//! The extractor on 196 news-style articles written for this project (none
//! copied from real news), with hand-made gold events in `tests/corpus/gold.json`
//! (`README.md` in that folder). A regression guard, not a measure of quality on
//! unseen news: the rules were developed against these articles too.
//!
//! Scores as `../shared/tools/score.py` does for (a) link triples and (d)
//! false cross-border links.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use border_atlas::extract::extract;
use border_atlas::load::load_file;
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldArticle {
    file: String,
    distractor: bool,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldEvent {
    date: Option<String>,
    provinces: Vec<String>,
}

/// (article, date, province) for every dated event.
type Triple = (String, String, String);

fn triples<'a>(
    file: &str,
    events: impl Iterator<Item = (Option<String>, &'a [String])>,
) -> BTreeSet<Triple> {
    events
        .filter_map(|(d, p)| Some((d?, p)))
        .flat_map(|(d, ps)| {
            ps.iter()
                .map(move |p| (file.to_string(), d.clone(), p.clone()))
        })
        .collect()
}

#[test]
fn link_f1_on_the_written_corpus_holds_and_no_distractor_links_the_two_sides() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let gold: Vec<GoldArticle> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("gold.json")).expect("gold.json is readable"),
    )
    .expect("gold.json parses");
    let mut want: BTreeSet<Triple> = BTreeSet::new();
    let mut got: BTreeSet<Triple> = BTreeSet::new();
    let mut false_links: HashMap<String, usize> = HashMap::new();
    for g in &gold {
        let articles = load_file(&dir.join(&g.file)).expect("fixture loads");
        let events: Vec<_> = articles.iter().flat_map(extract).collect();
        if g.distractor {
            let linked = events
                .iter()
                .filter(|e| {
                    e.provinces.iter().any(|p| p.is_lao())
                        && e.provinces.iter().any(|p| p.is_cambodian())
                })
                .count();
            if linked > 0 {
                false_links.insert(g.file.clone(), linked);
            }
            continue;
        }
        want.extend(triples(
            &g.file,
            g.events
                .iter()
                .map(|e| (e.date.clone(), e.provinces.as_slice())),
        ));
        let names: Vec<(Option<String>, Vec<String>)> = events
            .iter()
            .map(|e| {
                (
                    e.date.map(|d| d.to_string()),
                    e.provinces.iter().map(|p| p.to_string()).collect(),
                )
            })
            .collect();
        got.extend(triples(
            &g.file,
            names.iter().map(|(d, p)| (d.clone(), p.as_slice())),
        ));
    }
    let tp = want.intersection(&got).count() as f64;
    let precision = tp / got.len().max(1) as f64;
    let recall = tp / want.len().max(1) as f64;
    let f1 = if tp == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    assert!(
        false_links.is_empty(),
        "false cross-border links: {false_links:?}"
    );
    // Measured 0.90 on the first 56 articles, 0.88 on 136 and 0.88 on all 196; a drop below
    // this is a regression.
    assert!(
        f1 >= 0.85,
        "link F1 {f1:.3} (P {precision:.3}, R {recall:.3}); missed: {:?}; extra: {:?}",
        want.difference(&got).take(10).collect::<Vec<_>>(),
        got.difference(&want).take(10).collect::<Vec<_>>()
    );
}
